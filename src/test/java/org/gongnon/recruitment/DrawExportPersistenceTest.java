package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongnon.process.ProcessForm;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.cli.SortitionCommand;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The draw record (ZIP) with feature and value names a spreadsheet would run as formulas (issue 7 §5): every
 * CSV cell is safe to open, the numbers stay numbers, the stored record keeps the exact names, and the
 * exported quotas.csv still lets the {@code sortition} command reproduce the draw.
 */
@SpringBootTest
class DrawExportPersistenceTest {

    static final String A = "@SUM(A1)";
    static final String B = "의견😀";
    /** Labels may not hold '=', ',' or '"' (TargetsService.validLabel), but every other trigger is allowed. */
    static final List<String> A_VALUES = List.of("+1", "-2", "'@x");
    static final List<String> B_VALUES = List.of("＝HYPERLINK(http://x)", "찬성😀", "-반대", "+cmd|' /C calc'!A0");
    static final long SEED = 20261206L;

    /** What a spreadsheet could run: a formula trigger first, or a sign before anything but a plain number. */
    static final Pattern PLAIN_SIGNED_NUMBER = Pattern.compile("[+-][0-9]+(\\.[0-9]+)?");

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    TargetsService targets;
    @Autowired
    PoolService pool;
    @Autowired
    DrawService draws;
    @Autowired
    SortitionDrawRepository drawRecords;

    @TempDir
    Path temp;

    long processId;

    @BeforeEach
    void newProcess() {
        ProcessForm form = ProcessTestForms.titled(TestNames.unique("추첨 기록 내보내기"));
        processId = signIn.facilitator(() -> processes.createProcess(form));
    }

    @Test
    void theRecordsCsvFilesRunNoFormulaKeepNumbersAndStillReproduceTheDraw() throws IOException {
        signIn.facilitator(() -> targets.save(processId, new RecruitmentTargets(12, ToleranceMode.SEATS, 2, 4, "test", List.of(
                new FeatureTarget(A, FeatureDerivation.COLUMN, List.of(new ValueTarget(A_VALUES.get(0), 0.4, null, null),
                        new ValueTarget(A_VALUES.get(1), 0.4, null, null), new ValueTarget(A_VALUES.get(2), 0.2, null, null))),
                new FeatureTarget(B, FeatureDerivation.COLUMN, B_VALUES.stream()
                        .map(v -> new ValueTarget(v, 0.25, null, null)).toList())))));
        StringBuilder file = new StringBuilder("이름,휴대폰," + A + "," + B + "\r\n");
        for (int i = 1; i <= 60; i++) {
            String name = i == 1 ? "\"=HYPERLINK(\"\"http://x\"\")\"" : "시민" + i;
            file.append(name).append(',').append(String.format("010-2000-%04d", i)).append(',')
                    .append(A_VALUES.get(i % 5 < 2 ? 0 : i % 5 < 4 ? 1 : 2)).append(',')
                    .append(B_VALUES.get(i % 4)).append("\r\n");
        }
        byte[] csv = file.toString().getBytes(StandardCharsets.UTF_8);
        ColumnMapping mapping = new ColumnMapping("이름", "휴대폰", null, null, null, Map.of(A, A, B, B));
        PoolImportSummary imported = signIn.facilitator(() -> pool.importFile(processId, "pool.csv", csv, mapping, false,
                new RecruitmentPersistenceTest.PoolCheckTranslator(), n -> { }));
        assertEquals(60, imported.acceptedRows());

        String fingerprint = signIn.facilitator(() -> draws.prepare(processId, DrawAlgorithm.LEXIMIN)).fingerprint();
        long drawId = signIn.facilitator(() -> draws.draw(processId, DrawAlgorithm.LEXIMIN, SEED, fingerprint)).id();
        DrawDetails before = signIn.facilitator(() -> draws.details(drawId));
        long leaving = before.currentPanel().getFirst().member().id();
        signIn.facilitator(() -> draws.recordReplacement(drawId, leaving, "=HYPERLINK(\"http://evil\")"));
        DrawDetails details = signIn.facilitator(() -> draws.details(drawId));

        Map<String, String> zip = RecruitmentPersistenceTest.unzip(signIn.facilitator(() -> draws.export(drawId)));
        Map<String, List<List<String>>> files = new TreeMap<>();
        zip.forEach((name, text) -> {
            if (name.endsWith(".csv")) {
                assertTrue(text.startsWith("\uFEFF"), name + " starts with a byte-order mark, for Excel");
                files.put(name, Csv.parse(text.substring(1)));
            }
        });
        assertEquals(List.of("distribution.csv", "panel.csv", "people.csv", "probabilities.csv", "quotas.csv",
                "replacements.csv", "reserves.csv"), List.copyOf(files.keySet()));
        // people.csv: pool ids and the quota features' values as drawn, nothing else.
        assertEquals(List.of("id", A, B), unguarded(files.get("people.csv").getFirst()), "guarded like every cell");
        assertEquals(61, files.get("people.csv").size());
        files.forEach((name, rows) -> rows.forEach(row -> row.forEach(cell ->
                assertFalse(runnable(cell), name + ": a spreadsheet would run [" + cell + "]"))));
        String everything = String.join("\n", zip.values());
        assertFalse(everything.contains("http://evil"), "replacement reasons are not in the record");
        assertFalse(everything.contains("시민"), "nor names");

        // quotas.csv: the names guarded, the bounds whole numbers, and read back (un-guarded) the very quotas drawn.
        List<List<String>> quotas = files.get("quotas.csv");
        assertEquals(List.of("feature", "value", "min", "max"), quotas.getFirst());
        List<List<String>> quotaRows = quotas.subList(1, quotas.size());
        assertEquals(7, quotaRows.size());
        assertTrue(quotaRows.contains(List.of("'" + A, "+1", "3", "7")), quotaRows.toString());
        assertTrue(quotaRows.contains(List.of("'" + A, "-2", "3", "7")), "a number-like name stays as it is");
        assertTrue(quotaRows.contains(List.of("'" + A, "''@x", "0", "4")), "an apostrophe before @ gets one more");
        for (String guarded : List.of("'＝HYPERLINK(http://x)", "'-반대", "'+cmd|' /C calc'!A0")) {
            assertTrue(quotaRows.contains(List.of(B, guarded, "1", "5")), guarded + " in " + quotaRows);
        }
        assertTrue(quotaRows.contains(List.of(B, "찬성😀", "1", "5")));
        List<List<String>> drawn = details.quotas().stream()
                .map(q -> List.of(q.feature(), q.value(), String.valueOf(q.min()), String.valueOf(q.max()))).toList();
        assertEquals(drawn, quotaRows.stream().map(DrawExportPersistenceTest::unguarded).toList());
        assertTrue(drawn.stream().anyMatch(q -> q.get(1).equals("'@x")), "the stored record keeps the exact names");

        // probabilities.csv: numbers that stay numbers.
        List<List<String>> probabilities = files.get("probabilities.csv");
        assertEquals(List.of("id", "row", "probability", "outcome", "status"), probabilities.getFirst());
        assertEquals(61, probabilities.size());
        double sum = 0;
        for (List<String> row : probabilities.subList(1, probabilities.size())) {
            Long.parseLong(row.get(0));
            Integer.parseInt(row.get(1));
            assertTrue(row.get(2).matches("[0-9]+(\\.[0-9]+)?"), "a plain decimal: " + row.get(2));
            double p = Double.parseDouble(row.get(2));
            assertTrue(p >= 0 && p <= 1, row.toString());
            sum += p;
        }
        assertEquals(12.0, sum, 1e-6);

        // distribution.csv: the stored lottery, cell for cell once un-guarded; its strata begin with guarded names.
        List<List<String>> stored = Csv.parse(drawRecords.findById(drawId).orElseThrow().getDistributionCsv());
        List<List<String>> distribution = files.get("distribution.csv");
        assertEquals(stored, distribution.stream().map(DrawExportPersistenceTest::unguarded).toList());
        assertTrue(distribution.stream().skip(1).allMatch(row -> row.get(2).startsWith("'")), distribution.toString());
        assertTrue(distribution.stream().skip(1).allMatch(row -> row.get(0).matches("[0-9]+")
                && row.get(1).matches("[0-9]+\\.[0-9]{12}")), distribution.toString());

        List<String> panel = ids(details.pool().stream().filter(s -> s.outcome() == DrawOutcome.PANEL)
                .sorted(java.util.Comparator.comparing(DrawDetails.Selection::position)).toList());
        List<String> reserves = ids(details.reserves());
        assertEquals(panel, column(files.get("panel.csv")));
        assertEquals(reserves, column(files.get("reserves.csv")));
        List<List<String>> replaced = files.get("replacements.csv");
        assertEquals(2, replaced.size());
        assertEquals(String.valueOf(leaving), replaced.get(1).get(0));
        assertEquals("facilitator", replaced.get(1).get(4));

        // The check from the record: the exported quotas.csv and the pool's values give the sortition command
        // the same fingerprint, panel and reserves.
        Path features = temp.resolve("quotas.csv");
        Files.writeString(features, zip.get("quotas.csv"));
        // Written as the app writes its files (cells guarded), which the command reads back as drawn.
        StringBuilder people = new StringBuilder("id," + Csv.defused(A) + "," + Csv.defused(B) + "\n");
        details.pool().forEach(s -> people.append(s.member().id()).append(',').append(Csv.defused(s.member().value(A)))
                .append(',').append(Csv.defused(s.member().value(B))).append('\n'));
        Path peopleFile = temp.resolve("people.csv");
        Files.writeString(peopleFile, people.toString());
        Path out = temp.resolve("check");
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int code = new SortitionCommand().run(new String[] {"--features", features.toString(), "--people",
                        peopleFile.toString(), "--panel-size", "12", "--reserves", "4", "--algorithm", "leximin",
                        "--seed", String.valueOf(SEED), "--out", out.toString()},
                new PrintStream(printed, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertEquals(0, code, errors.toString(StandardCharsets.UTF_8));
        Matcher m = Pattern.compile("sha256:([0-9a-f]{64})").matcher(printed.toString(StandardCharsets.UTF_8));
        assertTrue(m.find(), printed.toString(StandardCharsets.UTF_8));
        assertEquals(fingerprint, m.group(1), "the same inputs as the app's draw");
        assertEquals(panel, Files.readAllLines(out.resolve("panel.csv")).subList(1, 13), "the same panel, in order");
        assertEquals(reserves, Files.readAllLines(out.resolve("reserves.csv")).subList(1, 5), "and the same reserves");

        // And the record on its own: unzipped, `sortition verify` needs no other file.
        Path record = temp.resolve("record");
        Files.createDirectories(record);
        for (Map.Entry<String, String> entry : zip.entrySet()) {
            Files.writeString(record.resolve(entry.getKey()), entry.getValue());
        }
        ByteArrayOutputStream verified = new ByteArrayOutputStream();
        int verifyCode = new SortitionCommand().run(new String[] {"verify", record.toString()},
                new PrintStream(verified, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8));
        assertEquals(0, verifyCode, verified.toString(StandardCharsets.UTF_8) + errors.toString(StandardCharsets.UTF_8));
        assertTrue(verified.toString(StandardCharsets.UTF_8).startsWith("verified"));
        // A reserve list reordered after the fact is caught.
        List<String> reordered = new ArrayList<>(Files.readAllLines(record.resolve("reserves.csv")));
        java.util.Collections.swap(reordered, 1, 2);
        Files.write(record.resolve("reserves.csv"), reordered);
        ByteArrayOutputStream caught = new ByteArrayOutputStream();
        assertEquals(SortitionCommand.DIFFERS, new SortitionCommand().run(new String[] {"verify", record.toString()},
                new PrintStream(caught, true, StandardCharsets.UTF_8), new PrintStream(errors, true, StandardCharsets.UTF_8)));
        assertTrue(caught.toString(StandardCharsets.UTF_8).startsWith("differs: reserves.csv line 2"),
                caught.toString(StandardCharsets.UTF_8));
    }

    /** Independent of the guard's own rule: a trigger first (past spaces), or a sign before more than a number. */
    static boolean runnable(String cell) {
        String s = cell.replaceFirst("^[ \u00A0\u3000]+", "");
        if (s.isEmpty()) {
            return false;
        }
        char first = s.charAt(0);
        if ("=@\t\r\u0000＝＠＋－".indexOf(first) >= 0) {
            return true;
        }
        return (first == '+' || first == '-') && !PLAIN_SIGNED_NUMBER.matcher(s).matches();
    }

    private static List<String> unguarded(List<String> row) {
        return row.stream().map(Csv::undefused).toList();
    }

    private static List<String> ids(List<DrawDetails.Selection> people) {
        return people.stream().map(s -> String.valueOf(s.member().id())).toList();
    }

    private static List<String> column(List<List<String>> rows) {
        assertEquals(List.of("id"), rows.getFirst());
        List<String> values = new ArrayList<>();
        rows.subList(1, rows.size()).forEach(r -> values.add(r.getFirst()));
        return values;
    }
}
