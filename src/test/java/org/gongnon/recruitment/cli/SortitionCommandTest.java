package org.gongnon.recruitment.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SortitionCommandTest {

    @TempDir
    Path temp;

    /** What one run printed and returned. */
    record Outcome(int code, String out, String err) {
    }

    static Outcome run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new SortitionCommand().run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Path example(String file) {
        try {
            return Path.of(SortitionCommandTest.class.getResource("/sortition-examples/" + file).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    @Test
    void theSmallExampleGivesEveryoneTenPercentAndWritesTheFiles() throws IOException {
        Path out = temp.resolve("small");
        Outcome o = run("--features", example("example_small_20/categories.csv").toString(),
                "--people", example("example_small_20/respondents.csv").toString(),
                "--panel-size", "20", "--algorithm", "leximin", "--seed", "20261122", "--out", out.toString());
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().contains("Sortition leximin/2"), o.out());
        assertTrue(o.out().matches("(?s).*fingerprint +sha256:[0-9a-f]{64}.*"), o.out());
        assertTrue(o.out().contains("seed             20261122"), o.out());
        assertTrue(o.out().contains("min probability  0.1 (exact)"), o.out());
        assertTrue(o.out().contains("certificate      relaxation bound reached at every level"), o.out());
        List<String> certificate = lines(out.resolve("certificate.txt"));
        assertEquals("certificate=relaxation-reached", certificate.getFirst());
        assertTrue(certificate.contains("relaxation_bound=0.1"), certificate.toString());
        assertTrue(certificate.stream().anyMatch(l -> l.matches("or_tools=\\d+\\.\\d+\\.\\d+")), certificate.toString());

        List<String> probabilities = lines(out.resolve("probabilities.csv"));
        assertEquals("id,probability", probabilities.getFirst());
        assertEquals(201, probabilities.size(), "every pool member");
        assertEquals("1,0.1", probabilities.get(1), "rows numbered from 1, in file order");
        assertTrue(probabilities.stream().skip(1).allMatch(l -> l.endsWith(",0.1")), "LEXIMIN: 10 % for all");

        List<String> panel = lines(out.resolve("panel.csv"));
        assertEquals("id", panel.getFirst());
        assertEquals(20, panel.size() - 1);
        List<String> reserves = lines(out.resolve("reserves.csv"));
        assertEquals(4, reserves.size() - 1, "default: 20 % of the panel");
        Set<String> seated = new HashSet<>(panel.subList(1, panel.size()));
        assertTrue(reserves.stream().skip(1).noneMatch(seated::contains));

        List<String> distribution = lines(out.resolve("distribution.csv"));
        assertEquals("panel,probability,seats", distribution.getFirst());
        double total = distribution.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[1])).sum();
        assertEquals(1.0, total, 1e-8);
        for (String row : distribution.subList(1, distribution.size())) {
            int seats = Arrays.stream(row.split(",")[2].split(" ")).mapToInt(p -> Integer.parseInt(p.split(":")[1])).sum();
            assertEquals(20, seats, row);
        }
        List<String> strata = lines(out.resolve("strata.csv"));
        assertEquals("stratum,size,probability,gender,leaning,members", strata.getFirst());
        assertEquals("1,1,0.1,female,conservative,1", strata.get(1), "ids sort as text: 1, 10, 100, 101, …");
        assertEquals(4, strata.size());
    }

    @Test
    void theSameCommandWritesTheSameBytesAndAnotherSeedAnotherPanel() throws IOException {
        String[] base = {"--features", example("example_small_20/categories.csv").toString(),
                "--people", example("example_small_20/respondents.csv").toString(), "--panel-size", "20",
                "--algorithm", "legacy", "--reserves", "6"};
        for (String dir : List.of("a", "b")) {
            String[] args = Arrays.copyOf(base, base.length + 4);
            System.arraycopy(new String[] {"--seed", "7", "--out", temp.resolve(dir).toString()}, 0, args, base.length, 4);
            assertEquals(0, run(args).code());
        }
        for (String file : List.of("probabilities.csv", "distribution.csv", "strata.csv", "panel.csv", "reserves.csv")) {
            assertArrayEquals(Files.readAllBytes(temp.resolve("a").resolve(file)),
                    Files.readAllBytes(temp.resolve("b").resolve(file)), file);
        }
        assertEquals(7, lines(temp.resolve("a/reserves.csv")).size());
        String[] other = Arrays.copyOf(base, base.length + 4);
        System.arraycopy(new String[] {"--seed", "8", "--out", temp.resolve("c").toString()}, 0, other, base.length, 4);
        Outcome o = run(other);
        assertTrue(o.out().contains("(estimated from 1000 runs)"), o.out());
        assertFalse(lines(temp.resolve("a/panel.csv")).equals(lines(temp.resolve("c/panel.csv"))));
    }

    @Test
    void theLargeExampleDrawsExactly() throws IOException {
        // How fast is measured in bench/sortition.sh, not asserted here.
        Path out = temp.resolve("large");
        Outcome o = run("--features", example("example_large_200/categories.csv").toString(),
                "--people", example("example_large_200/respondents.csv").toString(),
                "--panel-size", "200", "--seed", "1", "--out", out.toString(), "--reserves=40");
        assertEquals(0, o.code(), o.err());
        assertEquals(2001, lines(out.resolve("probabilities.csv")).size());
        assertEquals(41, lines(out.resolve("reserves.csv")).size());
        assertTrue(o.out().contains("min probability  0.1 (exact)"), o.out());
    }

    @Test
    void infeasibleQuotasExitWithThreeAndTheSmallestRelaxation() throws IOException {
        Path features = temp.resolve("features.csv");
        Files.writeString(features, """
                feature,value,min,max
                gender,female,15,20
                gender,male,0,20
                leaning,conservative,15,20
                leaning,liberal,0,20
                """);
        Outcome o = run("--features", features.toString(), "--people", example("example_small_20/respondents.csv").toString(),
                "--panel-size", "20", "--seed", "1", "--out", temp.resolve("never").toString());
        assertEquals(3, o.code(), o.err());
        assertTrue(o.err().contains("the quotas cannot be met by this pool"), o.err());
        assertTrue(o.err().contains("pool has "), o.err());
        assertTrue(o.err().contains("lower the minimum to"), o.err());
        assertFalse(o.err().contains("Exception"), o.err());
        assertFalse(Files.exists(temp.resolve("never")), "nothing is written");
    }

    @Test
    void aByteOrderMarkAnIdColumnAndExtraColumnsAreFine() throws IOException {
        Path features = temp.resolve("features.csv");
        Files.write(features, ("\uFEFFcategory,feature,min,max\r\n성별,여성,1,2\r\n성별,남성,1,2\r\n"
                + "권역,도심권,0,2\r\n권역,동북권,0,2\r\n").getBytes(StandardCharsets.UTF_8));
        Path people = temp.resolve("people.csv");
        Files.write(people, ("\uFEFFID,성별,권역,연락처\nK-1,여성,도심권,010-1\nK-2,남성,동북권,010-2\n"
                + "K-3,여성,동북권,\"010-3, 낮에만\"\nK-4,남성,도심권,010-4\n").getBytes(StandardCharsets.UTF_8));
        Path out = temp.resolve("korean");
        Outcome o = run("--features", features.toString(), "--people", people.toString(), "--panel-size", "2",
                "--seed", "-3", "--out", out.toString(), "--algorithm", "MAXIMIN");
        assertEquals(0, o.code(), o.err());
        assertEquals(List.of("id,probability", "K-1,0.5", "K-2,0.5", "K-3,0.5", "K-4,0.5"), lines(out.resolve("probabilities.csv")));
        assertEquals(List.of("stratum", "size", "probability", "권역", "성별", "members"),
                List.of(lines(out.resolve("strata.csv")).getFirst().split(",")), "quota features only, sorted");
        assertEquals(1, lines(out.resolve("reserves.csv")).size() - 1, "20 % of 2 seats, rounded up");
    }

    @Test
    void aQuotaFileWithTheAppsFormulaGuardDrawsExactlyAsTheUnguardedOne() throws IOException {
        // Names a spreadsheet would run, as the app's draw record writes them: with a leading apostrophe.
        List<String[]> quotas = List.of(new String[] {"@SUM(A1)", "+1", "0", "3"},
                new String[] {"@SUM(A1)", "-2+3x", "0", "3"}, new String[] {"@SUM(A1)", "@x", "0", "3"},
                new String[] {"의견😀", "＝HYPERLINK(x)", "1", "3"}, new String[] {"의견😀", "찬성😀", "1", "3"});
        StringBuilder raw = new StringBuilder("feature,value,min,max\n");
        StringBuilder guarded = new StringBuilder("\uFEFFfeature,value,min,max\r\n");
        for (String[] q : quotas) {
            raw.append(String.join(",", q)).append('\n');
            guarded.append(org.gongnon.recruitment.Csv.defused(q[0])).append(',')
                    .append(org.gongnon.recruitment.Csv.defused(q[1])).append(',').append(q[2]).append(',')
                    .append(q[3]).append("\r\n");
        }
        assertTrue(guarded.toString().contains("'@SUM(A1),'-2+3x"), guarded.toString());
        assertTrue(guarded.toString().contains("'@x"), guarded.toString());
        StringBuilder people = new StringBuilder("id,@SUM(A1),의견😀\n");
        String[] first = {"+1", "-2+3x", "@x"};
        String[] second = {"＝HYPERLINK(x)", "찬성😀"};
        for (int i = 1; i <= 12; i++) {
            people.append("P").append(i).append(',').append(first[i % 3]).append(',').append(second[i % 2]).append('\n');
        }
        Path rawFile = temp.resolve("raw.csv");
        Path guardedFile = temp.resolve("guarded.csv");
        Path peopleFile = temp.resolve("people.csv");
        Files.writeString(rawFile, raw.toString());
        Files.writeString(guardedFile, guarded.toString());
        Files.writeString(peopleFile, people.toString());

        Outcome a = run("--features", rawFile.toString(), "--people", peopleFile.toString(), "--panel-size", "4",
                "--seed", "11", "--out", temp.resolve("raw").toString());
        Outcome b = run("--features", guardedFile.toString(), "--people", peopleFile.toString(), "--panel-size", "4",
                "--seed", "11", "--out", temp.resolve("guarded").toString());
        assertEquals(0, a.code(), a.err());
        assertEquals(0, b.code(), b.err());
        assertEquals(fingerprint(a.out()), fingerprint(b.out()), "the same inputs, so the same fingerprint");
        for (String file : List.of("panel.csv", "reserves.csv", "probabilities.csv", "strata.csv")) {
            assertEquals(lines(temp.resolve("raw/" + file)), lines(temp.resolve("guarded/" + file)), file);
        }
    }

    private static String fingerprint(String out) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("sha256:([0-9a-f]{64})").matcher(out);
        assertTrue(m.find(), out);
        return m.group(1);
    }

    @Test
    void wrongArgumentsExitWithTwoAndTheUsage() {
        Outcome none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("missing --features, --people, --panel-size, --seed, --out"), none.err());
        assertTrue(none.err().contains("Usage: java -jar gongnon.jar sortition"), none.err());

        String features = example("example_small_20/categories.csv").toString();
        String people = example("example_small_20/respondents.csv").toString();
        String out = temp.resolve("x").toString();
        assertEquals(2, run("--features", features, "--people", people, "--panel-size", "twenty", "--seed", "1", "--out", out).code());
        assertEquals(2, run("--features", features, "--people", people, "--panel-size", "0", "--seed", "1", "--out", out).code());
        assertEquals(2, run("--features", features, "--people", people, "--panel-size", "20", "--seed", "x", "--out", out).code());
        Outcome algorithm = run("--features", features, "--people", people, "--panel-size", "20", "--seed", "1", "--out", out,
                "--algorithm", "random");
        assertEquals(2, algorithm.code());
        assertTrue(algorithm.err().contains("unknown algorithm 'random'"), algorithm.err());
        assertEquals(2, run("--features", features, "--people", people, "--panel-size", "20", "--seed", "1", "--out", out,
                "--colour", "red").code());
        assertEquals(2, run("--features", features, "--features", features, "--people", people, "--panel-size", "20",
                "--seed", "1", "--out", out).code());
        Outcome tooBig = run("--features", features, "--people", people, "--panel-size", "201", "--seed", "1", "--out", out);
        assertEquals(2, tooBig.code());
        assertTrue(tooBig.err().contains("larger than the pool (200 people"), tooBig.err());

        Outcome help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("Exit codes"), help.out());
    }

    @Test
    void unreadableOrInvalidFilesExitWithOneAndAPlainMessage() throws IOException {
        String people = example("example_small_20/respondents.csv").toString();
        String out = temp.resolve("x").toString();
        Outcome missing = run("--features", temp.resolve("nope.csv").toString(), "--people", people, "--panel-size", "20",
                "--seed", "1", "--out", out);
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("cannot read the features file") && missing.err().contains("no such file"),
                missing.err());

        Path latin1 = temp.resolve("latin1.csv");
        Files.write(latin1, "feature,value,min,max\ngender,f\u00e9minin,1,2\n".getBytes(StandardCharsets.ISO_8859_1));
        Outcome encoding = run("--features", latin1.toString(), "--people", people, "--panel-size", "20", "--seed", "1",
                "--out", out);
        assertEquals(1, encoding.code());
        assertTrue(encoding.err().contains("is not UTF-8 text"), encoding.err());

        Path header = temp.resolve("header.csv");
        Files.writeString(header, "name,min,max\n");
        Outcome badHeader = run("--features", header.toString(), "--people", people, "--panel-size", "20", "--seed", "1",
                "--out", out);
        assertEquals(1, badHeader.code());
        assertTrue(badHeader.err().contains("feature,value,min,max"), badHeader.err());

        Path noColumn = temp.resolve("people.csv");
        Files.writeString(noColumn, "gender\nfemale\nmale\n");
        Outcome column = run("--features", example("example_small_20/categories.csv").toString(), "--people",
                noColumn.toString(), "--panel-size", "1", "--seed", "1", "--out", out);
        assertEquals(1, column.code());
        assertTrue(column.err().contains("no column for leaning"), column.err());

        Path file = temp.resolve("taken");
        Files.writeString(file, "not a directory");
        Outcome target = run("--features", example("example_small_20/categories.csv").toString(), "--people", people,
                "--panel-size", "20", "--seed", "1", "--out", file.toString());
        assertEquals(1, target.code());
        assertTrue(target.err().contains("cannot write to"), target.err());

        for (Outcome o : List.of(missing, encoding, badHeader, column, target)) {
            assertFalse(o.err().contains("\tat "), "no stack trace: " + o.err());
        }
    }
}
