package org.gongnon.algorithms.sortition.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongnon.algorithms.sortition.Feasibility;
import org.gongnon.algorithms.sortition.FeatureTypes;
import org.gongnon.algorithms.sortition.SelectionProblem;
import org.junit.jupiter.api.Test;

class GeneratedPoolsTest {

    @Test
    void theSameSeedGivesTheSamePoolAndQuotas() {
        List<GeneratedPools.Instance> first = GeneratedPools.all();
        List<GeneratedPools.Instance> again = GeneratedPools.all();
        for (int i = 0; i < first.size(); i++) {
            assertEquals(first.get(i).problem(), again.get(i).problem(), first.get(i).name());
        }
        // A fingerprint of the 2,000-person pool, so any change in the generated people shows (the benchmark
        // table in docs/benchmarks.md was measured on exactly these).
        List<org.gongnon.algorithms.sortition.Person> pool = GeneratedPools.correlated2000().problem().pool();
        assertEquals(java.util.Map.of("gender", "female", "age", "70+", "region", "daegu-gyeongbuk",
                "education", "college", "income", "q4", "housing", "owner", "opinion", "support"), pool.getFirst().features());
        assertEquals(java.util.Map.of("gender", "male", "age", "40-49", "region", "daejeon-chungcheong",
                "education", "middle-school", "income", "q2", "housing", "owner", "opinion", "oppose"), pool.getLast().features());
        SelectionProblem other = GeneratedPools.generate(List.of(GeneratedPools.GENDER, GeneratedPools.AGE), 200, 20,
                1.0, 1, false, 1L);
        SelectionProblem otherSeed = GeneratedPools.generate(List.of(GeneratedPools.GENDER, GeneratedPools.AGE), 200, 20,
                1.0, 1, false, 2L);
        assertNotEquals(other.pool(), otherSeed.pool());
    }

    @Test
    void theBenchmarkInstancesAreFeasibleAndAsDescribed() {
        for (GeneratedPools.Instance instance : GeneratedPools.all()) {
            SelectionProblem problem = instance.problem();
            assertTrue(Feasibility.check(problem).feasible(), instance.name() + " has quota panels");
            int types = FeatureTypes.of(problem).types().size();
            switch (instance.name()) {
                case "uniform-1000-300" -> {
                    assertEquals(1000, problem.pool().size());
                    assertEquals(300, problem.panelSize());
                    assertEquals(4, problem.features().size());
                    assertTrue(types > 170 && types <= 180, "types " + types);
                }
                case "correlated-2000-110" -> {
                    assertEquals(2000, problem.pool().size());
                    assertEquals(110, problem.panelSize());
                    assertEquals(7, problem.features().size());
                    assertTrue(types > 1400, "close to one type per person: " + types);
                }
                case "correlated-5000-500" -> {
                    assertEquals(5000, problem.pool().size());
                    assertEquals(500, problem.panelSize());
                    assertEquals(5, problem.features().size());
                }
                default -> throw new AssertionError("unknown instance " + instance.name());
            }
        }
    }

    @Test
    void thePoolLeansTheWayTheLatentScoreSays() {
        // Engaged people answer more often: graduates are over-represented (7 % of the population), the
        // undecided under-represented (35 %), by far more than sampling noise (about 0.4 and 0.7 points here).
        SelectionProblem problem = GeneratedPools.correlated5000().problem();
        double graduates = share(problem, "education", "graduate");
        double undecided = share(problem, "opinion", "undecided");
        assertTrue(graduates > 0.07 + 0.01, "graduates " + graduates);
        assertTrue(undecided < 0.35 - 0.03, "undecided " + undecided);
    }

    private static double share(SelectionProblem problem, String feature, String value) {
        return problem.pool().stream().filter(p -> value.equals(p.value(feature))).count() / (double) problem.pool().size();
    }
}
