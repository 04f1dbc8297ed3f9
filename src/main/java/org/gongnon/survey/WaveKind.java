package org.gongnon.survey;

/** Where a wave sits in a deliberative poll; the analysis compares waves, typically PRE against POST. */
public enum WaveKind {
    /** The recruitment opinion poll (wave 1). */
    RECRUITMENT,
    /** Before deliberation starts. */
    PRE,
    /** Between rounds. */
    MID,
    /** After the last deliberation. */
    POST,
    OTHER
}
