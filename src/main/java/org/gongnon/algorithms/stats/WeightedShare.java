package org.gongnon.algorithms.stats;

/**
 * One answer category's weighted share (e.g. with post-stratification weights). Built by
 * {@link Distributions#weighted}.
 *
 * @param weightedCount the sum of the weights of the people who gave this answer (not a head count)
 * @param share         {@code weightedCount} over the total weight of all answers, 0..1; NaN when the total
 *                      weight is 0
 */
public record WeightedShare(String category, double weightedCount, double share) {

    /** False when there was no weight at all, so there is no share to show. */
    public boolean hasShare() {
        return !Double.isNaN(share);
    }
}
