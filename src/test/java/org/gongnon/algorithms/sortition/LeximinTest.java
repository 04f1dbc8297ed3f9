package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LeximinTest {

    /** A small skewed pool: gender, age and opinion drawn with a fixed seed, more men and more old. */
    static List<Person> skewedPool(int size, long seed) {
        Random random = new Random(seed);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String gender = random.nextDouble() < 0.65 ? "m" : "f";
            String age = random.nextDouble() < (gender.equals("m") ? 0.7 : 0.4) ? "old" : "young";
            String opinion = random.nextDouble() < 0.3 ? "pro" : random.nextDouble() < 0.5 ? "con" : "unsure";
            people.add(new Person("p" + i, Map.of("gender", gender, "age", age, "opinion", opinion)));
        }
        return people;
    }

    static List<Quota> quotas(int f, int m, int young, int old) {
        return List.of(new Quota("gender", "f", f, f), new Quota("gender", "m", m, m),
                new Quota("age", "young", young, young + 1), new Quota("age", "old", old - 1, old),
                new Quota("opinion", "pro", 1, 4), new Quota("opinion", "con", 1, 4), new Quota("opinion", "unsure", 1, 4));
    }

    /** The maximin value computed the slow, obvious way: an LP over every quota-satisfying panel of individuals. */
    static double bruteForceMaximin(SelectionProblem problem) {
        NativeSolvers.load();
        List<Person> pool = problem.pool();
        List<int[]> panels = new ArrayList<>();
        combinations(pool.size(), problem.panelSize(), 0, new int[problem.panelSize()], 0, panels, problem);
        MPSolver lp = MPSolver.createSolver("GLOP");
        MPVariable z = lp.makeNumVar(0, 1, "z");
        MPVariable[] lambda = new MPVariable[panels.size()];
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = lp.makeNumVar(0, 1, "l" + i);
        }
        MPConstraint sum = lp.makeConstraint(1, 1);
        Arrays.stream(lambda).forEach(l -> sum.setCoefficient(l, 1));
        for (int person = 0; person < pool.size(); person++) {
            MPConstraint c = lp.makeConstraint(0, Double.POSITIVE_INFINITY);
            c.setCoefficient(z, -1);
            for (int i = 0; i < panels.size(); i++) {
                for (int member : panels.get(i)) {
                    if (member == person) {
                        c.setCoefficient(lambda[i], 1);
                    }
                }
            }
        }
        lp.objective().setCoefficient(z, 1);
        lp.objective().setMaximization();
        assertEquals(MPSolver.ResultStatus.OPTIMAL, lp.solve());
        return z.solutionValue();
    }

    private static void combinations(int n, int k, int start, int[] chosen, int depth, List<int[]> out,
                                     SelectionProblem problem) {
        if (depth == k) {
            if (meetsQuotas(problem, Arrays.stream(chosen).mapToObj(problem.pool()::get).toList())) {
                out.add(chosen.clone());
            }
            return;
        }
        for (int i = start; i < n; i++) {
            chosen[depth] = i;
            combinations(n, k, i + 1, chosen, depth + 1, out, problem);
        }
    }

    static boolean meetsQuotas(SelectionProblem problem, List<Person> panel) {
        if (panel.size() != problem.panelSize()) {
            return false;
        }
        for (Quota q : problem.quotas()) {
            long n = panel.stream().filter(p -> q.value().equals(p.value(q.feature()))).count();
            if (n < q.min() || n > q.max()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theMinimumProbabilityIsTheTrueOptimum() {
        for (long seed = 1; seed <= 3; seed++) {
            SelectionProblem problem = new SelectionProblem(skewedPool(14, seed), quotas(3, 3, 3, 3), 6);
            double optimum = bruteForceMaximin(problem);
            assertTrue(optimum > 0 && optimum < 1, "a non-trivial instance: " + optimum);
            assertEquals(optimum, Leximin.maximin(problem).minimumProbability(), 1e-6, "maximin, seed " + seed);
            assertEquals(optimum, Leximin.leximin(problem).minimumProbability(), 1e-6, "leximin, seed " + seed);
        }
    }

    @Test
    void leximinIsAtLeastAsFairAsMaximinBeyondTheMinimum() {
        SelectionProblem problem = new SelectionProblem(skewedPool(40, 7), quotas(5, 5, 5, 5), 10);
        double[] leximin = sorted(Leximin.leximin(problem));
        double[] maximin = sorted(Leximin.maximin(problem));
        for (int i = 0; i < leximin.length; i++) {
            if (Math.abs(leximin[i] - maximin[i]) > 1e-6) {
                assertTrue(leximin[i] > maximin[i], "leximin's sorted probabilities win at the first difference");
                return;
            }
        }
    }

    @Test
    void theLotteryIsAProperDistributionOverQuotaPanels() {
        SelectionProblem problem = new SelectionProblem(skewedPool(60, 11), quotas(6, 6, 6, 6), 12);
        Lottery lottery = Leximin.leximin(problem);
        assertEquals(1.0, lottery.panels().stream().mapToDouble(Lottery.TypePanel::probability).sum(), 1e-9);
        assertEquals(12.0, lottery.personProbabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-6,
                "expected panel size");
        assertEquals(60, lottery.personProbabilities().size());
        for (long seed = 0; seed < 20; seed++) {
            assertTrue(meetsQuotas(problem, lottery.draw(seed)), "every drawn panel meets the quotas");
        }
    }

    @Test
    void theSameSeedDrawsTheSamePanel() {
        SelectionProblem problem = new SelectionProblem(skewedPool(60, 11), quotas(6, 6, 6, 6), 12);
        List<String> first = Leximin.leximin(problem).draw(20261122L).stream().map(Person::id).toList();
        List<String> again = Leximin.leximin(problem).draw(20261122L).stream().map(Person::id).toList();
        assertEquals(first, again);
        Lottery lottery = Leximin.leximin(problem);
        long distinct = java.util.stream.LongStream.range(0, 50)
                .mapToObj(seed -> lottery.draw(seed).stream().map(Person::id).sorted().toList()).distinct().count();
        assertTrue(distinct > 1, "other seeds draw other panels");
    }

    @Test
    void infeasibleQuotasFailWithTheDiagnosis() {
        List<Person> pool = skewedPool(20, 3);
        List<Quota> impossible = List.of(new Quota("gender", "f", 15, 15), new Quota("gender", "m", 0, 15),
                new Quota("age", "young", 0, 20), new Quota("age", "old", 0, 20),
                new Quota("opinion", "pro", 0, 20), new Quota("opinion", "con", 0, 20), new Quota("opinion", "unsure", 0, 20));
        InfeasibleQuotasException e = assertThrows(InfeasibleQuotasException.class,
                () -> Leximin.leximin(new SelectionProblem(pool, impossible, 15)));
        assertTrue(e.getMessage().contains("gender=f"), e.getMessage());
    }

    private static double[] sorted(Lottery lottery) {
        return lottery.personProbabilities().values().stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }
}
