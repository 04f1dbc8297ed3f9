package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LegacyGreedyTest {

    @Test
    void drawsPanelsThatMeetTheQuotasReproducibly() {
        SelectionProblem problem = new SelectionProblem(LeximinTest.skewedPool(60, 11), LeximinTest.quotas(6, 6, 6, 6), 12);
        for (long seed = 0; seed < 20; seed++) {
            List<Person> panel = LegacyGreedy.draw(problem, seed).orElseThrow();
            assertTrue(LeximinTest.meetsQuotas(problem, panel), "seed " + seed);
            assertEquals(panel, LegacyGreedy.draw(problem, seed).orElseThrow(), "same seed, same panel");
        }
    }

    @Test
    void impossibleQuotasGiveNoPanel() {
        List<Person> pool = LeximinTest.skewedPool(20, 3);
        List<Quota> impossible = List.of(new Quota("gender", "f", 15, 15), new Quota("gender", "m", 0, 15),
                new Quota("age", "young", 0, 20), new Quota("age", "old", 0, 20),
                new Quota("opinion", "pro", 0, 20), new Quota("opinion", "con", 0, 20), new Quota("opinion", "unsure", 0, 20));
        assertEquals(Optional.empty(), LegacyGreedy.draw(new SelectionProblem(pool, impossible, 15), 1));
    }

    @Test
    void leximinIsNeverLessFairThanTheLegacyBaseline() {
        // The empirical minimum selection frequency of legacy over many draws, against LEXIMIN's exact minimum.
        SelectionProblem problem = new SelectionProblem(LeximinTest.skewedPool(30, 5), LeximinTest.quotas(4, 4, 4, 4), 8);
        java.util.Map<String, Integer> counts = new java.util.HashMap<>();
        int draws = 2000;
        for (long seed = 0; seed < draws; seed++) {
            LegacyGreedy.draw(problem, seed).orElseThrow().forEach(p -> counts.merge(p.id(), 1, Integer::sum));
        }
        double legacyMin = problem.pool().stream().mapToDouble(p -> counts.getOrDefault(p.id(), 0) / (double) draws)
                .min().orElseThrow();
        double leximinMin = Leximin.leximin(problem).minimumProbability();
        // 2,000 draws estimate a frequency to within about ±0.02; LEXIMIN is optimal, so it can only be ahead.
        assertTrue(leximinMin >= legacyMin - 0.02, "leximin " + leximinMin + " vs legacy " + legacyMin);
    }
}
