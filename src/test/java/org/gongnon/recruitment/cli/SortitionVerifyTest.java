package org.gongnon.recruitment.cli;

import static org.gongnon.recruitment.cli.SortitionCommandTest.example;
import static org.gongnon.recruitment.cli.SortitionCommandTest.lines;
import static org.gongnon.recruitment.cli.SortitionCommandTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The uniform lottery over published panels from the command line, and {@code sortition verify}: a directory the
 * command wrote verifies; any change to its panel, reserves, probabilities, list or inputs is named.
 */
class SortitionVerifyTest {

    @TempDir
    Path temp;

    private final String features = example("example_large_200/categories.csv").toString();
    private final String people = example("example_large_200/respondents.csv").toString();

    private SortitionCommandTest.Outcome draw(String... more) {
        List<String> args = new ArrayList<>(List.of("--features", features, "--people", people, "--panel-size", "200"));
        args.addAll(Arrays.asList(more));
        return run(args.toArray(String[]::new));
    }

    private SortitionCommandTest.Outcome verify(Path dir) {
        return run("verify", dir.toString(), "--features", features, "--people", people);
    }

    @Test
    void theListIsPublishedFirstThenTheNumberDrawnPicksAPanelAndBothVerify() throws IOException {
        Path dir = temp.resolve("uniform");
        SortitionCommandTest.Outcome listed = draw("--uniform-panels", "1000", "--out", dir.toString());
        assertEquals(0, listed.code(), listed.err());
        assertTrue(listed.out().contains("not drawn yet"), listed.out());
        assertFalse(Files.exists(dir.resolve("panel.csv")), "no panel before the number is drawn");

        List<String> panels = lines(dir.resolve("panels.csv"));
        assertEquals("number,members", panels.getFirst());
        assertEquals(1001, panels.size());
        Map<String, Integer> appearances = new HashMap<>();
        for (int n = 1; n <= 1000; n++) {
            String[] cells = panels.get(n).split(",", -1);
            assertEquals(String.valueOf(n), cells[0]);
            String[] members = cells[1].split(" ", -1);
            assertEquals(200, members.length, "single spaces, 200 members in panel " + n);
            for (String id : members) {
                appearances.merge(id, 1, Integer::sum);
            }
        }
        // probabilities.csv is each person's share of the list, counted here from panels.csv alone.
        List<String> probabilities = lines(dir.resolve("probabilities.csv"));
        assertEquals(2001, probabilities.size());
        for (String row : probabilities.subList(1, probabilities.size())) {
            String[] cells = row.split(",");
            assertEquals(appearances.getOrDefault(cells[0], 0) / 1000.0, Double.parseDouble(cells[1]), 1e-12, row);
        }
        assertEquals(0, verify(dir).code(), "the published list verifies before any number is drawn");

        SortitionCommandTest.Outcome drawn = draw("--uniform-panels", "1000", "--draw", "417", "--out", dir.toString());
        assertEquals(0, drawn.code(), drawn.err());
        List<String> panel = lines(dir.resolve("panel.csv"));
        assertEquals(List.of(panels.get(417).split(",")[1].split(" ")), panel.subList(1, panel.size()),
                "panel.csv is panel 417 of the published list");
        assertEquals(41, lines(dir.resolve("reserves.csv")).size());
        assertTrue(lines(dir.resolve("record.txt")).contains("panel_number=417"));
        SortitionCommandTest.Outcome verified = verify(dir);
        assertEquals(0, verified.code(), verified.out() + verified.err());
        assertTrue(verified.out().startsWith("verified"), verified.out());

        // Another panel of the same list in panel.csv: named.
        Files.write(dir.resolve("panel.csv"), ("id\n" + panels.get(418).split(",")[1].replace(' ', '\n') + "\n")
                .getBytes(StandardCharsets.UTF_8));
        SortitionCommandTest.Outcome swapped = verify(dir);
        assertEquals(SortitionCommand.DIFFERS, swapped.code());
        assertTrue(swapped.out().startsWith("differs: panel.csv line "), swapped.out());

        // One member moved between two panels of the list: named with its line.
        List<String> edited = new ArrayList<>(panels);
        edited.set(10, "10," + panels.get(11).split(",")[1]);
        Files.write(dir.resolve("panels.csv"), (String.join("\n", edited) + "\n").getBytes(StandardCharsets.UTF_8));
        SortitionCommandTest.Outcome listChanged = verify(dir);
        assertEquals(SortitionCommand.DIFFERS, listChanged.code());
        assertTrue(listChanged.out().contains("panels.csv line 11"), listChanged.out());
    }

    @Test
    void aSeedInsteadOfADrawnNumberPicksTheSamePanelEveryTime() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        assertEquals(0, draw("--uniform-panels", "500", "--seed", "20261207", "--out", a.toString()).code());
        assertEquals(0, draw("--uniform-panels", "500", "--seed", "20261207", "--out", b.toString()).code());
        assertEquals(lines(a.resolve("panel.csv")), lines(b.resolve("panel.csv")));
        assertEquals(0, verify(a).code());
        List<String> record = new ArrayList<>(lines(a.resolve("record.txt")));
        record.replaceAll(l -> l.startsWith("seed=") ? "seed=20261208" : l);
        Files.write(a.resolve("record.txt"), record);
        SortitionCommandTest.Outcome o = verify(a);
        assertEquals(SortitionCommand.DIFFERS, o.code());
        assertTrue(o.out().contains("the seed 20261208 picks"), o.out());
    }

    @Test
    void anOrdinaryDrawVerifiesAndEveryChangeIsNamed() throws IOException {
        Path dir = temp.resolve("leximin");
        assertEquals(0, draw("--seed", "5", "--out", dir.toString(), "--reserves", "30").code());
        assertEquals(0, verify(dir).code());

        List<String> reserves = new ArrayList<>(lines(dir.resolve("reserves.csv")));
        java.util.Collections.swap(reserves, 1, 2);
        Files.write(dir.resolve("reserves.csv"), reserves);
        SortitionCommandTest.Outcome o = verify(dir);
        assertEquals(SortitionCommand.DIFFERS, o.code());
        assertTrue(o.out().startsWith("differs: reserves.csv line 2: "), o.out());

        // The same directory against a people file with one value changed: the fingerprint says so first.
        List<String> pool = new ArrayList<>(lines(Path.of(people)));
        String header = pool.getFirst();
        String changed = pool.get(5);
        String[] cells = changed.split(",", -1);
        int column = Arrays.asList(header.split(",")).indexOf("gender");
        cells[column] = cells[column].equals("female") ? "male" : "female";
        pool.set(5, String.join(",", cells));
        Path otherPeople = temp.resolve("people.csv");
        Files.write(otherPeople, pool);
        SortitionCommandTest.Outcome other = run("verify", dir.toString(), "--features", features,
                "--people", otherPeople.toString());
        assertEquals(SortitionCommand.DIFFERS, other.code());
        assertTrue(other.out().startsWith("differs: fingerprint: recorded "), other.out());
    }

    @Test
    void wrongUseIsRefusedWithAClearMessage() {
        assertEquals(SortitionCommand.USAGE, draw("--draw", "3", "--out", temp.resolve("x").toString()).code());
        SortitionCommandTest.Outcome beyond = draw("--uniform-panels", "10", "--draw", "11", "--out",
                temp.resolve("y").toString());
        assertEquals(SortitionCommand.USAGE, beyond.code());
        assertTrue(beyond.err().contains("panels 1 to 10"), beyond.err());
        assertEquals(SortitionCommand.USAGE, draw("--uniform-panels", "10", "--algorithm", "maximin", "--seed", "1",
                "--out", temp.resolve("z").toString()).code());
        assertEquals(SortitionCommand.USAGE, run("verify").code());
        SortitionCommandTest.Outcome empty = run("verify", temp.toString(), "--features", features, "--people", people);
        assertEquals(SortitionCommand.FAILED, empty.code());
        assertTrue(empty.err().contains("holds no record.txt"), empty.err());
    }
}
