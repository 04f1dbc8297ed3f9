package org.gongnon.report;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.ProcessAccess;
import org.gongnon.recommendation.ItemResult;
import org.gongnon.recommendation.RecommendationResults;
import org.gongnon.security.CitizenPrincipal;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The city's response to each published recommendation (정책반영 후속조치): officials of the process record it,
 * the panel sees it on their page, and facilitators see which answers are overdue. Every recording is kept in
 * the history, so a response can be followed as it moves from "under review" to a final answer.
 */
@Service
public class GovernmentResponseService {

    private static final Logger log = LoggerFactory.getLogger(GovernmentResponseService.class);
    private static final int MAX_EXPLANATION = 4000;

    private final JdbcTemplate jdbc;
    private final ReportVersions versions;
    private final ReportService reports;
    private final ProcessAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    GovernmentResponseService(JdbcTemplate jdbc, ReportVersions versions, ReportService reports, ProcessAccess access,
                              CurrentUser currentUser, Clock clock) {
        this.jdbc = jdbc;
        this.versions = versions;
        this.reports = reports;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** Each recommendation of a published version with its response. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<ItemResponse> responses(long reportId) {
        ReportSummary report = reports.report(reportId);
        if (!report.isPublished()) {
            throw new UserFacingException("report.error.not-published");
        }
        return items(report, reports.statedRecommendations(reportId));
    }

    /** Whether the user may record the city's responses for the process (its officials, and admins). */
    @PreAuthorize(Roles.HAS_STAFF)
    public boolean canRespond(long processId) {
        return access.isOfficial(processId);
    }

    /** Records (or updates) the city's response to one item; refused with field messages, nothing half-saved. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional
    public ItemResponse record(ResponseForm form) {
        ReportSummary report = reports.report(form.reportId());
        if (!access.isOfficial(report.processId())) {
            log.warn("Refused: account {} is not an official of process {} and tried to answer report {}",
                    currentUser.staff().map(u -> String.valueOf(u.accountId())).orElse("?"), report.processId(),
                    report.id());
            throw new UserFacingException("report.response.officials-only");
        }
        if (!report.isPublished()) {
            throw new UserFacingException("report.error.not-published");
        }
        RecommendationResults stated = reports.statedRecommendations(report.id());
        if (stated.items().stream().noneMatch(i -> i.number() == form.itemNumber())) {
            throw new UserFacingException("report.response.unknown-item");
        }
        Problems problems = new Problems();
        if (form.status() == null) {
            problems.add("status", "report.response.status-required");
        }
        String explanation = problems.requireText("explanation", form.explanation(), MAX_EXPLANATION);
        LocalDate today = LocalDate.now(clock);
        if (form.dueDate() == null) {
            problems.add("dueDate", "report.response.due-required");
        } else if (form.status() == ResponseStatus.UNDER_REVIEW && !form.dueDate().isAfter(today)) {
            problems.add("dueDate", "report.response.due-in-past");
        }
        problems.throwIfAny();

        Instant now = ReportAccessLog.now(clock);
        String by = currentUser.actorDisplayName();
        Long id = jdbc.query("SELECT id FROM government_response WHERE report_id = ? AND item_number = ? FOR UPDATE",
                (rs, i) -> rs.getLong(1), report.id(), form.itemNumber()).stream().findFirst().orElse(null);
        if (id == null) {
            jdbc.update("INSERT INTO government_response (report_id, item_number, status, explanation, due_date, "
                            + "recorded_by, recorded_at, revision) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
                    report.id(), form.itemNumber(), form.status().name(), explanation, Date.valueOf(form.dueDate()),
                    by, Timestamp.from(now));
            id = jdbc.queryForObject("SELECT id FROM government_response WHERE report_id = ? AND item_number = ?",
                    Long.class, report.id(), form.itemNumber());
        } else {
            jdbc.update("UPDATE government_response SET status = ?, explanation = ?, due_date = ?, recorded_by = ?, "
                            + "recorded_at = ?, revision = revision + 1 WHERE id = ?",
                    form.status().name(), explanation, Date.valueOf(form.dueDate()), by, Timestamp.from(now), id);
        }
        jdbc.update("INSERT INTO government_response_history (response_id, revision, status, explanation, due_date, "
                + "recorded_by, recorded_at) SELECT id, revision, status, explanation, due_date, recorded_by, "
                + "recorded_at FROM government_response WHERE id = ?", id);
        return items(report, stated).stream().filter(i -> i.itemNumber() == form.itemNumber()).findFirst()
                .orElseThrow();
    }

    /** Every recording of one item's response, newest first. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<ItemResponse.Response> history(long reportId, int itemNumber) {
        ReportSummary report = reports.report(reportId);
        return jdbc.query("SELECT h.status, h.explanation, h.due_date, h.recorded_by, h.recorded_at, h.revision "
                        + "FROM government_response_history h JOIN government_response r ON r.id = h.response_id "
                        + "WHERE r.report_id = ? AND r.item_number = ? ORDER BY h.revision DESC",
                (rs, i) -> new ItemResponse.Response(ResponseStatus.valueOf(rs.getString(1)), rs.getString(2),
                        rs.getDate(3).toLocalDate(), rs.getString(4), rs.getTimestamp(5).toInstant(), rs.getInt(6)),
                report.id(), itemNumber);
    }

    /**
     * The answers the city owes and has not given in time, over the process's latest published version: items
     * without a response after the report's due date, and items still under review after their own date.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<ItemResponse> overdue(long processId) {
        access.requireEdit(processId);
        return latestPublished(processId)
                .map(r -> items(r, ReportJson.recommendations(versions.recommendationsJson(r.id()).orElseThrow())))
                .orElse(List.of()).stream().filter(ItemResponse::overdue).toList();
    }

    /** For a signed-in panel member: the city's responses to their process's latest published recommendations. */
    @PreAuthorize(Roles.HAS_CITIZEN)
    @Transactional(readOnly = true)
    public List<ItemResponse> forMyPanel() {
        CitizenPrincipal citizen = currentUser.requireCitizen();
        return latestPublished(citizen.processId())
                .map(r -> items(r, ReportJson.recommendations(versions.recommendationsJson(r.id()).orElseThrow())))
                .orElse(List.of());
    }

    private Optional<ReportSummary> latestPublished(long processId) {
        return versions.ofProcess(processId).stream().filter(ReportSummary::isPublished).findFirst();
    }

    private List<ItemResponse> items(ReportSummary report, RecommendationResults stated) {
        Map<Integer, ItemResponse.Response> responses = new HashMap<>();
        jdbc.query("SELECT item_number, status, explanation, due_date, recorded_by, recorded_at, revision "
                        + "FROM government_response WHERE report_id = ?",
                rs -> {
                    responses.put(rs.getInt(1), new ItemResponse.Response(ResponseStatus.valueOf(rs.getString(2)),
                            rs.getString(3), rs.getDate(4).toLocalDate(), rs.getString(5),
                            rs.getTimestamp(6).toInstant(), rs.getInt(7)));
                }, report.id());
        LocalDate today = LocalDate.now(clock);
        List<ItemResponse> result = new ArrayList<>();
        for (ItemResult item : stated.items()) {
            ItemResponse.Response response = responses.get(item.number());
            LocalDate due = response == null ? report.responsesDue()
                    : response.status().isFinal() ? null : response.dueDate();
            boolean overdue = due != null && due.isBefore(today);
            result.add(new ItemResponse(report.id(), report.number(), item.number(), item.title(), item.text(),
                    item.status(), item.support() == null || item.support().voters() == 0 ? Double.NaN
                    : item.support().share(), response, response == null ? report.responsesDue() : response.dueDate(),
                    overdue));
        }
        return result;
    }
}
