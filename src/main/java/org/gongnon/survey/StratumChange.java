package org.gongnon.survey;

import org.gongnon.algorithms.stats.PairedChange;
import org.gongnon.algorithms.stats.ShareChange;

/**
 * The change between the two waves among the people with one value of one recruitment feature (e.g. 권역 =
 * 동남권). Groups of fewer than {@value SurveyAnalysisService#MIN_GROUP} people keep their {@code n} but get no
 * statistics (both null).
 *
 * @param change   the paired change of a numeric answer or the knowledge index; null for other kinds
 * @param position the share who changed position; null where the kind has no position
 */
public record StratumChange(String feature, String value, int n, PairedChange change, ShareChange position) {

    public boolean tooSmall() {
        return n < SurveyAnalysisService.MIN_GROUP;
    }
}
