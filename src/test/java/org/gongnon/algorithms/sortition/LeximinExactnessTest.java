package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gongnon.algorithms.sortition.benchmark.GeneratedPools;
import org.junit.jupiter.api.Test;

/**
 * LEXIMIN checked against an independent brute force over individuals: every quota panel enumerated, and
 * per level one LP for the value plus one LP per person to decide, without duals, who cannot rise above it.
 * Both routes of {@link Leximin} are checked: the relaxation with the face walk, and the paper's level by
 * level scheme (also the fallback when whole panels cannot reach the relaxation).
 */
class LeximinExactnessTest {

    private static final double EXACT = 1e-6;

    /** Small random pools with three binary features and one with three values; quotas around a random panel. */
    static SelectionProblem randomInstance(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int poolSize = 10 + random.nextInt(4);
        int panelSize = 4 + random.nextInt(3);
        List<Person> pool = new ArrayList<>();
        for (int i = 0; i < poolSize; i++) {
            // Skewed values, so the pool is unbalanced and the probabilities differ.
            pool.add(new Person("p" + i, Map.of("a", random.nextDouble() < 0.7 ? "1" : "0",
                    "b", random.nextDouble() < 0.4 ? "1" : "0", "c", random.nextDouble() < 0.5 ? "1" : "0",
                    "d", String.valueOf(random.nextInt(3)))));
        }
        List<Person> shuffled = new ArrayList<>(pool);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            java.util.Collections.swap(shuffled, i, random.nextInt(i + 1));
        }
        List<Person> somePanel = shuffled.subList(0, panelSize);
        List<Quota> quotas = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("a", List.of("0", "1"));
        values.put("b", List.of("0", "1"));
        values.put("c", List.of("0", "1"));
        values.put("d", List.of("0", "1", "2"));
        values.forEach((feature, list) -> {
            for (String value : list) {
                int n = (int) somePanel.stream().filter(p -> p.value(feature).equals(value)).count();
                // Exact quotas half of the time: tight quotas on small pools are where relaxations are not reachable.
                int slack = random.nextBoolean() ? 0 : 1;
                quotas.add(new Quota(feature, value, Math.max(0, n - slack), Math.min(panelSize, n + slack)));
            }
        });
        return new SelectionProblem(pool, quotas, panelSize);
    }

    @Test
    void leximinMatchesTheBruteForceLevelByLevel() {
        int unreachable = 0;
        for (long seed = 1; seed <= 25; seed++) {
            SelectionProblem problem = randomInstance(seed);
            double[] expected = bruteForceLeximin(problem);
            if (!Arrays.equals(roundedRelaxation(problem), Arrays.stream(expected).map(p -> Math.round(p * 1e6)).toArray())) {
                unreachable++;
            }
            assertArrayEquals(expected, sorted(Leximin.leximin(problem)), EXACT, "leximin, seed " + seed);
            assertArrayEquals(expected, sorted(Leximin.solve(problem, false, false)), EXACT, "level by level, seed " + seed);
            assertEquals(expected[0], Leximin.maximin(problem).minimumProbability(), EXACT, "maximin, seed " + seed);
            assertEquals(expected[0], Leximin.solve(problem, true, false).minimumProbability(), EXACT,
                    "maximin level by level, seed " + seed);
        }
        assertTrue(unreachable >= 3, "the fallback is exercised: " + unreachable + " instances where panels cannot reach the relaxation");
    }

    /** The relaxed leximin per person, sorted, in millionths. */
    private static double[] roundedRelaxation(SelectionProblem problem) {
        FeatureTypes types = FeatureTypes.of(problem);
        double[] level = Leximin.relaxedLeximin(PanelSpace.of(problem, types)).level();
        return types.types().stream().flatMap(t -> t.members().stream().map(m -> level[t.index()]))
                .mapToDouble(p -> Math.round(p * 1e6)).sorted().toArray();
    }

    @Test
    void edgeCasesGiveEveryoneTheObviousChance() {
        List<Person> pool = LeximinTest.skewedPool(12, 3);
        List<Quota> loose = List.of(new Quota("gender", "f", 0, 12), new Quota("gender", "m", 0, 12),
                new Quota("age", "young", 0, 12), new Quota("age", "old", 0, 12), new Quota("opinion", "pro", 0, 12),
                new Quota("opinion", "con", 0, 12), new Quota("opinion", "unsure", 0, 12));
        assertEquals(1.0, Leximin.leximin(new SelectionProblem(pool, loose, 12)).minimumProbability(), EXACT, "every seat");
        assertEquals(1.0 / 12, Leximin.leximin(new SelectionProblem(pool, loose, 1)).minimumProbability(), EXACT, "one seat");
        List<Person> alike = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            alike.add(new Person("s" + i, Map.of("gender", "f", "age", "old", "opinion", "pro")));
        }
        Lottery oneType = Leximin.leximin(new SelectionProblem(alike, loose, 4));
        assertEquals(4.0 / 9, oneType.minimumProbability(), EXACT, "one type");
        assertEquals(1, oneType.panels().size());
    }

    @Test
    void aRelaxationThatNoPanelsReachFallsBackToTheExactLevels() {
        // Types (a,b,c) = 110, 101, 011 fit the quotas only fractionally (half of each with 000): the LP
        // relaxation gives them positive chances, but the only whole panels are 111 with 000.
        List<Person> pool = new ArrayList<>();
        for (String type : List.of("110", "101", "011", "000", "111")) {
            for (int copy = 0; copy < 2; copy++) {
                pool.add(new Person(type + "-" + copy, Map.of("a", type.substring(0, 1), "b", type.substring(1, 2),
                        "c", type.substring(2, 3))));
            }
        }
        List<Quota> quotas = new ArrayList<>();
        for (String feature : List.of("a", "b", "c")) {
            quotas.add(new Quota(feature, "1", 1, 1));
            quotas.add(new Quota(feature, "0", 1, 1));
        }
        SelectionProblem problem = new SelectionProblem(pool, quotas, 2);
        Lottery lottery = Leximin.leximin(problem);
        assertArrayEquals(bruteForceLeximin(problem), sorted(lottery), EXACT);
        Map<String, Double> byPerson = lottery.personProbabilities();
        assertEquals(0.0, byPerson.get("110-0"), EXACT);
        assertEquals(0.5, byPerson.get("111-1"), EXACT);
        assertEquals(0.5, byPerson.get("000-0"), EXACT);
        // The certificate says how: the relaxation promises every type 1/6 (a third of a seat for each of the
        // fractional types, two thirds for 000 and a third for 111: every feature then has one 1 and one 0),
        // and exact pricing proved the minimum 0 cannot rise.
        Certificate certificate = lottery.certificate();
        assertEquals(Certificate.Method.EXACT_PRICING, certificate.method());
        assertEquals(1.0 / 6, certificate.relaxationBound(), 1e-9);
        assertTrue(certificate.gap() <= 1e-7, certificate.describe());
        // The first level (0, far below 1/6) cannot have been closed by the bound: an exact pricer proved it.
        List<String> closers = List.of(certificate.levelsClosedBy().split(", "));
        assertTrue(closers.contains("CP-SAT") || closers.contains("SCIP"), certificate.describe());
        assertTrue(List.of("relaxation bound", "CP-SAT", "SCIP").containsAll(closers), certificate.describe());
        assertTrue(certificate.recordLines().contains("\nlevels_closed_by=" + certificate.levelsClosedBy() + "\n"),
                certificate.recordLines());
    }

    @Test
    void onGeneratedPoolsTheLotteryReachesTheRelaxedLevelsWhichBoundEveryLottery() {
        checkReachesRelaxedLevels(GeneratedPools.uniform1000().problem());
        checkReachesRelaxedLevels(GeneratedPools.correlated5000().problem());
    }

    /**
     * The relaxed levels are upper bounds for any lottery; a lottery of quota panels that reaches them is
     * optimal. Checked from the panels themselves, independently of how they were found.
     */
    private static void checkReachesRelaxedLevels(SelectionProblem problem) {
        FeatureTypes types = FeatureTypes.of(problem);
        Lottery lottery = Leximin.leximin(problem);
        Leximin.Relaxed relaxed = Leximin.relaxedLeximin(PanelSpace.of(problem, types));
        double[] probabilities = lottery.typeProbabilities();
        for (int t = 0; t < probabilities.length; t++) {
            assertEquals(relaxed.level()[t], probabilities[t], EXACT, "type " + t);
        }
        PanelSpace space = PanelSpace.of(problem, types);
        assertEquals(1.0, lottery.panels().stream().mapToDouble(Lottery.TypePanel::probability).sum(), 1e-9);
        for (Lottery.TypePanel panel : lottery.panels()) {
            assertTrue(space.feasible(panel.seats()), "every panel meets the quotas");
            assertTrue(panel.probability() > 0);
        }
        assertTrue(Arrays.stream(relaxed.level()).distinct().count() > 3, "a non-trivial instance");
        assertEquals(Arrays.stream(relaxed.level()).min().orElseThrow(), lottery.minimumProbability(), EXACT);
    }

    private static double[] sorted(Lottery lottery) {
        return lottery.personProbabilities().values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** Sorted leximin probabilities of the individuals, by enumeration and LPs that need no duals. */
    static double[] bruteForceLeximin(SelectionProblem problem) {
        NativeSolvers.load();
        int n = problem.pool().size();
        List<int[]> panels = new ArrayList<>();
        choose(problem, 0, new int[problem.panelSize()], 0, panels);
        assertTrue(!panels.isEmpty(), "the instance has a quota panel");
        double[] fixed = new double[n];
        Arrays.fill(fixed, Double.NaN);
        int unfixed = n;
        while (unfixed > 0) {
            double level = maximise(problem, panels, fixed, -1, Double.NaN);
            List<Integer> stuck = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (Double.isNaN(fixed[i]) && maximise(problem, panels, fixed, i, level) <= level + 1e-7) {
                    stuck.add(i);
                }
            }
            assertTrue(!stuck.isEmpty(), "someone is stuck at every level");
            for (int i : stuck) {
                fixed[i] = level;
                unfixed--;
            }
        }
        return Arrays.stream(fixed).sorted().toArray();
    }

    /**
     * person < 0: the largest z with every unfixed probability at least z. Otherwise: the largest
     * probability of that person with every other unfixed one at least {@code level}. Fixed people keep
     * their values in both.
     */
    private static double maximise(SelectionProblem problem, List<int[]> panels, double[] fixed, int person,
                                   double level) {
        int n = fixed.length;
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            MPVariable z = lp.makeNumVar(0, 1, "z");
            MPVariable[] lambda = new MPVariable[panels.size()];
            MPConstraint sum = lp.makeConstraint(1, 1);
            MPConstraint[] chance = new MPConstraint[n];
            for (int i = 0; i < n; i++) {
                double floor = !Double.isNaN(fixed[i]) ? fixed[i] - 1e-9 : person >= 0 && i != person ? level - 1e-9 : 0;
                chance[i] = lp.makeConstraint(floor, Double.POSITIVE_INFINITY);
                if (person < 0 && Double.isNaN(fixed[i])) {
                    chance[i].setCoefficient(z, -1);
                }
            }
            for (int j = 0; j < lambda.length; j++) {
                lambda[j] = lp.makeNumVar(0, 1, "l" + j);
                sum.setCoefficient(lambda[j], 1);
                for (int member : panels.get(j)) {
                    chance[member].setCoefficient(lambda[j], 1);
                }
            }
            if (person < 0) {
                lp.objective().setCoefficient(z, 1);
            } else {
                for (int j = 0; j < lambda.length; j++) {
                    if (Arrays.stream(panels.get(j)).anyMatch(m -> m == person)) {
                        lp.objective().setCoefficient(lambda[j], 1);
                    }
                }
            }
            lp.objective().setMaximization();
            assertEquals(MPSolver.ResultStatus.OPTIMAL, lp.solve());
            return lp.objective().value();
        } finally {
            lp.delete();
        }
    }

    private static void choose(SelectionProblem problem, int start, int[] chosen, int depth, List<int[]> out) {
        if (depth == chosen.length) {
            Map<String, Integer> counts = new HashMap<>();
            for (int i : chosen) {
                problem.pool().get(i).features().forEach((f, v) -> counts.merge(f + "=" + v, 1, Integer::sum));
            }
            boolean meets = problem.quotas().stream().allMatch(q -> {
                int c = counts.getOrDefault(q.feature() + "=" + q.value(), 0);
                return c >= q.min() && c <= q.max();
            });
            if (meets) {
                out.add(chosen.clone());
            }
            return;
        }
        for (int i = start; i < problem.pool().size(); i++) {
            chosen[depth] = i;
            choose(problem, i + 1, chosen, depth + 1, out);
        }
    }
}
