package org.gongnon.survey;

import java.time.LocalDateTime;

/** One wave in the facilitator's list, with how far its audience has got. */
public record WaveSummary(long id, int number, WaveKind kind, LocalText title, WaveStatus status,
                          LocalDateTime opensAt, LocalDateTime closesAt, WaveAudience audience, int questions,
                          int trackedQuestions, long started, long submitted, boolean acceptingAnswers) {
}
