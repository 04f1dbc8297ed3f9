package org.gongnon.survey;

import org.gongnon.testsupport.SignIn;
import org.springframework.stereotype.Component;

/**
 * Waves made for tests the way a facilitator makes them: the service's defaults for the next wave, a window that
 * began an hour ago, the given questions; opened on request. A bean in test contexts.
 */
@Component
public class TestWaves {

    private final SurveyService surveys;
    private final SignIn signIn;

    TestWaves(SurveyService surveys, SignIn signIn) {
        this.surveys = surveys;
        this.signIn = signIn;
    }

    /** A draft wave; an empty questionnaire is left unsaved (the builder starts from nothing). */
    public long draft(long processId, Questionnaire questionnaire, String title) {
        return signIn.facilitator(() -> {
            WaveForm form = surveys.newWaveForm(processId);
            String ko = title == null ? form.number() + "차 설문" : title;
            String en = title == null ? "Wave " + form.number() : title + " (en)";
            long id = surveys.saveWave(processId, null, new WaveForm(form.number(), form.kind(), LocalText.of(ko, en),
                    form.opensAt().minusHours(1), form.closesAt(), form.audience(), null, form.purpose(),
                    form.retention(), null));
            if (!questionnaire.sections().isEmpty()) {
                surveys.saveQuestionnaire(id, questionnaire, surveys.wave(id).form().version());
            }
            return id;
        });
    }

    /** A wave open for answers now. */
    public long open(long processId, Questionnaire questionnaire, String title) {
        long id = draft(processId, questionnaire, title);
        signIn.facilitator(() -> surveys.open(id));
        return id;
    }
}
