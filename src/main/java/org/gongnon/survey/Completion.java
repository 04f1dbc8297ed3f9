package org.gongnon.survey;

import java.util.List;

/**
 * How far a wave's audience has got: overall and per stratum (each value of each recruitment feature), so a
 * group that lags behind is visible at once.
 */
public record Completion(long audience, long started, long submitted, List<StratumCompletion> strata) {

    public double submittedShare() {
        return audience == 0 ? 0 : (double) submitted / audience;
    }

    /** One value of one feature, e.g. region = 동남권. */
    public record StratumCompletion(String feature, String value, long audience, long started, long submitted) {

        public double submittedShare() {
            return audience == 0 ? 0 : (double) submitted / audience;
        }
    }
}
