package org.gongnon.survey.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.gongnon.base.ui.LanguageSwitch;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.survey.CitizenSurvey;
import org.gongnon.survey.CitizenSurveyService;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.Questionnaires;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.TestWaves;
import org.gongnon.survey.WaveForm;
import org.gongnon.testsupport.AsCitizen;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The citizen's surveys, browserless: the list, consent, every kind of question saved as it is given, refusals
 * at the question, conditions, resuming, missing answers, the final submit, closed waves and English. Waves are
 * built through the facilitator's service on a fresh process with a seated panel; what was stored is read back
 * through the citizen's service.
 */
class CitizenSurveyViewsTest extends ViewTestBase {

    private static Long sharedProcessId;
    private static int nextMember;

    @Autowired
    TestWaves testWaves;
    @Autowired
    SignIn signIn;
    @Autowired
    SeatedPanels seatedPanels;
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
    JdbcTemplate jdbc;

    long processId;

    @BeforeEach
    void processWithPanel() {
        SecurityContextHolder.clearContext();
        // One seated panel for the class (a draw takes seconds); each test makes its own waves and member.
        if (sharedProcessId == null) {
            sharedProcessId = newProcess("시민 설문 화면");
        }
        processId = sharedProcessId;
    }

    long newProcess(String title) {
        return seatedPanels.newProcessWithPanel(TestNames.unique(title), 24, 200);
    }

    long openWave(long process, Questionnaire questionnaire, String title) {
        return testWaves.open(process, questionnaire, title);
    }

    long openWave(Questionnaire questionnaire) {
        return openWave(processId, questionnaire, TestNames.unique("설문"));
    }

    /** A fresh personal link for the next unused member of the shared panel. */
    IssuedAccess nextCitizen() {
        return accessFor(processId, nextMember++);
    }

    IssuedAccess accessFor(long process, int nth) {
        return signIn.as("facilitator",
                () -> panel.issueAccess(seating.roster(process).members().get(nth).panelMemberId()));
    }

    void signIn(IssuedAccess access) {
        assertTrue(citizens.signInWithToken(AsCitizen.tokenOf(access)));
    }

    /** What the service has stored for the signed-in citizen. */
    Map<String, List<String>> stored(long waveId) {
        return citizenSurveys.open(waveId).answers();
    }

    long submittedResponses(long waveId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ? "
                + "AND submitted_at IS NOT NULL", Long.class, waveId);
    }

    SurveyFormView openForm(long waveId) {
        return assertInstanceOf(SurveyFormView.class, open("me/surveys/" + waveId));
    }

    /** Opens the form and consents, as a citizen arriving for the first time does. */
    SurveyFormView consented(long waveId) {
        SurveyFormView view = openForm(waveId);
        test(find(Checkbox.class).id("consent-checkbox")).click();
        test(find(Button.class).id("consent-start")).click();
        assertTrue(find(SurveyFormPanel.class).exists(), "the form follows the consent");
        return view;
    }

    Div question(String code) {
        return find(Div.class).id("question-" + code);
    }

    @SuppressWarnings("unchecked")
    RadioButtonGroup<String> radio(String code) {
        return find(RadioButtonGroup.class).from(question(code)).single();
    }

    @SuppressWarnings("unchecked")
    CheckboxGroup<String> checkboxes(String code) {
        return find(CheckboxGroup.class).from(question(code)).single();
    }

    String status(String code) {
        return find(Span.class).id("status-" + code).getText();
    }

    String sectionTitle() {
        return find(com.vaadin.flow.component.html.H2.class).id("survey-section-title").getText();
    }

    void next() {
        test(find(Button.class).id("survey-next")).click();
    }

    void back() {
        test(find(Button.class).id("survey-back")).click();
    }

    Button finish() {
        return find(Button.class).id("survey-finish");
    }

    /** A component by id, hidden or not (queries only find what is visible). */
    static <T extends Component> T any(Class<T> type, String id) {
        return descendants(com.vaadin.flow.component.UI.getCurrent()).filter(type::isInstance)
                .filter(c -> c.getId().filter(id::equals).isPresent()).map(type::cast).findFirst().orElseThrow();
    }

    static java.util.stream.Stream<Component> descendants(Component c) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(c),
                c.getChildren().flatMap(CitizenSurveyViewsTest::descendants));
    }

    /** Visible, and so are all its parents. */
    static boolean shown(Component c) {
        for (Component at = c; at != null; at = at.getParent().orElse(null)) {
            if (!at.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** One required single choice and one optional text, on one page. */
    static Questionnaire small() {
        Question agree = Questionnaires.required(Questionnaires.question("AGREE", QuestionType.SINGLE_CHOICE,
                "찬성하십니까?", List.of(Questionnaires.option("yes", "예"), Questionnaires.option("no", "아니오"))));
        Question why = Questionnaires.question("WHY", QuestionType.TEXT, "이유를 적어 주세요", List.of());
        return new Questionnaire(List.of(new org.gongnon.survey.Section("S1", LocalText.of("한 쪽", "One page"), null,
                List.of(agree, why))));
    }

    @Test
    void myListShowsEachWaveWithItsStateAndSaysWhenThereIsNone() {
        long own = newProcess("설문 목록");
        IssuedAccess me = accessFor(own, 0);
        signIn(me);
        open("me");
        assertEquals("me/surveys", find(Anchor.class).id("citizen-surveys-link").getHref());
        assertInstanceOf(CitizenSurveysView.class, open("me/surveys"));
        assertEquals(ko("survey.mine.empty"), find(Paragraph.class).id("my-surveys-empty").getText());

        long notStarted = openWave(own, small(), "시작 전 설문");
        long inProgress = openWave(own, small(), "작성 중 설문");
        long submitted = openWave(own, small(), "제출한 설문");
        long closed = openWave(own, small(), "마감된 설문");
        signIn.facilitator(() -> {
            WaveForm form = surveys.newWaveForm(own);
            surveys.saveWave(own, null, new WaveForm(form.number(), form.kind(), LocalText.of("초안", "Draft"),
                    form.opensAt(), form.closesAt(), form.audience(), null, form.purpose(), form.retention(), null));
        });
        citizenSurveys.consent(inProgress);
        citizenSurveys.consent(submitted);
        citizenSurveys.saveAnswer(submitted, "AGREE", List.of("yes"));
        citizenSurveys.submit(submitted);
        citizenSurveys.consent(closed);
        signIn.facilitator(() -> surveys.close(closed));

        assertInstanceOf(CitizenSurveysView.class, open("me/surveys"));
        assertFalse(find(Paragraph.class).withId("my-surveys-empty").exists());
        List<Section> cards = find(Section.class).all().stream().filter(s -> s.hasClassName("gn-sf-wave-card")).toList();
        assertEquals(List.of(notStarted, inProgress, submitted, closed), cards.stream()
                .map(c -> Long.parseLong(c.getElement().getAttribute("data-wave"))).toList(), "the draft is not listed");
        assertEquals(List.of("survey.mine.state.not_started", "survey.mine.state.in_progress",
                        "survey.mine.state.submitted", "survey.mine.state.closed").stream().map(ViewTestBase::ko).toList(),
                cards.stream().map(c -> find(Span.class).from(c).withClassName("gn-sf-state").single().getText()).toList());
        assertEquals(ko("survey.mine.start"), find(Anchor.class).id("open-survey-" + notStarted).getText());
        assertEquals("me/surveys/" + notStarted, find(Anchor.class).id("open-survey-" + notStarted).getHref());
        assertEquals(ko("survey.mine.continue"), find(Anchor.class).id("open-survey-" + inProgress).getText());
        assertEquals(ko("survey.mine.view"), find(Anchor.class).id("open-survey-" + submitted).getText());
        assertFalse(find(Anchor.class).withId("open-survey-" + closed).exists());
        assertTrue(cards.get(3).getElement().getTextRecursively().contains(ko("survey.mine.closed-note")));
    }

    @Test
    void consentComesFirstAndNothingCanBeAnsweredBeforeIt() {
        long waveId = openWave(Questionnaires.everyKind());
        signIn(nextCitizen());
        openForm(waveId);
        CitizenSurvey before = citizenSurveys.open(waveId);
        assertEquals(before.purpose().ko(), find(Paragraph.class).id("consent-purpose").getText());
        assertEquals(before.retention().ko(), find(Paragraph.class).id("consent-retention").getText());
        assertFalse(find(SurveyFormPanel.class).exists());
        assertFalse(find(RadioButtonGroup.class).exists(), "no question before consent");

        Checkbox agree = find(Checkbox.class).id("consent-checkbox");
        test(find(Button.class).id("consent-start")).click();
        assertTrue(agree.isInvalid(), "starting without ticking the box is refused at the box");
        assertEquals(ko("survey.form.consent.required"), agree.getErrorMessage());
        assertFalse(citizenSurveys.open(waveId).consented());
        assertFalse(find(SurveyFormPanel.class).exists());

        test(agree).click();
        test(find(Button.class).id("consent-start")).click();
        assertTrue(citizenSurveys.open(waveId).consented());
        assertEquals("의견", sectionTitle());
        // Coming back later goes straight to the questions.
        open("me/surveys");
        openForm(waveId);
        assertFalse(find(Checkbox.class).withId("consent-checkbox").exists());
        assertTrue(find(SurveyFormPanel.class).exists());
    }

    @Test
    void everyKindOfQuestionRendersAndIsSavedAsItIsGiven() {
        long waveId = openWave(Questionnaires.everyKind());
        signIn(nextCitizen());
        consented(waveId);
        assertEquals(ko("survey.form.progress", 1, 2, 0, 8), find(Span.class).id("survey-progress-text").getText());

        RadioButtonGroup<String> support = radio("SUPPORT");
        assertEquals("1. 새 자원회수시설 건립에 찬성하십니까?", support.getLabel());
        assertTrue(support.isRequiredIndicatorVisible());
        assertEquals(List.of("survey.form.likert5.1", "survey.form.likert5.2", "survey.form.likert5.3",
                "survey.form.likert5.4", "survey.form.likert5.5").stream().map(ViewTestBase::ko).toList(),
                support.getListDataView().getItems().map(support.getItemLabelGenerator()::apply).toList());
        test(support).selectItem(ko("survey.form.likert5.4"));
        assertEquals(ko("survey.form.status.saved"), status("SUPPORT"));
        assertEquals(List.of("4"), stored(waveId).get("SUPPORT"));

        test(radio("Q1")).selectItem("예");
        test(checkboxes("SOURCES")).selectItems("지인", "TV");
        RadioButtonGroup<String> nearby = radio("NEARBY");
        assertEquals(11, nearby.getListDataView().getItemCount());
        test(nearby).selectItem("7");
        TextField years = find(TextField.class).from(question("YEARS")).single();
        assertEquals(ko("survey.form.number.between", "0", "120"), years.getHelperText());
        test(years).setValue("12");
        assertEquals(Map.of("SUPPORT", List.of("4"), "Q1", List.of("yes"), "SOURCES", List.of("tv", "friends"),
                "NEARBY", List.of("7"), "YEARS", List.of("12")), stored(waveId));
        assertFalse(any(Button.class, "survey-back").isVisible(), "no Back on the first page");

        next();
        assertEquals("경험과 지식", sectionTitle());
        assertEquals(2, citizenSurveys.open(waveId).currentSection() + 1, "the page is remembered");
        TextArea hearing = find(TextArea.class).from(question("Q6")).single();
        assertEquals(200, hearing.getMaxLength());
        test(hearing).setValue("소음이 걱정됩니다");
        assertEquals(ko("survey.form.text.count", "소음이 걱정됩니다".length(), 200),
                find(Span.class).from(question("Q6")).withClassName("gn-sf-counter").single().getText());
        assertEquals(List.of("소음이 걱정됩니다"), stored(waveId).get("Q6"));

        // Ranking: the starting order is no answer until it is kept or changed.
        assertNull(stored(waveId).get("RANK"));
        assertTrue(find(Button.class).from(question("RANK")).withClassName("gn-sf-rank-keep").exists());
        List<Button> downs = find(Button.class).from(question("RANK")).withClassName("gn-sf-rank-down").all();
        assertEquals(ko("survey.form.rank.down-named", "관리비 지원"), downs.getFirst().getAriaLabel().orElseThrow());
        test(downs.getFirst()).click();
        assertEquals(List.of("park", "fee", "jobs"), stored(waveId).get("RANK"));
        assertEquals(ko("survey.form.rank.saved-position", "관리비 지원", 2), status("RANK"));
        assertFalse(find(Button.class).from(question("RANK")).withClassName("gn-sf-rank-keep").exists());

        test(radio("K1")).selectItem("2026년");
        RadioButtonGroup<String> trust = radio("TRUST");
        assertEquals(7, trust.getListDataView().getItemCount());
        test(trust).selectItem(ko("survey.form.likert7.6"));
        assertEquals(ko("survey.form.progress", 2, 2, 9, 9), find(Span.class).id("survey-progress-text").getText());
        assertEquals(Map.of("SUPPORT", List.of("4"), "Q1", List.of("yes"), "SOURCES", List.of("tv", "friends"),
                "NEARBY", List.of("7"), "YEARS", List.of("12"), "Q6", List.of("소음이 걱정됩니다"),
                "RANK", List.of("park", "fee", "jobs"), "K1", List.of("y2026"), "TRUST", List.of("6")), stored(waveId));

        // An optional choice can be cleared again.
        back();
        Button clear = find(Button.class).from(question("NEARBY")).withClassName("gn-sf-clear").single();
        assertTrue(clear.isVisible());
        test(clear).click();
        assertNull(stored(waveId).get("NEARBY"));
        assertEquals(ko("survey.form.status.cleared"), status("NEARBY"));
        assertFalse(find(Button.class).from(question("SUPPORT")).withClassName("gn-sf-clear").exists(),
                "a required answer is changed, not cleared");
    }

    @Test
    void aRefusedAnswerIsShownAtTheQuestionKeepsTheInputAndStoresNothing() {
        long waveId = openWave(Questionnaires.everyKind());
        signIn(nextCitizen());
        consented(waveId);
        TextField years = find(TextField.class).from(question("YEARS")).single();
        test(years).setValue("12");
        test(years).setValue("200");
        String message = ko("survey.answer.out-of-range", "0", "120");
        assertEquals(ko("survey.form.status.refused", message), status("YEARS"));
        assertTrue(years.isInvalid());
        assertEquals(message, years.getErrorMessage());
        assertEquals("200", years.getValue(), "what was typed stays to be corrected");
        assertEquals(List.of("12"), stored(waveId).get("YEARS"), "the refused value changed nothing");

        next();
        assertEquals("의견", sectionTitle(), "Next waits until the refused answer is corrected");
        test(years).setValue("30");
        assertFalse(years.isInvalid());
        assertEquals(ko("survey.form.status.saved"), status("YEARS"));
        assertEquals(List.of("30"), stored(waveId).get("YEARS"));
        next();
        assertEquals("경험과 지식", sectionTitle());
    }

    @Test
    void aConditionalQuestionAppearsAndDisappearsWithTheAnswerItDependsOn() {
        long waveId = openWave(Questionnaires.everyKind());
        signIn(nextCitizen());
        consented(waveId);
        test(radio("Q1")).selectItem("아니오");
        next();
        assertFalse(shown(any(Div.class, "question-Q6")), "the follow-up is hidden while the answer is no");
        back();
        test(radio("Q1")).selectItem("예");
        next();
        assertTrue(shown(any(Div.class, "question-Q6")));
        test(find(TextArea.class).from(question("Q6")).single()).setValue("냄새");
        assertEquals(List.of("냄새"), stored(waveId).get("Q6"));

        back();
        test(radio("Q1")).selectItem("아니오");
        assertNull(stored(waveId).get("Q6"), "an answer to a question that no longer applies is withdrawn");
        next();
        assertFalse(shown(any(Div.class, "question-Q6")));
        back();
        test(radio("Q1")).selectItem("예");
        assertEquals(List.of("냄새"), stored(waveId).get("Q6"), "the text kept in the field is saved again");
        next();
        assertEquals("냄새", find(TextArea.class).from(question("Q6")).single().getValue());
    }

    @Test
    void reopeningResumesOnTheSavedPageWithTheSavedAnswers() {
        long waveId = openWave(Questionnaires.everyKind());
        signIn(nextCitizen());
        consented(waveId);
        test(radio("SUPPORT")).selectItem(ko("survey.form.likert5.2"));
        test(checkboxes("SOURCES")).selectItems("인터넷");
        next();
        test(radio("K1")).selectItem("모름");

        // A closed tab, a lost connection: the page is opened again.
        open("me/surveys");
        openForm(waveId);
        assertEquals("경험과 지식", sectionTitle(), "resumes on the page it was left on");
        assertEquals("dk", radio("K1").getValue());
        back();
        assertEquals("2", radio("SUPPORT").getValue());
        assertEquals(java.util.Set.of("web"), checkboxes("SOURCES").getValue());
        assertEquals(ko("survey.form.progress", 1, 2, 3, 8), find(Span.class).id("survey-progress-text").getText());
    }

    @Test
    void submittingWithRequiredQuestionsMissingListsThemAndJumpsToThem() {
        long waveId = openWave(Questionnaires.everyKind());
        signIn(nextCitizen());
        consented(waveId);
        test(checkboxes("SOURCES")).selectItems("TV");
        next();
        assertTrue(finish().isVisible());
        assertFalse(any(Button.class, "survey-next").isVisible());
        test(finish()).click();
        assertFalse(find(ConfirmDialog.class).exists(), "nothing to confirm while answers are missing");
        Div missing = find(Div.class).id("survey-missing");
        assertTrue(missing.isVisible());
        List<Button> jumps = find(Button.class).from(missing).all();
        assertEquals(List.of("SUPPORT", "Q1"), jumps.stream().map(b -> b.getElement().getAttribute("data-question"))
                .toList(), "the follow-up of an unanswered question is not required");
        assertEquals(ko("survey.form.missing.item", 1, 2, "공청회에 참석한 적이 있습니까?"), jumps.get(1).getText());
        assertTrue(finish().isEnabled(), "the button works again");

        test(jumps.get(1)).click();
        assertEquals("의견", sectionTitle(), "the link goes to the question's page");
        assertTrue(radio("Q1").isInvalid());
        test(radio("Q1")).selectItem("예");
        assertFalse(radio("Q1").isInvalid());
        assertEquals(List.of("SUPPORT"), find(Button.class).from(find(Div.class).id("survey-missing")).all().stream()
                .map(b -> b.getElement().getAttribute("data-question")).toList(), "the list shrinks as answers come");
        test(radio("SUPPORT")).selectItem(ko("survey.form.likert5.5"));
        assertFalse(any(Div.class, "survey-missing").isVisible());

        next();
        test(finish()).click();
        assertEquals(List.of("Q6"), find(Button.class).from(find(Div.class).id("survey-missing")).all().stream()
                .map(b -> b.getElement().getAttribute("data-question")).toList(), "now the follow-up is required");
        test(find(TextArea.class).from(question("Q6")).single()).setValue("좋았습니다");
        test(finish()).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertEquals(ko("survey.form.confirm.title"), test(confirm).getHeader());
        assertEquals(ko("survey.form.confirm.text"), test(confirm).getText());
        test(confirm).confirm();
        assertTrue(find(Section.class).id("survey-thanks").isVisible());
        assertEquals(1, submittedResponses(waveId));
    }

    @Test
    void submittingIsConfirmedFinalAndHappensOnceHoweverOftenItIsAsked() {
        long waveId = openWave(small());
        signIn(nextCitizen());
        consented(waveId);
        test(radio("AGREE")).selectItem("예");
        test(finish()).click();
        assertFalse(finish().isEnabled(), "disabled at the first click, so a double tap cannot submit twice");
        test(find(ConfirmDialog.class).single()).cancel();
        assertTrue(finish().isEnabled());
        assertEquals(0, submittedResponses(waveId), "cancelling submits nothing");

        test(finish()).click();
        test(find(ConfirmDialog.class).single()).confirm();
        Section thanks = find(Section.class).id("survey-thanks");
        assertEquals(ko("survey.form.thanks.title"), find(H2.class).from(thanks).single().getText());
        assertFalse(find(SurveyFormPanel.class).exists());
        assertEquals(1, submittedResponses(waveId));

        // Opening it again (or the same link in another tab) shows the thank-you, not the questions.
        open("me/surveys");
        openForm(waveId);
        assertTrue(find(Section.class).withId("survey-thanks").exists());
        assertFalse(find(RadioButtonGroup.class).exists());
        assertEquals(1, submittedResponses(waveId));
    }

    @Test
    void aSecondTabThatSubmitsLateSeesTheSameThankYouAndAddsNothing() {
        long waveId = openWave(small());
        signIn(nextCitizen());
        consented(waveId);
        test(radio("AGREE")).selectItem("아니오");
        // Another tab submits first.
        assertFalse(citizenSurveys.submit(waveId).alreadySubmitted());
        test(finish()).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertTrue(find(Section.class).withId("survey-thanks").exists());
        assertEquals(1, submittedResponses(waveId));
    }

    @Test
    void theServiceHasTheLastWordOnMissingAnswers() {
        long waveId = openWave(small());
        signIn(nextCitizen());
        consented(waveId);
        test(radio("AGREE")).selectItem("예");
        test(finish()).click();
        // Meanwhile another tab took the answer back.
        citizenSurveys.saveAnswer(waveId, "AGREE", List.of());
        test(find(ConfirmDialog.class).single()).confirm();
        assertFalse(find(Section.class).withId("survey-thanks").exists());
        assertEquals(List.of("AGREE"), find(Button.class).from(find(Div.class).id("survey-missing")).all().stream()
                .map(b -> b.getElement().getAttribute("data-question")).toList());
        assertEquals(0, submittedResponses(waveId));
        assertTrue(finish().isEnabled());
    }

    @Test
    void aClosedWaveSaysSoAndTakesNoAnswers() {
        long waveId = openWave(small());
        signIn(nextCitizen());
        consented(waveId);
        test(radio("AGREE")).selectItem("예");
        // Closed while the form is open: the next answer is refused at the question.
        signIn.facilitator(() -> surveys.close(waveId));
        test(radio("AGREE")).selectItem("아니오");
        assertEquals(ko("survey.form.status.refused", ko("survey.citizen.wave-closed")), status("AGREE"));
        assertEquals("no", radio("AGREE").getValue(), "the choice stays on screen");
        assertEquals(List.of("yes"), stored(waveId).get("AGREE"));

        open("me/surveys");
        openForm(waveId);
        Section closed = find(Section.class).id("survey-closed");
        assertEquals(ko("survey.form.closed.title"), find(H2.class).from(closed).single().getText());
        assertFalse(find(SurveyFormPanel.class).exists());
        assertFalse(find(RadioButtonGroup.class).exists());
        assertFalse(find(Checkbox.class).exists());
    }

    @Test
    void theLanguageSwitchShowsTheSurveyInEnglish() {
        long waveId = openWave(Questionnaires.everyKind());
        signIn(nextCitizen());
        openForm(waveId);
        test(find(LanguageSwitch.class).single()).selectItem("English");
        // The browser reloads the page in the new language.
        open("me/surveys");
        openForm(waveId);
        CitizenSurvey survey = citizenSurveys.open(waveId);
        assertEquals(survey.purpose().en(), find(Paragraph.class).id("consent-purpose").getText());
        assertEquals("Consent and start", find(Button.class).id("consent-start").getText());
        test(find(Checkbox.class).id("consent-checkbox")).click();
        test(find(Button.class).id("consent-start")).click();
        assertEquals("Views", sectionTitle());
        RadioButtonGroup<String> support = radio("SUPPORT");
        assertEquals("1. 새 자원회수시설 건립에 찬성하십니까? (en)", support.getLabel());
        test(support).selectItem("Agree");
        assertEquals("Saved", status("SUPPORT"));
        assertEquals("Next", find(Button.class).id("survey-next").getText());
        assertEquals(List.of("4"), stored(waveId).get("SUPPORT"));
    }

    @Test
    void theInMemorySinkChecksAnswersLikeTheServer() {
        Questionnaire q = Questionnaires.everyKind();
        Map<String, List<String>> store = new java.util.HashMap<>();
        AnswerSink sink = AnswerSink.inMemory(q, store);
        assertTrue(sink.save("SUPPORT", List.of("3")).saved());
        assertEquals("survey.answer.not-on-scale", sink.save("SUPPORT", List.of("8")).refusal().messageKey());
        assertEquals("survey.answer.unknown-question", sink.save("NOPE", List.of("1")).refusal().messageKey());
        assertTrue(sink.save("SUPPORT", List.of()).saved());
        assertEquals(Map.of(), store);
        // A preview shows the same form, answers going nowhere but the map.
        SurveyFormPanel preview = new SurveyFormPanel(q, java.util.Locale.KOREAN, Map.of("YEARS", List.of("3")), 0, sink);
        com.vaadin.flow.component.UI.getCurrent().add(preview);
        test(radio("Q1")).selectItem("예");
        assertEquals(Map.of("Q1", List.of("yes")), store);
        assertEquals("3", find(TextField.class).from(question("YEARS")).single().getValue());
    }

    @Test
    void aChoiceRefusedDuringAnOutageIsSavedAgainOnNextRatherThanLost() {
        Questionnaire q = Questionnaires.everyKind();
        Map<String, List<String>> store = new java.util.HashMap<>();
        AnswerSink healthy = AnswerSink.inMemory(q, store);
        boolean[] down = {true};
        AnswerSink flaky = new AnswerSink() {
            @Override
            public Outcome save(String code, List<String> answer) {
                return down[0] ? Outcome.refused(new org.gongnon.base.UserFacingException("error.unexpected", "ab12"))
                        : healthy.save(code, answer);
            }

            @Override
            public void progress(int section) {
            }
        };
        SurveyFormPanel form = new SurveyFormPanel(q, java.util.Locale.KOREAN, Map.of(), 0, flaky);
        com.vaadin.flow.component.UI.getCurrent().add(form);
        test(radio("Q1")).selectItem("예");
        assertEquals(Map.of(), store);
        assertEquals("refused", find(Span.class).id("status-Q1").getElement().getAttribute("data-state"));
        // Tapping the same option again changes nothing in the browser: the refused choice must not be forgotten.
        assertEquals(0, form.currentSection());
        next();
        assertEquals(0, form.currentSection(), "still refused: the page stays, showing the question");
        down[0] = false;
        next();
        assertEquals(List.of("yes"), store.get("Q1"), "saved on Next once the sink is back");
        assertEquals(1, form.currentSection());
    }
}
