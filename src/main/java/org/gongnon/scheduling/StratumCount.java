package org.gongnon.scheduling;

/**
 * Answers to a session's invitations among the expected members holding one feature value, so a region or
 * age band that is thinning out shows at once.
 */
public record StratumCount(String feature, String value, int expected, int confirmed, int declined, int pending) {

    /** Confirmed share of those expected; NaN when nobody is expected. */
    public double confirmedShare() {
        return expected == 0 ? Double.NaN : (double) confirmed / expected;
    }
}
