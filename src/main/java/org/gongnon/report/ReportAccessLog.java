package org.gongnon.report;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.StaffUser;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who downloaded which report file, and who tried to reach a report that is not theirs. Written in a
 * transaction of its own, so a refused attempt is recorded even though the refusal rolls the request back.
 */
@Component
class ReportAccessLog {

    enum Action { DOWNLOAD, PREVIEW, DENIED }

    private final JdbcTemplate jdbc;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReportAccessLog(JdbcTemplate jdbc, CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(Action action, Long reportId, Long processId, ReportFormat format, String fileName) {
        StaffUser user = currentUser.staff().orElse(null);
        String name = user != null ? user.getUsername()
                : currentUser.citizen().map(c -> "citizen#" + c.panelMemberId()).orElse("?");
        jdbc.update("INSERT INTO report_access_log (report_id, process_id, account_id, account_name, action, format, "
                        + "file_name, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                reportId, processId, user == null ? null : user.accountId(), name, action.name(),
                format == null ? null : format.name(), fileName,
                Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS)));
    }

    List<AccessLogEntry> entries(long processId, int limit) {
        return jdbc.query("SELECT l.at, l.account_name, l.action, r.version_number, l.format, l.file_name "
                        + "FROM report_access_log l LEFT JOIN report_version r ON r.id = l.report_id "
                        + "WHERE l.process_id = ? ORDER BY l.at DESC, l.id DESC LIMIT ?",
                (rs, i) -> new AccessLogEntry(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3),
                        (Integer) rs.getObject(4), rs.getString(5), rs.getString(6)), processId, limit);
    }

    static Instant now(Clock clock) {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
