package org.gongnon.algorithms.stats;

import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.TDistribution;

/**
 * The 95 % interval arithmetic shared by the opinion-change statistics; Wilson's interval is public for the shares
 * other steps report (e.g. how many voters chose an option of a recommendation item).
 */
public final class Intervals {

    /** Two-sided 95 %: 2.5 % in each tail. */
    static final double TAIL = 0.025;

    /** The standard normal quantile for a two-sided 95 % interval, 1.959964… (not the rounded 1.96). */
    static final double Z95 = NormalDistribution.of(0, 1).inverseSurvivalProbability(TAIL);

    private Intervals() {
    }

    /** Student t quantile for a two-sided 95 % interval with {@code degreesOfFreedom} (e.g. 2.262157 for 9). */
    static double t95(double degreesOfFreedom) {
        return TDistribution.of(degreesOfFreedom).inverseSurvivalProbability(TAIL);
    }

    /**
     * Wilson's score interval for a binomial proportion (Wilson 1927; method 3 of Newcombe 1998), without
     * continuity correction. Unlike the textbook p ± z·√(p(1−p)/n) it stays within [0, 1] and does not
     * collapse to a zero-width interval at 0 or n successes. {@code n = 0} gives {@code [NaN, NaN]}.
     *
     * @return {@code {low, high}}
     */
    public static double[] wilson(long successes, long n) {
        if (successes < 0 || n < 0 || successes > n) {
            throw new IllegalArgumentException("need 0 ≤ successes ≤ n, got " + successes + " of " + n);
        }
        if (n == 0) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double p = (double) successes / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n));
        // At 0 (or n) successes the bound is 0 (or 1) algebraically; pin it so rounding cannot leave −1e-17.
        double low = successes == 0 ? 0.0 : Math.max(0.0, centre - half);
        double high = successes == n ? 1.0 : Math.min(1.0, centre + half);
        return new double[] {low, high};
    }
}
