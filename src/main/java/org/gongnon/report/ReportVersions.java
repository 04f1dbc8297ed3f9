package org.gongnon.report;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The report_version and report_file tables. A published row is never updated: every UPDATE here says so. */
@Component
class ReportVersions {

    private static final String COLUMNS = "id, process_id, version_number, language, status, created_by, created_at, "
            + "reviewed_by, reviewed_at, review_note, published_by, published_at, responses_due";

    private final JdbcTemplate jdbc;

    ReportVersions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<ReportSummary> ofProcess(long processId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_version WHERE process_id = ? ORDER BY version_number DESC",
                ReportVersions::summary, processId);
    }

    Optional<ReportSummary> find(long reportId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_version WHERE id = ?", ReportVersions::summary, reportId)
                .stream().findFirst();
    }

    /** Locks the row, so two reviewers or publishers are served one after the other. */
    Optional<ReportSummary> lock(long reportId) {
        return jdbc.query("SELECT " + COLUMNS + " FROM report_version WHERE id = ? FOR UPDATE",
                ReportVersions::summary, reportId).stream().findFirst();
    }

    /** Serialises version numbering per process (the unique key backs it up). */
    void lockProcess(long processId) {
        jdbc.queryForList("SELECT id FROM deliberation_process WHERE id = ? FOR UPDATE", Long.class, processId);
    }

    int nextNumber(long processId) {
        Integer max = jdbc.queryForObject("SELECT MAX(version_number) FROM report_version WHERE process_id = ?",
                Integer.class, processId);
        return max == null ? 1 : max + 1;
    }

    long insertDraft(long processId, int number, String language, String by, Instant at) {
        jdbc.update("INSERT INTO report_version (process_id, version_number, language, status, created_by, created_at) "
                + "VALUES (?, ?, ?, 'DRAFT', ?, ?)", processId, number, language, by, Timestamp.from(at));
        return jdbc.queryForObject("SELECT id FROM report_version WHERE process_id = ? AND version_number = ?",
                Long.class, processId, number);
    }

    void markReviewed(long reportId, String by, Instant at, String note, String document, String recommendations,
                      String recommendationsSha256) {
        int n = jdbc.update("UPDATE report_version SET status = 'REVIEWED', reviewed_by = ?, reviewed_at = ?, "
                        + "review_note = ?, document = ?, recommendations = ?, recommendations_sha256 = ?, "
                        + "version = version + 1 WHERE id = ? AND status = 'DRAFT'",
                by, Timestamp.from(at), note, document, recommendations, recommendationsSha256, reportId);
        expectOne(n);
    }

    void reopen(long reportId) {
        int n = jdbc.update("UPDATE report_version SET status = 'DRAFT', reviewed_by = NULL, reviewed_at = NULL, "
                + "review_note = NULL, document = NULL, recommendations = NULL, recommendations_sha256 = NULL, "
                + "version = version + 1 WHERE id = ? AND status = 'REVIEWED'", reportId);
        expectOne(n);
    }

    void markPublished(long reportId, String by, Instant at, LocalDate responsesDue) {
        int n = jdbc.update("UPDATE report_version SET status = 'PUBLISHED', published_by = ?, published_at = ?, "
                        + "responses_due = ?, version = version + 1 WHERE id = ? AND status = 'REVIEWED'",
                by, Timestamp.from(at), Date.valueOf(responsesDue), reportId);
        expectOne(n);
    }

    void deleteUnpublished(long reportId) {
        expectOne(jdbc.update("DELETE FROM report_version WHERE id = ? AND status <> 'PUBLISHED'", reportId));
    }

    Optional<String> documentJson(long reportId) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT document FROM report_version WHERE id = ?",
                String.class, reportId));
    }

    Optional<String> recommendationsJson(long reportId) {
        return Optional.ofNullable(jdbc.queryForObject("SELECT recommendations FROM report_version WHERE id = ?",
                String.class, reportId));
    }

    Optional<String> recommendationsSha256(long reportId) {
        return Optional.ofNullable(jdbc.queryForObject(
                "SELECT recommendations_sha256 FROM report_version WHERE id = ?", String.class, reportId));
    }

    Optional<byte[]> file(long reportId, ReportFormat format) {
        return jdbc.query("SELECT content FROM report_file WHERE report_id = ? AND format = ?",
                (rs, i) -> rs.getBytes(1), reportId, format.name()).stream().findFirst();
    }

    List<ReportFormat> storedFormats(long reportId) {
        return jdbc.queryForList("SELECT format FROM report_file WHERE report_id = ?", String.class, reportId).stream()
                .map(ReportFormat::valueOf).sorted().toList();
    }

    /** Stores a published version's file once; a second generation of the same file keeps the first. */
    void storeFile(long reportId, ReportFormat format, byte[] content, String sha256, Instant at) {
        jdbc.update("INSERT IGNORE INTO report_file (report_id, format, content, sha256, generated_at) "
                + "VALUES (?, ?, ?, ?, ?)", reportId, format.name(), content, sha256, Timestamp.from(at));
    }

    private static void expectOne(int updated) {
        if (updated != 1) {
            throw new IllegalStateException("report version changed underneath (expected one row, got " + updated + ")");
        }
    }

    private static ReportSummary summary(ResultSet rs, int row) throws SQLException {
        Date due = rs.getDate("responses_due");
        return new ReportSummary(rs.getLong("id"), rs.getLong("process_id"), rs.getInt("version_number"),
                rs.getString("language"), ReportStatus.valueOf(rs.getString("status")), rs.getString("created_by"),
                instant(rs, "created_at"), rs.getString("reviewed_by"), instant(rs, "reviewed_at"),
                rs.getString("review_note"), rs.getString("published_by"), instant(rs, "published_at"),
                due == null ? null : due.toLocalDate());
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
