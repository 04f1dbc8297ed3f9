package org.gongnon.survey;

/** A wave as the analysis lists it: what it is and how many submitted responses it has. */
public record AnalysisWave(long id, int number, WaveKind kind, LocalText title, WaveStatus status, int submitted) {
}
