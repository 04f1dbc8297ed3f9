package org.gongnon.report;

import java.time.Instant;

/**
 * One line of a process's report access log.
 *
 * @param action DOWNLOAD, PREVIEW, or DENIED (an attempt to reach a report outside the user's reach)
 */
public record AccessLogEntry(Instant at, String accountName, String action, Integer reportNumber, String format,
                             String fileName) {
}
