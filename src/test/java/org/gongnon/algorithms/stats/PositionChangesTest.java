package org.gongnon.algorithms.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PositionChangesTest {

    /** Rounds to the 4 decimals that Newcombe's table prints. */
    private static double r4(double x) {
        return Math.round(x * 10_000) / 10_000.0;
    }

    @Test
    void wilsonIntervalsMatchNewcombesTable() {
        // Newcombe RG (1998), Two-sided confidence intervals for the single proportion: comparison of seven
        // methods, Statistics in Medicine 17:857–872, Table I, method 3 (score, no continuity correction):
        // 81/263 → 0.2553–0.3662, 15/148 → 0.0624–0.1605, 0/20 → 0–0.1611, 1/29 → 0.0061–0.1718.
        long[][] cases = {{81, 263}, {15, 148}, {0, 20}, {1, 29}};
        double[][] published = {{0.2553, 0.3662}, {0.0624, 0.1605}, {0.0, 0.1611}, {0.0061, 0.1718}};
        for (int i = 0; i < cases.length; i++) {
            double[] ci = Intervals.wilson(cases[i][0], cases[i][1]);
            assertArrayEquals(published[i], new double[] {r4(ci[0]), r4(ci[1])}, 1e-12,
                    cases[i][0] + "/" + cases[i][1]);
        }
        // The lower bound at 0 successes is exactly 0, the upper at n successes exactly 1 (mirror of 0/20).
        assertEquals(0.0, Intervals.wilson(0, 20)[0]);
        assertEquals(1.0, Intervals.wilson(20, 20)[1]);
        assertEquals(1 - Intervals.wilson(0, 20)[1], Intervals.wilson(20, 20)[0], 1e-12);
    }

    @Test
    void countsMovesAndGivesTheWilsonIntervalOfTheShareThatMoved() {
        // 263 people, 81 of whom changed position (50 up, 31 down): the same 81/263 as Newcombe's first
        // example, so the interval must be his 0.2553–0.3662.
        int[] before = new int[263];
        int[] after = new int[263];
        for (int i = 0; i < 50; i++) {
            before[i] = -1;
            after[i] = i % 2 == 0 ? 0 : 1;
        }
        for (int i = 50; i < 81; i++) {
            before[i] = 1;
            after[i] = 0;
        }
        for (int i = 81; i < 263; i++) {
            before[i] = i % 3 - 1;
            after[i] = before[i];
        }
        ShareChange change = PositionChanges.of(before, after);
        assertEquals(263, change.n());
        assertEquals(50, change.increased());
        assertEquals(31, change.decreased());
        assertEquals(182, change.unchanged());
        assertEquals(81, change.changed());
        assertEquals(81.0 / 263, change.shareChanged(), 1e-15);
        assertEquals(0.2553, r4(change.ciLow()), 1e-12);
        assertEquals(0.3662, r4(change.ciHigh()), 1e-12);
        assertTrue(change.hasShare());
    }

    @Test
    void nobodyMovingGivesAShareOfZeroWithAnUpperBound() {
        // 0 of 20 moved: Newcombe's 0/20 example, interval 0–0.1611.
        int[] same = new int[20];
        ShareChange change = PositionChanges.of(same, same.clone());
        assertEquals(0, change.changed());
        assertEquals(20, change.unchanged());
        assertEquals(0.0, change.shareChanged());
        assertEquals(0.0, change.ciLow());
        assertEquals(0.1611, r4(change.ciHigh()), 1e-12);
    }

    @Test
    void nobodyComparedHasNoShare() {
        ShareChange change = PositionChanges.of(new int[0], new int[0]);
        assertEquals(0, change.n());
        assertTrue(Double.isNaN(change.shareChanged()));
        assertTrue(Double.isNaN(change.ciLow()));
        assertTrue(Double.isNaN(change.ciHigh()));
        assertFalse(change.hasShare());
    }

    @Test
    void rawScaleValuesCountByOrder() {
        // Five-point scale: 2→4 up, 5→1 down, 3→3 same, 1→2 up.
        ShareChange change = PositionChanges.of(new int[] {2, 5, 3, 1}, new int[] {4, 1, 3, 2});
        assertEquals(2, change.increased());
        assertEquals(1, change.decreased());
        assertEquals(1, change.unchanged());
        assertEquals(0.75, change.shareChanged(), 1e-15);
    }

    @Test
    void transitionsAreTheBeforeByAfterTableInCategoryOrder() {
        int[] before = {-1, -1, -1, 0, 0, 1, 1, 1, 1};
        int[] after = {-1, 0, 1, 0, 1, 1, 1, -1, 0};
        int[][] table = PositionChanges.transitions(before, after, new int[] {1, 0, -1});
        // rows: before = agree, neutral, disagree; columns: after in the same order
        assertArrayEquals(new int[] {2, 1, 1}, table[0]);
        assertArrayEquals(new int[] {1, 1, 0}, table[1]);
        assertArrayEquals(new int[] {1, 1, 1}, table[2]);
        // The diagonal are those who stayed: the same count PositionChanges.of reports as unchanged.
        assertEquals(PositionChanges.of(before, after).unchanged(), table[0][0] + table[1][1] + table[2][2]);

        assertArrayEquals(new int[0][], PositionChanges.transitions(new int[0], new int[0], new int[0]));
    }

    @Test
    void rejectsUnpairedAnswersAndUnknownCategories() {
        assertThrows(IllegalArgumentException.class, () -> PositionChanges.of(new int[] {1}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> PositionChanges.transitions(new int[] {1}, new int[] {1, 2}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> PositionChanges.transitions(new int[] {1, 3}, new int[] {1, 2}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> PositionChanges.transitions(new int[] {1, 2}, new int[] {1, 3}, new int[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> PositionChanges.transitions(new int[] {1}, new int[] {1}, new int[] {1, 1}));
        assertThrows(IllegalArgumentException.class, () -> Intervals.wilson(3, 2));
    }
}
