package org.gongnon.survey;

import java.util.List;

/** A question of one of a process's survey waves, with its wave, for steps that link to it (recommendation votes). */
public record WaveQuestion(long waveId, int waveNumber, LocalText waveTitle, WaveStatus waveStatus, String code,
                           QuestionType type, LocalText text, List<AnswerOption> options) {

    public WaveQuestion {
        options = List.copyOf(options);
    }

    /** Whether an item's support can be read from it: a scale (Likert 5/7, 0–10) or a single or multiple choice. */
    public boolean votable() {
        return type.isScale() || type == QuestionType.SINGLE_CHOICE || type == QuestionType.MULTIPLE_CHOICE;
    }

    /** The answers it can be given: the points of its scale ("1" … "5"), or its option codes. */
    public List<String> answerCodes() {
        if (type.isScale()) {
            List<String> points = new java.util.ArrayList<>();
            for (int p = type.scaleMin(); p <= type.scaleMax(); p++) {
                points.add(String.valueOf(p));
            }
            return points;
        }
        return options.stream().map(AnswerOption::code).toList();
    }
}
