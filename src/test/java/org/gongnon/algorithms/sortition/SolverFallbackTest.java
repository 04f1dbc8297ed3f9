package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.gongnon.algorithms.sortition.benchmark.GeneratedPools;
import org.junit.jupiter.api.Test;

/**
 * The LP solvers the engine falls back on when one fails (LpSolvers) all solve its LPs, and to the same values,
 * so a fallback changes how a lottery was found but not which one. And every LEXIMIN lottery carries its
 * certificate.
 */
class SolverFallbackTest {

    @Test
    void theSimplexSolversFindTheSameRelaxedLevelsOnATightPool() {
        sameRelaxedLevels(SortitionExamples.load("tight_1727_110"), List.of("GLOP", "CLP"));
    }

    @Test
    void everyFallbackSolverFindsTheSameRelaxedLevels() {
        // PDLP, first-order, takes minutes for the whole level sequence of the 1,727-pool; the 200-pool is enough
        // to show it reads the same LPs.
        sameRelaxedLevels(SortitionExamples.load("example_large_200"), LpSolvers.ORDER);
    }

    private static void sameRelaxedLevels(SelectionProblem problem, List<String> solvers) {
        NativeSolvers.load();
        PanelSpace space = PanelSpace.of(problem, FeatureTypes.of(problem));
        Leximin.Relaxed glop = Leximin.relaxedLeximin(space, "GLOP");
        for (String solver : solvers) {
            Leximin.Relaxed other = Leximin.relaxedLeximin(space, solver);
            assertEquals(solver, other.solver());
            // The simplex solvers agree within the engine's probability tolerance (1e-7; CLP and GLOP differ by a
            // few 1e-9 on the tight pool); PDLP, first-order, asked for 1e-9, within 1e-6.
            double tolerance = solver.equals("PDLP") ? 1e-6 : Leximin.TOLERANCE;
            assertArrayEquals(glop.level(), other.level(), tolerance, solver);
            assertEquals(glop.firstLevel(), other.firstLevel(), tolerance, solver);
        }
    }

    @Test
    void theLotteryLpSolvesInEverySolverToTheSameGoal() {
        NativeSolvers.load();
        SelectionProblem problem = GeneratedPools.uniform1000().problem();
        PanelSpace space = PanelSpace.of(problem, FeatureTypes.of(problem));
        Lottery lottery = Leximin.leximin(problem);
        for (int solver = 0; solver < LpSolvers.ORDER.size(); solver++) {
            try (ColumnMaster master = new ColumnMaster(space, solver)) {
                for (Lottery.TypePanel panel : lottery.panels()) {
                    master.add(panel.seats());
                }
                // Maximise the smallest type probability over the lottery's panels: the lottery's own minimum.
                for (int t = 0; t < space.types; t++) {
                    master.target(t, space.size[t], 0);
                }
                double reached = master.solve().goal();
                assertEquals(lottery.minimumProbability(), reached, 1e-6, LpSolvers.ORDER.get(solver));
                assertEquals(LpSolvers.ORDER.get(solver), master.solversUsed());
            }
        }
    }

    @Test
    void leximinLotteriesCarryTheirCertificate() {
        Lottery lottery = Leximin.leximin(GeneratedPools.uniform1000().problem());
        Certificate certificate = lottery.certificate();
        assertEquals(Certificate.Method.RELAXATION_REACHED, certificate.method());
        assertTrue(certificate.gap() <= 1e-7, certificate.describe());
        assertEquals(lottery.minimumProbability(), certificate.relaxationBound(), 1e-7);
        assertEquals("GLOP", certificate.lpSolvers());
        assertTrue(certificate.orTools().matches("\\d+\\.\\d+\\.\\d+"), certificate.orTools());
        assertTrue(certificate.recordLines().startsWith("certificate=relaxation-reached\nrelaxation_bound=0."),
                certificate.recordLines());
    }
}
