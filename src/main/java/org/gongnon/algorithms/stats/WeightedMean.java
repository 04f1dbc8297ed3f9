package org.gongnon.algorithms.stats;

/**
 * A weighted mean with an approximate 95 % confidence interval. Built by
 * {@link PostStratification#weightedMean(double[], double[])}, which documents the approximation.
 *
 * @param mean       Σ w·x / Σ w; NaN without weight
 * @param ciLow      lower bound of the 95 % interval; NaN when the effective sample size is 1 or less
 * @param ciHigh     upper bound of that interval; NaN when the effective sample size is 1 or less
 * @param effectiveN Kish's effective sample size (Σw)² / Σw²; 0 without weight
 */
public record WeightedMean(double mean, double ciLow, double ciHigh, double effectiveN) {

    /** True when there was enough (effective) data for the interval. */
    public boolean hasInterval() {
        return !Double.isNaN(ciLow);
    }
}
