package org.gongnon.scheduling;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongnon.process.SessionDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The sessions and their checked-in attendees, for later steps (surveys for the attendees of a session). */
@Component
class ScheduledSessionDirectory implements SessionDirectory {

    private final SessionRepository sessions;
    private final AttendanceRepository attendance;

    ScheduledSessionDirectory(SessionRepository sessions, AttendanceRepository attendance) {
        this.sessions = sessions;
        this.attendance = attendance;
    }

    @Override
    @Transactional(readOnly = true)
    public List<SessionRef> sessions(long processId) {
        return sessions.findByProcessIdOrderByDateAscStartAsc(processId).stream()
                .map(s -> new SessionRef(s.getId(), s.getTitle(), s.getDate())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Set<Long> attendees(long processId, long sessionId) {
        boolean ofProcess = sessions.findById(sessionId).filter(s -> s.getProcessId() == processId).isPresent();
        if (!ofProcess) {
            return Set.of();
        }
        return attendance.findBySessionId(sessionId).stream().map(Attendance::getPanelMemberId)
                .collect(Collectors.toUnmodifiableSet());
    }
}
