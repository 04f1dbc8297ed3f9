package org.gongnon.algorithms.stats;

/**
 * One answer category's share of the answers given. Built by {@link Distributions#of}.
 *
 * @param count people who gave this answer
 * @param share {@code count} over all answers given, 0..1; NaN when nobody answered
 */
public record CategoryShare(String category, long count, double share) {

    /** False when nobody answered, so there is no share to show. */
    public boolean hasShare() {
        return !Double.isNaN(share);
    }
}
