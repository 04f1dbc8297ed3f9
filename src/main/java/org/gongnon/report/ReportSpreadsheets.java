package org.gongnon.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongnon.report.ReportDocument.Table;
import org.gongnon.survey.SpreadsheetText;
import org.springframework.stereotype.Component;

/**
 * The report's tables as files people can compute with: an XLSX workbook (a cover sheet, then one sheet per
 * table) and a ZIP of CSV files. Cells that are plain numbers become numbers in XLSX; every text cell, in both
 * formats, is guarded against formula injection by {@link SpreadsheetText#guard}, as the survey exports are.
 */
@Component
public class ReportSpreadsheets {

    /** The cover sheet's name. */
    public static final String COVER_SHEET = "보고서";

    /**
     * "12", "3.45", "-0.4", "0.5": no leading zeros (codes such as "007" stay text), at most 15 digits (what a
     * double holds exactly), no thousands separators or percent signs (those are texts as shown).
     */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?(0|[1-9][0-9]{0,14})(\\.[0-9]{1,15})?");
    private static final int MAX_SHEET_NAME = 31;

    static boolean isPlainNumber(String text) {
        return text != null && PLAIN_NUMBER.matcher(text).matches()
                && text.replaceAll("[^0-9]", "").length() <= 15;
    }

    public byte[] xlsx(ReportDocument doc) {
        return xlsx(doc, COVER_SHEET);
    }

    /** The same, with the cover sheet named in the report's language. */
    public byte[] xlsx(ReportDocument doc, String coverSheet) {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            CellStyle titleStyle = workbook.createCellStyle();
            Font titleFont = workbook.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            titleStyle.setFont(titleFont);
            CellStyle captionStyle = workbook.createCellStyle();
            Font captionFont = workbook.createFont();
            captionFont.setBold(true);
            captionStyle.setFont(captionFont);
            CellStyle headerStyle = workbook.createCellStyle();
            Font headerFont = workbook.createFont();
            headerFont.setBold(true);
            headerStyle.setFont(headerFont);
            headerStyle.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            headerStyle.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            headerStyle.setWrapText(true);

            Sheet cover = workbook.createSheet(coverSheet);
            text(cover.createRow(0).createCell(0), doc.title()).setCellStyle(titleStyle);
            int r = 2;
            for (String line : doc.coverLines()) {
                text(cover.createRow(r++).createCell(0), line);
            }
            cover.setColumnWidth(0, 100 * 256);

            Set<String> used = new HashSet<>();
            used.add(coverSheet.toLowerCase(Locale.ROOT));
            List<Table> tables = doc.tables();
            for (int t = 0; t < tables.size(); t++) {
                Table table = tables.get(t);
                Sheet sheet = workbook.createSheet(sheetName(table.name(), t + 1, used));
                text(sheet.createRow(0).createCell(0), table.caption()).setCellStyle(captionStyle);
                int columns = columns(table);
                Row header = sheet.createRow(1);
                int[] width = new int[columns];
                for (int c = 0; c < columns; c++) {
                    String value = c < table.headers().size() ? table.headers().get(c) : "";
                    text(header.createCell(c), value).setCellStyle(headerStyle);
                    width[c] = displayWidth(value);
                }
                for (int i = 0; i < table.rows().size(); i++) {
                    List<String> values = table.rows().get(i);
                    Row row = sheet.createRow(2 + i);
                    for (int c = 0; c < values.size(); c++) {
                        String value = values.get(c) == null ? "" : values.get(c);
                        Cell cell = row.createCell(c);
                        if (isPlainNumber(value)) {
                            cell.setCellValue(Double.parseDouble(value));
                        } else {
                            text(cell, value);
                        }
                        width[c] = Math.max(width[c], displayWidth(value));
                    }
                }
                for (int c = 0; c < columns; c++) {
                    sheet.setColumnWidth(c, Math.min(60, Math.max(8, width[c] + 2)) * 256);
                }
                // caption and header stay in view while scrolling; the header gets filter buttons
                sheet.createFreezePane(0, 2);
                if (columns > 0) {
                    sheet.setAutoFilter(new CellRangeAddress(1, 1 + table.rows().size(), 0, columns - 1));
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV per table, "01-name.csv", in UTF-8 with a byte order mark (which Excel needs to read Korean). */
    public byte[] csvZip(ReportDocument doc) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
                List<Table> tables = doc.tables();
                for (int t = 0; t < tables.size(); t++) {
                    Table table = tables.get(t);
                    // the number keeps names unique even when tables share a name
                    String name = String.format(Locale.ROOT, "%02d-%s.csv", t + 1, fileName(table.name(), t + 1));
                    zip.putNextEntry(new ZipEntry(name));
                    zip.write(csv(table).getBytes(StandardCharsets.UTF_8));
                    zip.closeEntry();
                }
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes doubled; BOM first. */
    static String csv(Table table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, table.headers());
        for (List<String> row : table.rows()) {
            line(out, row);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String value = values.get(i) == null ? "" : values.get(i);
            // a plain number is a number, not a text: "-0.4" must not gain an apostrophe
            String safe = isPlainNumber(value) ? value : SpreadsheetText.guard(value);
            if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0
                    || safe.indexOf('\r') >= 0) {
                out.append('"').append(safe.replace("\"", "\"\"")).append('"');
            } else {
                out.append(safe);
            }
        }
        out.append("\r\n");
    }

    private static Cell text(Cell cell, String value) {
        cell.setCellValue(SpreadsheetText.guard(value == null ? "" : value));
        return cell;
    }

    private static int columns(Table table) {
        int n = table.headers().size();
        for (List<String> row : table.rows()) {
            n = Math.max(n, row.size());
        }
        return n;
    }

    /** Roughly in character widths: Hangul and other wide characters count double. */
    private static int displayWidth(String value) {
        int widest = 0;
        for (String line : value.split("\n")) {
            int w = line.codePoints().map(cp -> cp >= 0x1100 ? 2 : 1).sum();
            widest = Math.max(widest, w);
        }
        return widest;
    }

    private static String sheetName(String name, int index, Set<String> used) {
        String base = WorkbookUtil.createSafeSheetName(name == null || name.isBlank() ? "table-" + index : name.strip(),
                '_');
        // Excel also refuses names starting or ending with an apostrophe
        base = base.replaceAll("^'+|'+$", "");
        if (base.isEmpty()) {
            base = "table-" + index;
        }
        String candidate = base.length() > MAX_SHEET_NAME ? base.substring(0, MAX_SHEET_NAME) : base;
        for (int n = 2; !used.add(candidate.toLowerCase(Locale.ROOT)); n++) {
            String suffix = "-" + n;
            candidate = (base.length() + suffix.length() > MAX_SHEET_NAME
                    ? base.substring(0, MAX_SHEET_NAME - suffix.length()) : base) + suffix;
        }
        return candidate;
    }

    /** Letters, digits, "-" and "_" (Korean letters too); anything else becomes "_". */
    private static String fileName(String name, int index) {
        String safe = name == null ? "" : name.strip().replaceAll("[^\\p{L}\\p{N}_-]+", "_");
        safe = safe.replaceAll("^_+|_+$", "");
        if (safe.length() > 60) {
            safe = safe.substring(0, 60);
        }
        return safe.isEmpty() ? "table-" + index : safe;
    }
}
