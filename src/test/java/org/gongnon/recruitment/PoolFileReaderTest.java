package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class PoolFileReaderTest {

    private static final Charset CP949 = Charset.forName("x-windows-949");

    private static PoolTable csv(String text) {
        return PoolFileReader.read("pool.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<List<String>> cells(PoolTable table) {
        return table.rows().stream().map(PoolTable.Row::cells).toList();
    }

    private static List<Integer> rowNumbers(PoolTable table) {
        return table.rows().stream().map(PoolTable.Row::rowNumber).toList();
    }

    private static String key(Runnable reading) {
        return assertThrows(PoolFileException.class, reading::run).messageKey();
    }

    // ---- CSV ----

    @Test
    void readsUtf8CsvWithRowNumbersAsASpreadsheetShowsThem() {
        PoolTable table = csv("이름,성별,나이\n홍길동,남,45\r\n김영희,여,33\n");
        assertEquals(List.of("이름", "성별", "나이"), table.headers());
        assertEquals(List.of(List.of("홍길동", "남", "45"), List.of("김영희", "여", "33")), cells(table));
        assertEquals(List.of(2, 3), rowNumbers(table));
    }

    @Test
    void dropsTheUtf8ByteOrderMark() {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "이름,성별\n홍길동,남\n".getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, content, 0, bom.length);
        System.arraycopy(body, 0, content, bom.length, body.length);
        PoolTable table = PoolFileReader.read("pool.csv", content);
        assertEquals(List.of("이름", "성별"), table.headers());
        assertEquals(List.of(List.of("홍길동", "남")), cells(table));
    }

    @Test
    void readsCp949BytesAsExcelSavesKoreanCsv() {
        // "이름,성별\r\n홍길동,남\r\n" as Korean Excel writes it (CP949), byte for byte.
        byte[] content = HexFormat.of().parseHex("C0CCB8A72CBCBABAB00D0AC8ABB1E6B5BF2CB3B20D0A");
        PoolTable table = PoolFileReader.read("pool.csv", content);
        assertEquals(List.of("이름", "성별"), table.headers());
        assertEquals(List.of(List.of("홍길동", "남")), cells(table));
    }

    @Test
    void readsHangulThatOnlyCp949HasNotEucKr() {
        // 똠 is outside EUC-KR's 2,350 syllables; CP949 (MS949) encodes it as 8C 63.
        byte[] content = "이름,자치구\n똠방각하,종로구\n".getBytes(CP949);
        assertEquals((byte) 0x8C, content["이름,자치구\n".getBytes(CP949).length]);
        PoolTable table = PoolFileReader.read("pool.csv", content);
        assertEquals(List.of(List.of("똠방각하", "종로구")), cells(table));
    }

    @Test
    void followsRfc4180Quoting() {
        String text = "이름,메모,주소\n"
                + "\"홍, 길동\",\"그는 \"\"좋다\"\"고 했다\",\"서울 종로구\n세종대로 209\"\n"
                + "김영희,,\"\"\n";
        PoolTable table = csv(text);
        assertEquals(List.of(
                List.of("홍, 길동", "그는 \"좋다\"고 했다", "서울 종로구\n세종대로 209"),
                List.of("김영희", "", "")), cells(table));
        // The line break inside quotes stays in row 2, as in a spreadsheet, so the next row is row 3.
        assertEquals(List.of(2, 3), rowNumbers(table));
    }

    @Test
    void skipsBlankRowsButKeepsCountingThem() {
        PoolTable table = csv("\n이름,성별\n홍길동,남\n\n,,\n김영희,여");
        assertEquals(List.of("이름", "성별"), table.headers());
        assertEquals(List.of(3, 6), rowNumbers(table));
        assertEquals(List.of("김영희", "여"), table.rows().get(1).cells());
    }

    @Test
    void namesBlankHeadersByColumnLetterAndNumbersRepeatedOnes() {
        PoolTable table = csv("이름,,이름, 성별 \n홍길동,x,홍,남\n");
        assertEquals(List.of("이름", "B", "이름 (2)", "성별"), table.headers());
    }

    @Test
    void keepsValuesBeyondTheLastHeaderOfACsvForTheValidator() {
        PoolTable table = csv("이름,자치구\n홍길동,서울 종로구, 세종로\n김영희,마포구,\n");
        assertEquals(List.of("이름", "자치구"), table.headers());
        assertEquals(List.of("홍길동", "서울 종로구", " 세종로"), table.rows().get(0).cells());
        assertEquals(List.of("김영희", "마포구"), table.rows().get(1).cells());
        assertEquals("", table.rows().get(1).cell(5));
    }

    @Test
    void composesDecomposedHangulFromMacFiles() {
        String nfd = java.text.Normalizer.normalize("홍길동", java.text.Normalizer.Form.NFD);
        PoolTable table = csv("이름\n" + nfd + "\n");
        assertEquals("홍길동", table.rows().getFirst().cell(0));
    }

    @Test
    void refusesFilesItCannotRead() {
        assertEquals("recruitment.import.file.empty", key(() -> PoolFileReader.read("pool.csv", new byte[0])));
        assertEquals("recruitment.import.file.empty", key(() -> csv("\n \n,,\n")));
        assertEquals("recruitment.import.file.no-data-rows", key(() -> csv("이름,성별\n\n")));
        assertEquals("recruitment.import.file.unclosed-quote", key(() -> csv("이름,메모\n홍길동,\"끝나지 않는\n")));
        assertEquals("recruitment.import.file.unsupported-type",
                key(() -> PoolFileReader.read("pool.pdf", "%PDF-1.7".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("recruitment.import.file.unreadable",
                key(() -> PoolFileReader.read("pool.xlsx", "이름\n홍".getBytes(StandardCharsets.UTF_8))));
        assertEquals("recruitment.import.file.unreadable",
                key(() -> PoolFileReader.read("pool.csv", new byte[] {'a', 0, 'b', '\n', 'c'})));
        assertEquals("recruitment.import.file.unknown-encoding",
                key(() -> PoolFileReader.read("pool.csv", new byte[] {'a', '\n', (byte) 0xFF, (byte) 0xFF})));
    }

    @Test
    void tellsWhichRowOpensAnUnclosedQuote() {
        PoolFileException e = assertThrows(PoolFileException.class,
                () -> csv("이름,메모\n홍길동,ok\n김영희,\"열린 따옴표\n박철수,x\n"));
        assertArrayEquals(new Object[] {3}, e.arguments());
    }

    @Test
    void refusesMoreRowsThanTheLimit() {
        StringBuilder text = new StringBuilder("이름\n");
        for (int i = 0; i <= PoolFileReader.MAX_DATA_ROWS; i++) {
            text.append("사람").append(i).append('\n');
        }
        PoolFileException e = assertThrows(PoolFileException.class, () -> csv(text.toString()));
        assertEquals("recruitment.import.file.too-many-rows", e.messageKey());
        assertArrayEquals(new Object[] {PoolFileReader.MAX_DATA_ROWS}, e.arguments());
    }

    // ---- Workbooks ----

    private static byte[] workbook(Workbook wb, Consumer<Workbook> fill) throws IOException {
        try (wb; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            fill.accept(wb);
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static void fillPool(Workbook wb) {
        Sheet sheet = wb.createSheet("응답자");
        wb.createSheet("메모").createRow(0).createCell(0).setCellValue("다른 시트는 읽지 않는다");
        Row header = sheet.createRow(0);
        String[] names = {"이름", "휴대폰", "생년월일", "나이", "동의", "번호", "두배"};
        for (int c = 0; c < names.length; c++) {
            header.createCell(c).setCellValue(names[c]);
        }
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy\"년\" m\"월\" d\"일\""));
        CellStyle phoneFormat = wb.createCellStyle();
        phoneFormat.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("000-0000-0000"));

        Row r1 = sheet.createRow(1);
        r1.createCell(0).setCellValue("홍길동");
        r1.createCell(1).setCellValue(1012345678d); // typed as a number: Excel drops the leading 0
        r1.createCell(2).setCellValue(LocalDate.of(1985, 3, 2));
        r1.getCell(2).setCellStyle(date);
        r1.createCell(3).setCellValue(45);
        r1.createCell(4).setCellValue(true);
        r1.createCell(5).setCellValue(8503021234567d); // a 13-digit number Excel would show as 8.50302E+12
        r1.createCell(6).setCellFormula("D2*2");
        // row 3 (index 2) left out: a blank row
        Row r4 = sheet.createRow(3);
        r4.createCell(0).setCellValue("김영희");
        r4.createCell(1).setCellValue(1098765432d);
        r4.getCell(1).setCellStyle(phoneFormat);
        r4.createCell(3).setCellValue("33");
        r4.createCell(4).setCellValue("Y");
        Row r5 = sheet.createRow(4); // a row with only empty cells counts as blank
        r5.createCell(0).setCellValue("");
        r5.createCell(2).setCellValue(" ");
        wb.getCreationHelper().createFormulaEvaluator().evaluateAll();
    }

    @Test
    void readsTheFirstSheetOfAnXlsxAsTheUserSeesIt() throws IOException {
        PoolTable table = PoolFileReader.read("pool.xlsx", workbook(new XSSFWorkbook(), PoolFileReaderTest::fillPool));
        assertXlsxPool(table);
    }

    @Test
    void readsOldXlsFilesToo() throws IOException {
        PoolTable table = PoolFileReader.read("pool.xls", workbook(new HSSFWorkbook(), PoolFileReaderTest::fillPool));
        assertXlsxPool(table);
    }

    private static void assertXlsxPool(PoolTable table) {
        assertEquals(List.of("이름", "휴대폰", "생년월일", "나이", "동의", "번호", "두배"), table.headers());
        assertEquals(List.of(2, 4), rowNumbers(table));
        assertEquals(List.of("홍길동", "1012345678", "1985-03-02", "45", "TRUE", "8503021234567", "90"),
                table.rows().get(0).cells());
        assertEquals(List.of("김영희", "010-9876-5432", "", "33", "Y", "", ""), table.rows().get(1).cells());
        // The phone typed as a number gets its leading 0 back when validated.
        assertEquals("010-1234-5678", Contacts.phone(table.rows().get(0).cell(1)).orElseThrow());
    }

    @Test
    void readsTenThousandRowsOfAnXlsx() throws IOException {
        byte[] content = workbook(new SXSSFWorkbook(100), wb -> {
            Sheet sheet = wb.createSheet();
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("이름");
            header.createCell(1).setCellValue("휴대폰");
            header.createCell(2).setCellValue("출생연도");
            for (int i = 1; i <= 10_000; i++) {
                Row r = sheet.createRow(i + i / 1000); // a blank row after every 999 rows
                r.createCell(0).setCellValue("사람" + i);
                r.createCell(1).setCellValue(String.format("010-%04d-%04d", i / 10_000 + 1000, i % 10_000));
                r.createCell(2).setCellValue(1940 + i % 60);
            }
        });
        PoolTable table = PoolFileReader.read("big.xlsx", content);
        assertEquals(10_000, table.rows().size());
        assertEquals(List.of("사람1", "010-1000-0001", "1941"), table.rows().getFirst().cells());
        PoolTable.Row last = table.rows().getLast();
        assertEquals(10_000 + 10 + 1, last.rowNumber());
        assertEquals(List.of("사람10000", "010-1001-0000", "1980"), last.cells());
    }

    @Test
    void stopsReadingAWorkbookWithMoreRowsThanTheLimit() throws IOException {
        byte[] content = workbook(new SXSSFWorkbook(100), wb -> {
            Sheet sheet = wb.createSheet();
            for (int i = 0; i <= PoolFileReader.MAX_DATA_ROWS + 1; i++) {
                sheet.createRow(i).createCell(0).setCellValue(i == 0 ? "이름" : "사람" + i);
            }
        });
        assertEquals("recruitment.import.file.too-many-rows", key(() -> PoolFileReader.read("big.xlsx", content)));
    }

    @Test
    void namesAnXlsxColumnWithValuesButNoHeaderByItsLetter() throws IOException {
        byte[] content = workbook(new XSSFWorkbook(), wb -> {
            Sheet sheet = wb.createSheet();
            sheet.createRow(0).createCell(0).setCellValue("이름");
            Row r = sheet.createRow(1);
            r.createCell(0).setCellValue("홍길동");
            r.createCell(2).setCellValue("메모");
        });
        PoolTable table = PoolFileReader.read("pool.xlsx", content);
        assertEquals(List.of("이름", "B", "C"), table.headers());
        assertEquals(List.of("홍길동", "", "메모"), table.rows().getFirst().cells());
    }

    @Test
    void refusesEmptyAndPasswordProtectedWorkbooks() throws Exception {
        byte[] empty = workbook(new XSSFWorkbook(), wb -> wb.createSheet("빈 시트"));
        assertEquals("recruitment.import.file.empty", key(() -> PoolFileReader.read("pool.xlsx", empty)));

        byte[] plain = workbook(new XSSFWorkbook(), PoolFileReaderTest::fillPool);
        byte[] encrypted;
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("secret");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(plain);
            }
            fs.writeFilesystem(out);
            encrypted = out.toByteArray();
        }
        assertEquals("recruitment.import.file.encrypted", key(() -> PoolFileReader.read("pool.xlsx", encrypted)));

        byte[] notAWorkbook = {'P', 'K', 3, 4, 0, 0, 0, 0};
        assertEquals("recruitment.import.file.unreadable", key(() -> PoolFileReader.read("pool.xlsx", notAWorkbook)));
    }
}
