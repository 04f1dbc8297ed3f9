package org.gongnon.recruitment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Reads an uploaded pool file into a {@link PoolTable}: CSV (UTF-8 with or without BOM, or the Korean
 * Windows encoding CP949/EUC-KR, told apart by whether the bytes are valid UTF-8) or a workbook (.xlsx,
 * also old .xls; first sheet). The first non-blank row is the header; blank rows are skipped.
 *
 * <p>Workbook cells are read as the user sees them (POI's {@link DataFormatter}, cached results of
 * formulas), with two exceptions that keep information Excel's display would lose: dates become ISO
 * ({@code 1985-03-02}), and whole numbers in the "General" format are written out in full instead of
 * Excel's {@code 8.50302E+12} (so long numbers such as ID numbers are still recognised). A phone number
 * typed as a number loses its leading 0 in Excel; the validator puts it back (see {@link Contacts#phone}).
 */
public final class PoolFileReader {

    /** More data rows than this are refused (the pool is typically ~1,000 and at most ~10,000 people). */
    public static final int MAX_DATA_ROWS = 20_000;

    private static final Charset CP949 = Charset.forName("x-windows-949");
    private static final Set<String> TEXT_EXTENSIONS = Set.of("csv", "txt");
    private static final Set<String> WORKBOOK_EXTENSIONS = Set.of("xlsx", "xls", "xlsm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"");

    private PoolFileReader() {
    }

    /**
     * @param fileName the uploaded file's name (only its extension is used; may be null)
     * @param content  the file's bytes
     * @throws PoolFileException with a {@code recruitment.import.file.*} key when the file cannot be read,
     *                           has no header, no data rows, or more than {@link #MAX_DATA_ROWS}
     */
    public static PoolTable read(String fileName, byte[] content) {
        if (content == null || content.length == 0) {
            throw new PoolFileException("recruitment.import.file.empty");
        }
        String name = fileName == null ? "" : fileName;
        String extension = extension(name);
        boolean workbook = isZip(content) || isOle2(content);
        List<RawRow> raw;
        if (workbook) {
            raw = readWorkbook(name, content);
        } else if (WORKBOOK_EXTENSIONS.contains(extension)) {
            throw new PoolFileException("recruitment.import.file.unreadable", name);
        } else if (TEXT_EXTENSIONS.contains(extension) || extension.isEmpty()) {
            raw = readCsv(name, content);
        } else {
            throw new PoolFileException("recruitment.import.file.unsupported-type", name);
        }
        return toTable(raw, !workbook);
    }

    /** A row as read, before the header is picked out and cells are tidied. */
    private record RawRow(int rowNumber, List<String> cells) {
    }

    // ---- CSV ----

    private static List<RawRow> readCsv(String name, byte[] content) {
        String text = decode(name, content);
        if (text.indexOf('\0') >= 0) {
            throw new PoolFileException("recruitment.import.file.unreadable", name); // binary, not text
        }
        List<List<String>> records = Csv.parse(text);
        List<RawRow> rows = new ArrayList<>(records.size());
        for (int r = 0; r < records.size(); r++) {
            rows.add(new RawRow(r + 1, records.get(r)));
        }
        return rows;
    }

    /** UTF-8 (BOM or not) when the bytes are valid UTF-8, UTF-16 with a BOM, otherwise CP949. */
    static String decode(String name, byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return new String(b, 3, b.length - 3, StandardCharsets.UTF_8);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE);
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE);
        }
        try {
            return strictDecode(StandardCharsets.UTF_8, b);
        } catch (CharacterCodingException notUtf8) {
            try {
                return strictDecode(CP949, b);
            } catch (CharacterCodingException notCp949) {
                throw new PoolFileException("recruitment.import.file.unknown-encoding", name);
            }
        }
    }

    private static String strictDecode(Charset charset, byte[] b) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(b))
                .toString();
    }

    // ---- Workbooks ----

    /**
     * .xlsx is streamed (POI's SAX event API): about ten times faster than building the whole workbook,
     * which matters at 10,000 rows. Old .xls and password-protected files (both OLE2) go through the
     * workbook API.
     */
    private static List<RawRow> readWorkbook(String name, byte[] content) {
        return isZip(content) ? readXlsx(name, content) : readOle2Workbook(name, content);
    }

    private static List<RawRow> readXlsx(String name, byte[] content) {
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(content));
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = reader.getStylesTable();
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new PoolFileException("recruitment.import.file.empty");
            }
            RowCollector collector = new RowCollector();
            try (InputStream sheet = sheets.next()) {
                XMLReader parser = XMLHelper.newXMLReader();
                parser.setContentHandler(new XSSFSheetXMLHandler(styles, strings, collector, new PoolFormatter(),
                        false));
                parser.parse(new InputSource(sheet));
            }
            return collector.rows;
        } catch (PoolFileException e) {
            throw e;
        } catch (IOException | SAXException | OpenXML4JException | ParserConfigurationException
                 | RuntimeException e) {
            // POI signals a damaged or non-spreadsheet file with various exceptions, runtime ones included.
            throw new PoolFileException("recruitment.import.file.unreadable", name);
        } finally {
            if (pkg != null) {
                pkg.revert(); // close without writing anything back
            }
        }
    }

    /** Collects the streamed cells row by row; a cell's column comes from its reference ("C7"). */
    private static final class RowCollector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final List<RawRow> rows = new ArrayList<>();
        private List<String> cells;
        private int rowNumber;
        private int nonBlank;

        @Override
        public void startRow(int rowIndex) {
            rowNumber = rowIndex + 1;
            cells = new ArrayList<>();
        }

        @Override
        public void cell(String reference, String formattedValue, XSSFComment comment) {
            int column = reference == null ? cells.size() : new CellReference(reference).getCol();
            while (cells.size() < column) {
                cells.add("");
            }
            String value = formattedValue == null ? "" : formattedValue;
            if (column < cells.size()) {
                cells.set(column, value);
            } else {
                cells.add(value);
            }
        }

        @Override
        public void endRow(int rowIndex) {
            rows.add(new RawRow(rowNumber, cells));
            if (!isBlank(cells)) {
                stopIfTooLong(++nonBlank);
            }
        }
    }

    private static List<RawRow> readOle2Workbook(String name, byte[] content) {
        try (Workbook workbook = WorkbookFactory.create(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new PoolFileException("recruitment.import.file.empty");
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new PoolFormatter();
            List<RawRow> rows = new ArrayList<>();
            int nonBlank = 0;
            for (Iterator<Row> it = sheet.rowIterator(); it.hasNext(); ) {
                Row row = it.next();
                int last = row.getLastCellNum(); // one past the last cell, -1 when none
                List<String> cells = new ArrayList<>(Math.max(last, 0));
                for (int c = 0; c < last; c++) {
                    cells.add(cellText(row.getCell(c), formatter));
                }
                rows.add(new RawRow(row.getRowNum() + 1, cells));
                if (!isBlank(cells)) {
                    stopIfTooLong(++nonBlank);
                }
            }
            return rows;
        } catch (EncryptedDocumentException e) {
            throw new PoolFileException("recruitment.import.file.encrypted", name);
        } catch (PoolFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PoolFileException("recruitment.import.file.unreadable", name);
        }
    }

    /** Stops reading a huge workbook early instead of holding all of it as text (header + limit is fine). */
    private static void stopIfTooLong(int nonBlankRows) {
        if (nonBlankRows > MAX_DATA_ROWS + 1) {
            throw new PoolFileException("recruitment.import.file.too-many-rows", MAX_DATA_ROWS);
        }
    }

    private static String cellText(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        if (type == CellType.NUMERIC) {
            CellStyle style = cell.getCellStyle();
            if (DateUtil.isCellDateFormatted(cell)
                    || isKoreanDateFormat(style.getDataFormat(), style.getDataFormatString())) {
                LocalDateTime dateTime = cell.getLocalDateTimeCellValue();
                return dateTime == null ? "" : iso(dateTime);
            }
            String whole = wholeNumber(cell.getNumericCellValue(), style.getDataFormatString());
            if (whole != null) {
                return whole;
            }
        }
        return formatter.formatCellValue(cell);
    }

    /**
     * POI's formatting of what the user sees, except: dates as ISO (also in formats with Hangul, which POI
     * does not take for dates), whole numbers in "General" written in full.
     */
    private static final class PoolFormatter extends DataFormatter {

        PoolFormatter() {
            super(Locale.KOREA);
            setUseCachedValuesForFormulaCells(true);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            boolean date = DateUtil.isADateFormat(formatIndex, formatString)
                    || isKoreanDateFormat(formatIndex, formatString);
            if (date && DateUtil.isValidExcelDate(value)) {
                return iso(DateUtil.getLocalDateTime(value, use1904));
            }
            String whole = wholeNumber(value, formatString);
            return whole != null ? whole : super.formatRawCellContents(value, formatIndex, formatString, use1904);
        }
    }

    private static String iso(LocalDateTime dateTime) {
        return dateTime.toLocalTime().equals(LocalTime.MIDNIGHT) ? dateTime.toLocalDate().toString()
                : dateTime.format(DATE_TIME);
    }

    /** A whole number in the "General" format in full ("8503021234567", not "8.50302E+12"), else null. */
    private static String wholeNumber(double value, String format) {
        boolean general = format == null || format.equalsIgnoreCase("General");
        return general && value == Math.rint(value) && Math.abs(value) < 1e15
                ? new BigDecimal(value).toPlainString() : null;
    }

    /**
     * POI does not recognise date formats with Hangul in them, such as Korean Excel's long date
     * {@code yyyy"년" m"월" d"일"}: look at the format without its literal text.
     */
    private static boolean isKoreanDateFormat(int formatIndex, String format) {
        if (format == null || format.codePoints().noneMatch(Keys::isHangul)) {
            return false;
        }
        String withoutLiterals = QUOTED.matcher(format).replaceAll("").replaceAll("\\\\.", "")
                .replaceAll("\\p{IsHangul}", "").strip();
        return !withoutLiterals.isEmpty() && DateUtil.isADateFormat(formatIndex, withoutLiterals);
    }

    // ---- Header and rows ----

    /**
     * @param csv in a CSV, values beyond the last header usually mean a row split at a comma that should have
     *            been quoted, so they stay extra cells for the validator to report; in a workbook they are
     *            simply a column without a header and get its column letter as name
     */
    private static PoolTable toTable(List<RawRow> raw, boolean csv) {
        int headerIndex = -1;
        for (int r = 0; r < raw.size(); r++) {
            if (!isBlank(raw.get(r).cells())) {
                headerIndex = r;
                break;
            }
        }
        if (headerIndex < 0) {
            throw new PoolFileException("recruitment.import.file.empty");
        }
        List<RawRow> data = new ArrayList<>();
        int widest = 0;
        for (int r = headerIndex + 1; r < raw.size(); r++) {
            RawRow row = raw.get(r);
            if (isBlank(row.cells())) {
                continue;
            }
            if (data.size() == MAX_DATA_ROWS) {
                throw new PoolFileException("recruitment.import.file.too-many-rows", MAX_DATA_ROWS);
            }
            data.add(row);
            widest = Math.max(widest, lastNonBlank(row.cells()) + 1);
        }
        if (data.isEmpty()) {
            throw new PoolFileException("recruitment.import.file.no-data-rows");
        }
        List<String> headerCells = raw.get(headerIndex).cells();
        // Columns without a header and without any value (spreadsheets often keep some) are left out.
        int width = csv ? lastNonBlank(headerCells) + 1 : Math.max(lastNonBlank(headerCells) + 1, widest);
        List<String> headers = uniqueHeaders(headerCells, width);
        List<PoolTable.Row> rows = new ArrayList<>(data.size());
        for (RawRow row : data) {
            List<String> cells = row.cells();
            int keep = Math.max(width, lastNonBlank(cells) + 1);
            List<String> tidy = new ArrayList<>(keep);
            for (int c = 0; c < keep; c++) {
                tidy.add(c < cells.size() ? nfc(cells.get(c)) : "");
            }
            rows.add(new PoolTable.Row(row.rowNumber(), tidy));
        }
        return new PoolTable(headers, rows);
    }

    private static List<String> uniqueHeaders(List<String> cells, int width) {
        List<String> headers = new ArrayList<>(width);
        Set<String> seen = new HashSet<>();
        for (int c = 0; c < width; c++) {
            String h = c < cells.size() ? nfc(cells.get(c)).strip() : "";
            if (h.startsWith("\uFEFF")) {
                h = h.substring(1).strip();
            }
            if (h.isEmpty()) {
                h = CellReference.convertNumToColString(c);
            }
            String unique = h;
            for (int k = 2; !seen.add(unique); k++) {
                unique = h + " (" + k + ")";
            }
            headers.add(unique);
        }
        return headers;
    }

    private static boolean isBlank(List<String> cells) {
        return lastNonBlank(cells) < 0;
    }

    private static int lastNonBlank(List<String> cells) {
        for (int c = cells.size() - 1; c >= 0; c--) {
            if (!cells.get(c).isBlank()) {
                return c;
            }
        }
        return -1;
    }

    /** Hangul typed on a Mac may arrive decomposed (NFD); compose it so that comparisons work. */
    private static String nfc(String s) {
        return Normalizer.isNormalized(s, Normalizer.Form.NFC) ? s : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    private static boolean isOle2(byte[] b) {
        return b.length >= 8 && (b[0] & 0xFF) == 0xD0 && (b[1] & 0xFF) == 0xCF && (b[2] & 0xFF) == 0x11
                && (b[3] & 0xFF) == 0xE0 && (b[4] & 0xFF) == 0xA1 && (b[5] & 0xFF) == 0xB1
                && (b[6] & 0xFF) == 0x1A && (b[7] & 0xFF) == 0xE1;
    }
}
