package org.gongnon.algorithms.stats;

/**
 * The shares of support that decide an item's status, as fractions of 1: {@code adopt} for adoption (e.g. 2/3),
 * {@code reservations} for "recommended with reservations" (e.g. 1/2). Equal thresholds mean there is no
 * middle status.
 */
public record SupportThresholds(double adopt, double reservations) {

    public SupportThresholds {
        if (!(adopt >= 0 && adopt <= 1) || !(reservations >= 0 && reservations <= 1)) {
            throw new IllegalArgumentException("thresholds must lie between 0 and 1, got " + adopt + " and "
                    + reservations);
        }
        if (reservations > adopt) {
            throw new IllegalArgumentException("the reservations threshold " + reservations
                    + " is above the adoption threshold " + adopt);
        }
    }

    /** Two thirds to adopt, a simple majority for reservations. */
    public static SupportThresholds twoThirdsAndMajority() {
        return new SupportThresholds(2.0 / 3.0, 0.5);
    }
}
