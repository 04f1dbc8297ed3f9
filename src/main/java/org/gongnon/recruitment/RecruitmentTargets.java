package org.gongnon.recruitment;

import java.util.List;

/**
 * What the panel must look like: its size, the features and their population shares, how far quotas
 * may stray from proportional seats, and how many reserves a draw lists.
 */
public record RecruitmentTargets(int panelSize, ToleranceMode toleranceMode, double tolerance, int reserveCount,
                                 String sharesSource, List<FeatureTarget> features) {

    public RecruitmentTargets {
        features = List.copyOf(features);
    }

    public RecruitmentTargets withFeatures(List<FeatureTarget> newFeatures) {
        return new RecruitmentTargets(panelSize, toleranceMode, tolerance, reserveCount, sharesSource, newFeatures);
    }
}
