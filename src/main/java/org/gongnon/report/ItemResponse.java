package org.gongnon.report;

import java.time.Instant;
import java.time.LocalDate;
import org.gongnon.algorithms.stats.SupportStatus;

/**
 * One published recommendation with the city's response to it, if any.
 *
 * @param outcome  the panel's outcome for the item (null when it was not put to a vote)
 * @param support  the support share (NaN when not voted)
 * @param response the current response, null while the city has not answered
 * @param overdue  no final answer and its date (the response's, or the report's) has passed
 */
public record ItemResponse(long reportId, int reportNumber, int itemNumber, String title, String text,
                           SupportStatus outcome, double support, Response response, LocalDate due, boolean overdue) {

    /** A recorded response; revision counts how many times it was recorded. */
    public record Response(ResponseStatus status, String explanation, LocalDate dueDate, String recordedBy,
                           Instant recordedAt, int revision) {
    }
}
