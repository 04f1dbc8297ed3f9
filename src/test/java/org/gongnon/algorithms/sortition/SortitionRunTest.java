package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.gongnon.algorithms.sortition.SortitionRun.Algorithm;
import org.junit.jupiter.api.Test;

class SortitionRunTest {

    static final SelectionProblem SMALL = SortitionExamples.load("example_small_20");

    /** The same problem with pool and quotas in another order. */
    static SelectionProblem shuffled(SelectionProblem problem, long seed) {
        List<Person> pool = new ArrayList<>(problem.pool());
        List<Quota> quotas = new ArrayList<>(problem.quotas());
        Collections.shuffle(pool, new Random(seed));
        Collections.shuffle(quotas, new Random(seed));
        return new SelectionProblem(pool, quotas, problem.panelSize());
    }

    static List<Person> people(SelectionProblem problem, List<String> ids) {
        Map<String, Person> byId = new java.util.HashMap<>();
        problem.pool().forEach(p -> byId.put(p.id(), p));
        return ids.stream().map(byId::get).toList();
    }

    @Test
    void sameInputsAndSeedGiveTheSamePanelAndReservesWhateverTheInputOrder() {
        for (Algorithm algorithm : Algorithm.values()) {
            // The small example has a cell of one person where the population wants seven: cell-stratified
            // sampling cannot fill it (tested below), so it is checked on a pool whose cells are big enough.
            SelectionProblem problem = algorithm == Algorithm.CELL_STRATIFIED
                    ? new SelectionProblem(cells(15, 25, 15, 40), genderAge(10, 10, 6, 14), 20) : SMALL;
            SortitionResult first = SortitionRun.run(problem, algorithm, 20261122L, 4);
            SortitionResult again = SortitionRun.run(shuffled(problem, 99), algorithm, 20261122L, 4);
            assertEquals(first.fingerprint(), again.fingerprint(), algorithm.name());
            assertEquals(first.panel(), again.panel(), algorithm + ": same panel");
            assertEquals(first.reserves(), again.reserves(), algorithm + ": same reserves");
            assertEquals(first.probabilities(), again.probabilities(), algorithm + ": same probabilities");

            assertEquals(20, first.panel().size());
            assertTrue(LeximinTest.meetsQuotas(problem, people(problem, first.panel())), algorithm + " meets the quotas");
            assertEquals(4, first.reserves().size());
            Set<String> panel = new HashSet<>(first.panel());
            assertTrue(first.reserves().stream().noneMatch(panel::contains), algorithm + ": reserves are not on the panel");
            assertEquals(4, new HashSet<>(first.reserves()).size());
            assertEquals(problem.pool().size(), first.probabilities().size(), "a probability for every pool member");

            long panels = LongStream.range(0, 8).mapToObj(seed -> SortitionRun.run(problem, algorithm, seed, 4).panel())
                    .distinct().count();
            assertTrue(panels > 1, algorithm + ": other seeds draw other panels");
        }
    }

    @Test
    void aSkewedPoolIsDrawnWithinItsQuotasByEveryQuotaMeetingAlgorithm() {
        SelectionProblem problem = new SelectionProblem(LeximinTest.skewedPool(60, 11), LeximinTest.quotas(6, 6, 6, 6), 12);
        for (Algorithm algorithm : List.of(Algorithm.LEXIMIN, Algorithm.MAXIMIN, Algorithm.LEGACY)) {
            for (long seed = 0; seed < 5; seed++) {
                SortitionResult result = SortitionRun.run(problem, algorithm, seed, SortitionRun.defaultReserveCount(12));
                assertTrue(LeximinTest.meetsQuotas(problem, people(problem, result.panel())), algorithm + " seed " + seed);
                assertEquals(3, result.reserves().size(), "20 % of 12, rounded up");
                SortitionResult again = SortitionRun.run(problem, algorithm, seed, 3);
                assertEquals(result.panel(), again.panel(), algorithm + " reproducible");
                assertEquals(result.reserves(), again.reserves(), algorithm + " reproducible");
            }
        }
    }

    @Test
    void leximinMatchesThePublishedMinimumOnBothExamples() {
        // Flanigan et al. (2021), replication repository: LEXIMIN's minimum probability is exactly 10.0 %.
        for (String example : List.of("example_small_20", "example_large_200")) {
            SortitionResult result = SortitionRun.run(SortitionExamples.load(example), Algorithm.LEXIMIN, 1, 0);
            assertEquals(0.1, result.minimumProbability(), 1e-6, example);
            assertTrue(result.exactProbabilities());
        }
    }

    /** A pool with the given number of people in each gender × age cell: f-young, f-old, m-young, m-old. */
    static List<Person> cells(int fYoung, int fOld, int mYoung, int mOld) {
        List<Person> pool = new ArrayList<>();
        int[] sizes = {fYoung, fOld, mYoung, mOld};
        String[][] values = {{"f", "young"}, {"f", "old"}, {"m", "young"}, {"m", "old"}};
        for (int c = 0; c < 4; c++) {
            for (int i = 0; i < sizes[c]; i++) {
                pool.add(new Person(values[c][0] + values[c][1] + i, Map.of("gender", values[c][0], "age", values[c][1])));
            }
        }
        return pool;
    }

    static List<Quota> genderAge(int f, int m, int young, int old) {
        return List.of(new Quota("gender", "f", f, f), new Quota("gender", "m", m, m),
                new Quota("age", "young", young, young), new Quota("age", "old", old, old));
    }

    @Test
    void cellStratifiedSeatsFollowThePopulationNotThePool() {
        // Quotas say 50 % women and 30 % young, so cells get 20 × 0.5 × 0.3 = 3 and 20 × 0.5 × 0.7 = 7
        // seats, however skewed the pool (5, 10, 6 and 20 people): probability = seats / cell size.
        SelectionProblem problem = new SelectionProblem(cells(5, 10, 6, 20), genderAge(10, 10, 6, 14), 20);
        SortitionResult result = SortitionRun.run(problem, Algorithm.CELL_STRATIFIED, 5, 4);
        assertEquals(3 / 5.0, result.probabilities().get("fyoung0"), 1e-12);
        assertEquals(7 / 10.0, result.probabilities().get("fold0"), 1e-12);
        assertEquals(3 / 6.0, result.probabilities().get("myoung0"), 1e-12);
        assertEquals(7 / 20.0, result.probabilities().get("mold0"), 1e-12);
        assertEquals(1, result.lottery().panels().size());
        List<Person> panel = people(problem, result.panel());
        assertEquals(3, panel.stream().filter(p -> p.value("gender").equals("f") && p.value("age").equals("young")).count());
        assertEquals(7, panel.stream().filter(p -> p.value("gender").equals("m") && p.value("age").equals("old")).count());
    }

    @Test
    void cellStratifiedNamesCellsThePoolCannotFill() {
        SelectionProblem problem = new SelectionProblem(cells(2, 10, 6, 20), genderAge(10, 10, 6, 14), 20);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SortitionRun.run(problem, Algorithm.CELL_STRATIFIED, 1, 0));
        assertTrue(e.getMessage().contains("age=young, gender=f: pool has 2, the cell needs 3"), e.getMessage());
    }

    @Test
    void cellStratifiedRefusesSeatsThatBreakAQuota() {
        // 10 seats at 50 % × 30 %: 1.5, 3.5, 1.5, 3.5; the largest remainders tie and go to the cells listed
        // first (both female), so women get 6 seats against a quota of exactly 5.
        SelectionProblem problem = new SelectionProblem(cells(10, 10, 10, 10), genderAge(5, 5, 3, 7), 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SortitionRun.run(problem, Algorithm.CELL_STRATIFIED, 1, 0));
        assertTrue(e.getMessage().contains("gender=f gets 6 seats"), e.getMessage());
    }

    @Test
    void legacyProbabilitiesAreEstimatedFromFixedRunsNotFromTheSeed() {
        SortitionResult one = SortitionRun.run(SMALL, Algorithm.LEGACY, 1, 0);
        SortitionResult two = SortitionRun.run(SMALL, Algorithm.LEGACY, 2, 0);
        assertEquals(1_000, one.estimationRuns());
        assertEquals(one.probabilities(), two.probabilities());
        assertEquals(20.0, one.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9,
                "every run seats 20");
        // The lone female conservative is the one LEGACY neglects (published: at most 1.21 %).
        assertTrue(one.probabilities().get("1") < 0.03, "estimated " + one.probabilities().get("1"));
        assertEquals(1_000, SortitionRun.legacyRuns(SortitionExamples.load("example_large_200")));
        List<Person> big = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            big.add(new Person("p" + i, Map.of("gender", i % 2 == 0 ? "female" : "male",
                    "leaning", i % 3 == 0 ? "liberal" : "conservative")));
        }
        assertEquals(SortitionRun.LEGACY_MIN_RUNS, SortitionRun.legacyRuns(new SelectionProblem(big, SMALL.quotas(), 500)),
                "fewer runs for a big pool");
    }

    @Test
    void theFingerprintNamesTheAlgorithmAndReserveCount() {
        String leximin = SortitionRun.run(SMALL, Algorithm.LEXIMIN, 1, 4).fingerprint();
        assertEquals(InputsFingerprint.of(SMALL, "leximin/2", 4), leximin);
        assertNotEquals(leximin, SortitionRun.run(SMALL, Algorithm.MAXIMIN, 1, 4).fingerprint());
        assertNotEquals(leximin, SortitionRun.run(SMALL, Algorithm.LEXIMIN, 1, 5).fingerprint());
        assertEquals(leximin, SortitionRun.run(SMALL, Algorithm.LEXIMIN, 2, 4).fingerprint(), "the seed is not an input");
    }

    @Test
    void infeasibleQuotasStopEveryAlgorithmWithTheDiagnosis() {
        List<Quota> impossible = List.of(new Quota("gender", "female", 15, 20), new Quota("gender", "male", 0, 20),
                new Quota("leaning", "conservative", 15, 20), new Quota("leaning", "liberal", 0, 20));
        SelectionProblem problem = new SelectionProblem(SMALL.pool(), impossible, 20);
        for (Algorithm algorithm : Algorithm.values()) {
            InfeasibleQuotasException e = assertThrows(InfeasibleQuotasException.class,
                    () -> SortitionRun.run(problem, algorithm, 1, 4));
            // 15 women and 15 conservatives among 20 need 10 female conservatives; the pool has 1, so the
            // minimums must come down by 9 seats in all.
            assertEquals(9, e.diagnosis().relaxations().stream().mapToInt(r -> r.quota().min() - r.relaxed().min()).sum(),
                    algorithm + ": " + e.diagnosis().relaxations());
        }
    }

    @Test
    void algorithmsAreParsedByTheirLabels() {
        assertEquals(Algorithm.CELL_STRATIFIED, Algorithm.parse("Cell_Stratified"));
        assertEquals(Algorithm.LEXIMIN, Algorithm.parse("leximin"));
        assertEquals("legacy/1", Algorithm.LEGACY.version());
        assertThrows(IllegalArgumentException.class, () -> Algorithm.parse("random"));
        assertEquals(4, SortitionRun.defaultReserveCount(20));
        assertEquals(1, SortitionRun.defaultReserveCount(1));
    }
}
