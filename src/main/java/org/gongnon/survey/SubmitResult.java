package org.gongnon.survey;

import java.time.Instant;

/** The outcome of a submit: repeated submits (double click, second tab, replay) return the first one's time. */
public record SubmitResult(Instant submittedAt, boolean alreadySubmitted) {
}
