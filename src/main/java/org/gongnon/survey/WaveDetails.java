package org.gongnon.survey;

/** A wave with its settings and questionnaire, for the editor and builder. */
public record WaveDetails(long id, long processId, WaveStatus status, WaveForm form, Questionnaire questionnaire,
                          long participations, boolean acceptingAnswers) {

    /** Questions can change only before anyone has answered and while the wave is a draft. */
    public boolean questionsEditable() {
        return status == WaveStatus.DRAFT && participations == 0;
    }
}
