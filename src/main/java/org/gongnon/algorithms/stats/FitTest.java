package org.gongnon.algorithms.stats;

import java.util.List;

/**
 * Pearson's χ² goodness-of-fit test of one group's counts against the population shares. A small p-value
 * says the group is unlikely to be a random sample of the population for this feature.
 *
 * @param outcome          whether the test ran; when it did not, statistic and p-value are NaN and the
 *                         degrees of freedom 0
 * @param testedCount      people counted in the test: the group less those with an excluded value
 * @param statistic        Σ (observed − expected)² / expected over the tested values
 * @param degreesOfFreedom tested values − 1
 * @param pValue           probability of a statistic at least this large if the group were drawn from
 *                         the population
 * @param excludedValues   values left out because their population share is 0, so their expected count
 *                         is 0 and the statistic would be undefined
 * @param excludedCount    people in the group who have an excluded value (they are not in the test)
 * @param sparseValues     tested values whose expected count is below 5: the χ² approximation is rough
 *                         there, so read the p-value with care
 */
public record FitTest(Group group, FitOutcome outcome, long testedCount, double statistic, int degreesOfFreedom,
                      double pValue, List<String> excludedValues, long excludedCount, List<String> sparseValues) {

    /** Expected counts below this make the χ² approximation unreliable (the usual rule of thumb). */
    public static final double SPARSE_EXPECTED_COUNT = 5.0;

    public FitTest {
        excludedValues = List.copyOf(excludedValues);
        sparseValues = List.copyOf(sparseValues);
    }

    static FitTest notTested(Group group, FitOutcome outcome, long testedCount, List<String> excludedValues,
                             long excludedCount) {
        return new FitTest(group, outcome, testedCount, Double.NaN, 0, Double.NaN, excludedValues, excludedCount,
                List.of());
    }

    public boolean tested() {
        return outcome == FitOutcome.TESTED;
    }

    /** True when the test ran and its p-value is below {@code alpha} (e.g. 0.05). */
    public boolean rejectsAt(double alpha) {
        return tested() && pValue < alpha;
    }
}
