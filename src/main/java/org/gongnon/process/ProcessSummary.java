package org.gongnon.process;

/** A process as lists show it. */
public record ProcessSummary(long id, String title, String publicQuestion, String organiser, ProcessStatus status,
                             Timeline timeline) {
}
