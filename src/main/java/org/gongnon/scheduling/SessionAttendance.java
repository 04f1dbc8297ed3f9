package org.gongnon.scheduling;

import java.util.List;

/** A session's door list and live counts. */
public record SessionAttendance(SessionSummary session, int expected, int confirmed, int checkedIn, int late,
                                int leftEarly, List<AttendeeRow> rows) {

    public SessionAttendance {
        rows = List.copyOf(rows);
    }
}
