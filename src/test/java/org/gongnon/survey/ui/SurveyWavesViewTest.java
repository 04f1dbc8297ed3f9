package org.gongnon.survey.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.List;
import org.gongnon.base.ui.QrCode;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessRole;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.StaffAccountService;
import org.gongnon.survey.CitizenSurveyService;
import org.gongnon.survey.Completion;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.QuestionnaireFiles;
import org.gongnon.survey.Questionnaires;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.TestWaves;
import org.gongnon.survey.WaveAudience;
import org.gongnon.survey.WaveForm;
import org.gongnon.survey.WaveKind;
import org.gongnon.survey.WaveStatus;
import org.gongnon.testsupport.AsCitizen;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

/** The survey waves page in a browserless UI, on a process of its own with a seated panel. */
class SurveyWavesViewTest extends ViewTestBase {

    /** One seated panel for the class (a draw takes seconds); each test makes its own waves. */
    private static Long sharedProcessId;

    @Autowired
    TestWaves testWaves;
    @Autowired
    SignIn signIn;
    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    ProcessService processes;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    PanelService panel;
    @Autowired
    CitizenAccessService citizens;
    @Autowired
    SurveyService surveys;
    @Autowired
    CitizenSurveyService citizenSurveys;
    @Autowired
    StaffAccountService staff;

    long processId;
    PanelRoster roster;

    @BeforeEach
    void processWithPanel() {
        if (sharedProcessId == null) {
            sharedProcessId = seatedPanels.newProcessWithPanel(TestNames.unique("설문 화면"), 30, 200);
        }
        processId = sharedProcessId;
        roster = signIn.facilitator(() -> seating.roster(processId));
    }

    /** A draft wave (next number, a window that includes now) with the given questions. */
    long draftWave(Questionnaire questionnaire) {
        return testWaves.draft(processId, questionnaire, null);
    }

    long openWave(Questionnaire questionnaire) {
        return testWaves.open(processId, questionnaire, null);
    }

    SurveyWavesView openPage(long process, Long wave) {
        UI.getCurrent().navigate("processes/" + process + "/surveys",
                wave == null ? QueryParameters.empty() : QueryParameters.of("wave", String.valueOf(wave)));
        return assertInstanceOf(SurveyWavesView.class, getCurrentView());
    }

    IssuedAccess access(int nth) {
        return signIn.facilitator(() -> panel.issueAccess(roster.members().get(nth).panelMemberId()));
    }

    /** A citizen of the panel answers the required questions of {@link Questionnaires#everyKind()} and submits. */
    void submits(IssuedAccess access, long waveId) {
        signIn.citizen(access, () -> {
            citizenSurveys.consent(waveId);
            citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("4"));
            citizenSurveys.saveAnswer(waveId, "Q1", List.of("no"));
            citizenSurveys.submit(waveId);
        });
    }

    void confirm() {
        test(find(ConfirmDialog.class).single()).confirm();
    }

    // --- creating and editing a wave --------------------------------------------------------------------------

    @Test
    @WithUserDetails("facilitator")
    void aNewWaveShowsTheServicesProblemsAtTheFieldsThenIsSavedAndAConcurrentEditIsTold() {
        // A process of its own, so the page starts empty.
        long id = signIn.facilitator(() -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("설문 없음"))));
        SurveyWavesView view = openPage(id, null);
        assertTrue(view.empty.isVisible());
        assertTrue(find(Paragraph.class).withClassName("gn-empty").exists(), "an empty list says what to do");
        assertFalse(view.grid.isVisible());

        test(find(Button.class).id("empty-new-wave")).click();
        SurveyWavesView.WaveDialog dialog = find(SurveyWavesView.WaveDialog.class).single();
        assertEquals(1, dialog.number.getValue(), "the next number is suggested");
        assertEquals(WaveKind.RECRUITMENT, dialog.kind.getValue());
        assertFalse(dialog.purposeKo.getValue().isBlank(), "the service's purpose text is the default");
        assertFalse(dialog.retentionEn.getValue().isBlank());
        test(dialog.number).setValue(0);
        test(dialog.titleKo).setValue(" ");
        LocalDateTime opens = LocalDateTime.of(2027, 3, 2, 10, 0);
        test(dialog.opensAt).setValue(opens);
        test(dialog.closesAt).setValue(opens.minusHours(2));
        test(dialog.audience).selectItem(ko("survey.audience.session_attendees"));
        test(dialog.save).click();
        assertTrue(dialog.isOpened());
        assertEquals(ko("survey.wave.bad-number"), dialog.number.getErrorMessage());
        assertTrue(dialog.number.isInvalid());
        assertEquals(ko("validation.required"), dialog.titleKo.getErrorMessage());
        assertEquals(ko("survey.wave.closes-before-opens"), dialog.closesAt.getErrorMessage());
        assertEquals(ko("survey.wave.session-required"), dialog.session.getErrorMessage());
        assertTrue(signIn.facilitator(() -> surveys.waves(id)).isEmpty(), "nothing was saved");

        test(dialog.number).setValue(2);
        test(dialog.kind).selectItem(ko("survey.kind.pre"));
        test(dialog.titleKo).setValue("숙의 전 설문");
        test(dialog.titleEn).setValue("Before deliberation");
        test(dialog.closesAt).setValue(opens.plusDays(3));
        test(dialog.audience).selectItem(ko("survey.audience.whole_panel"));
        test(dialog.save).click();
        assertFalse(dialog.isOpened());
        WaveForm saved = signIn.facilitator(() -> surveys.wave(surveys.waves(id).getFirst().id()).form());
        assertEquals(2, saved.number());
        assertEquals(WaveKind.PRE, saved.kind());
        assertEquals(LocalText.of("숙의 전 설문", "Before deliberation"), saved.title());
        assertEquals(opens, saved.opensAt(), "times are the process's local times");
        assertEquals(opens.plusDays(3), saved.closesAt());
        assertEquals(WaveAudience.WHOLE_PANEL, saved.audience());
        assertEquals(1, test(view.grid).size());
        assertEquals(ko("survey.wave.number-value", 2), test(view.grid).getCellText(0, 0));
        NativeButton title = assertInstanceOf(NativeButton.class, test(view.grid).getCellComponent(0, 2));
        assertEquals("숙의 전 설문", title.getText());
        assertEquals(ko("survey.wave.manage-named", 2, "숙의 전 설문"), title.getElement().getAttribute("aria-label"));
        assertEquals("3. 2.(화) 10:00 – 3. 5.(금) 10:00", test(view.grid).getCellText(0, 4));
        assertEquals(ko("survey.wave.heading", 2, "숙의 전 설문"), find(com.vaadin.flow.component.html.H3.class)
                .id("wave-heading").getText(), "the new wave is chosen");

        // Two facilitators edit the same wave: the second save is refused and keeps what was typed.
        test(find(Button.class).id("edit-wave")).click();
        SurveyWavesView.WaveDialog edit = find(SurveyWavesView.WaveDialog.class).single();
        test(edit.titleKo).setValue("숙의 전 설문 (수정)");
        signIn.facilitator(() -> surveys.saveWave(id, view.selected.id(), saved.withVersion(saved.version())));
        test(edit.save).click();
        assertTrue(edit.isOpened());
        assertTrue(edit.conflict.isVisible());
        assertEquals(ko("survey.concurrent-edit"), edit.conflict.getElement().getTextRecursively());
        assertEquals("숙의 전 설문 (수정)", edit.titleKo.getValue());
        assertEquals("숙의 전 설문", signIn.facilitator(() -> surveys.wave(view.selected.id()).form().title().ko()));
    }

    // --- opening and closing, completion ---------------------------------------------------------------------

    @Test
    @WithUserDetails("facilitator")
    void openingAndClosingAskFirstAndTheCompletionPanelPollsOnlyWhileTheWaveIsOpen() {
        long empty = draftWave(Questionnaire.empty());
        SurveyWavesView view = openPage(processId, empty);
        test(find(Button.class).id("open-wave")).click();
        confirm();
        assertTrue(notificationTexts().stream().anyMatch(t -> t.contains(ko("survey.builder.no-questions"))),
                "a wave without questions cannot open, and the page says why: " + notificationTexts());
        assertEquals(WaveStatus.DRAFT, signIn.facilitator(() -> surveys.wave(empty).status()));

        long waveId = draftWave(Questionnaires.everyKind());
        view = openPage(processId, waveId);
        assertNull(view.completion, "a draft has no completion yet");
        assertEquals(-1, UI.getCurrent().getPollInterval());
        test(find(Button.class).id("open-wave")).click();
        test(find(ConfirmDialog.class).single()).cancel();
        assertEquals(WaveStatus.DRAFT, signIn.facilitator(() -> surveys.wave(waveId).status()), "cancelled: nothing happened");

        test(find(Button.class).id("open-wave")).click();
        confirm();
        assertEquals(WaveStatus.OPEN, signIn.facilitator(() -> surveys.wave(waveId).status()));
        assertEquals(WaveStatus.OPEN, view.selected.status());
        assertNotNull(view.completion);
        assertTrue(view.completion.isLive());
        assertEquals(CompletionPanel.POLL_MILLIS, UI.getCurrent().getPollInterval(), "live while it is shown");
        assertTrue(find(QrCode.class).id("hall-qr").getContent().endsWith("/code"),
                "the hall's QR code leads to the code sign-in");
        assertEquals(find(QrCode.class).id("hall-qr").getContent().replaceFirst("^https?://", ""),
                find(com.vaadin.flow.component.html.Span.class).id("hall-address").getText());

        test(find(Button.class).id("close-wave")).click();
        confirm();
        assertEquals(WaveStatus.CLOSED, signIn.facilitator(() -> surveys.wave(waveId).status()));
        assertFalse(view.completion.isLive(), "a closed wave's figures no longer change");
        assertEquals(-1, UI.getCurrent().getPollInterval(), "polling stopped");
        assertFalse(find(QrCode.class).withId("hall-qr").exists());
        assertTrue(find(Button.class).withId("open-wave").exists(), "a closed wave can be reopened");
    }

    @Test
    @WithUserDetails("facilitator")
    void theCompletionPanelShowsEachStratumAndFollowsNewSubmissionsOnPoll() {
        long waveId = openWave(Questionnaires.everyKind());
        RosterMember first = roster.members().get(0);
        submits(access(0), waveId);
        SurveyWavesView view = openPage(processId, waveId);
        Completion completion = view.completion.completion;
        assertEquals(30, completion.audience());
        assertEquals(1, completion.submitted());
        assertEquals(ko("survey.completion.overall", 1, 30, "3%", 1), view.completion.overall.getText());
        assertEquals(completion.strata().size(), test(view.completion.strata).size());
        for (String id : List.of("export-responses-csv", "export-responses-xlsx", "export-codebook", "export-all-xlsx",
                "export-all-csv")) {
            assertTrue(find(Anchor.class).withId(id).exists(), "an organiser can download the responses: " + id);
        }
        assertFalse(roster.features().isEmpty());
        for (String feature : roster.features()) {
            String value = first.features().get(feature);
            int row = rowOf(view.completion, feature, value);
            assertEquals("1", test(view.completion.strata).getCellText(row, 4), feature + " = " + value);
            assertEquals(String.valueOf(roster.members().stream().filter(m -> value.equals(m.features().get(feature)))
                    .count()), test(view.completion.strata).getCellText(row, 2), "the stratum's audience");
        }

        // Someone else submits; the next poll shows it, and the list's counts follow.
        submits(access(1), waveId);
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertEquals(2, view.completion.completion.submitted());
        assertEquals(ko("survey.completion.overall", 2, 30, "7%", 2), view.completion.overall.getText());
        int listRow = view.waves.indexOf(view.summary(waveId).orElseThrow());
        assertEquals(ko("survey.wave.responses-value", 2, 2), test(view.grid).getCellText(listRow, 7));
    }

    int rowOf(CompletionPanel panel, String feature, String value) {
        for (int i = 0; i < test(panel.strata).size(); i++) {
            if (test(panel.strata).getCellText(i, 0).equals(feature) && test(panel.strata).getCellText(i, 1).equals(value)) {
                return i;
            }
        }
        throw new AssertionError("no row for " + feature + " = " + value);
    }

    @Test
    @WithUserDetails("facilitator")
    void remindersAskFirstAndSayWhatWasQueued() {
        long waveId = openWave(Questionnaires.everyKind());
        submits(access(2), waveId);
        openPage(processId, waveId);
        test(find(Button.class).id("send-reminders")).click();
        ConfirmDialog dialog = find(ConfirmDialog.class).single();
        assertEquals(ko("survey.reminders.text", 29), test(dialog).getText(), "the 29 who have not submitted");
        test(dialog).confirm();
        Paragraph result = find(Paragraph.class).id("reminder-result");
        assertTrue(result.isVisible());
        // Everyone who has not submitted gets one, or is counted as unreachable.
        java.util.regex.Matcher numbers = java.util.regex.Pattern.compile("\\d+").matcher(result.getText());
        assertTrue(numbers.find());
        int queued = Integer.parseInt(numbers.group());
        assertTrue(numbers.find());
        int without = Integer.parseInt(numbers.group());
        assertEquals(29, queued + without);
        assertEquals(ko("survey.reminders.result", queued, without), result.getText());
    }

    @Test
    @WithUserDetails("facilitator")
    void deletingAsksFirstAndAWaveWithAnswersIsKept() {
        long answered = openWave(Questionnaires.everyKind());
        submits(access(3), answered);
        SurveyWavesView view = openPage(processId, answered);
        test(find(Button.class).id("delete-wave")).click();
        confirm();
        assertTrue(notificationTexts().contains(ko("survey.wave.has-answers")), notificationTexts().toString());
        assertTrue(view.summary(answered).isPresent());
        assertTrue(signIn.facilitator(() -> surveys.waves(processId)).stream().anyMatch(w -> w.id() == answered));

        long draft = draftWave(Questionnaire.empty());
        view = openPage(processId, draft);
        int number = view.selected.form().number();
        test(find(Button.class).id("delete-wave")).click();
        confirm();
        assertTrue(notificationTexts().contains(ko("survey.wave.deleted", number)));
        assertTrue(view.summary(draft).isEmpty());
        assertFalse(signIn.facilitator(() -> surveys.waves(processId)).stream().anyMatch(w -> w.id() == draft));
    }

    // --- questions from elsewhere ------------------------------------------------------------------------------

    @Test
    @WithUserDetails("facilitator")
    void questionsAreCopiedFromAnotherWaveAskingBeforeReplacingAny() {
        long from = draftWave(Questionnaires.everyKind());
        long to = draftWave(Questionnaire.empty());
        SurveyWavesView view = openPage(processId, to);
        int fromNumber = view.summary(from).orElseThrow().number();
        test(view.copyFrom).selectItem(ko("survey.copy.option", fromNumber, fromNumber + "차 설문",
                Questionnaires.everyKind().questions().size()));
        test(find(Button.class).id("copy-questions")).click();
        assertFalse(find(ConfirmDialog.class).exists(), "nothing to replace: no question asked");
        assertEquals(Questionnaires.everyKind(), signIn.facilitator(() -> surveys.wave(to).questionnaire()));
        assertEquals(Questionnaires.everyKind().questions().size(), view.summary(to).orElseThrow().questions());

        // Copying again would replace nine questions: asked first, and cancelling keeps them.
        Questionnaire smaller = new Questionnaire(List.of(Questionnaires.everyKind().sections().getFirst()));
        long third = draftWave(smaller);
        view = openPage(processId, to);
        int thirdNumber = view.summary(third).orElseThrow().number();
        test(view.copyFrom).selectItem(ko("survey.copy.option", thirdNumber, thirdNumber + "차 설문",
                smaller.questions().size()));
        test(find(Button.class).id("copy-questions")).click();
        test(find(ConfirmDialog.class).single()).cancel();
        assertEquals(Questionnaires.everyKind(), signIn.facilitator(() -> surveys.wave(to).questionnaire()));
        test(find(Button.class).id("copy-questions")).click();
        confirm();
        assertEquals(smaller, signIn.facilitator(() -> surveys.wave(to).questionnaire()));
    }

    @Test
    @WithUserDetails("facilitator")
    void aQuestionnaireIsExportedAsAFileAndImportedIntoAnotherWaveAndABadFileChangesNothing() {
        long from = draftWave(Questionnaires.everyKind());
        SurveyWavesView view = openPage(processId, from);
        int number = view.selected.form().number();
        Anchor export = find(Anchor.class).id("export-questionnaire");
        assertTrue(export.getElement().hasAttribute("download"));
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        test(export).download(file);
        byte[] bytes = file.toByteArray();
        assertEquals(Questionnaires.everyKind(), QuestionnaireFiles.read(new String(bytes, StandardCharsets.UTF_8)),
                "the downloaded file holds the questionnaire");
        DownloadResponse response = view.exportResponse(from);
        assertEquals("wave-" + number + "-questionnaire.json", response.getFileName());
        assertEquals("application/json", response.getContentType());

        long to = draftWave(Questionnaire.empty());
        view = openPage(processId, to);
        // Not a questionnaire: refused with the reason, and nothing changes.
        test(find(Upload.class).id("import-questionnaire")).upload("notes.json", "application/json",
                "{\"hello\": 1}".getBytes(StandardCharsets.UTF_8));
        runPendingAccessTasks();
        assertTrue(view.importErrors.isVisible());
        assertTrue(view.importErrors.getElement().getTextRecursively().contains(ko("survey.import.not-a-questionnaire")));
        assertTrue(view.importErrors.getElement().getTextRecursively().contains(ko("survey.import.refused")));
        assertTrue(signIn.facilitator(() -> surveys.wave(to).questionnaire()).isEmpty());

        // A questionnaire file with a problem: each problem is listed with its question, nothing changes.
        String broken = new String(bytes, StandardCharsets.UTF_8).replace("\"correctOption\" : \"y2026\"",
                "\"correctOption\" : \"y2099\"");
        assertFalse(broken.equals(new String(bytes, StandardCharsets.UTF_8)), "the file was changed for the test");
        test(find(Upload.class).id("import-questionnaire")).upload("broken.json", "application/json",
                broken.getBytes(StandardCharsets.UTF_8));
        runPendingAccessTasks();
        assertTrue(view.importErrors.getElement().getTextRecursively()
                .contains(ko("survey.problem.at", "K1", ko("survey.builder.correct-required"))),
                view.importErrors.getElement().getTextRecursively());
        assertTrue(signIn.facilitator(() -> surveys.wave(to).questionnaire()).isEmpty());

        // The exported file itself: imported whole.
        test(find(Upload.class).id("import-questionnaire")).upload("wave-" + number + "-questionnaire.json",
                "application/json", bytes);
        runPendingAccessTasks();
        assertFalse(view.importErrors.isVisible());
        assertEquals(Questionnaires.everyKind(), signIn.facilitator(() -> surveys.wave(to).questionnaire()));
        assertTrue(notificationTexts().contains(ko("survey.import.done", Questionnaires.everyKind().questions().size())));
    }

    void runPendingAccessTasks() {
        VaadinSession session = VaadinSession.getCurrent();
        session.getService().runPendingAccessTasks(session);
        roundTrip();
    }

    // --- who may do what --------------------------------------------------------------------------------------

    @Test
    @WithUserDetails("official")
    void anOfficialSeesTheWavesAndCompletionWithoutButtonsThatChangeThem() {
        long waveId = openWave(Questionnaires.everyKind());
        signIn.admin(() -> {
            long official = staff.listAssignableStaff().stream().filter(a -> a.username().equals("official"))
                    .findFirst().orElseThrow().id();
            if (processes.getProcess(processId).team().stream().noneMatch(t -> t.accountId() == official)) {
                processes.assignToProcess(processId, official, ProcessRole.OFFICIAL);
            }
        });
        SurveyWavesView view = openPage(processId, waveId);
        assertFalse(view.canEdit);
        assertTrue(find(Paragraph.class).withId("waves-read-only").exists());
        assertNotNull(view.completion, "officials watch completion too");
        for (String id : List.of("new-wave", "edit-wave", "open-wave", "close-wave", "send-reminders", "delete-wave",
                "copy-questions")) {
            assertFalse(find(Button.class).withId(id).exists(), id);
        }
        assertFalse(find(Upload.class).exists());
        assertTrue(find(Anchor.class).withId("export-questionnaire").exists(), "exporting only reads");
        for (String id : List.of("export-responses-csv", "export-responses-xlsx", "export-codebook", "export-all-xlsx")) {
            assertFalse(find(Anchor.class).withId(id).exists(), "responses are exported by organisers only: " + id);
        }
    }

    @Test
    void aCitizenCannotReachTheFacilitatorsSurveyPages() {
        SecurityContextHolder.clearContext();
        long waveId = draftWave(Questionnaires.everyKind());
        IssuedAccess access = access(4);
        assertTrue(citizens.signInWithToken(AsCitizen.tokenOf(access)));
        assertFalse(open("processes/" + processId + "/surveys") instanceof SurveyWavesView);
        assertFalse(open(QuestionnaireBuilderView.builderPath(processId, waveId)) instanceof QuestionnaireBuilderView);
    }
}
