package org.gongnon.algorithms.stats;

/**
 * The support for one recommendation item among the people who voted on it: the share with Wilson's 95 %
 * interval, and the status the thresholds give it.
 *
 * <p>The status follows the observed share, not the interval: the panel's vote is the decision, not a sample
 * estimate of someone else's. The interval is reported beside it so readers can see how close a call it was
 * (and for breakdowns by stratum, how few people a subgroup's share rests on).
 */
public record SupportShare(int voters, int supporters, double share, double ciLow, double ciHigh,
                           SupportStatus status) {

    /**
     * @param supporters how many voters support the item
     * @param voters     how many people voted on it (abstentions excluded by the caller); 0 gives NaN shares
     *                   and NOT_ADOPTED
     */
    public static SupportShare of(int supporters, int voters, SupportThresholds thresholds) {
        if (thresholds == null) {
            throw new IllegalArgumentException("thresholds are required");
        }
        double[] ci = Intervals.wilson(supporters, voters);
        if (voters == 0) {
            return new SupportShare(0, 0, Double.NaN, ci[0], ci[1], SupportStatus.NOT_ADOPTED);
        }
        double share = (double) supporters / voters;
        SupportStatus status;
        // Compared in whole counts where possible, so 2 of 3 meets a two-thirds threshold despite rounding.
        if (meets(supporters, voters, thresholds.adopt())) {
            status = SupportStatus.ADOPTED;
        } else if (meets(supporters, voters, thresholds.reservations())) {
            status = SupportStatus.WITH_RESERVATIONS;
        } else {
            status = SupportStatus.NOT_ADOPTED;
        }
        return new SupportShare(voters, supporters, share, ci[0], ci[1], status);
    }

    private static boolean meets(int supporters, int voters, double threshold) {
        return supporters >= threshold * voters - 1e-9 * voters;
    }
}
