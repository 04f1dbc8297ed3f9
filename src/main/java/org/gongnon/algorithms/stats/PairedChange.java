package org.gongnon.algorithms.stats;

/**
 * How one numeric answer changed between two waves for the same people: descriptive figures, the
 * paired t test, the Wilcoxon signed-rank test and Cohen's d<sub>z</sub>. Differences are always
 * {@code after − before}, so a positive mean difference means the answers went up. Built by
 * {@link PairedComparison#of(double[], double[])}, which documents the degenerate cases.
 *
 * @param n                 pairs compared
 * @param meanBefore        mean of the first wave (NaN when {@code n = 0})
 * @param meanAfter         mean of the second wave (NaN when {@code n = 0})
 * @param meanDifference    mean of {@code after − before} (NaN when {@code n = 0})
 * @param sdDifference      sample standard deviation (n − 1 denominator) of the differences; NaN when
 *                          {@code n < 2}
 * @param ciLow             lower bound of the 95 % confidence interval of the mean difference (Student t,
 *                          n − 1 degrees of freedom); NaN when {@code n < 2}
 * @param ciHigh            upper bound of that interval; NaN when {@code n < 2}
 * @param tStatistic        paired t statistic, {@code meanDifference / (sdDifference / √n)}; NaN when
 *                          {@code n < 2}
 * @param tPValue           two-sided p-value of the paired t test (n − 1 degrees of freedom); NaN when
 *                          {@code n < 2}
 * @param wilcoxonStatistic W+, the sum of the ranks of the positive differences; NaN when {@code n < 2}
 * @param wilcoxonPValue    two-sided p-value of the Wilcoxon signed-rank test; NaN when {@code n < 2}
 * @param effectSize        Cohen's d<sub>z</sub> = {@code meanDifference / sdDifference}; NaN when
 *                          {@code n < 2}
 */
public record PairedChange(int n, double meanBefore, double meanAfter, double meanDifference, double sdDifference,
                           double ciLow, double ciHigh, double tStatistic, double tPValue, double wilcoxonStatistic,
                           double wilcoxonPValue, double effectSize) {

    /** Smallest number of pairs for which the spread, the interval and the tests are defined. */
    public static final int MIN_PAIRS = 2;

    /** True when there were enough pairs ({@value #MIN_PAIRS}) for the interval, the tests and the effect size. */
    public boolean isDefined() {
        return n >= MIN_PAIRS;
    }

    /** True when the comparison is defined and the paired t test's p-value is below {@code alpha}. */
    public boolean tTestRejectsAt(double alpha) {
        return isDefined() && tPValue < alpha;
    }

    /** True when the comparison is defined and the Wilcoxon signed-rank p-value is below {@code alpha}. */
    public boolean wilcoxonRejectsAt(double alpha) {
        return isDefined() && wilcoxonPValue < alpha;
    }
}
