package org.gongnon.survey;

import java.util.List;
import org.gongnon.algorithms.stats.CategoryShare;
import org.gongnon.algorithms.stats.PairedChange;
import org.gongnon.algorithms.stats.ShareChange;
import org.gongnon.algorithms.stats.WeightedMean;
import org.gongnon.algorithms.stats.WeightedShare;

/**
 * One tracked question (same code and kind in both compared waves): its answers in every wave that asked it,
 * and the change between the two compared waves among the people who answered it in both.
 *
 * @param categories the answer categories of the distributions in display order: scale points, option codes
 *                   (for ranking: the option ranked first); empty for numbers and open text
 * @param waves      every wave with this question (same kind), in wave order
 * @param pairedN    people who answered the question in both compared waves
 * @param change     the paired change of a numeric answer (null for other kinds, or when nobody answered both)
 * @param position   the share who changed position, by {@link #positionRule()} (null when there is none)
 * @param strata     the same change per value of each recruitment feature, features in the targets' order
 * @param correctOption the correct option of a knowledge item (as the earlier wave has it), else null
 */
public record QuestionAnalysis(String code, QuestionType type, LocalText text, List<Category> categories,
                               List<WaveAnswers> waves, int pairedN, PairedChange change, ShareChange position,
                               List<StratumChange> strata, String correctOption) {

    public QuestionAnalysis {
        categories = List.copyOf(categories);
        waves = List.copyOf(waves);
        strata = List.copyOf(strata);
    }

    public PositionRule positionRule() {
        return PositionRule.of(type);
    }

    /** An answer category: the stored code and its label (scale points without a label show the number). */
    public record Category(String code, LocalText label) {
    }

    /**
     * A wave's answers to the question.
     *
     * @param answered     submitted responses that answer it
     * @param distribution share of the answerers per category (multiple choice: share who chose each option, so
     *                     the shares may add up to more than 100 %)
     * @param mean         the mean of a numeric answer, NaN for other kinds
     * @param weighted     the same post-stratified, or null when no weighting was asked for
     */
    public record WaveAnswers(long waveId, int answered, List<CategoryShare> distribution, double mean,
                              Weighted weighted) {

        public WaveAnswers {
            distribution = List.copyOf(distribution);
        }
    }

    /**
     * Post-stratified estimates of a wave's answers.
     *
     * @param weighable    answerers with a known value of the weighting feature (the others are left out)
     * @param effectiveN   Kish's effective sample size of the weights
     * @param emptyCells   values of the feature with a population share but no answerer (their share is
     *                     spread over the others)
     * @param mean         the weighted mean with its 95 % CI (numeric kinds; null for others)
     */
    public record Weighted(int weighable, double effectiveN, List<String> emptyCells, List<WeightedShare> distribution,
                           WeightedMean mean) {

        public Weighted {
            emptyCells = List.copyOf(emptyCells);
            distribution = List.copyOf(distribution);
        }
    }
}
