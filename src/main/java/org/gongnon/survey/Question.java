package org.gongnon.survey;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.gongnon.base.IdNumbers;
import org.gongnon.base.UserFacingException;

/**
 * One question of a questionnaire.
 *
 * @param code       stable id (letters, digits, '_' or '-'); the same code in two waves means the same question
 * @param tracked    repeated in later waves and compared across them in the analysis
 * @param options    choices for choice, ranking and knowledge questions; optional labels of scale points
 * @param min        lower bound of a NUMBER answer (null: none)
 * @param max        upper bound of a NUMBER answer (null: none)
 * @param maxLength  longest TEXT answer in characters
 * @param correctOption the correct option code of a KNOWLEDGE question
 * @param showIf     display condition, or null to always show
 */
public record Question(String code, QuestionType type, LocalText text, LocalText help, boolean required,
                       boolean tracked, List<AnswerOption> options, BigDecimal min, BigDecimal max,
                       Integer maxLength, String correctOption, Condition showIf) {

    /** Longest text answer accepted when a question does not say. */
    public static final int DEFAULT_MAX_LENGTH = 2000;
    /** Longest text answer a questionnaire may allow (the column holds more, but nobody types more in a hall). */
    public static final int LONGEST_TEXT = 4000;

    public Question {
        help = help == null ? LocalText.empty() : help;
        options = options == null ? List.of() : List.copyOf(options);
    }

    public int effectiveMaxLength() {
        return maxLength == null ? DEFAULT_MAX_LENGTH : maxLength;
    }

    public Optional<AnswerOption> option(String optionCode) {
        return options.stream().filter(o -> o.code().equals(optionCode)).findFirst();
    }

    /** Whether the question is shown, given the answers so far (by question code). */
    public boolean isShown(java.util.Map<String, List<String>> answers) {
        return showIf == null || showIf.isMetBy(answers.get(showIf.questionCode()));
    }

    /**
     * Refuses an answer that this question cannot hold, with a message key for the citizen. An empty list means
     * "no answer" and is always acceptable here (whether a required question was answered is checked at submit).
     */
    public void validate(List<String> answer) {
        if (answer == null || answer.isEmpty()) {
            return;
        }
        if (answer.stream().anyMatch(v -> v == null || v.isBlank())) {
            throw new UserFacingException("survey.answer.empty-value");
        }
        switch (type) {
            case SINGLE_CHOICE, KNOWLEDGE -> {
                single(answer);
                requireOptions(answer);
            }
            case MULTIPLE_CHOICE -> {
                requireOptions(answer);
                requireDistinct(answer);
            }
            case RANKING -> {
                requireOptions(answer);
                requireDistinct(answer);
                if (answer.size() != options.size()) {
                    throw new UserFacingException("survey.answer.rank-all", options.size());
                }
            }
            case LIKERT_5, LIKERT_7, SCALE_0_10 -> {
                single(answer);
                int value;
                try {
                    value = Integer.parseInt(answer.getFirst().strip());
                } catch (NumberFormatException e) {
                    throw new UserFacingException("survey.answer.not-on-scale", type.scaleMin(), type.scaleMax());
                }
                if (value < type.scaleMin() || value > type.scaleMax()) {
                    throw new UserFacingException("survey.answer.not-on-scale", type.scaleMin(), type.scaleMax());
                }
            }
            case NUMBER -> {
                single(answer);
                BigDecimal value;
                try {
                    value = new BigDecimal(answer.getFirst().strip());
                } catch (NumberFormatException e) {
                    throw new UserFacingException("survey.answer.not-a-number");
                }
                if ((min != null && value.compareTo(min) < 0) || (max != null && value.compareTo(max) > 0)) {
                    throw new UserFacingException("survey.answer.out-of-range",
                            min == null ? "" : min.toPlainString(), max == null ? "" : max.toPlainString());
                }
            }
            case TEXT -> {
                single(answer);
                int length = answer.getFirst().codePointCount(0, answer.getFirst().length());
                if (length > effectiveMaxLength()) {
                    throw new UserFacingException("survey.answer.too-long", effectiveMaxLength());
                }
                IdNumbers.refuse(answer.getFirst());
            }
        }
    }

    /** Whether a KNOWLEDGE answer is correct; false for anything else. */
    public boolean isCorrect(List<String> answer) {
        return type == QuestionType.KNOWLEDGE && answer != null && answer.size() == 1
                && answer.getFirst().equals(correctOption);
    }

    private static void single(List<String> answer) {
        if (answer.size() != 1) {
            throw new UserFacingException("survey.answer.one-value");
        }
    }

    private void requireOptions(List<String> answer) {
        for (String value : answer) {
            if (option(value).isEmpty()) {
                throw new UserFacingException("survey.answer.unknown-option");
            }
        }
    }

    private static void requireDistinct(List<String> answer) {
        Set<String> seen = new HashSet<>();
        for (String value : answer) {
            if (!seen.add(value)) {
                throw new UserFacingException("survey.answer.repeated-option");
            }
        }
    }
}
