package org.gongnon.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A session in the programme: when, where, for whom, and its counts so far (expected participants, answers
 * to invitations, check-ins).
 */
public record SessionSummary(long id, long version, long roundId, String roundTitle, RoundKind roundKind,
                             String title, LocalDate date, LocalTime start, LocalTime end, String venueName,
                             Integer venueCapacity, String onlineUrl, String audienceFeature, String audienceValue,
                             boolean required, int expected, int invited, int confirmed, int declined, int attended) {

    public boolean wholePanel() {
        return audienceFeature == null;
    }

    public boolean isPast(LocalDate today) {
        return date.isBefore(today);
    }
}
