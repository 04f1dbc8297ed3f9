package org.gongnon.algorithms.stats;

/**
 * One value of a feature within one group.
 *
 * @param count             people in the group with this value
 * @param share             {@code count} over the group's size, 0..1; NaN when the group is empty
 * @param differencePoints  {@code share} minus the population share, in percentage points (+3.2 means
 *                          3.2 points more than the population); NaN when the group is empty
 */
public record GroupShare(long count, double share, double differencePoints) {

    /** False when the group is empty, so there is no share to show. */
    public boolean hasShare() {
        return !Double.isNaN(share);
    }
}
