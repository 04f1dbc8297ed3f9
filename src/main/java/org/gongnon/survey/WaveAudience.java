package org.gongnon.survey;

/** Who is asked to answer a wave. */
public enum WaveAudience {
    /** Every active panel member. */
    WHOLE_PANEL,
    /** The panel members checked in at one session. */
    SESSION_ATTENDEES
}
