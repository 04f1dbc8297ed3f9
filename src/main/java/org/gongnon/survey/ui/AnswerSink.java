package org.gongnon.survey.ui;

import java.util.List;
import java.util.Map;
import org.gongnon.base.UserFacingException;
import org.gongnon.survey.Question;
import org.gongnon.survey.Questionnaire;

/**
 * Where a {@link SurveyFormPanel} sends each answer the moment it is given, and the page the respondent moved
 * to. The citizen's form saves through {@code CitizenSurveyService}; a facilitator's preview keeps the answers
 * in memory ({@link #inMemory}).
 */
public interface AnswerSink {

    /**
     * Saves one answer in the formats of {@link Question#validate} (an empty list clears it). A refusal is
     * returned rather than thrown, so the panel shows it at the question and keeps what was typed.
     */
    Outcome save(String questionCode, List<String> answer);

    /** The respondent is now on page {@code section} (0-based), so a later visit resumes there. */
    void progress(int section);

    /** Saved, or refused with a message for the respondent. */
    record Outcome(UserFacingException refusal) {

        private static final Outcome OK = new Outcome(null);

        public static Outcome ok() {
            return OK;
        }

        public static Outcome refused(UserFacingException refusal) {
            return new Outcome(refusal);
        }

        public boolean saved() {
            return refusal == null;
        }
    }

    /**
     * A sink for previews: each answer is checked against its question as the server checks it, and kept in
     * {@code store} (by question code); nothing is written anywhere else.
     */
    static AnswerSink inMemory(Questionnaire questionnaire, Map<String, List<String>> store) {
        return new AnswerSink() {
            @Override
            public Outcome save(String questionCode, List<String> answer) {
                Question question = questionnaire.question(questionCode).orElse(null);
                if (question == null) {
                    return Outcome.refused(new UserFacingException("survey.answer.unknown-question"));
                }
                List<String> value = answer == null ? List.of() : List.copyOf(answer);
                try {
                    question.validate(value);
                } catch (UserFacingException e) {
                    return Outcome.refused(e);
                }
                if (value.isEmpty()) {
                    store.remove(questionCode);
                } else {
                    store.put(questionCode, value);
                }
                return Outcome.ok();
            }

            @Override
            public void progress(int section) {
                // A preview has nothing to resume.
            }
        };
    }
}
