package org.gongnon.report.ui;

import org.gongnon.report.ReportFormat;

/** Where a report file is downloaded: a plain address the server answers with the file it names. */
public final class ReportFiles {

    private ReportFiles() {
    }

    public static String href(long reportId, ReportFormat format) {
        return "/files/reports/" + reportId + "/" + format.name().toLowerCase();
    }
}
