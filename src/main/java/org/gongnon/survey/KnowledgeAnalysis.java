package org.gongnon.survey;

import java.util.List;
import org.gongnon.algorithms.stats.PairedChange;
import org.gongnon.algorithms.stats.WeightedMean;

/**
 * The knowledge index: per person and wave, the share of that wave's knowledge items shown to them that they
 * answered correctly. An item shown but left unanswered counts as not known (as "don't know" does), so a
 * skipped item lowers the index rather than removing the person; people shown no knowledge item have no index.
 * Waves may ask different items: {@link #sameItems()} says whether the two compared waves asked the same ones.
 *
 * @param waves   every wave with knowledge items, in wave order
 * @param pairedN people with an index in both compared waves
 * @param change  the paired change of the index (null when nobody has an index in both)
 */
public record KnowledgeAnalysis(List<WaveIndex> waves, boolean sameItems, int pairedN, PairedChange change,
                                List<StratumChange> strata) {

    public KnowledgeAnalysis {
        waves = List.copyOf(waves);
        strata = List.copyOf(strata);
    }

    /**
     * @param items       the wave's knowledge item codes
     * @param respondents submitted responses with an index
     * @param mean        the mean index (0–1), NaN when nobody has one
     * @param weighted    the post-stratified mean index, or null
     * @param effectiveN  Kish's effective sample size of those weights (NaN without weighting)
     */
    public record WaveIndex(long waveId, List<String> items, int respondents, double mean, WeightedMean weighted,
                            double effectiveN) {

        public WaveIndex {
            items = List.copyOf(items);
        }
    }
}
