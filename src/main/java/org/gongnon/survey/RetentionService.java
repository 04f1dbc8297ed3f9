package org.gongnon.survey;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.gongnon.security.PersonalDataAccessLog;
import org.gongnon.security.PersonalDataAction;
import org.gongnon.security.Roles;
import org.gongnon.security.SystemAuthority;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes a process's contact data once its retention date has passed (PIPA: kept no longer than announced),
 * keeping what the research and the record need in pseudonymous form:
 * <ul>
 * <li>pool and panel members keep their rows and strata, but names become "#id" and phones, e-mails, the rejected
 * rows file and replacement reasons go;</li>
 * <li>citizens' links, codes and check-in passes go; outbox messages keep their status but lose recipient, subject
 * and body;</li>
 * <li>survey participants keep their answers and pseudonymous key; their strata are copied onto the participant
 * ({@code survey_participant.strata}) and only then is the link to the panel member cut;</li>
 * <li>reports, recommendations and government responses are untouched.</li>
 * </ul>
 * Lives in survey (not process) because it must keep the survey strata; it touches the other features' tables by
 * SQL only. Idempotent: a process is done once ({@code personal_data_deleted_at}); running again changes nothing.
 */
@Service
public class RetentionService {

    private static final Logger log = LoggerFactory.getLogger(RetentionService.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final PersonalDataAccessLog accessLog;
    private final Clock clock;

    RetentionService(JdbcTemplate jdbc, PlatformTransactionManager transactions, PersonalDataAccessLog accessLog,
                     Clock clock) {
        this.jdbc = jdbc;
        this.transactions = new TransactionTemplate(transactions);
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** The daily run ({@code gongnon.retention.cron}); not public: no user can start it this way. */
    @Scheduled(cron = "${gongnon.retention.cron}", zone = "${gongnon.time-zone}") // 03:30 in Seoul, not the server's zone
    void scheduledRun() {
        SystemAuthority.runAsSystem(this::applyDueRetention);
    }

    /**
     * Deletes the contact data of every process whose retention date is before today and that was not done yet;
     * one transaction per process. Returns the ids of the processes done now.
     */
    @PreAuthorize(Roles.HAS_ADMIN)
    public List<Long> applyDueRetention() {
        LocalDate today = LocalDate.now(clock);
        List<Long> due = jdbc.queryForList("SELECT id FROM deliberation_process WHERE retention_date < ? "
                + "AND personal_data_deleted_at IS NULL ORDER BY id", Long.class, java.sql.Date.valueOf(today));
        for (long processId : due) {
            transactions.executeWithoutResult(status -> deletePersonalData(processId));
        }
        if (!due.isEmpty()) {
            log.info("Retention: contact data deleted for {} process(es): {}", due.size(), due);
        }
        return due;
    }

    /** Every process with its retention date and state, the ones due first (admins' retention page). */
    @PreAuthorize(Roles.HAS_ADMIN)
    public List<RetentionStatus> overview() {
        LocalDate today = LocalDate.now(clock);
        return jdbc.query("SELECT id, title, retention_date, personal_data_deleted_at FROM deliberation_process "
                + "ORDER BY personal_data_deleted_at IS NOT NULL, retention_date, id", (rs, i) -> {
                    LocalDate date = rs.getDate(3).toLocalDate();
                    Timestamp deleted = rs.getTimestamp(4);
                    return new RetentionStatus(rs.getLong(1), rs.getString(2), date,
                            deleted == null ? null : deleted.toInstant(), deleted == null && date.isBefore(today));
                });
    }

    private void deletePersonalData(long processId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        // Strata first, from the pool member the panel member was drawn as, then the link can go.
        int snapshots = jdbc.update("UPDATE survey_participant s JOIN panel_member m ON m.id = s.panel_member_id "
                + "JOIN pool_member p ON p.id = m.pool_member_id SET s.strata = p.feature_values "
                + "WHERE s.process_id = ? AND s.strata IS NULL", processId);
        int links = jdbc.update("UPDATE survey_participant SET panel_member_id = NULL "
                + "WHERE process_id = ? AND panel_member_id IS NOT NULL", processId);
        int pool = jdbc.update("UPDATE pool_member SET name = CONCAT('#', id), phone = NULL, email = NULL "
                + "WHERE process_id = ?", processId);
        jdbc.update("UPDATE pool_import SET rejected_csv = NULL WHERE process_id = ?", processId);
        jdbc.update("UPDATE draw_replacement r JOIN sortition_draw d ON d.id = r.draw_id SET r.reason = NULL "
                + "WHERE d.process_id = ?", processId);
        int panel = jdbc.update("UPDATE panel_member SET display_name = CONCAT('#', id), token_hash = NULL, "
                + "code_id = NULL, code_secret_hash = NULL, access_issued_at = NULL WHERE process_id = ?", processId);
        jdbc.update("DELETE c FROM checkin_pass c JOIN panel_member m ON m.id = c.panel_member_id "
                + "WHERE m.process_id = ?", processId);
        int messages = jdbc.update("UPDATE outbox_message SET recipient = '', subject = NULL, body = '', "
                + "last_error = NULL WHERE process_id = ?", processId);
        jdbc.update("UPDATE deliberation_process SET personal_data_deleted_at = ? WHERE id = ?",
                Timestamp.from(now), processId);
        accessLog.record(processId, PersonalDataAction.DELETE, "contact data of process " + processId
                + " (retention)", pool + panel);
        log.info("Retention: process {}: {} pool and {} panel members anonymised, {} messages emptied, "
                + "{} survey links cut ({} strata kept)", processId, pool, panel, messages, links, snapshots);
    }
}
