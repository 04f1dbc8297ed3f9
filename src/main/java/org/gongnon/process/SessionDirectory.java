package org.gongnon.process;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Who attended which session, for steps that need it without depending on scheduling (a survey sent to the
 * attendees of one session). Scheduling provides the implementation; callers check access themselves.
 */
public interface SessionDirectory {

    /** A session of the process, for choosing one. */
    record SessionRef(long sessionId, String title, LocalDate date) {
    }

    /** The process's sessions in date order. */
    List<SessionRef> sessions(long processId);

    /** The panel members checked in at a session of the process; empty for a session of another process. */
    Set<Long> attendees(long processId, long sessionId);
}
