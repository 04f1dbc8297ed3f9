package org.gongnon.scheduling;

import java.time.ZonedDateTime;

/**
 * One event for a calendar file: a session of the panel, say. {@code uid} must stay the same for the same
 * event across files, so that calendars update it instead of adding a copy (e.g. {@code session-42@host}).
 * {@code location}, {@code description} and {@code url} may be null.
 */
public record CalendarEvent(String uid, ZonedDateTime start, ZonedDateTime end, String summary, String location,
                            String description, String url) {
}
