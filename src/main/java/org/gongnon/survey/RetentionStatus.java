package org.gongnon.survey;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A process as the retention job sees it: the date after which its contact data goes, whether that date has
 * passed ({@code due}) and when the data went ({@code deletedAt}, null while it is kept).
 */
public record RetentionStatus(long processId, String title, LocalDate retentionDate, Instant deletedAt,
                              boolean due) {
}
