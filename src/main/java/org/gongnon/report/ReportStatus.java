package org.gongnon.report;

/** Where a report version stands: drafted, reviewed by the facilitator team (content frozen), published. */
public enum ReportStatus {
    DRAFT,
    REVIEWED,
    PUBLISHED
}
