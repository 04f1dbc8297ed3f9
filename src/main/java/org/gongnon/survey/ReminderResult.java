package org.gongnon.survey;

/** Reminders queued in the outbox, and audience members who could not be reached (no phone or e-mail). */
public record ReminderResult(int queued, int withoutContact) {
}
