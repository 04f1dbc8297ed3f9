package org.gongnon.survey;

import java.util.Arrays;
import java.util.List;

/**
 * How an answer is written in one column: option codes joined by commas (codes cannot contain one), or the
 * single value (a number, or the text as typed, commas and all).
 */
final class AnswerCodec {

    private AnswerCodec() {
    }

    static String encode(Question question, List<String> answer) {
        if (question.type() == QuestionType.MULTIPLE_CHOICE || question.type() == QuestionType.RANKING) {
            return String.join(",", answer);
        }
        return question.type() == QuestionType.TEXT ? answer.getFirst() : answer.getFirst().strip();
    }

    static List<String> decode(Question question, String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        if (question != null
                && (question.type() == QuestionType.MULTIPLE_CHOICE || question.type() == QuestionType.RANKING)) {
            return Arrays.asList(stored.split(","));
        }
        return List.of(stored);
    }
}
