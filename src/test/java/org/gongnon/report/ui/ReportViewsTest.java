package org.gongnon.report.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.server.VaadinSession;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.recommendation.ItemForm;
import org.gongnon.recommendation.ItemOption;
import org.gongnon.recommendation.MinorityOpinionForm;
import org.gongnon.recommendation.RecommendationService;
import org.gongnon.recommendation.SupportRule;
import org.gongnon.recommendation.VoteFixture;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.report.GovernmentResponseService;
import org.gongnon.report.ItemResponse;
import org.gongnon.report.ReportFixture;
import org.gongnon.report.ReportFormat;
import org.gongnon.report.ReportService;
import org.gongnon.report.ReportStatus;
import org.gongnon.report.ReportSummary;
import org.gongnon.report.ResponseForm;
import org.gongnon.report.ResponseStatus;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffRole;
import org.gongnon.testsupport.AsCitizen;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The report pages in a browserless UI, on the real services and database: the facilitators' versions page from
 * draft to publication (with the minority-opinion refusal, the background files and the preview), what officials
 * see there and on their own list, the city's responses recorded by officials, and the panel's page of responses.
 * Most tests use a process of their own without a panel (items that were not put to a vote need no minority
 * opinion); the workflow uses {@link VoteFixture}'s vote and the citizen's page a seated panel.
 */
class ReportViewsTest extends ViewTestBase {

    @Autowired
    SignIn signIn;
    @Autowired
    VoteFixture votes;
    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    PanelService panel;
    @Autowired
    CitizenAccessService citizens;
    @Autowired
    ProcessService processes;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    RecommendationService recommendations;
    @Autowired
    ReportService reports;
    @Autowired
    ReportFixture reportFixture;
    @Autowired
    GovernmentResponseService responses;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- fixtures -----------------------------------------------------------------------------------------------

    /** Signs the test's UI in as the account (for accounts made during the test, which @WithUserDetails cannot name). */
    void signInAs(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

    // --- page helpers -------------------------------------------------------------------------------------------

    ReportsView reportsPage(long processId) {
        UI.getCurrent().navigate("processes/" + processId + "/report");
        return assertInstanceOf(ReportsView.class, getCurrentView());
    }

    Section card(int number) {
        return find(Section.class).withAttribute("data-report", String.valueOf(number)).single();
    }

    String badge(Component card) {
        return find(Span.class).from(card).withClassName("gn-status-badge").single().getText();
    }

    Button button(String id) {
        return find(Button.class).id(id);
    }

    boolean buttonExists(String id) {
        return find(Button.class).withId(id).exists();
    }

    /** The bar of the page on screen now (queries only find visible components, so read the view's own). */
    ProgressBar progress() {
        return assertInstanceOf(ReportsView.class, getCurrentView()).progress;
    }

    @SuppressWarnings("unchecked")
    <T> Grid<T> gridIn(String sectionId) {
        return find(Grid.class).from(find(Section.class).id(sectionId)).single();
    }

    <T> List<List<String>> rows(Grid<T> grid, int columns) {
        List<List<String>> rows = new ArrayList<>();
        for (int r = 0; r < test(grid).size(); r++) {
            List<String> row = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                row.add(test(grid).getCellText(r, c));
            }
            rows.add(row);
        }
        return rows;
    }

    long previews(long processId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM report_access_log WHERE process_id = ? AND action = 'PREVIEW'",
                Long.class, processId);
    }

    /** Background work reports back through UI.access; the test thread holds the session lock, so run the tasks. */
    void await(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("background work did not finish in time");
            }
            VaadinSession session = VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    static boolean startsWith(byte[] bytes, String prefix) {
        byte[] p = prefix.getBytes(StandardCharsets.US_ASCII);
        return bytes.length >= p.length && Arrays.equals(Arrays.copyOf(bytes, p.length), p);
    }

    // --- the facilitators' page ---------------------------------------------------------------------------------

    @Test
    @WithUserDetails("facilitator")
    void aProcessWithoutReportsSaysSoAndOffersANewVersion() {
        long pid = reportFixture.processWithItems("보고서 없음", "항목");
        reportsPage(pid);
        assertEquals(ko("report.page.empty"), find(Paragraph.class).id("report-empty").getText());
        assertFalse(find(Section.class).withAttribute("data-report").exists(), "no version cards");
        assertTrue(button("report-new").isEnabled());
        @SuppressWarnings("unchecked")
        Select<Locale> language = find(Select.class).id("report-language");
        assertEquals(Locale.KOREAN, language.getValue(), "Korean unless chosen otherwise");
        assertFalse(progress().isVisible());
        assertTrue(find(Paragraph.class).from(find(Section.class).id("report-overdue")).withText(ko("report.overdue.none"))
                .exists());
        assertTrue(find(Paragraph.class).from(find(Section.class).id("report-access-log")).withText(ko("report.log.none"))
                .exists());
    }

    @Test
    @WithUserDetails("facilitator")
    void fromDraftThroughTheRefusedReviewToPublishedFilesWithAPreviewOnTheWay() throws Exception {
        VoteFixture.Built vote = votes.build(TestNames.unique("보고서 화면"));
        long pid = vote.processId();
        List<Long> items = signIn.facilitator(() -> List.of(
                recommendations.save(new ItemForm(pid, null, null, "소각시설 지하화", "지하에 짓고 지상은 공원으로.", null,
                        List.of(), vote.waveId(), "R1", SupportRule.atLeast(4), null)).itemId(),
                recommendations.save(new ItemForm(pid, null, null, "A 부지 선정", "A 부지를 우선 검토한다.", null,
                        List.of(new ItemOption("A 부지", "a"), new ItemOption("B 부지", "b"),
                                new ItemOption("C 부지", "c")), vote.waveId(), "R2", SupportRule.options(List.of("a")),
                        null)).itemId(),
                recommendations.save(new ItemForm(pid, null, null, "주민 일자리 우선 배정", "주변 주민에게 먼저.", null,
                        List.of(), vote.waveId(), "R3", SupportRule.options(List.of("z")), null)).itemId()));

        // A new draft, in English: a card with its status; no second open version.
        reportsPage(pid);
        test(find(Select.class).id("report-language")).selectItem(ko("report.language.en"));
        test(button("report-new")).click();
        assertTrue(notificationTexts().contains(ko("report.new.done", 1)), notificationTexts().toString());
        ReportSummary draft = signIn.facilitator(() -> reports.reports(pid)).getFirst();
        assertEquals(ReportStatus.DRAFT, draft.status());
        assertEquals("en", draft.language());
        assertFalse(find(Paragraph.class).withId("report-empty").exists());
        assertEquals(ko("report.status.draft"), badge(card(1)));
        assertTrue(find(Span.class).from(card(1)).withText(ko("report.language.en")).exists());
        assertFalse(button("report-new").isEnabled(), "one unpublished version at a time");
        assertFalse(button("report-publish").isEnabled(), "a draft is reviewed before it is published");
        assertFalse(buttonExists("report-reopen"));

        // Items 2 and 3 fell short without a minority opinion: the review is refused and says which.
        test(button("report-review")).click();
        test(find(TextArea.class).id("report-review-note")).setValue("진행팀 회의에서 검토함");
        test(find(ConfirmDialog.class).id("report-review-dialog")).confirm();
        assertTrue(notificationTexts().contains(ko("report.error.minority-missing", "2, 3")), notificationTexts().toString());
        assertEquals(ReportStatus.DRAFT, signIn.facilitator(() -> reports.report(draft.id())).status());
        assertEquals(ko("report.status.draft"), badge(card(1)));

        signIn.facilitator(() -> {
            recommendations.saveMinorityOpinion(items.get(1), new MinorityOpinionForm(null, "B 부지가 더 적합하다",
                    "교통 접근성이 더 좋다", 4));
            recommendations.saveMinorityOpinion(items.get(2), new MinorityOpinionForm(null, "관리비 지원이 낫다",
                    "일자리는 소수에게만 돌아간다", 6));
            return null;
        });
        test(button("report-review")).click();
        test(find(TextArea.class).id("report-review-note")).setValue("진행팀 회의에서 검토함");
        test(find(ConfirmDialog.class).id("report-review-dialog")).confirm();
        assertTrue(notificationTexts().contains(ko("report.review.done")), notificationTexts().toString());
        ReportSummary reviewed = signIn.facilitator(() -> reports.report(draft.id()));
        assertEquals(ReportStatus.REVIEWED, reviewed.status());
        assertEquals("진행팀 회의에서 검토함", reviewed.reviewNote());
        assertEquals(ko("report.status.reviewed"), badge(card(1)));
        assertTrue(find(Paragraph.class).from(card(1))
                .withText(ko("report.version.review-note", "진행팀 회의에서 검토함")).exists());
        assertTrue(button("report-publish").isEnabled());
        assertTrue(buttonExists("report-reopen"));
        assertFalse(buttonExists("report-review"));

        // The preview: rendered in the background with the bar showing, then a link to the file.
        long previewsBefore = previews(pid);
        test(button("report-preview")).click();
        assertTrue(progress().isVisible(), "the bar shows while the preview is made");
        assertEquals(ko("report.progress.preview"), find(Span.class).id("report-progress-text").getText());
        test(button("report-preview")).click(); // an impatient second click starts no second job
        assertTrue(notificationTexts().contains(ko("report.progress.busy")), notificationTexts().toString());
        await(() -> find(Anchor.class).withId("report-preview-link").exists());
        assertEquals(previewsBefore + 1, previews(pid), "one preview rendered and logged, not two");
        assertFalse(progress().isVisible());
        Anchor link = find(Anchor.class).id("report-preview-link");
        String draftName = "gongnon-process-" + pid + "-report-draft-v1.pdf";
        assertEquals(ko("report.preview.ready", draftName), link.getText());
        ByteArrayOutputStream previewFile = new ByteArrayOutputStream();
        test(link).download(previewFile);
        assertTrue(startsWith(previewFile.toByteArray(), "%PDF"), "the preview is a PDF");

        // Publishing: the dialog proposes 90 days; 60 are chosen. The files are then made in the background.
        test(button("report-publish")).click();
        DatePicker due = find(DatePicker.class).id("report-publish-due");
        assertEquals(today().plusDays(90), due.getValue());
        test(due).setValue(today().plusDays(60));
        test(find(ConfirmDialog.class).id("report-publish-dialog")).confirm();
        assertTrue(notificationTexts().contains(ko("report.publish.done", 1)), notificationTexts().toString());
        ReportSummary published = signIn.facilitator(() -> reports.report(draft.id()));
        assertEquals(ReportStatus.PUBLISHED, published.status());
        assertEquals(today().plusDays(60), published.responsesDue());
        assertTrue(progress().isVisible(), "the bar shows while the files are made");
        assertEquals(ko("report.progress.files"), find(Span.class).id("report-progress-text").getText());
        await(() -> !progress().isVisible());
        assertEquals(List.of(ReportFormat.PDF, ReportFormat.XLSX, ReportFormat.CSV), signIn.facilitator(
                () -> reports.publishedReports()).stream().filter(p -> p.report().id() == draft.id()).findFirst()
                .orElseThrow().storedFormats(), "every file was stored");
        assertEquals(-1, UI.getCurrent().getPollInterval(), "polling stops with the work");

        assertEquals(ko("report.status.published"), badge(card(1)));
        assertTrue(find(Paragraph.class).from(card(1))
                .withText(ko("report.version.responses-due", today().plusDays(60).toString())).exists());
        for (ReportFormat format : ReportFormat.values()) {
            Anchor file = find(Anchor.class).id("report-1-" + format.name().toLowerCase());
            assertEquals("/files/reports/" + draft.id() + "/" + format.name().toLowerCase(), test(file).getHref());
            assertTrue(file.getElement().hasAttribute("download"));
        }
        assertEquals("reports/" + draft.id() + "/responses", test(find(Anchor.class).id("report-1-responses")).getHref());
        for (String id : List.of("report-preview", "report-review", "report-publish", "report-reopen", "report-delete")) {
            assertFalse(buttonExists(id), "a published version is not changed: " + id);
        }
        assertTrue(button("report-new").isEnabled(), "a next version can be started");

        // The preview was logged (the download log shows it).
        List<List<String>> log = rows(gridIn("report-access-log"), 5);
        assertTrue(log.stream().anyMatch(r -> r.get(1).equals("facilitator")
                && r.get(2).equals(ko("report.log.action.preview")) && r.get(4).equals(draftName)), log.toString());
    }

    @Test
    @WithUserDetails("facilitator")
    void aDraftIsDeletedOnlyAfterConfirmingAndThePublishedVersionStays() {
        long pid = reportFixture.processWithItems("보고서 삭제", "항목 하나");
        long first = reportFixture.publish(pid);
        long second = signIn.facilitator(() -> reports.createDraft(pid, Locale.KOREAN).id());
        reportsPage(pid);
        assertEquals(ko("report.status.draft"), badge(card(2)));
        assertEquals(ko("report.status.published"), badge(card(1)));

        test(button("report-delete")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertEquals(ko("report.delete.text", 2), test(confirm).getText());
        test(confirm).cancel();
        assertEquals(List.of(second, first), signIn.facilitator(() -> reports.reports(pid)).stream().map(ReportSummary::id)
                .toList(), "cancelled: nothing deleted");

        test(button("report-delete")).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertTrue(notificationTexts().contains(ko("report.delete.done")), notificationTexts().toString());
        assertEquals(List.of(first), signIn.facilitator(() -> reports.reports(pid)).stream().map(ReportSummary::id).toList());
        assertFalse(find(Section.class).withAttribute("data-report", "2").exists());
        assertEquals(ko("report.status.published"), badge(card(1)));
        assertTrue(button("report-new").isEnabled());
    }

    @Test
    @WithUserDetails("official")
    void anOfficialSeesOnlyPublishedVersionsAndNothingThatChangesThem() {
        ReportFixture.Published p = reportFixture.published("공무원 보고서", "항목 하나");
        signIn.facilitator(() -> reports.createDraft(p.processId(), Locale.KOREAN));
        reportsPage(p.processId());
        assertTrue(find(Paragraph.class).withText(ko("report.page.intro-reader")).exists());
        assertEquals(ko("report.status.published"), badge(card(1)));
        assertFalse(find(Section.class).withAttribute("data-report", "2").exists(), "the draft is not shown");
        assertEquals("/files/reports/" + p.reportId() + "/pdf", test(find(Anchor.class).id("report-1-pdf")).getHref());
        for (String id : List.of("report-new", "report-preview", "report-review", "report-publish", "report-reopen",
                "report-delete")) {
            assertFalse(buttonExists(id), id);
        }
        assertFalse(find(Select.class).withId("report-language").exists());
        assertFalse(find(Section.class).withId("report-overdue").exists(), "the overdue list is the facilitators'");
        assertFalse(find(Section.class).withId("report-access-log").exists(), "so is the access log");
    }

    @Test
    @WithUserDetails("facilitator")
    void theAccessLogListsDownloadsAndTheOverdueListTheAnswersTheCityOwes() {
        ReportFixture.Published p = reportFixture.published("보고서 기록", "첫째 권고", "둘째 권고", "셋째 권고");
        String fileName = "gongnon-process-" + p.processId() + "-report-v1.pdf";
        signIn.official(() -> reports.download(p.reportId(), ReportFormat.PDF, null));
        signIn.official(() -> responses.record(new ResponseForm(p.reportId(), 1, ResponseStatus.ACCEPTED, "반영합니다.",
                today().plusYears(1))));
        signIn.official(() -> responses.record(new ResponseForm(p.reportId(), 2, ResponseStatus.UNDER_REVIEW, "검토 중입니다.",
                today().plusDays(10))));

        reportsPage(p.processId());
        List<List<String>> log = rows(gridIn("report-access-log"), 5);
        assertEquals(List.of(List.of("official", ko("report.log.action.download"), ko("report.version.title", 1),
                fileName)), log.stream().map(r -> r.subList(1, 5)).toList());
        assertTrue(find(Paragraph.class).from(find(Section.class).id("report-overdue"))
                .withText(ko("report.overdue.none")).exists(), "nothing is late yet");

        // Time passes: the report's date and item 2's date are moved back.
        jdbc.update("UPDATE report_version SET responses_due = ? WHERE id = ?",
                Date.valueOf(today().minusDays(1)), p.reportId());
        jdbc.update("UPDATE government_response SET due_date = ? WHERE report_id = ? AND item_number = 2",
                Date.valueOf(today().minusDays(2)), p.reportId());
        reportsPage(p.processId());
        List<List<String>> overdue = rows(gridIn("report-overdue"), 4);
        assertEquals(List.of(
                        List.of("2", "둘째 권고", ko("report.response.status.under-review"), today().minusDays(2).toString()),
                        List.of("3", "셋째 권고", ko("report.response.none"), today().minusDays(1).toString())),
                overdue, "item 1 has a final answer");
    }

    // --- the officials' list ------------------------------------------------------------------------------------

    @Test
    @WithUserDetails("official")
    void theOfficialsListShowsThePublishedReportWithItsFilesAndTheWayToRespond() {
        ReportFixture.Published p = reportFixture.published("공무원 목록", "항목 하나");
        UI.getCurrent().navigate("reports");
        assertInstanceOf(OfficialReportsView.class, getCurrentView());
        Section card = find(Section.class).withAttribute("data-report-id", String.valueOf(p.reportId())).single();
        assertEquals(p.title(), find(H2.class).from(card).single().getText());
        for (ReportFormat format : ReportFormat.values()) {
            String suffix = format.name().toLowerCase();
            Anchor file = find(Anchor.class).id("official-report-" + p.reportId() + "-" + suffix);
            assertEquals("/files/reports/" + p.reportId() + "/" + suffix, test(file).getHref());
            assertTrue(file.getElement().hasAttribute("download"));
        }
        assertEquals("reports/" + p.reportId() + "/responses",
                test(find(Anchor.class).id("official-report-" + p.reportId() + "-responses")).getHref());
        assertFalse(find(Paragraph.class).withId("official-reports-empty").exists());
    }

    @Test
    void anOfficialWithoutProcessesIsToldThereIsNothingYet() {
        String username = signIn.newStaff("off", StaffRole.OFFICIAL);
        reportFixture.published("다른 사람의 보고서", "항목");
        signInAs(username);
        UI.getCurrent().navigate("reports");
        assertInstanceOf(OfficialReportsView.class, getCurrentView());
        assertEquals(ko("report.official.empty"), find(Paragraph.class).id("official-reports-empty").getText());
        assertFalse(find(Section.class).withAttribute("data-report-id").exists());
    }

    // --- the city's responses -----------------------------------------------------------------------------------

    ResponsesView responsesPage(long reportId) {
        UI.getCurrent().navigate("reports/" + reportId + "/responses");
        return assertInstanceOf(ResponsesView.class, getCurrentView());
    }

    Section itemCard(int item) {
        return find(Section.class).withAttribute("data-item", String.valueOf(item)).single();
    }

    @Test
    @WithUserDetails("official")
    void anOfficialRecordsAResponseWithErrorsAtTheFieldsFirst() {
        ReportFixture.Published p = reportFixture.published("시 응답 화면", "첫째 권고", "둘째 권고");
        responsesPage(p.reportId());
        assertTrue(find(Paragraph.class).from(itemCard(1))
                .withText(ko("report.responses.pending", today().plusDays(30).toString())).exists());
        @SuppressWarnings("unchecked")
        Select<ResponseStatus> status = find(Select.class).id("response-status-1");
        TextArea explanation = find(TextArea.class).id("response-explanation-1");
        DatePicker due = find(DatePicker.class).id("response-due-1");
        assertEquals(today().plusDays(30), due.getValue(), "the report's date is proposed");

        test(button("response-save-1")).click();
        assertTrue(status.isInvalid());
        assertEquals(ko("report.response.status-required"), status.getErrorMessage());
        assertTrue(explanation.isInvalid());
        assertEquals(ko("validation.required"), explanation.getErrorMessage());
        assertFalse(due.isInvalid());
        assertNull(signIn.official(() -> responses.responses(p.reportId())).getFirst().response(), "nothing stored");

        test(status).selectItem(ko("report.response.status.under-review"));
        test(explanation).setValue("예산 협의 중입니다.");
        test(due).setValue(today().minusDays(1));
        test(button("response-save-1")).click();
        assertEquals(ko("report.response.due-in-past"), find(DatePicker.class).id("response-due-1").getErrorMessage());
        assertFalse(find(TextArea.class).id("response-explanation-1").isInvalid(), "the earlier error is cleared");
        assertNull(signIn.official(() -> responses.responses(p.reportId())).getFirst().response(), "nothing stored");

        test(find(DatePicker.class).id("response-due-1")).setValue(today().plusDays(20));
        test(button("response-save-1")).click();
        assertTrue(notificationTexts().contains(ko("report.response.saved", 1)), notificationTexts().toString());
        ItemResponse saved = signIn.official(() -> responses.responses(p.reportId())).getFirst();
        assertEquals(ResponseStatus.UNDER_REVIEW, saved.response().status());
        assertEquals("예산 협의 중입니다.", saved.response().explanation());
        assertEquals(today().plusDays(20), saved.response().dueDate());

        // The card shows the answer, and the form is loaded with it.
        Section card = itemCard(1);
        assertEquals(ko("report.response.status.under-review"),
                find(Span.class).from(card).withClassName("gn-status-badge").single().getText());
        assertTrue(find(Paragraph.class).from(card).withText("예산 협의 중입니다.").exists());
        assertTrue(find(Paragraph.class).from(card)
                .withText(ko("report.responses.answer-by", today().plusDays(20).toString())).exists());
        assertEquals("예산 협의 중입니다.", find(TextArea.class).id("response-explanation-1").getValue());
        assertTrue(find(Paragraph.class).from(itemCard(2))
                .withText(ko("report.responses.pending", today().plusDays(30).toString())).exists(), "item 2 untouched");
    }

    @Test
    @WithUserDetails("facilitator")
    void aFacilitatorReadsTheResponsesWithoutAForm() {
        ReportFixture.Published p = reportFixture.published("시 응답 읽기", "첫째 권고");
        signIn.official(() -> responses.record(new ResponseForm(p.reportId(), 1, ResponseStatus.PARTLY_ACCEPTED,
                "일부 반영합니다.", today().plusYears(1))));
        responsesPage(p.reportId());
        assertTrue(find(Paragraph.class).withText(ko("report.responses.intro-reader", today().plusDays(30).toString()))
                .exists());
        Section card = itemCard(1);
        assertEquals(ko("report.response.status.partly-accepted"),
                find(Span.class).from(card).withClassName("gn-status-badge").single().getText());
        assertTrue(find(Paragraph.class).from(card).withText("일부 반영합니다.").exists());
        assertFalse(buttonExists("response-save-1"));
        assertFalse(find(TextArea.class).withId("response-explanation-1").exists());
        assertFalse(find(Select.class).withId("response-status-1").exists());
    }

    @Test
    @WithUserDetails("official")
    void aReportOutOfReachOrNotPublishedLeadsBackToTheListWithTheReason() {
        ReportFixture.Published p = reportFixture.published("응답 접근", "항목");
        long draft = signIn.facilitator(() -> reports.createDraft(p.processId(), Locale.KOREAN).id());
        UI.getCurrent().navigate("reports/" + Long.MAX_VALUE + "/responses");
        assertInstanceOf(OfficialReportsView.class, getCurrentView());
        assertTrue(notificationTexts().contains(ko("report.not-found")), notificationTexts().toString());
        UI.getCurrent().navigate("reports/" + draft + "/responses");
        assertInstanceOf(OfficialReportsView.class, getCurrentView(), "an official cannot open a draft");
    }

    // --- the panel's page ---------------------------------------------------------------------------------------

    @Test
    void aCitizenSeesNothingBeforePublicationThenTheCitysResponses() {
        SecurityContextHolder.clearContext();
        long pid = seatedPanels.newProcessWithPanel(TestNames.unique("시민 응답 화면"), 24, 200);
        IssuedAccess access = signIn.facilitator(() -> panel.issueAccess(seating.roster(pid).members().getFirst()
                .panelMemberId()));
        assertTrue(citizens.signInWithToken(AsCitizen.tokenOf(access)));
        UI.getCurrent().navigate("me/responses");
        assertInstanceOf(CitizenResponsesView.class, getCurrentView());
        assertEquals(ko("report.citizen.empty"), find(Paragraph.class).id("citizen-responses-empty").getText());

        signIn.facilitator(() -> {
            recommendations.save(ItemForm.newItem(pid, "소각시설 지하화", "지하에 짓는다."));
            recommendations.save(ItemForm.newItem(pid, "주민 일자리", "주민에게 먼저."));
            return null;
        });
        long reportId = reportFixture.publish(pid);
        reportFixture.officialOf(pid);
        signIn.official(() -> responses.record(new ResponseForm(reportId, 1, ResponseStatus.ACCEPTED,
                "2027년 설계에 지하화를 반영합니다.", today().plusYears(1))));

        UI.getCurrent().navigate("me/responses");
        assertInstanceOf(CitizenResponsesView.class, getCurrentView());
        assertFalse(find(Paragraph.class).withId("citizen-responses-empty").exists());
        Section first = itemCard(1);
        assertEquals("1. 소각시설 지하화", find(H2.class).from(first).single().getText());
        assertEquals(ko("report.response.status.accepted"),
                find(Span.class).from(first).withClassName("gn-status-badge").single().getText());
        assertTrue(find(Paragraph.class).from(first).withText("2027년 설계에 지하화를 반영합니다.").exists());
        assertTrue(find(Paragraph.class).from(itemCard(2))
                .withText(ko("report.responses.pending", today().plusDays(30).toString())).exists());
        assertFalse(find(Button.class).withId("response-save-1").exists(), "citizens only read");
    }
}
