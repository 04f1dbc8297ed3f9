package org.gongnon.survey;

import java.time.LocalDateTime;

/** A wave on the citizen's page, with where they stand in it. */
public record MyWave(long waveId, LocalText title, LocalDateTime closesAt, State state) {

    /** The citizen's progress; CLOSED means the wave no longer takes answers and they had not submitted. */
    public enum State {
        NOT_STARTED, IN_PROGRESS, SUBMITTED, CLOSED
    }
}
