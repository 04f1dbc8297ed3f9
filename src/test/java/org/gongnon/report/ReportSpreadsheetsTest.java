package org.gongnon.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongnon.report.ReportDocument.Section;
import org.gongnon.report.ReportDocument.Table;
import org.junit.jupiter.api.Test;

class ReportSpreadsheetsTest {

    private final ReportSpreadsheets spreadsheets = new ReportSpreadsheets();
    private final ReportDocument doc = SampleReports.sample(300, 2);

    @Test
    void workbookHasACoverAndOneSheetPerTable() throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(spreadsheets.xlsx(doc)))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertEquals(List.of("보고서", "participants", "wave-1-support", "wave-2-support"), names);

            Sheet cover = workbook.getSheet("보고서");
            assertEquals(SampleReports.TITLE, cover.getRow(0).getCell(0).getStringCellValue());
            assertEquals("발행일 2026년 10월 2일", cover.getRow(3).getCell(0).getStringCellValue());

            Sheet panel = workbook.getSheet("participants");
            assertEquals("표 1. 시민참여단 명단과 지지도 변화", panel.getRow(0).getCell(0).getStringCellValue());
            for (int c = 0; c < SampleReports.PANEL_HEADERS.length; c++) {
                Cell header = panel.getRow(1).getCell(c);
                assertEquals(SampleReports.PANEL_HEADERS[c], header.getStringCellValue());
                assertTrue(workbook.getFontAt(header.getCellStyle().getFontIndex()).getBold(), "bold header");
                assertTrue(panel.getColumnWidth(c) >= 8 * 256, "width set");
            }
            assertEquals(2 + 300, panel.getPhysicalNumberOfRows());
            Table table = doc.tables().getFirst();
            for (int r = 0; r < 300; r++) {
                List<String> expected = table.rows().get(r);
                var row = panel.getRow(2 + r);
                assertEquals(CellType.NUMERIC, row.getCell(0).getCellType(), "number as number");
                assertEquals(Double.parseDouble(expected.get(0)), row.getCell(0).getNumericCellValue());
                assertEquals(CellType.NUMERIC, row.getCell(6).getCellType());
                assertEquals(Double.parseDouble(expected.get(6)), row.getCell(6).getNumericCellValue());
                assertEquals(CellType.STRING, row.getCell(1).getCellType());
                assertEquals(expected.get(1), row.getCell(1).getStringCellValue());
            }
            assertEquals(-0.4, panel.getRow(2 + 96).getCell(6).getNumericCellValue(), "negative numbers too");
            assertEquals("'" + SampleReports.FORMULA, panel.getRow(2 + 6).getCell(7).getStringCellValue(),
                    "a formula-looking text is guarded");
            assertEquals(CellType.STRING, panel.getRow(2 + 6).getCell(7).getCellType());

            PaneInformation pane = panel.getPaneInformation();
            assertNotNull(pane, "frozen");
            assertTrue(pane.isFreezePane());
            assertEquals(2, pane.getHorizontalSplitPosition(), "caption and header rows stay in view");
        }
    }

    @Test
    void sheetNamesAreSafeShortAndUnique() throws IOException {
        List<String> headers = List.of("a");
        List<List<String>> rows = List.<List<String>>of(List.of("1"));
        String longName = "recommendations-with-a-very-long-name-indeed";
        ReportDocument tricky = new ReportDocument("t", List.of(), List.of(new Section("s", List.of(
                new Table(longName, "c1", headers, rows), new Table(longName, "c2", headers, rows),
                new Table("보고서", "c3", headers, rows), new Table("a/b:c?", "c4", headers, rows),
                new Table("", "c5", headers, rows)))));
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(spreadsheets.xlsx(tricky)))) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertEquals(6, names.size());
            assertEquals(names.size(), names.stream().map(String::toLowerCase).distinct().count(), names.toString());
            names.forEach(name -> assertTrue(name.length() <= 31 && !name.matches(".*[\\\\/:?*\\[\\]].*"), name));
            assertEquals(longName.substring(0, 31), names.get(1));
            assertEquals("c2", workbook.getSheetAt(2).getRow(0).getCell(0).getStringCellValue());
        }
    }

    @Test
    void csvZipHasOneGuardedQuotedFilePerTable() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(spreadsheets.csvZip(doc)),
                StandardCharsets.UTF_8)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                entries.put(entry.getName(), zip.readAllBytes());
            }
        }
        assertEquals(List.of("01-participants.csv", "02-wave-1-support.csv", "03-wave-2-support.csv"),
                List.copyOf(entries.keySet()));
        byte[] panel = entries.get("01-participants.csv");
        assertTrue(Arrays.equals(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(panel, 3)), "BOM");
        String text = new String(panel, 3, panel.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.startsWith(String.join(",", SampleReports.PANEL_HEADERS) + "\r\n"), "header line");
        assertTrue(text.contains(",'=cmd|' /C calc'!A0\r\n"), "formula guarded");
        assertTrue(text.contains(",\"쉼표, \"\"따옴표\"\"와\n줄바꿈이 있는 비고\"\r\n"), "RFC 4180 quoting");
        assertTrue(text.contains(",-0.4,"), "a negative number is not mistaken for a formula");
        assertFalse(text.contains("'-0.4"));
        // 300 records after the header (one of them spans two lines inside quotes)
        assertEquals(301, text.split("\r\n").length);
    }

    @Test
    void plainNumbers() {
        for (String number : List.of("0", "12", "3.45", "-0.4", "0.667", "123456789012345")) {
            assertTrue(ReportSpreadsheets.isPlainNumber(number), number);
        }
        for (String text : List.of("", "007", "1,234", "62.5%", "1e5", "+3", ".5", "3.", "1234567890123456", "12 ")) {
            assertFalse(ReportSpreadsheets.isPlainNumber(text), text);
        }
    }
}
