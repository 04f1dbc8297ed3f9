package org.gongnon.survey;

/** DRAFT: questions can change; OPEN: citizens answer (within the window); CLOSED: no more answers. */
public enum WaveStatus {
    DRAFT, OPEN, CLOSED
}
