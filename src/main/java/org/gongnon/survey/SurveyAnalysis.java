package org.gongnon.survey;

import java.util.List;
import java.util.Optional;

/**
 * Opinion change over a process's survey waves, from submitted responses only. Aggregates only: no person
 * appears in it, not even under a pseudonym.
 *
 * @param waves             every wave of the process, in number order
 * @param tracked           every tracked question code of the process with the waves that ask it
 * @param beforeWaveId      the earlier wave compared (null when the process has fewer than two waves)
 * @param afterWaveId       the later wave compared
 * @param pairedRespondents people who submitted both compared waves
 * @param weightingFeatures recruitment features with population shares, which results can be weighted by
 * @param weighting         the weighting asked for, or null
 * @param questions         the tracked questions asked in both compared waves (same kind), in questionnaire order
 * @param knowledge         the knowledge index, or null when no wave has knowledge items
 */
public record SurveyAnalysis(List<AnalysisWave> waves, List<TrackedQuestion> tracked, Long beforeWaveId,
                             Long afterWaveId, int pairedRespondents, List<String> weightingFeatures,
                             Weighting weighting, List<QuestionAnalysis> questions, KnowledgeAnalysis knowledge) {

    public SurveyAnalysis {
        waves = List.copyOf(waves);
        tracked = List.copyOf(tracked);
        weightingFeatures = List.copyOf(weightingFeatures);
        questions = List.copyOf(questions);
    }

    public boolean hasPair() {
        return beforeWaveId != null && afterWaveId != null;
    }

    public Optional<AnalysisWave> wave(long waveId) {
        return waves.stream().filter(w -> w.id() == waveId).findFirst();
    }

    /**
     * A question code marked as tracked in at least one wave.
     *
     * @param waveIds     the waves asking a question with this code, in wave order
     * @param kindsDiffer the waves ask it as different kinds of question (e.g. 1–5 in one, 0–10 in another),
     *                    so it is compared only between waves of the same kind
     */
    public record TrackedQuestion(String code, QuestionType type, LocalText text, List<Long> waveIds,
                                  boolean kindsDiffer) {

        public TrackedQuestion {
            waveIds = List.copyOf(waveIds);
        }
    }

    /**
     * Post-stratification by one recruitment feature: each respondent weighs population share of their value ÷
     * the sample's share of it. Targets hold each feature's shares on their own (not of combinations such as
     * 권역 × 성별), so weighting is by one feature at a time.
     *
     * @param waves the weights over each wave's submitted responses
     */
    public record Weighting(String feature, List<WaveWeights> waves) {

        public Weighting {
            waves = List.copyOf(waves);
        }
    }

    /**
     * @param respondents submitted responses
     * @param weighable   those with a known value of the feature (withdrawn members and values outside the
     *                    targets are left out of weighted figures)
     * @param effectiveN  Kish's effective sample size, (Σw)² / Σw²
     * @param emptyCells  values with a population share but no respondent
     */
    public record WaveWeights(long waveId, int respondents, int weighable, double effectiveN, List<String> emptyCells) {

        public WaveWeights {
            emptyCells = List.copyOf(emptyCells);
        }
    }
}
