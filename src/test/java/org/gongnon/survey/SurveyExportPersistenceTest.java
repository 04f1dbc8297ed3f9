package org.gongnon.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.recruitment.Contact;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Exports on the real database: a wave with every kind of question answered through the citizen's service, read
 * back from CSV and XLSX, with its codebook; the joined export of two waves; formula payloads defused; no names,
 * phone numbers or e-mail addresses anywhere in the files.
 */
@SpringBootTest
class SurveyExportPersistenceTest {

    /** The text answers to Q6 by citizen 0…5, and what the export must show for each. */
    static final List<String> TYPED = List.of("=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "  =1+1",
            "냄새, \"소음\"\n그리고 교통");
    static final List<String> EXPORTED = List.of("'=HYPERLINK(\"http://x\")", "'+1", "'-2+3", "'@SUM(A1)", "'  =1+1",
            "냄새, \"소음\"\n그리고 교통");

    private static Fixture fixture;

    @Autowired
    TestWaves testWaves;
    @Autowired
    SignIn signIn;
    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    PanelService panel;
    @Autowired
    CitizenAccessService citizens;
    @Autowired
    SurveyService surveys;
    @Autowired
    CitizenSurveyService citizenSurveys;
    @Autowired
    SurveyExportService exports;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    /** A process with two waves: the first answered by citizens 0–6 (7 only started), the second by 0, 1 and 8. */
    record Fixture(long processId, PanelRoster roster, long first, long second, int firstNumber, int secondNumber) {
    }

    @BeforeEach
    void answeredWaves() {
        if (fixture != null) {
            return;
        }
        long processId = seatedPanels.newProcessWithPanel(TestNames.unique("설문 내보내기"), 40, 300);
        PanelRoster roster = signIn.facilitator(() -> seating.roster(processId));
        long first = openWave(processId);
        answer(roster, 0, first, fullAnswers(), true);
        for (int i = 1; i < TYPED.size(); i++) {
            answer(roster, i, first, Map.of("SUPPORT", List.of(String.valueOf(1 + i % 5)), "Q1", List.of("yes"),
                    "Q6", List.of(TYPED.get(i))), true);
        }
        answer(roster, 6, first, Map.of("SUPPORT", List.of("3"), "Q1", List.of("no")), true);
        answer(roster, 7, first, Map.of("SUPPORT", List.of("1")), false);
        long second = openWave(processId);
        answer(roster, 0, second, Map.of("SUPPORT", List.of("5"), "Q1", List.of("no"), "K1", List.of("y2026")), true);
        answer(roster, 1, second, Map.of("SUPPORT", List.of("4"), "Q1", List.of("no"), "K1", List.of("dk")), true);
        answer(roster, 8, second, Map.of("SUPPORT", List.of("2"), "Q1", List.of("no")), true);
        fixture = new Fixture(processId, roster, first, second, signIn.facilitator(() -> surveys.wave(first).form().number()),
                signIn.facilitator(() -> surveys.wave(second).form().number()));
    }

    /** Citizen 0's answers to the first wave: one of every kind of question. */
    static Map<String, List<String>> fullAnswers() {
        Map<String, List<String>> answers = new LinkedHashMap<>();
        answers.put("SUPPORT", List.of("4"));
        answers.put("Q1", List.of("yes"));
        answers.put("SOURCES", List.of("tv", "friends"));
        answers.put("NEARBY", List.of("7"));
        answers.put("YEARS", List.of("12.5"));
        answers.put("Q6", List.of(TYPED.getFirst()));
        answers.put("RANK", List.of("park", "fee", "jobs"));
        answers.put("K1", List.of("y2026"));
        answers.put("TRUST", List.of("6"));
        return answers;
    }

    long openWave(long processId) {
        return testWaves.open(processId, Questionnaires.everyKind(), null);
    }

    void answer(PanelRoster roster, int nth, long waveId, Map<String, List<String>> answers, boolean submit) {
        IssuedAccess access = signIn.facilitator(() -> panel.issueAccess(roster.members().get(nth).panelMemberId()));
        signIn.citizen(access, () -> {
            citizenSurveys.consent(waveId);
            answers.forEach((code, value) -> citizenSurveys.saveAnswer(waveId, code, value));
            if (submit) {
                citizenSurveys.submit(waveId);
            }
        });
    }

    String keyOf(int nth) {
        return jdbc.queryForObject("SELECT participant_key FROM survey_participant WHERE process_id = ? "
                + "AND panel_member_id = ?", String.class, fixture.processId(),
                fixture.roster().members().get(nth).panelMemberId());
    }

    LocalDateTime submittedAt(int nth, long waveId) {
        Timestamp t = jdbc.queryForObject("SELECT p.submitted_at FROM survey_participation p JOIN survey_participant s "
                + "ON s.id = p.participant_id WHERE p.wave_id = ? AND s.panel_member_id = ?", Timestamp.class, waveId,
                fixture.roster().members().get(nth).panelMemberId());
        return LocalDateTime.ofInstant(t.toInstant(), clock.getZone()).withNano(0);
    }

    @Test
    void aWaveAsCsvWithItsCodebook() {
        ExportFile file = signIn.facilitator(() -> exports.waveResponses(fixture.first(), ExportFormat.CSV));
        assertEquals(ExportFile.CSV, file.contentType());
        assertTrue(file.fileName().endsWith(".csv"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(file.content(), 3),
                "UTF-8 byte-order mark, so Excel reads Korean");
        List<List<String>> csv = parseCsv(file.content());
        List<String> header = csv.getFirst();
        List<String> expected = new ArrayList<>(List.of("participant_key"));
        expected.addAll(fixture.roster().features());
        expected.addAll(List.of("submitted_at", "SUPPORT", "Q1", "SOURCES.tv", "SOURCES.web", "SOURCES.friends",
                "NEARBY", "YEARS", "Q6", "RANK.1", "RANK.2", "RANK.3", "K1", "K1.correct", "TRUST"));
        assertEquals(expected, header);
        assertEquals(7, csv.size() - 1, "citizens 0–6 submitted; 7 only started");
        Map<String, Map<String, String>> byKey = byKey(csv);
        assertFalse(byKey.containsKey(keyOf(7)), "a response in progress is not exported");

        Map<String, String> full = byKey.get(keyOf(0));
        Map<String, String> expectedFull = new LinkedHashMap<>();
        expectedFull.put("participant_key", keyOf(0));
        RosterMember member = fixture.roster().members().getFirst();
        fixture.roster().features().forEach(f -> expectedFull.put(f, member.value(f)));
        expectedFull.put("submitted_at", ExportTable.TIME.format(submittedAt(0, fixture.first())));
        expectedFull.putAll(Map.of("SUPPORT", "4", "Q1", "yes", "SOURCES.tv", "1", "SOURCES.web", "0",
                "SOURCES.friends", "1", "NEARBY", "7", "YEARS", "12.5", "Q6", EXPORTED.getFirst()));
        expectedFull.putAll(Map.of("RANK.1", "park", "RANK.2", "fee", "RANK.3", "jobs", "K1", "y2026",
                "K1.correct", "1", "TRUST", "6"));
        assertEquals(expectedFull, full);
        assertTrue(fixture.roster().features().stream().allMatch(f -> !full.get(f).isEmpty()),
                "the strata are filled in: " + full);

        for (int i = 1; i < TYPED.size(); i++) {
            Map<String, String> row = byKey.get(keyOf(i));
            assertEquals(EXPORTED.get(i), row.get("Q6"), "citizen " + i);
            assertEquals(String.valueOf(1 + i % 5), row.get("SUPPORT"));
            assertEquals("", row.get("SOURCES.tv"), "an unanswered multiple choice is empty, not 0");
            assertEquals("", row.get("K1.correct"));
        }
        Map<String, String> noFollowUp = byKey.get(keyOf(6));
        assertEquals("", noFollowUp.get("Q6"));
        assertEquals("no", noFollowUp.get("Q1"));

        List<List<String>> codebook = parseCsv(signIn.facilitator(() -> exports.waveCodebook(fixture.first())).content());
        assertEquals(SurveyExportService.CODEBOOK_HEADERS, codebook.getFirst());
        List<Map<String, String>> lines = codebook.subList(1, codebook.size()).stream()
                .map(r -> zip(codebook.getFirst(), r)).toList();
        assertEquals(header, lines.stream().filter(l -> l.get("value").isEmpty()
                        || l.get("column").startsWith("SOURCES.")).map(l -> l.get("column")).distinct().toList(),
                "every column is described, in order");
        Map<String, String> k1 = line(lines, "K1", "");
        assertEquals("KNOWLEDGE", k1.get("type"));
        assertEquals("1", k1.get("tracked"));
        assertEquals("y2026", k1.get("correct"));
        assertEquals("수도권 생활폐기물 직매립 금지는 언제부터입니까?", k1.get("text_ko"));
        assertEquals("When does the direct-landfill ban start?", k1.get("text_en"));
        assertEquals("1", line(lines, "K1", "y2026").get("correct"));
        assertEquals("2026년", line(lines, "K1", "y2026").get("label_ko"));
        assertEquals("0", line(lines, "K1", "dk").get("correct"));
        assertEquals("모름", line(lines, "K1", "dk").get("label_ko"));
        Map<String, String> tv = line(lines, "SOURCES.tv", "tv");
        assertEquals("MULTIPLE_CHOICE", tv.get("type"));
        assertTrue(tv.get("note_en").startsWith("1 if “tv” was chosen"), tv.get("note_en"));
        assertEquals("Q1 in [yes]", line(lines, "Q6", "").get("shown_if"));
        assertEquals("park", line(lines, "RANK.1", "park").get("value"));
        assertEquals("공원", line(lines, "RANK.1", "park").get("label_ko"));
        assertTrue(line(lines, "RANK.2", "").get("note_en").contains("ranked 2"));
        assertEquals("LIKERT_5", line(lines, "SUPPORT", "").get("type"));
        assertEquals("1", line(lines, "SUPPORT", "").get("required"));
        assertTrue(line(lines, "Q6", "").get("note_en").contains("apostrophe"));
        String firstFeature = fixture.roster().features().getFirst();
        assertEquals(fixture.roster().values().get(firstFeature), lines.stream()
                .filter(l -> l.get("column").equals(firstFeature) && !l.get("value").isEmpty())
                .map(l -> l.get("value")).toList(), "the stratum's values are listed");
        assertNoPersonalData(new String(file.content(), StandardCharsets.UTF_8));
    }

    @Test
    void theSameWaveAsXlsxHoldsTheSameCellsWithNumbersAsNumbers() throws IOException {
        ExportFile xlsx = signIn.facilitator(() -> exports.waveResponses(fixture.first(), ExportFormat.XLSX));
        assertEquals(ExportFile.XLSX, xlsx.contentType());
        assertTrue(xlsx.fileName().endsWith(".xlsx"));
        List<List<String>> csv = parseCsv(signIn.facilitator(() -> exports.waveResponses(fixture.first(), ExportFormat.CSV)).content());
        List<List<String>> codebookCsv = parseCsv(signIn.facilitator(() -> exports.waveCodebook(fixture.first())).content());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            assertEquals(List.of("responses", "codebook", "waves"), List.of(workbook.getSheetName(0),
                    workbook.getSheetName(1), workbook.getSheetName(2)));
            Sheet responses = workbook.getSheet("responses");
            assertEquals(csv, readSheet(responses), "XLSX and CSV hold the same cells");
            assertEquals(codebookCsv, readSheet(workbook.getSheet("codebook")));
            List<String> header = csv.getFirst();
            Row full = null;
            for (Row row : responses) {
                if (row.getRowNum() > 0 && row.getCell(0).getStringCellValue().equals(keyOf(0))) {
                    full = row;
                }
            }
            assertTrue(full != null);
            for (String numeric : List.of("SUPPORT", "SOURCES.tv", "NEARBY", "YEARS", "K1.correct", "TRUST")) {
                assertEquals(CellType.NUMERIC, full.getCell(header.indexOf(numeric)).getCellType(), numeric);
            }
            assertEquals(12.5, full.getCell(header.indexOf("YEARS")).getNumericCellValue());
            Cell submitted = full.getCell(header.indexOf("submitted_at"));
            assertTrue(DateUtil.isCellDateFormatted(submitted));
            assertEquals(submittedAt(0, fixture.first()), submitted.getLocalDateTimeCellValue().withNano(0));
            Cell text = full.getCell(header.indexOf("Q6"));
            assertEquals(CellType.STRING, text.getCellType());
            assertEquals(EXPORTED.getFirst(), text.getStringCellValue());
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertNotEquals(CellType.FORMULA, cell.getCellType(), sheet.getSheetName() + " " + cell);
                    }
                }
            }
            List<List<String>> waves = readSheet(workbook.getSheet("waves"));
            String kind = signIn.facilitator(() -> surveys.wave(fixture.first()).form().kind().name());
            assertEquals(List.of(String.valueOf(fixture.firstNumber()), kind, fixture.firstNumber() + "차 설문",
                    "Wave " + fixture.firstNumber(), "OPEN"), waves.get(1).subList(0, 5));
            assertEquals("7", waves.get(1).getLast());
        }
        assertNoPersonalData(unzippedText(xlsx.content()));
    }

    @Test
    void everyWaveJoinedByParticipant() throws IOException {
        ExportFile file = signIn.facilitator(() -> exports.processResponses(fixture.processId(), ExportFormat.CSV));
        List<List<String>> csv = parseCsv(file.content());
        String a = "w" + fixture.firstNumber() + ".";
        String b = "w" + fixture.secondNumber() + ".";
        List<String> header = csv.getFirst();
        assertEquals(1 + fixture.roster().features().size() + 2 * 15, header.size());
        assertTrue(header.indexOf(a + "SUPPORT") < header.indexOf(b + "submitted_at"));
        assertEquals(8, csv.size() - 1, "one row per participant who submitted any wave");
        Map<String, Map<String, String>> byKey = byKey(csv);
        assertEquals("4", byKey.get(keyOf(0)).get(a + "SUPPORT"));
        assertEquals("5", byKey.get(keyOf(0)).get(b + "SUPPORT"));
        assertEquals("1", byKey.get(keyOf(0)).get(b + "K1.correct"));
        assertEquals("0", byKey.get(keyOf(1)).get(b + "K1.correct"));
        assertEquals(EXPORTED.get(1), byKey.get(keyOf(1)).get(a + "Q6"));
        Map<String, String> lateJoiner = byKey.get(keyOf(8));
        assertEquals("", lateJoiner.get(a + "submitted_at"));
        assertEquals("", lateJoiner.get(a + "SUPPORT"));
        assertEquals("2", lateJoiner.get(b + "SUPPORT"));
        assertEquals(ExportTable.TIME.format(submittedAt(8, fixture.second())), lateJoiner.get(b + "submitted_at"));
        RosterMember member = fixture.roster().members().get(8);
        fixture.roster().features().forEach(f -> assertEquals(member.value(f), lateJoiner.get(f)));

        List<List<String>> codebook = parseCsv(signIn.facilitator(() -> exports.processCodebook(fixture.processId())).content());
        List<Map<String, String>> lines = codebook.subList(1, codebook.size()).stream()
                .map(r -> zip(codebook.getFirst(), r)).toList();
        assertEquals(String.valueOf(fixture.secondNumber()), line(lines, b + "SUPPORT", "").get("wave"));
        assertEquals("SUPPORT", line(lines, b + "SUPPORT", "").get("question"));

        ExportFile xlsx = signIn.facilitator(() -> exports.processResponses(fixture.processId(), ExportFormat.XLSX));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            assertEquals(csv, readSheet(workbook.getSheet("responses")));
        }
        assertNoPersonalData(new String(file.content(), StandardCharsets.UTF_8));
        assertNoPersonalData(unzippedText(xlsx.content()));
    }

    @Test
    void onlyOrganisersOfTheProcessExport() {
        assertThrows(AccessDeniedException.class,
                () -> signIn.official(() -> exports.waveResponses(fixture.first(), ExportFormat.CSV)));
        assertThrows(AccessDeniedException.class,
                () -> signIn.official(() -> exports.processCodebook(fixture.processId())));
    }

    @Test
    void theGuardFollowsOwasp() {
        for (String risky : List.of("=1", "+1", "-1", "@A", "\t=1", "\r=1", " =1", "\u3000=1", "＝1")) {
            assertEquals("'" + risky, SpreadsheetText.guard(risky), risky);
        }
        for (String plain : List.of("", "찬성", "1+1", "a=b", "'quoted", "P7K2M9")) {
            assertEquals(plain, SpreadsheetText.guard(plain), plain);
        }
        assertEquals("", SpreadsheetText.guard(null));
    }

    /** No member's name, phone number or e-mail address occurs anywhere in the text. */
    void assertNoPersonalData(String text) {
        Map<Long, Contact> contacts = signIn.facilitator(() -> seating.contacts(fixture.processId()));
        int checked = 0;
        for (RosterMember m : fixture.roster().members()) {
            assertFalse(text.contains(m.displayName()), "name " + m.displayName());
            Contact c = contacts.get(m.panelMemberId());
            if (c != null && c.phone() != null && !c.phone().isBlank()) {
                assertFalse(text.contains(c.phone()), "phone");
                assertFalse(text.contains(c.phone().replace("-", "")), "phone digits");
                checked++;
            }
            if (c != null && c.email() != null && !c.email().isBlank()) {
                assertFalse(text.contains(c.email()), "e-mail");
            }
        }
        assertTrue(checked >= 30, "the phone numbers were there to look for");
    }

    // ---- Reading the files back ----

    static Map<String, Map<String, String>> byKey(List<List<String>> csv) {
        Map<String, Map<String, String>> rows = new HashMap<>();
        csv.subList(1, csv.size()).forEach(r -> rows.put(r.getFirst(), zip(csv.getFirst(), r)));
        return rows;
    }

    static Map<String, String> zip(List<String> header, List<String> row) {
        assertEquals(header.size(), row.size(), "every row has a cell per column: " + row);
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < header.size(); i++) {
            map.put(header.get(i), row.get(i));
        }
        return map;
    }

    static Map<String, String> line(List<Map<String, String>> lines, String column, String value) {
        return lines.stream().filter(l -> l.get("column").equals(column) && l.get("value").equals(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no codebook line " + column + " / " + value));
    }

    /** RFC 4180: quoted fields may hold commas, quotes (doubled) and line breaks; rows end in CRLF. */
    static List<List<String>> parseCsv(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        assertTrue(text.startsWith("\uFEFF"));
        text = text.substring(1);
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(c);
            }
        }
        assertTrue(row.isEmpty() && field.isEmpty(), "the file ends with a line break");
        return rows;
    }

    /** A sheet's cells as the CSV writes them: numbers plainly, times as yyyy-MM-dd HH:mm:ss, empty cells "". */
    static List<List<String>> readSheet(Sheet sheet) {
        List<List<String>> rows = new ArrayList<>();
        int width = sheet.getRow(0).getLastCellNum();
        for (Row row : sheet) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < width; c++) {
                Cell cell = row.getCell(c);
                if (cell == null || cell.getCellType() == CellType.BLANK) {
                    cells.add("");
                } else if (cell.getCellType() == CellType.STRING) {
                    cells.add(cell.getStringCellValue());
                } else if (DateUtil.isCellDateFormatted(cell)) {
                    cells.add(ExportTable.TIME.format(cell.getLocalDateTimeCellValue().withNano(0)));
                } else {
                    cells.add(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString());
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    static String unzippedText(byte[] zip) throws IOException {
        StringBuilder text = new StringBuilder();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                text.append(entry.getName()).append('\n')
                        .append(new String(in.readAllBytes(), StandardCharsets.UTF_8)).append('\n');
            }
        }
        assertTrue(text.toString().contains("sharedStrings.xml"));
        return text.toString();
    }
}
