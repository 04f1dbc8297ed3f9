package org.gongnon.algorithms.stats;

import java.util.Objects;
import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.StandardDeviation;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * Compares one numeric answer of the same people in two waves (e.g. before and after deliberation).
 *
 * <h2>Paired t test and interval</h2>
 * On the differences {@code d = after − before}: t = mean(d) / (sd(d)/√n) with n − 1 degrees of freedom,
 * two-sided; the 95 % interval is mean(d) ± t<sub>0.975, n−1</sub>·sd(d)/√n. Same figures as R's
 * {@code t.test(after, before, paired = TRUE)}.
 *
 * <h2>Wilcoxon signed-rank test</h2>
 * Commons Statistics' {@link WilcoxonSignedRankTest} with its defaults, two-sided:
 * <ul>
 * <li>The statistic is <b>W+</b>, the sum of the ranks of |d| over the pairs whose answer went <em>up</em>
 *     (ties in |d| get their average rank). R's {@code wilcox.test(after, before, paired = TRUE)} reports the
 *     same V when there are no zero differences.</li>
 * <li><b>Zero differences</b> (people who gave the same answer twice) follow Pratt's procedure: they are
 *     ranked with the others and then left out of W+, and the normal approximation's mean and variance are
 *     corrected for them. R and most textbooks instead drop zeros before ranking (Wilcoxon's procedure), so
 *     with zeros the two disagree slightly; Pratt's is the more conservative and keeps "no change" answers in
 *     the ranking, which matters for Likert items where many people do not move.</li>
 * <li>The <b>exact</b> null distribution is used when there are at most 50 pairs, no zero difference and no
 *     tie in |d|. Otherwise the p-value comes from the <b>normal approximation</b> (Cureton's, with the
 *     variance corrected for ties and zeros) with a 0.5 continuity correction towards the mean. Integer
 *     survey scales nearly always have ties, so in practice the approximation is what survey data get.</li>
 * <li>Before ranking, the differences are rounded to 12 significant digits of the largest |d|, so decimal
 *     answers such as 1.1 − (−0.2) and 0.1 − (−1.2) tie as they do on paper instead of being split by a
 *     rounding error in the last bit. The t test uses the unrounded differences.</li>
 * </ul>
 *
 * <h2>Effect size</h2>
 * Cohen's d<sub>z</sub> = mean(d) / sd(d), the standardised mean change of the differences (not the
 * d<sub>av</sub> that divides by the average of the two waves' standard deviations).
 *
 * <h2>Degenerate cases (none throws)</h2>
 * <ul>
 * <li>{@code n = 0}: every figure NaN.</li>
 * <li>{@code n = 1}: means and mean difference set; spread, interval, tests and effect size NaN (one pair
 *     has no variability to test against). This rule comes before the next one.</li>
 * <li>All differences zero (n ≥ 2): nobody changed, which is a result, not an error: mean difference 0,
 *     sd 0, interval [0, 0], t statistic 0 with p = 1, W+ = 0 with p = 1, effect size 0. (Strictly t and
 *     d<sub>z</sub> are 0/0; we report the "no evidence of change" values a reader expects.)</li>
 * <li>All differences equal but not zero (everyone moved by the same amount): sd 0, interval [d, d],
 *     t = ±∞ with p = 0 and d<sub>z</sub> = ±∞, which is the limit of the formulas; the Wilcoxon test is
 *     computed as usual (all |d| tie, so by the normal approximation).</li>
 * </ul>
 */
public final class PairedComparison {

    private static final WilcoxonSignedRankTest WILCOXON = WilcoxonSignedRankTest.withDefaults();
    private static final TTest T_TEST = TTest.withDefaults();
    /** Significant digits kept in the differences before ranking them. */
    private static final int RANKING_DIGITS = 12;

    private PairedComparison() {
    }

    /**
     * @param before the first wave's answers, one per person
     * @param after  the second wave's answers of the same people, in the same order
     * @throws IllegalArgumentException when the arrays differ in length or hold a NaN or infinite value
     */
    public static PairedChange of(double[] before, double[] after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.length != after.length) {
            throw new IllegalArgumentException("before has " + before.length + " answers, after has "
                    + after.length + ": the waves must be paired person by person");
        }
        int n = before.length;
        double[] differences = new double[n];
        boolean allZero = true;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(before[i]) || !Double.isFinite(after[i])) {
                throw new IllegalArgumentException("pair " + i + " is not a finite number: before " + before[i]
                        + ", after " + after[i] + " (leave people without both answers out)");
            }
            differences[i] = after[i] - before[i];
            allZero &= differences[i] == 0;
        }
        if (n == 0) {
            return new PairedChange(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double meanBefore = Mean.of(before).getAsDouble();
        double meanAfter = Mean.of(after).getAsDouble();
        double meanDifference = Mean.of(differences).getAsDouble();
        if (n < PairedChange.MIN_PAIRS) {
            return new PairedChange(n, meanBefore, meanAfter, meanDifference, Double.NaN, Double.NaN, Double.NaN,
                    Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        if (allZero) {
            return new PairedChange(n, meanBefore, meanAfter, 0.0, 0.0, 0.0, 0.0, 0.0, 1.0, 0.0, 1.0, 0.0);
        }
        double sd = StandardDeviation.of(differences).getAsDouble();
        double halfWidth = Intervals.t95(n - 1) * sd / Math.sqrt(n);
        TTest.Result t = T_TEST.test(differences);
        WilcoxonSignedRankTest.Result w = WILCOXON.test(roundedForRanking(differences));
        return new PairedChange(n, meanBefore, meanAfter, meanDifference, sd, meanDifference - halfWidth,
                meanDifference + halfWidth, t.getStatistic(), t.getPValue(), w.getStatistic(), w.getPValue(),
                meanDifference / sd);
    }

    /**
     * The differences rounded to {@value #RANKING_DIGITS} significant digits of the largest |d|: equal on
     * paper means equal here, so ties and zeros are seen as such. Values that round to the same multiple of
     * the quantum become the very same double.
     */
    static double[] roundedForRanking(double[] differences) {
        double largest = 0;
        for (double d : differences) {
            largest = Math.max(largest, Math.abs(d));
        }
        double[] rounded = differences.clone();
        if (largest == 0) {
            return rounded;
        }
        double quantum = Math.pow(10, Math.floor(Math.log10(largest)) - RANKING_DIGITS);
        for (int i = 0; i < rounded.length; i++) {
            rounded[i] = Math.rint(rounded[i] / quantum) * quantum;
        }
        return rounded;
    }
}
