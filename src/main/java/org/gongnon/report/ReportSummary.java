package org.gongnon.report;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One version of a process's report.
 *
 * @param number        1, 2, … within the process
 * @param language      "ko" or "en": the language the report is written in
 * @param responsesDue  by when the city is to answer its recommendations (published versions)
 */
public record ReportSummary(long id, long processId, int number, String language, ReportStatus status,
                            String createdBy, Instant createdAt, String reviewedBy, Instant reviewedAt,
                            String reviewNote, String publishedBy, Instant publishedAt, LocalDate responsesDue) {

    public boolean isPublished() {
        return status == ReportStatus.PUBLISHED;
    }
}
