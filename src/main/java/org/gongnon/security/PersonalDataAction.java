package org.gongnon.security;

/** What was done with personal data, as the access log records it. */
public enum PersonalDataAction {
    /** Shown on a page (a list with names or contacts). */
    VIEW,
    /** Written to a file that leaves the application. */
    EXPORT,
    /** Used by the application for a staff action, e.g. contacts read to send messages. */
    USE,
    /** Personal access (link and code) issued to a citizen. */
    ISSUE_ACCESS,
    /** Deleted by the retention job. */
    DELETE
}
