package org.gongnon.report;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleConsumer;
import java.util.stream.Collectors;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.ProcessAccess;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessSummary;
import org.gongnon.recommendation.ItemResult;
import org.gongnon.recommendation.RecommendationResults;
import org.gongnon.recommendation.RecommendationService;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.Roles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The official report's versions: a facilitator drafts one, the team reviews it (which freezes its content: the
 * document and the recommendations it states), and a facilitator publishes exactly what was reviewed. A
 * published version never changes; a later version is a new one and the old stays available. Officials see
 * published versions only; every download is logged, and so is every attempt to reach a report out of reach.
 */
@Service
public class ReportService {

    private static final Logger log = LoggerFactory.getLogger(ReportService.class);
    /** Unless the publisher says otherwise, the city has this long to answer (a common term in Korean ordinances). */
    static final int DEFAULT_RESPONSE_DAYS = 90;

    private final ReportVersions versions;
    private final ReportAccessLog accessLog;
    private final ReportAssembler assembler;
    private final ReportRendering rendering;
    private final RecommendationService recommendations;
    private final ProcessService processes;
    private final ProcessAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    ReportService(ReportVersions versions, ReportAccessLog accessLog, ReportAssembler assembler,
                  ReportRendering rendering, RecommendationService recommendations, ProcessService processes,
                  ProcessAccess access, CurrentUser currentUser, Clock clock) {
        this.versions = versions;
        this.accessLog = accessLog;
        this.assembler = assembler;
        this.rendering = rendering;
        this.recommendations = recommendations;
        this.processes = processes;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    /** The process's report versions, newest first: all of them for its facilitators, published ones for others. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<ReportSummary> reports(long processId) {
        access.requireView(processId);
        boolean editor = access.canEdit(processId);
        return versions.ofProcess(processId).stream().filter(r -> editor || r.isPublished()).toList();
    }

    /** Whether the user may draft, review and publish the process's reports (its facilitators and admins). */
    @PreAuthorize(Roles.HAS_STAFF)
    public boolean canEdit(long processId) {
        return access.canEdit(processId);
    }

    /** The published versions of every process the user is on, for the officials' page. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<PublishedReport> publishedReports() {
        List<PublishedReport> result = new ArrayList<>();
        for (ProcessSummary process : processes.listMyProcesses()) {
            versions.ofProcess(process.id()).stream().filter(ReportSummary::isPublished)
                    .forEach(r -> result.add(new PublishedReport(process.title(), r, versions.storedFormats(r.id()))));
        }
        return result;
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public ReportSummary report(long reportId) {
        return visible(reportId);
    }

    /** Starts a new version (one unpublished version at a time). */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public ReportSummary createDraft(long processId, Locale language) {
        access.requireEdit(processId);
        versions.lockProcess(processId);
        if (versions.ofProcess(processId).stream().anyMatch(r -> !r.isPublished())) {
            throw new UserFacingException("report.error.open-version");
        }
        String lang = Locale.ENGLISH.getLanguage().equals(language.getLanguage()) ? "en" : "ko";
        long id = versions.insertDraft(processId, versions.nextNumber(processId), lang, currentUser.actorDisplayName(),
                ReportAccessLog.now(clock));
        return versions.find(id).orElseThrow();
    }

    /**
     * The team's review: freezes the report's content as it is now. Refused when there is nothing to recommend,
     * or when an item that fell short has no minority opinion (the report never drops the minority).
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public ReportSummary review(long reportId, String note) {
        ReportSummary report = editable(reportId);
        if (report.status() != ReportStatus.DRAFT) {
            throw new UserFacingException("report.error.not-draft");
        }
        Problems problems = new Problems();
        String reviewNote = problems.optionalText("note", note, 1000);
        problems.throwIfAny();
        RecommendationResults results = recommendations.results(report.processId());
        if (results.items().isEmpty()) {
            throw new UserFacingException("report.error.no-recommendations");
        }
        List<ItemResult> missing = results.missingMinorityOpinions();
        if (!missing.isEmpty()) {
            throw new UserFacingException("report.error.minority-missing",
                    missing.stream().map(i -> String.valueOf(i.number())).collect(Collectors.joining(", ")));
        }
        Instant now = ReportAccessLog.now(clock);
        String recommendationsJson = ReportJson.write(results);
        ReportDocument document = assembler.assemble(report.processId(), results, report.number(),
                locale(report), now);
        versions.markReviewed(reportId, currentUser.actorDisplayName(), now, reviewNote, ReportJson.write(document),
                recommendationsJson, sha256(recommendationsJson.getBytes(StandardCharsets.UTF_8)));
        return versions.find(reportId).orElseThrow();
    }

    /** Back to draft, e.g. to take in a change to the recommendations; the frozen content is let go. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public ReportSummary reopen(long reportId) {
        ReportSummary report = editable(reportId);
        if (report.status() != ReportStatus.REVIEWED) {
            throw new UserFacingException("report.error.not-reviewed");
        }
        versions.reopen(reportId);
        return versions.find(reportId).orElseThrow();
    }

    /**
     * Publishes exactly what was reviewed. Refused without a review, and when the recommendations changed since
     * (then it goes back to draft for another review).
     *
     * @param responsesDue by when the city is to answer; null gives {@value #DEFAULT_RESPONSE_DAYS} days from today
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(noRollbackFor = ChangedSinceReviewException.class)
    public ReportSummary publish(long reportId, LocalDate responsesDue) {
        ReportSummary report = editable(reportId);
        if (report.status() == ReportStatus.PUBLISHED) {
            throw new UserFacingException("report.error.published");
        }
        if (report.status() != ReportStatus.REVIEWED) {
            log.warn("Refused to publish report {} of process {}: not reviewed", reportId, report.processId());
            throw new UserFacingException("report.error.needs-review");
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate due = responsesDue == null ? today.plusDays(DEFAULT_RESPONSE_DAYS) : responsesDue;
        if (!due.isAfter(today)) {
            throw new UserFacingException("report.error.due-in-past");
        }
        String current = ReportJson.write(recommendations.results(report.processId()));
        String reviewed = versions.recommendationsSha256(reportId).orElse("");
        if (!reviewed.equals(sha256(current.getBytes(StandardCharsets.UTF_8)))) {
            versions.reopen(reportId);
            throw new ChangedSinceReviewException();
        }
        versions.markPublished(reportId, currentUser.actorDisplayName(), ReportAccessLog.now(clock), due);
        return versions.find(reportId).orElseThrow();
    }

    /** Removes a version that was never published. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void deleteDraft(long reportId) {
        ReportSummary report = editable(reportId);
        if (report.isPublished()) {
            throw new UserFacingException("report.error.published");
        }
        versions.deleteUnpublished(reportId);
    }

    /** What the version says: frozen once reviewed; for a draft, assembled from the process as it is now. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public ReportDocument document(long reportId) {
        ReportSummary report = visible(reportId);
        return documentOf(report);
    }

    /** The recommendations a reviewed or published version states, as frozen. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public RecommendationResults statedRecommendations(long reportId) {
        ReportSummary report = visible(reportId);
        return versions.recommendationsJson(report.id()).map(ReportJson::recommendations)
                .orElseThrow(() -> new UserFacingException("report.error.not-reviewed"));
    }

    /**
     * A file of the version, named by the server, with the download logged. A published version's files are
     * rendered once and stored, so every later download gets the same bytes; a draft's are rendered afresh
     * (a preview for its facilitators).
     */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional
    public ReportFile download(long reportId, ReportFormat format, DoubleConsumer progress) {
        ReportSummary report = visible(reportId);
        DoubleConsumer told = progress == null ? p -> { } : progress;
        byte[] content;
        if (report.isPublished()) {
            content = versions.file(reportId, format).orElseGet(() -> renderAndStore(report, format, told));
        } else {
            content = rendering.render(documentOf(report), locale(report), format, told);
        }
        told.accept(1.0);
        String name = fileName(report, format);
        accessLog.record(report.isPublished() ? ReportAccessLog.Action.DOWNLOAD : ReportAccessLog.Action.PREVIEW,
                reportId, report.processId(), format, name);
        return new ReportFile(name, format.contentType(), content);
    }

    /** Renders and stores every file of a published version (right after publishing, in the background). */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public List<ReportFormat> generateFiles(long reportId, DoubleConsumer progress) {
        ReportSummary report = editable(reportId);
        if (!report.isPublished()) {
            throw new UserFacingException("report.error.not-published");
        }
        ReportFormat[] formats = ReportFormat.values();
        for (int i = 0; i < formats.length; i++) {
            int done = i;
            if (versions.file(reportId, formats[i]).isEmpty()) {
                renderAndStore(report, formats[i], p -> progress.accept((done + p) / formats.length));
            }
            progress.accept((double) (i + 1) / formats.length);
        }
        return versions.storedFormats(reportId);
    }

    /** The latest downloads of the process's reports and the refused attempts, newest first. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<AccessLogEntry> accessLog(long processId) {
        access.requireEdit(processId);
        return accessLog.entries(processId, 200);
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private byte[] renderAndStore(ReportSummary report, ReportFormat format, DoubleConsumer progress) {
        byte[] content = rendering.render(documentOf(report), locale(report), format, progress);
        versions.storeFile(report.id(), format, content, sha256(content), ReportAccessLog.now(clock));
        // If two requests rendered at once, the first stored copy is the one everybody gets.
        return versions.file(report.id(), format).orElse(content);
    }

    private ReportDocument documentOf(ReportSummary report) {
        if (report.status() == ReportStatus.DRAFT) {
            return assembler.assemble(report.processId(), recommendations.results(report.processId()),
                    report.number(), locale(report), ReportAccessLog.now(clock));
        }
        return ReportJson.document(versions.documentJson(report.id()).orElseThrow());
    }

    /** The version, if the user may see it: its process's team for published ones, its editors for the others. */
    private ReportSummary visible(long reportId) {
        ReportSummary report = versions.find(reportId).orElse(null);
        if (report == null) {
            deny(reportId, null);
        }
        if (!access.canView(report.processId()) || (!report.isPublished() && !access.canEdit(report.processId()))) {
            deny(reportId, report.processId());
        }
        return report;
    }

    private ReportSummary editable(long reportId) {
        ReportSummary report = visible(reportId);
        access.requireEdit(report.processId());
        return versions.lock(reportId).orElseThrow();
    }

    private void deny(long reportId, Long processId) {
        log.warn("Access denied: {} tried to reach report {} (process {})", currentUser.staff()
                .map(u -> "account " + u.accountId()).orElse("?"), reportId, processId);
        accessLog.record(ReportAccessLog.Action.DENIED, processId == null ? null : reportId, processId, null, null);
        throw new UserFacingException("report.not-found");
    }

    static String fileName(ReportSummary report, ReportFormat format) {
        String kind = report.isPublished() ? "report" : "report-draft";
        return "gongnon-process-" + report.processId() + "-" + kind + "-v" + report.number() + "." + format.extension();
    }

    private static Locale locale(ReportSummary report) {
        return "en".equals(report.language()) ? Locale.ENGLISH : Locale.KOREAN;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The recommendations changed between review and publishing; the version went back to draft. */
    static class ChangedSinceReviewException extends UserFacingException {
        ChangedSinceReviewException() {
            super("report.error.changed-since-review");
        }
    }
}
