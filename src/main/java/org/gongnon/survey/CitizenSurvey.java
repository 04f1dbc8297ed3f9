package org.gongnon.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What the citizen's form needs: the questionnaire, the consent texts, and the answers saved so far.
 *
 * @param consented     separate consent to the processing of opinion data has been recorded for this wave
 * @param currentSection the page to resume on
 * @param answers       saved answers by question code
 * @param submittedAt   null until submitted
 */
public record CitizenSurvey(long waveId, LocalText title, LocalText purpose, LocalText retention,
                            Questionnaire questionnaire, boolean acceptingAnswers, boolean consented,
                            int currentSection, Map<String, List<String>> answers, Instant submittedAt) {

    public boolean submitted() {
        return submittedAt != null;
    }
}
