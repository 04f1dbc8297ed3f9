package org.gongnon.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongnon.algorithms.stats.SupportStatus;
import org.gongnon.base.IdNumbers;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.recommendation.ItemForm;
import org.gongnon.recommendation.RecommendationResults;
import org.gongnon.recommendation.RecommendationService;
import org.gongnon.recommendation.SupportRule;
import org.gongnon.recommendation.VoteFixture;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffRole;
import org.gongnon.testsupport.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The report from draft to publication on the real database, with the vote of {@link VoteFixture}'s panel:
 * review refused while a minority opinion is missing, publishing refused without a review or after a change,
 * published versions that never change, files stored once and downloads logged, refusals of reports out of
 * reach (logged too), and the city's responses seen by the panel and overdue for facilitators.
 */
@SpringBootTest
class ReportPersistenceTest {

    /** The application's clock: "today" is Seoul's today, whatever the machine's zone. */
    @Autowired
    SignIn signIn;
    @Autowired
    java.time.Clock clock;
    @Autowired
    ReportFixture fixture;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    PanelService panel;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    RecommendationService recommendations;
    @Autowired
    ReportService reports;
    @Autowired
    GovernmentResponseService responses;
    @Autowired
    JdbcTemplate jdbc;

    static String key(Runnable attempt) {
        return assertThrows(UserFacingException.class, attempt::run).messageKey();
    }

    static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    List<Map<String, Object>> log(long processId) {
        return jdbc.queryForList("SELECT * FROM report_access_log WHERE process_id = ? ORDER BY id", processId);
    }

    // --- the workflow -----------------------------------------------------------------------------------------

    @Test
    void draftReviewPublishWithTheRefusalsOnTheWay() throws Exception {
        ReportFixture.Voted v = fixture.voted("보고서 흐름");
        long pid = v.processId();
        ReportSummary draft = signIn.facilitator(() -> reports.createDraft(pid, Locale.KOREAN));
        assertEquals(1, draft.number());
        assertEquals(ReportStatus.DRAFT, draft.status());
        assertEquals("ko", draft.language());
        assertEquals("report.error.open-version", key(() -> signIn.facilitator(() -> reports.createDraft(pid, Locale.KOREAN))));

        // Publishing without the review is refused and changes nothing.
        assertEquals("report.error.needs-review", key(() -> signIn.facilitator(() -> reports.publish(draft.id(), null))));
        assertEquals(ReportStatus.DRAFT, signIn.facilitator(() -> reports.report(draft.id())).status());

        // Items 2 and 3 fell short without a minority opinion: the review names them and freezes nothing.
        UserFacingException missing = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> reports.review(draft.id(), "검토")));
        assertEquals("report.error.minority-missing", missing.messageKey());
        assertEquals("2, 3", missing.arguments()[0]);
        assertNull(jdbc.queryForObject("SELECT document FROM report_version WHERE id = ?", String.class, draft.id()));

        fixture.minorityOpinions(v);
        ReportSummary reviewed = signIn.facilitator(() -> reports.review(draft.id(), "진행팀 회의에서 검토함"));
        assertEquals(ReportStatus.REVIEWED, reviewed.status());
        assertEquals("박진행", reviewed.reviewedBy(), "the facilitator's name");
        assertEquals("진행팀 회의에서 검토함", reviewed.reviewNote());
        RecommendationResults stated = signIn.facilitator(() -> reports.statedRecommendations(draft.id()));
        assertEquals(List.of(SupportStatus.ADOPTED, SupportStatus.WITH_RESERVATIONS, SupportStatus.NOT_ADOPTED),
                stated.items().stream().map(i -> i.status()).toList());
        assertEquals(7, stated.items().get(0).support().supporters());
        assertEquals(10, stated.items().get(0).support().voters());

        // A change after the review: publishing is refused and the version goes back to draft for another review.
        signIn.facilitator(() -> recommendations.save(new ItemForm(pid, v.itemIds().get(0),
                recommendations.item(v.itemIds().get(0)).version(), "소각시설 지하화",
                "새 자원회수시설은 지하에 짓고 지상은 주민 공원으로 만든다.", "주민 수용성을 높인다.", List.of(),
                v.vote().waveId(), "R1", SupportRule.atLeast(4), "문구 수정")));
        assertEquals("report.error.changed-since-review",
                key(() -> signIn.facilitator(() -> reports.publish(draft.id(), null))));
        assertEquals(ReportStatus.DRAFT, signIn.facilitator(() -> reports.report(draft.id())).status(),
                "the reopening is kept although publishing was refused");

        signIn.facilitator(() -> reports.review(draft.id(), null));
        LocalDate due = LocalDate.now(clock).plusDays(60);
        ReportSummary published = signIn.facilitator(() -> reports.publish(draft.id(), due));
        assertEquals(ReportStatus.PUBLISHED, published.status());
        assertEquals(due, published.responsesDue());
        assertEquals("박진행", published.publishedBy());
        assertNotNull(published.publishedAt());

        // Published means immutable: every change is refused and the row stays as it was.
        Map<String, Object> row = jdbc.queryForMap("SELECT * FROM report_version WHERE id = ?", draft.id());
        assertEquals("report.error.published", key(() -> signIn.facilitator(() -> reports.publish(draft.id(), null))));
        assertEquals("report.error.published", key(() -> signIn.facilitator(() -> {
            reports.deleteDraft(draft.id());
            return null;
        })));
        assertEquals("report.error.not-draft", key(() -> signIn.facilitator(() -> reports.review(draft.id(), "다시"))));
        assertEquals("report.error.not-reviewed", key(() -> signIn.facilitator(() -> reports.reopen(draft.id()))));
        assertEquals(row, jdbc.queryForMap("SELECT * FROM report_version WHERE id = ?", draft.id()));

        // A later version is a new one; the first stays published and available.
        ReportSummary second = signIn.facilitator(() -> reports.createDraft(pid, Locale.ENGLISH));
        assertEquals(2, second.number());
        assertEquals("en", second.language());
        assertEquals(List.of(2, 1), signIn.facilitator(() -> reports.reports(pid)).stream().map(ReportSummary::number).toList());
        // Version 2 is written in English: its text and its workbook's cover sheet.
        ReportDocument english = signIn.facilitator(() -> reports.document(second.id()));
        assertTrue(english.sections().stream().anyMatch(sec -> sec.heading().equals("2. Recommendations")),
                english.sections().stream().map(ReportDocument.Section::heading).toList().toString());
        byte[] englishBook = signIn.facilitator(() -> reports.download(second.id(), ReportFormat.XLSX, null)).content();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(englishBook))) {
            assertEquals("Report", book.getSheetName(0));
        }
        byte[] first = signIn.facilitator(() -> reports.download(draft.id(), ReportFormat.PDF, null)).content();
        assertTrue(text(first).contains("소각시설 지하화"));
    }

    @Test
    void publishedFilesAreRenderedOnceAndEveryDownloadIsLoggedWithoutPersonalData() throws Exception {
        ReportFixture.Voted v = fixture.voted("보고서 파일");
        long pid = v.processId();
        fixture.minorityOpinions(v);
        long reportId = signIn.facilitator(() -> {
            long id = reports.createDraft(pid, Locale.KOREAN).id();
            reports.review(id, null);
            return reports.publish(id, null).id();
        });
        List<Double> progress = new ArrayList<>();
        List<ReportFormat> stored = signIn.facilitator(() -> reports.generateFiles(reportId, progress::add));
        assertEquals(List.of(ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.CSV), stored);
        assertEquals(1.0, progress.getLast(), 1e-9);
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1) - 1e-9, "progress never goes back: " + progress);
        }
        fixture.officialOf(pid);

        ReportFile pdf = signIn.as("official", () -> reports.download(reportId, ReportFormat.PDF, null));
        assertEquals("gongnon-process-" + pid + "-report-v1.pdf", pdf.fileName());
        assertEquals("application/pdf", pdf.contentType());
        ReportFile again = signIn.as("official", () -> reports.download(reportId, ReportFormat.PDF, null));
        assertArrayEquals(pdf.content(), again.content(), "a published version's file never changes");
        String text = text(pdf.content());
        for (String expected : List.of("소각시설 지하화", "A 부지 선정", "B 부지가 더 적합하다", "교통 접근성이 더 좋다",
                "70.0%", "60.0%", "40.0%", "소수의견")) {
            assertTrue(text.contains(expected), "the PDF says " + expected);
        }
        List<RosterMember> roster = signIn.facilitator(() -> seating.roster(pid)).members();
        for (RosterMember m : roster) {
            assertFalse(text.contains(m.displayName()), "no panel member's name in the report: " + m.displayName());
        }

        ReportFile xlsx = signIn.as("official", () -> reports.download(reportId, ReportFormat.XLSX, null));
        assertEquals("gongnon-process-" + pid + "-report-v1.xlsx", xlsx.fileName());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.content()))) {
            var sheet = book.getSheet("recommendations");
            assertNotNull(sheet, "a sheet per table");
            List<String> firstColumn = new ArrayList<>();
            List<String> titles = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                var row = sheet.getRow(r);
                if (row != null && row.getCell(1) != null) {
                    titles.add(row.getCell(1).toString());
                }
            }
            assertTrue(titles.containsAll(List.of("소각시설 지하화", "A 부지 선정", "주민 일자리 우선 배정")), titles.toString());
        }
        ReportFile csv = signIn.as("official", () -> reports.download(reportId, ReportFormat.CSV, null));
        assertTrue(csv.fileName().endsWith(".csv.zip"));
        List<String> entries = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(csv.content()))) {
            for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.add(e.getName());
            }
        }
        assertTrue(entries.stream().anyMatch(n -> n.endsWith("recommendations.csv")), entries.toString());

        List<Map<String, Object>> log = log(pid).stream().filter(r -> "DOWNLOAD".equals(r.get("action"))).toList();
        assertEquals(4, log.size(), "each download is one line: " + log);
        assertEquals("official", log.getFirst().get("account_name"));
        assertEquals("PDF", log.getFirst().get("format"));
        assertEquals(pdf.fileName(), log.getFirst().get("file_name"));
        assertEquals(List.of("PDF", "PDF", "XLSX", "CSV"), log.stream().map(r -> r.get("format")).toList());
        assertEquals(4, signIn.facilitator(() -> reports.accessLog(pid)).stream()
                .filter(e -> e.action().equals("DOWNLOAD")).count());
    }

    @Test
    void reportsOutOfReachAreRefusedAsNotFoundAndTheAttemptLogged() {
        ReportFixture.Voted v = fixture.voted("보고서 접근");
        long pid = v.processId();
        fixture.minorityOpinions(v);
        long published = signIn.facilitator(() -> {
            long id = reports.createDraft(pid, Locale.KOREAN).id();
            reports.review(id, null);
            return reports.publish(id, null).id();
        });
        long draft = signIn.facilitator(() -> reports.createDraft(pid, Locale.KOREAN).id());
        String stranger = signIn.newStaff("rep", StaffRole.FACILITATOR);

        // A facilitator of another process changing the id in the address.
        assertEquals("report.not-found", key(() -> signIn.as(stranger,
                () -> reports.download(published, ReportFormat.PDF, null))));
        assertEquals("process.not-found", key(() -> signIn.as(stranger, () -> reports.reports(pid))));
        // An official of the process cannot reach an unpublished version either.
        fixture.officialOf(pid);
        assertEquals("report.not-found", key(() -> signIn.as("official", () -> reports.download(draft, ReportFormat.PDF, null))));
        assertEquals(List.of(published), signIn.as("official", () -> reports.reports(pid)).stream().map(ReportSummary::id).toList());
        // An id that does not exist.
        assertEquals("report.not-found", key(() -> signIn.as("official", () -> reports.report(Long.MAX_VALUE))));

        List<Map<String, Object>> denied = log(pid).stream().filter(r -> "DENIED".equals(r.get("action"))).toList();
        assertEquals(2, denied.size(), denied.toString());
        assertEquals(stranger, denied.get(0).get("account_name"));
        assertEquals(((Number) denied.get(0).get("report_id")).longValue(), published);
        assertEquals("official", denied.get(1).get("account_name"));
        assertTrue(log(pid).stream().noneMatch(r -> "DOWNLOAD".equals(r.get("action"))), "nothing was handed out");
        // Officials do not draft, review or publish.
        assertThrows(RuntimeException.class, () -> signIn.as("official", () -> reports.publish(draft, null)));
    }

    // --- the city's responses ---------------------------------------------------------------------------------

    @Test
    void officialsRecordResponsesThePanelSeesThemAndFacilitatorsSeeWhatIsOverdue() {
        ReportFixture.Voted v = fixture.voted("시 응답");
        long pid = v.processId();
        fixture.minorityOpinions(v);
        long reportId = signIn.facilitator(() -> {
            long id = reports.createDraft(pid, Locale.KOREAN).id();
            reports.review(id, null);
            return reports.publish(id, LocalDate.now(clock).plusDays(30)).id();
        });
        fixture.officialOf(pid);

        // Bad input: a clear message per field and nothing stored.
        ValidationException invalid = assertThrows(ValidationException.class, () -> signIn.as("official",
                () -> responses.record(new ResponseForm(reportId, 1, null, "  ", null))));
        assertEquals(List.of("status", "explanation", "dueDate"),
                invalid.problems().stream().map(ValidationException.FieldProblem::field).toList());
        ValidationException past = assertThrows(ValidationException.class, () -> signIn.as("official",
                () -> responses.record(new ResponseForm(reportId, 1, ResponseStatus.UNDER_REVIEW, "검토 중입니다",
                        LocalDate.now(clock).minusDays(1)))));
        assertEquals("report.response.due-in-past", past.problems().getFirst().messageKey());
        assertEquals("report.response.unknown-item", key(() -> signIn.as("official", () -> responses.record(
                new ResponseForm(reportId, 9, ResponseStatus.ACCEPTED, "수용", LocalDate.now(clock))))));
        assertEquals("report.response.officials-only", key(() -> signIn.facilitator(() -> responses.record(
                new ResponseForm(reportId, 1, ResponseStatus.ACCEPTED, "수용", LocalDate.now(clock))))));
        // A resident registration number in the explanation is refused (issue 7: never stored).
        ValidationException idNumber = assertThrows(ValidationException.class, () -> signIn.as("official",
                () -> responses.record(new ResponseForm(reportId, 1, ResponseStatus.ACCEPTED,
                        "민원인 850302-1234567 님께 회신했습니다.", LocalDate.now(clock).plusDays(5)))));
        assertEquals(List.of("explanation:" + IdNumbers.REFUSED), idNumber.problems().stream()
                .map(p -> p.field() + ":" + p.messageKey()).toList());
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM government_response WHERE report_id = ?",
                Integer.class, reportId));

        signIn.as("official", () -> responses.record(new ResponseForm(reportId, 1, ResponseStatus.UNDER_REVIEW,
                "예산 협의 중입니다.", LocalDate.now(clock).plusDays(20))));
        ItemResponse answered = signIn.as("official", () -> responses.record(new ResponseForm(reportId, 1,
                ResponseStatus.ACCEPTED, "2027년 설계에 지하화를 반영합니다.", LocalDate.of(2027, 12, 31))));
        assertEquals(ResponseStatus.ACCEPTED, answered.response().status());
        assertEquals(2, answered.response().revision());
        assertEquals("이공무", answered.response().recordedBy(), "the official's name");
        List<ItemResponse.Response> history = signIn.as("official", () -> responses.history(reportId, 1));
        assertEquals(List.of(ResponseStatus.ACCEPTED, ResponseStatus.UNDER_REVIEW),
                history.stream().map(ItemResponse.Response::status).toList());
        signIn.as("official", () -> responses.record(new ResponseForm(reportId, 2, ResponseStatus.UNDER_REVIEW,
                "부지 타당성 조사를 하고 있습니다.", LocalDate.now(clock).plusDays(10))));

        // The panel member sees the city's answers on their page.
        RosterMember member = v.vote().voters().getFirst();
        IssuedAccess access = signIn.facilitator(() -> panel.issueAccess(member.panelMemberId()));
        List<ItemResponse> seen = signIn.citizen(access, () -> responses.forMyPanel());
        assertEquals(3, seen.size());
        assertEquals("2027년 설계에 지하화를 반영합니다.", seen.get(0).response().explanation());
        assertEquals(ResponseStatus.UNDER_REVIEW, seen.get(1).response().status());
        assertNull(seen.get(2).response(), "item 3 is not answered yet");

        // Nothing is overdue yet; time passes (the dates are moved back) and the unanswered ones become overdue.
        assertTrue(signIn.facilitator(() -> responses.overdue(pid)).isEmpty());
        jdbc.update("UPDATE report_version SET responses_due = ? WHERE id = ?",
                java.sql.Date.valueOf(LocalDate.now(clock).minusDays(1)), reportId);
        jdbc.update("UPDATE government_response SET due_date = ? WHERE report_id = ? AND item_number = 2",
                java.sql.Date.valueOf(LocalDate.now(clock).minusDays(2)), reportId);
        List<ItemResponse> overdue = signIn.facilitator(() -> responses.overdue(pid));
        assertEquals(List.of(2, 3), overdue.stream().map(ItemResponse::itemNumber).toList(),
                "item 1 has a final answer; 2 is still under review after its date; 3 has none after the report's");
        assertThrows(org.springframework.security.authorization.AuthorizationDeniedException.class,
                () -> signIn.as("official", () -> responses.overdue(pid)), "the overdue list is the facilitators' tool");
    }
}
