package org.gongnon.algorithms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    /**
     * R's {@code sleep} data (Cushny &amp; Peebles 1905, as in Student 1908): extra hours of sleep of ten
     * patients under two drugs. "group 1" is taken as before, "group 2" as after.
     */
    private static final double[] SLEEP_GROUP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
    private static final double[] SLEEP_GROUP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private static double twoSidedNormalP(double z) {
        return 2 * STANDARD_NORMAL.survivalProbability(Math.abs(z));
    }

    @Test
    void sleepDataMatchRsPairedTTest() {
        PairedChange change = PairedComparison.of(SLEEP_GROUP_1, SLEEP_GROUP_2);

        // R: t.test(extra ~ group, data = sleep, paired = TRUE) prints t = -4.0621, df = 9,
        // p-value = 0.002833, 95 percent CI -2.4598858 -0.7001142, mean difference -1.58 (group 1 − group 2);
        // here the difference is group 2 − group 1, so the signs flip.
        assertEquals(10, change.n());
        assertEquals(0.75, change.meanBefore(), 1e-12);  // 7.5 / 10
        assertEquals(2.33, change.meanAfter(), 1e-12);   // 23.3 / 10
        assertEquals(1.58, change.meanDifference(), 1e-12);
        assertEquals(4.0621, change.tStatistic(), 5e-5);
        assertEquals(0.002833, change.tPValue(), 5e-7);
        assertEquals(0.7001142, change.ciLow(), 5e-8);
        assertEquals(2.4598858, change.ciHigh(), 5e-8);

        // By hand from the differences 1.2 2.4 1.3 1.3 0.0 1.0 1.8 0.8 4.6 1.4 (sum 15.8, mean 1.58): the
        // squared deviations add up to 0.1444 + 0.6724 + 0.0784 + 0.0784 + 2.4964 + 0.3364 + 0.0484 + 0.6084
        // + 9.1204 + 0.0324 = 13.616, so sd = √(13.616 / 9) = 1.2299955 and d_z = 1.58 / 1.2299955 = 1.284558.
        assertEquals(1.2299955, change.sdDifference(), 5e-8);
        assertEquals(1.284558, change.effectSize(), 5e-7);
        assertEquals(Math.sqrt(13.616 / 9), change.sdDifference(), 1e-12);
        assertEquals(1.58 / Math.sqrt(13.616 / 9), change.effectSize(), 1e-12);
        assertTrue(change.isDefined());
        assertTrue(change.tTestRejectsAt(0.01));
    }

    @Test
    void sleepDataWilcoxonUsesPrattsZeroProcedureNotRs() {
        PairedChange change = PairedComparison.of(SLEEP_GROUP_1, SLEEP_GROUP_2);

        // R: wilcox.test(extra ~ group, data = sleep, paired = TRUE) prints V = 0, p-value = 0.009091 with the
        // warnings "cannot compute exact p-value with ties" and "... with zeroes". R drops patient 5's zero
        // difference and ranks the other 9 |d| (1.3 twice → 4.5 each). Its normal approximation, by hand:
        //   E = 9·10/4 = 22.5, Var = 9·10·19/24 − (2³ − 2)/48 = 71.25 − 0.125 = 71.125,
        //   z = (0 − 22.5 + 0.5) / √71.125 = −2.60862 → p = 0.009091, the published figure.
        double rZ = (0 - 22.5 + 0.5) / Math.sqrt(71.25 - 6.0 / 48);
        assertEquals(0.009091, twoSidedNormalP(rZ), 5e-7);

        // Commons Statistics ranks the zero too (Pratt 1959): |d| ranks 0→1, 0.8→2, 1.0→3, 1.2→4, 1.3→5.5,
        // 1.3→5.5, 1.4→7, 1.8→8, 2.4→9, 4.6→10, and W+ (after − before > 0) = 55 − 1 = 54. With n = 10 pairs,
        // z0 = 1 zero and the tie correction c = Σ(t³ − t) = 6 (Cureton's normal approximation):
        //   E = (10·11 − 1·2)/4 = 27, Var = (10·11·21 − 1·2·3 − 6/2)/24 = 2301/24 = 95.875,
        //   z = 26.5/9.791578 = 2.70641 → p = 0.00680.
        assertEquals(54.0, change.wilcoxonStatistic(), 1e-12);
        double prattZ = (54 - 27 - 0.5) / Math.sqrt(2301.0 / 24);
        assertEquals(2.70641, prattZ, 5e-6);
        assertEquals(twoSidedNormalP(prattZ), change.wilcoxonPValue(), 1e-12);
        assertEquals(0.00680, change.wilcoxonPValue(), 5e-6);
        assertTrue(change.wilcoxonRejectsAt(0.01));
    }

    @Test
    void darwinsMaizeHasTheExactPublishedPValue() {
        // Darwin's cross- vs self-fertilised maize, height differences as given by Fisher (The Design of
        // Experiments) and in the SciPy documentation of scipy.stats.wilcoxon: two-sided p = 0.041259765625
        // (statistic min(W+, W−) = 24), one-sided "greater" W+ = 96. No zeros, no ties, 15 pairs → exact.
        double[] differences = {6, 8, 14, 16, 23, 24, 28, 29, 41, -48, 49, 56, 60, -67, 75};
        PairedChange change = PairedComparison.of(new double[differences.length], differences);
        assertEquals(96.0, change.wilcoxonStatistic(), 1e-12);
        assertEquals(0.041259765625, change.wilcoxonPValue(), 1e-15);
    }

    @Test
    void hollanderAndWolfeDepressionExampleIsExact() {
        // Hollander & Wolfe (1973), p. 29f, the example of R's ?wilcox.test: Hamilton depression scale at the
        // first (x) and second (y) visit of 9 patients. R: wilcox.test(x, y, paired = TRUE, alternative =
        // "greater") → V = 40, p = 0.01953. Here after − before = y − x: only patients 2 (0.147, rank 3) and
        // 8 (0.08, rank 2) went up, so W+ = 5 = 45 − 40. Exact two-sided p = 2·P(W ≤ 5) with n = 9: the
        // subsets of {1..9} summing to ≤ 5 are {}, {1}, {2}, {3}, {4}, {5}, {1,2}, {1,3}, {1,4}, {2,3}: 10 of
        // 2⁹ = 512, so p = 2 · 10/512 = 0.0390625 (twice R's one-sided 0.01953).
        double[] x = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
        double[] y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
        PairedChange change = PairedComparison.of(x, y);
        assertEquals(5.0, change.wilcoxonStatistic(), 1e-12);
        assertEquals(2 * 10.0 / 512, change.wilcoxonPValue(), 1e-15);
        assertTrue(change.meanDifference() < 0);
    }

    @Test
    void roundingErrorsDoNotSplitTies() {
        // 0.3 − 0.1 is 0.19999999999999998 in binary, not 0.2: without rounding the five |d| would look
        // untied and get the exact p = 2·P(W− ≤ 3) = 2·5/32 = 0.3125. On paper 0.2 ties with 0.2:
        // ranks 1.5, 1.5, 3, 4, 5, W+ = 1.5 + 1.5 + 4 + 5 = 12, and with c = 2³ − 2 = 6 the normal
        // approximation gives E = 7.5, Var = (5·6·11 − 3)/24 = 13.625, z = (12 − 7.5 − 0.5)/√13.625.
        double[] before = {0.1, 0, 0, 0, 0};
        double[] after = {0.3, 0.2, -0.5, 0.6, 0.7};
        assertNotEquals(after[0] - before[0], after[1] - before[1]);

        PairedChange change = PairedComparison.of(before, after);
        assertEquals(12.0, change.wilcoxonStatistic(), 1e-12);
        assertEquals(twoSidedNormalP(4 / Math.sqrt(13.625)), change.wilcoxonPValue(), 1e-12);
        assertNotEquals(0.3125, change.wilcoxonPValue(), 1e-3);

        double[] rounded = PairedComparison.roundedForRanking(new double[] {0.3 - 0.1, 0.2, -(0.3 - 0.1), 1e-17});
        assertEquals(rounded[0], rounded[1]);
        assertEquals(-rounded[0], rounded[2]);
        assertEquals(0.0, rounded[3]);
    }

    @Test
    void nobodyChangingIsAResultNotAnError() {
        PairedChange change = PairedComparison.of(new double[] {1, 2, 3, 4}, new double[] {1, 2, 3, 4});
        assertEquals(4, change.n());
        assertEquals(2.5, change.meanBefore(), 1e-12);
        assertEquals(2.5, change.meanAfter(), 1e-12);
        assertEquals(0.0, change.meanDifference());
        assertEquals(0.0, change.sdDifference());
        assertEquals(0.0, change.ciLow());
        assertEquals(0.0, change.ciHigh());
        assertEquals(0.0, change.tStatistic());
        assertEquals(1.0, change.tPValue());
        assertEquals(0.0, change.wilcoxonStatistic());
        assertEquals(1.0, change.wilcoxonPValue());
        assertEquals(0.0, change.effectSize());
        assertTrue(change.isDefined());
        assertFalse(change.tTestRejectsAt(0.05));
        assertFalse(change.wilcoxonRejectsAt(0.05));
    }

    @Test
    void everyoneMovingByTheSameAmountGivesTheLimits() {
        PairedChange change = PairedComparison.of(new double[] {1, 2, 3}, new double[] {2, 3, 4});
        assertEquals(1.0, change.meanDifference(), 1e-12);
        assertEquals(0.0, change.sdDifference(), 1e-12);
        assertEquals(1.0, change.ciLow(), 1e-12);
        assertEquals(1.0, change.ciHigh(), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, change.tStatistic());
        assertEquals(0.0, change.tPValue());
        assertEquals(Double.POSITIVE_INFINITY, change.effectSize());
        // Three tied |d| = 1, all positive: ranks 2, 2, 2, W+ = 6, E = 3, Var = (3·4·7 − (3³ − 3)/2)/24 = 3,
        // z = (6 − 3 − 0.5)/√3.
        assertEquals(6.0, change.wilcoxonStatistic(), 1e-12);
        assertEquals(twoSidedNormalP(2.5 / Math.sqrt(3)), change.wilcoxonPValue(), 1e-12);
    }

    @Test
    void fewerThanTwoPairsLeaveTheTestsUndefined() {
        PairedChange none = PairedComparison.of(new double[0], new double[0]);
        assertEquals(0, none.n());
        assertTrue(Double.isNaN(none.meanBefore()));
        assertTrue(Double.isNaN(none.meanDifference()));
        assertTrue(Double.isNaN(none.tPValue()));
        assertFalse(none.isDefined());

        PairedChange one = PairedComparison.of(new double[] {2}, new double[] {5});
        assertEquals(1, one.n());
        assertEquals(2.0, one.meanBefore());
        assertEquals(5.0, one.meanAfter());
        assertEquals(3.0, one.meanDifference());
        for (double undefined : new double[] {one.sdDifference(), one.ciLow(), one.ciHigh(), one.tStatistic(),
                one.tPValue(), one.wilcoxonStatistic(), one.wilcoxonPValue(), one.effectSize()}) {
            assertTrue(Double.isNaN(undefined));
        }
        assertFalse(one.isDefined());
        assertFalse(one.tTestRejectsAt(0.05));

        // One unchanged pair: the n < 2 rule comes first, so the tests stay undefined.
        PairedChange sameOnce = PairedComparison.of(new double[] {3}, new double[] {3});
        assertEquals(0.0, sameOnce.meanDifference());
        assertTrue(Double.isNaN(sameOnce.tPValue()));
        assertTrue(Double.isNaN(sameOnce.effectSize()));
    }

    @Test
    void rejectsUnpairedOrMissingAnswers() {
        assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.of(new double[] {1, 2}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.of(new double[] {1, Double.NaN}, new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.of(new double[] {1, 2}, new double[] {Double.NaN, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> PairedComparison.of(new double[] {1, 2}, new double[] {Double.POSITIVE_INFINITY, 2}));
        assertThrows(NullPointerException.class, () -> PairedComparison.of(null, new double[0]));
    }
}
