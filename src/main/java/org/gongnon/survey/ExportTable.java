package org.gongnon.survey;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * One sheet of an export: a header and rows of cells. A cell is null (empty), a String, a Number or a
 * LocalDateTime; texts go through {@link SpreadsheetText#guard}, numbers stay numbers.
 */
record ExportTable(String sheetName, List<String> headers, List<List<Object>> rows) {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    ExportTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** UTF-8 with a byte-order mark, so Excel reads Korean; RFC 4180 quoting and CRLF line ends. */
    byte[] toCsv() {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, new ArrayList<>(headers));
        rows.forEach(r -> line(out, r));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String s = csvText(cells.get(i));
            if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
                s = '"' + s.replace("\"", "\"\"") + '"';
            }
            out.append(s);
        }
        out.append("\r\n");
    }

    private static String csvText(Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal d -> d.toPlainString();
            case Number n -> n.toString();
            case LocalDateTime t -> TIME.format(t);
            default -> SpreadsheetText.guard(value.toString());
        };
    }

    /** The tables as the sheets of one workbook, in order. */
    static byte[] toXlsx(List<ExportTable> sheets) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd hh:mm:ss"));
            for (ExportTable table : sheets) {
                Sheet sheet = workbook.createSheet(table.sheetName());
                Row first = sheet.createRow(0);
                for (int c = 0; c < table.headers().size(); c++) {
                    Cell cell = first.createCell(c);
                    cell.setCellValue(SpreadsheetText.guard(table.headers().get(c)));
                    cell.setCellStyle(header);
                    sheet.setColumnWidth(c, Math.min(60, Math.max(10, table.headers().get(c).length() + 4)) * 256);
                }
                sheet.createFreezePane(0, 1);
                for (int r = 0; r < table.rows().size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    List<Object> values = table.rows().get(r);
                    for (int c = 0; c < values.size(); c++) {
                        write(row, c, values.get(c), time);
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, int column, Object value, CellStyle time) {
        if (value == null) {
            return;
        }
        Cell cell = row.createCell(column);
        switch (value) {
            case Number n -> cell.setCellValue(n.doubleValue());
            case LocalDateTime t -> {
                cell.setCellValue(t);
                cell.setCellStyle(time);
            }
            // A string cell is never evaluated as a formula; the guard keeps CSV and XLSX texts identical.
            default -> cell.setCellValue(SpreadsheetText.guard(value.toString()));
        }
    }
}
