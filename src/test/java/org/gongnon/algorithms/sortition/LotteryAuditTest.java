package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The audit tells the three cases apart: the bound reached, the bound out of reach of whole panels, the engine short. */
class LotteryAuditTest {

    @Test
    void aLeximinLotteryOnAnOrdinaryPoolReachesTheBound() {
        SelectionProblem problem = SortitionExamples.load("example_small_20");
        LotteryAudit.Result audit = LotteryAudit.audit(problem, Leximin.leximin(problem), 10);
        assertEquals(LotteryAudit.Verdict.REACHES_BOUND, audit.verdict(), audit.summary());
        assertEquals(0.1, audit.bound(), 1e-9, "the published optimum, 10 %");
    }

    @Test
    void whenWholePanelsCannotReachTheRelaxationTheGapIsCertifiedNotBlamed() {
        // Types 110, 101, 011 fit the quotas only fractionally; the only whole panels are 111 with 000 (as in
        // LeximinExactnessTest), so the best lottery gives them nothing while the relaxation gives everyone a chance.
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
        LotteryAudit.Result audit = LotteryAudit.audit(problem, Leximin.leximin(problem), 10);
        assertEquals(LotteryAudit.Verdict.BOUND_UNREACHABLE, audit.verdict(), audit.summary());
        assertEquals(0.0, audit.minimum(), 1e-9);
        assertTrue(audit.gap() > 0.01, "the relaxation promises more: " + audit.summary());
    }

    @Test
    void aLotteryOfOnePanelIsCaughtShortOfTheOptimum() {
        SelectionProblem problem = SortitionExamples.load("example_small_20");
        Lottery leximin = Leximin.leximin(problem);
        Lottery.TypePanel first = leximin.panels().getFirst();
        Lottery onePanel = new Lottery(leximin.types(), List.of(new Lottery.TypePanel(first.seats(), 1.0)), "one panel");
        LotteryAudit.Result audit = LotteryAudit.audit(problem, onePanel, 10);
        assertEquals(LotteryAudit.Verdict.BELOW_OPTIMUM, audit.verdict(), audit.summary());
        assertTrue(audit.optimum() > audit.minimum() + LotteryAudit.GAP_TOLERANCE, audit.summary());
    }

    @Test
    void aPanelThatBreaksAQuotaMakesTheLotteryUnsound() {
        SelectionProblem problem = SortitionExamples.load("example_small_20");
        Lottery leximin = Leximin.leximin(problem);
        int[] seats = leximin.panels().getFirst().seats().clone();
        // Move every seat to the first stratum that can hold them: the panel size stays, the quotas break.
        int all = java.util.Arrays.stream(seats).sum();
        java.util.Arrays.fill(seats, 0);
        seats[0] = Math.min(all, leximin.types().types().getFirst().size());
        Lottery broken = new Lottery(leximin.types(), List.of(new Lottery.TypePanel(seats, 1.0)), "broken");
        LotteryAudit.Result audit = LotteryAudit.audit(problem, broken, 10);
        assertEquals(LotteryAudit.Verdict.UNSOUND, audit.verdict(), audit.summary());
        assertTrue(!audit.problems().isEmpty());
    }
}
