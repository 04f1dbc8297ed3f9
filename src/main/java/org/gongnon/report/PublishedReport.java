package org.gongnon.report;

import java.util.List;

/** A published report version with its process's title, for the officials' list. */
public record PublishedReport(String processTitle, ReportSummary report, List<ReportFormat> storedFormats) {

    public PublishedReport {
        storedFormats = List.copyOf(storedFormats);
    }
}
