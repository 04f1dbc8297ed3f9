package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReplacementTest {

    /** f/m × young/old; ids say the stratum: fy1, fo2, my3, … */
    static SelectionProblem problem(List<Quota> quotas, int panelSize) {
        List<Person> pool = new ArrayList<>();
        for (String g : List.of("f", "m")) {
            for (String a : List.of("y", "o")) {
                for (int i = 1; i <= 4; i++) {
                    pool.add(new Person(g + a + i, Map.of("gender", g, "age", a)));
                }
            }
        }
        return new SelectionProblem(pool, quotas, panelSize);
    }

    static final List<Quota> LOOSE = List.of(new Quota("gender", "f", 1, 3), new Quota("gender", "m", 1, 3),
            new Quota("age", "y", 1, 3), new Quota("age", "o", 1, 3));

    @Test
    void theFirstReserveOfTheSameStratumComesFirstEvenBehindOthers() {
        SelectionProblem problem = problem(LOOSE, 4);
        Replacement.Proposal p = Replacement.propose(problem, List.of("fy1", "fo1", "my1", "mo1"),
                List.of("mo2", "my2", "fy2", "fy3"), "fy1");
        assertEquals(Optional.of("fy2"), p.reserveId());
        assertTrue(p.sameStratum());
        assertTrue(p.reason().contains("same stratum"), p.reason());
    }

    @Test
    void withoutSameStratumTheFirstReserveKeepingEveryQuotaIsProposed() {
        // A young woman leaves and no young woman is in reserve. With every quota exactly 2, a man breaks
        // the women's minimum and an old woman the young minimum: nobody fits. With age quotas of 1..3,
        // the old woman fits, although a man comes first in reserve order.
        List<Quota> tight = List.of(new Quota("gender", "f", 2, 2), new Quota("gender", "m", 2, 2),
                new Quota("age", "y", 2, 2), new Quota("age", "o", 2, 2));
        SelectionProblem strict = problem(tight, 4);
        List<String> panel = List.of("fy1", "fo1", "my1", "mo1");
        Replacement.Proposal none = Replacement.propose(strict, panel, List.of("mo2", "fo2", "my2"), "fy1");
        assertEquals(Optional.empty(), none.reserveId());
        assertFalse(none.sameStratum());
        assertTrue(none.reason().contains("mo2 would break gender=f"), none.reason());
        assertTrue(none.reason().contains("fo2 would break age=y"), none.reason());

        List<Quota> youngFlexible = List.of(new Quota("gender", "f", 2, 2), new Quota("gender", "m", 2, 2),
                new Quota("age", "y", 1, 3), new Quota("age", "o", 1, 3));
        Replacement.Proposal swap = Replacement.propose(problem(youngFlexible, 4), panel,
                List.of("mo2", "fo2", "my2"), "fy1");
        assertEquals(Optional.of("fo2"), swap.reserveId(), "mo2 comes first but breaks the women's quota");
        assertFalse(swap.sameStratum());
        assertTrue(swap.reason().contains("keeps every quota"), swap.reason());
    }

    @Test
    void noReservesLeftIsSaid() {
        Replacement.Proposal p = Replacement.propose(problem(LOOSE, 4), List.of("fy1", "fo1", "my1", "mo1"), List.of(), "mo1");
        assertEquals(Optional.empty(), p.reserveId());
        assertEquals("no reserves are left", p.reason());
    }

    @Test
    void inconsistentCallsAreRefused() {
        SelectionProblem problem = problem(LOOSE, 4);
        List<String> panel = List.of("fy1", "fo1", "my1", "mo1");
        assertThrows(IllegalArgumentException.class, () -> Replacement.propose(problem, panel, List.of("fy2"), "fy2"),
                "the person leaving must be on the panel");
        assertThrows(IllegalArgumentException.class, () -> Replacement.propose(problem, panel, List.of("fo1"), "fy1"),
                "a reserve cannot already sit on the panel");
        assertThrows(IllegalArgumentException.class, () -> Replacement.propose(problem, panel, List.of("zz9"), "fy1"),
                "unknown ids are refused");
    }

    @Test
    void replacingEveryoneInTurnFromARealRunKeepsTheQuotas() {
        SelectionProblem problem = SortitionExamples.load("example_small_20");
        SortitionResult run = SortitionRun.run(problem, SortitionRun.Algorithm.LEXIMIN, 7, 40);
        List<String> panel = new ArrayList<>(run.panel());
        List<String> reserves = new ArrayList<>(run.reserves());
        Map<String, Person> byId = new java.util.HashMap<>();
        problem.pool().forEach(p -> byId.put(p.id(), p));
        for (String leaving : run.panel().subList(0, 10)) {
            Replacement.Proposal p = Replacement.propose(problem, panel, reserves, leaving);
            String in = p.reserveId().orElseThrow(() -> new AssertionError(p.reason()));
            assertEquals(byId.get(leaving).features(), byId.get(in).features(), "40 reserves hold both strata: " + p.reason());
            assertTrue(p.sameStratum());
            panel.set(panel.indexOf(leaving), in);
            reserves.remove(in);
            assertTrue(LeximinTest.meetsQuotas(problem, panel.stream().map(byId::get).toList()));
        }
    }
}
