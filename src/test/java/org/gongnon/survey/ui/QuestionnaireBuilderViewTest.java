package org.gongnon.survey.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongnon.base.i18n.TranslationProvider;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.survey.AnswerOption;
import org.gongnon.survey.Condition;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.Questionnaires;
import org.gongnon.survey.Section;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.TestWaves;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The questionnaire builder in a browserless UI. Building questions needs no panel, so each test class works in
 * a process of its own without one (opening a wave does not need a panel either).
 */
class QuestionnaireBuilderViewTest extends ViewTestBase {

    private static final TranslationProvider TRANSLATIONS = new TranslationProvider();
    private static Long sharedProcessId;

    @Autowired
    TestWaves testWaves;
    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    SurveyService surveys;

    long processId;

    @BeforeEach
    void process() {
        if (sharedProcessId == null) {
            sharedProcessId = signIn.facilitator(() -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("설문 문항"))));
        }
        processId = sharedProcessId;
    }

    static String en(String key) {
        return TRANSLATIONS.getTranslation(key, Locale.ENGLISH);
    }

    long draftWave(Questionnaire questionnaire) {
        return testWaves.draft(processId, questionnaire, null);
    }

    QuestionnaireBuilderView openBuilder(long waveId) {
        return assertInstanceOf(QuestionnaireBuilderView.class,
                open(QuestionnaireBuilderView.builderPath(processId, waveId)));
    }

    Questionnaire stored(long waveId) {
        return signIn.facilitator(() -> surveys.wave(waveId).questionnaire());
    }

    QuestionEditor addQuestion(int section, QuestionType type) {
        @SuppressWarnings("unchecked")
        Select<QuestionType> kind = find(Select.class).id("new-question-type-" + section);
        test(kind).selectItem(ko("survey.type." + type.name().toLowerCase(Locale.ROOT)));
        test(find(Button.class).id("add-question-" + section)).click();
        return find(QuestionnaireBuilderView.QuestionDialog.class).single().editor;
    }

    QuestionnaireBuilderView.QuestionDialog dialog() {
        return find(QuestionnaireBuilderView.QuestionDialog.class).single();
    }

    void option(QuestionEditor editor, int index, String code, String labelKo, String labelEn) {
        test(editor.options.get(index).code).setValue(code);
        test(editor.options.get(index).labelKo).setValue(labelKo);
        test(editor.options.get(index).labelEn).setValue(labelEn);
    }

    static AnswerOption option(String code, String ko, String en) {
        return new AnswerOption(code, LocalText.of(ko, en));
    }

    @Test
    @WithUserDetails("facilitator")
    void aFacilitatorBuildsAQuestionnaireWithChoicesALikertScaleAKnowledgeItemAndAConditionAndSavesIt() {
        long waveId = draftWave(Questionnaire.empty());
        QuestionnaireBuilderView view = openBuilder(waveId);
        assertTrue(find(Paragraph.class).withId("builder-empty").exists());
        assertFalse(view.dirty);
        assertFalse(view.save.isEnabled(), "nothing to save yet");
        assertEquals(ko("survey.builder.saved-state"), view.saveState.getText());

        // A section: refused without a title, then added.
        test(view.addSection).click();
        QuestionnaireBuilderView.SectionDialog section = find(QuestionnaireBuilderView.SectionDialog.class).single();
        assertEquals("S1", section.code.getValue(), "a code is suggested");
        test(section.apply).click();
        assertTrue(section.isOpened());
        assertEquals(ko("survey.builder.section-title-required"), section.titleKo.getErrorMessage());
        test(section.titleKo).setValue("시설 입지에 대한 의견");
        test(section.titleEn).setValue("Views on the site");
        test(section.apply).click();
        assertFalse(section.isOpened());
        assertTrue(view.dirty);
        assertEquals(ko("survey.builder.unsaved"), view.saveState.getText());
        assertTrue(view.save.isEnabled());

        // Single choice: two empty options to start from.
        QuestionEditor q1 = addQuestion(0, QuestionType.SINGLE_CHOICE);
        assertEquals("Q1", q1.code.getValue());
        assertEquals(2, q1.options.size());
        test(q1.textKo).setValue("공청회에 참석한 적이 있습니까?");
        test(q1.textEn).setValue("Have you attended a public hearing?");
        option(q1, 0, "yes", "예", "Yes");
        option(q1, 1, "no", "아니오", "No");
        q1.required.setValue(true);
        test(dialog().apply).click();
        assertEquals(1, view.questionRows.size());

        // Likert 5, tracked, with the usual names of its points.
        QuestionEditor support = addQuestion(0, QuestionType.LIKERT_5);
        assertEquals("Q2", support.code.getValue());
        assertTrue(support.options.isEmpty(), "scale points need no names");
        test(support.code).setValue("SUPPORT");
        test(support.textKo).setValue("새 자원회수시설 건립에 찬성하십니까?");
        support.tracked.setValue(true);
        test(support.fillScale).click();
        assertEquals(5, support.options.size());
        test(dialog().apply).click();

        // A knowledge item: refused without its correct answer, then with it.
        QuestionEditor know = addQuestion(0, QuestionType.KNOWLEDGE);
        test(know.code).setValue("K1");
        test(know.textKo).setValue("수도권 생활폐기물 직매립 금지는 언제부터입니까?");
        option(know, 0, "y2026", "2026년", "2026");
        option(know, 1, "y2030", "2030년", "2030");
        test(know.addOption).click();
        assertEquals("3", know.options.get(2).code.getValue(), "the next option's code is suggested");
        option(know, 2, "dk", "모름", "Don’t know");
        test(dialog().apply).click();
        assertTrue(dialog().isOpened());
        assertTrue(know.correct.isInvalid());
        assertEquals(ko("survey.builder.correct-required"), know.correct.getErrorMessage());
        test(know.correct).selectItem("2026년 (y2026)");
        test(dialog().apply).click();
        assertEquals(3, view.questionRows.size());

        // Open text shown only to those who attended a hearing.
        QuestionEditor hearing = addQuestion(0, QuestionType.TEXT);
        assertEquals("Q4", hearing.code.getValue());
        test(hearing.textKo).setValue("공청회에서 무엇을 느꼈습니까?");
        hearing.conditional.setValue(true);
        test(hearing.conditionQuestion).selectItem("Q1 · 공청회에 참석한 적이 있습니까?");
        test(hearing.conditionValues).selectItem("예 (yes)");
        test(hearing.maxLength).setValue(200);
        test(dialog().apply).click();
        assertEquals(List.of("Q1", "SUPPORT", "K1", "Q4"), view.questionRows.stream().map(r -> r.question.code()).toList());

        test(view.save).click();
        assertFalse(view.dirty);
        assertEquals(ko("survey.builder.saved-state"), view.saveState.getText());
        List<AnswerOption> points = new ArrayList<>();
        for (int p = 1; p <= 5; p++) {
            points.add(option(String.valueOf(p), ko("survey.scale.likert5." + p), en("survey.scale.likert5." + p)));
        }
        Questionnaire expected = new Questionnaire(List.of(new Section("S1",
                LocalText.of("시설 입지에 대한 의견", "Views on the site"), LocalText.empty(), List.of(
                new Question("Q1", QuestionType.SINGLE_CHOICE, LocalText.of("공청회에 참석한 적이 있습니까?",
                        "Have you attended a public hearing?"), LocalText.empty(), true, false,
                        List.of(option("yes", "예", "Yes"), option("no", "아니오", "No")), null, null, null, null, null),
                new Question("SUPPORT", QuestionType.LIKERT_5, LocalText.of("새 자원회수시설 건립에 찬성하십니까?", ""),
                        LocalText.empty(), false, true, points, null, null, null, null, null),
                new Question("K1", QuestionType.KNOWLEDGE, LocalText.of("수도권 생활폐기물 직매립 금지는 언제부터입니까?", ""),
                        LocalText.empty(), false, false, List.of(option("y2026", "2026년", "2026"),
                        option("y2030", "2030년", "2030"), option("dk", "모름", "Don’t know")), null, null, null,
                        "y2026", null),
                new Question("Q4", QuestionType.TEXT, LocalText.of("공청회에서 무엇을 느꼈습니까?", ""), LocalText.empty(),
                        false, false, List.of(), null, null, 200, null, new Condition("Q1", List.of("yes")))))));
        assertEquals(expected, stored(waveId));

        // Opened again, the page shows what was saved.
        QuestionnaireBuilderView reopened = openBuilder(waveId);
        assertEquals(expected, reopened.current());
        assertEquals(4, reopened.questionRows.size());
        assertTrue(reopened.row("Q4").orElseThrow().getElement().getTextRecursively()
                .contains(ko("survey.builder.detail-condition", "Q1", "yes")));
        assertTrue(reopened.row("K1").orElseThrow().getElement().getTextRecursively()
                .contains(ko("survey.builder.detail-correct", "2026년 (y2026)")));

        // Renaming a question carries the condition that refers to it along.
        test(find(Button.class).id("edit-question-Q1")).click();
        test(dialog().editor.code).setValue("HEARD");
        test(dialog().apply).click();
        test(reopened.save).click();
        assertEquals(new Condition("HEARD", List.of("yes")), stored(waveId).question("Q4").orElseThrow().showIf());
    }

    @Test
    @WithUserDetails("facilitator")
    void aProblemFoundByTheServiceIsShownAtItsQuestionAndNothingIsSaved() {
        Questionnaire start = new Questionnaire(List.of(new Section("S1", LocalText.of("의견", ""), null, List.of(
                Questionnaires.question("Q1", QuestionType.SINGLE_CHOICE, "참석?",
                        List.of(Questionnaires.option("yes", "예"), Questionnaires.option("no", "아니오"))),
                new Question("Q2", QuestionType.TEXT, LocalText.of("느낌은?", ""), null, false, false, List.of(), null,
                        null, null, null, new Condition("Q1", List.of("yes")))))));
        long waveId = draftWave(start);
        QuestionnaireBuilderView view = openBuilder(waveId);
        assertFalse(find(Button.class).id("question-up-Q1").isEnabled(), "the first question cannot go higher");

        // Q2 moved above the question its condition depends on.
        test(find(Button.class).id("question-up-Q2")).click();
        assertEquals(List.of("Q2", "Q1"), view.current().questions().stream().map(Question::code).toList());
        test(view.save).click();
        String problem = ko("survey.builder.condition-earlier");
        assertEquals(List.of(problem), view.row("Q2").orElseThrow().problemTexts());
        assertTrue(view.row("Q2").orElseThrow().hasClassName("gn-invalid"));
        assertTrue(find(Div.class).id("problems-Q2").getElement().getTextRecursively().contains(problem),
                "the problem is written at the question");
        assertTrue(view.problemSummary.isVisible());
        assertTrue(view.problemSummary.getElement().getTextRecursively()
                .contains(ko("survey.builder.problem-question", "Q2") + ": " + problem), "and in the summary");
        assertTrue(view.row("Q1").orElseThrow().problemTexts().isEmpty());
        assertTrue(notificationTexts().contains(ko("survey.builder.not-saved", 1)));
        assertEquals(start, stored(waveId), "nothing was saved");
        assertTrue(view.dirty, "the changes are still there to fix");

        test(find(Button.class).id("question-down-Q2")).click();
        test(view.save).click();
        assertFalse(view.problemSummary.isVisible());
        assertFalse(view.dirty);
        assertEquals(start, stored(waveId));
    }

    @Test
    @WithUserDetails("facilitator")
    void deletingAsksFirstAndASaveAfterSomeoneElsesIsRefusedKeepingTheChanges() {
        long waveId = draftWave(Questionnaires.everyKind());
        QuestionnaireBuilderView view = openBuilder(waveId);
        test(find(Button.class).id("delete-question-Q1")).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        assertTrue(test(confirm).getText().contains(ko("survey.builder.delete-question-dependants", "Q6")),
                "the question another one depends on is named: " + test(confirm).getText());
        test(confirm).cancel();
        assertTrue(view.row("Q1").isPresent());
        test(find(Button.class).id("delete-question-TRUST")).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertTrue(view.row("TRUST").isEmpty());
        assertTrue(view.dirty);

        // Meanwhile another facilitator saves this wave's questions.
        Questionnaire theirs = new Questionnaire(List.of(Questionnaires.everyKind().sections().getFirst()));
        signIn.facilitator(() -> surveys.saveQuestionnaire(waveId, theirs, surveys.wave(waveId).form().version()));
        test(view.save).click();
        assertTrue(view.conflict.isVisible());
        assertEquals(ko("survey.concurrent-edit"), view.conflict.getElement().getTextRecursively());
        assertTrue(view.dirty);
        assertTrue(view.row("TRUST").isEmpty(), "what was done here stays on the page");
        assertEquals(theirs, stored(waveId));
    }

    @Test
    @WithUserDetails("facilitator")
    void sectionsAreRenamedMovedAndDeletedAndLeavingWithUnsavedChangesAsks() {
        long waveId = draftWave(new Questionnaire(List.of(
                new Section("S1", LocalText.of("의견", "Views"), null, List.of(Questionnaires.question("Q1",
                        QuestionType.LIKERT_5, "찬성하십니까?", List.of()))),
                new Section("S2", LocalText.of("경험과 지식", "Experience"), null, List.of(Questionnaires.question(
                        "TRUST", QuestionType.LIKERT_7, "서울시의 절차를 신뢰합니까?", List.of()))))));
        QuestionnaireBuilderView view = openBuilder(waveId);
        test(find(Button.class).id("edit-section-1")).click();
        QuestionnaireBuilderView.SectionDialog dialog = find(QuestionnaireBuilderView.SectionDialog.class).single();
        assertEquals("S2", dialog.code.getValue());
        test(dialog.titleKo).setValue("경험과 지식 (수정)");
        test(dialog.introKo).setValue("마지막 부분입니다.");
        test(dialog.apply).click();
        test(find(Button.class).id("section-up-1")).click();
        assertEquals(List.of("S2", "S1"), view.sections.stream().map(s -> s.code).toList());
        test(find(Button.class).id("delete-section-1")).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertEquals(List.of("S2"), view.sections.stream().map(s -> s.code).toList());

        // Leaving asks first; staying keeps the page.
        open(SurveyWavesView.wavePath(processId, waveId).replaceFirst("\\?.*", ""));
        ConfirmDialog leave = find(ConfirmDialog.class).single();
        assertEquals(ko("survey.builder.leave-title"), test(leave).getHeader());
        test(leave).cancel();
        assertInstanceOf(QuestionnaireBuilderView.class, getCurrentView());
        test(view.save).click();
        Section saved = stored(waveId).sections().getFirst();
        assertEquals(LocalText.of("경험과 지식 (수정)", "Experience"), saved.title());
        assertEquals("마지막 부분입니다.", saved.intro().ko());
        assertEquals(1, stored(waveId).sections().size());
        assertInstanceOf(SurveyWavesView.class, open(SurveyWavesView.wavePath(processId, waveId)
                .replaceFirst("\\?.*", "")), "saved: leaving needs no question");
    }

    @Test
    @WithUserDetails("facilitator")
    void anOpenedWavesQuestionsAreShownReadOnlyWithTheReasonAndCanBePreviewed() {
        long waveId = draftWave(Questionnaires.everyKind());
        signIn.facilitator(() -> {
            surveys.open(waveId);
            return null;
        });
        QuestionnaireBuilderView view = openBuilder(waveId);
        assertFalse(view.editable);
        assertEquals(ko("survey.builder.read-only-opened"), find(Paragraph.class).id("builder-read-only").getText());
        assertEquals(Questionnaires.everyKind().questions().size(), view.questionRows.size(), "the questions are shown");
        for (String id : List.of("save-questionnaire", "add-section", "edit-question-Q1", "delete-question-Q1",
                "question-up-Q6", "edit-section-0", "add-question-0")) {
            assertFalse(find(Button.class).withId(id).exists(), id);
        }

        test(view.preview).click();
        assertNotNull(view.previewDialog);
        // The preview is the citizen's form itself, on its first page, answering into memory only.
        SurveyFormPanel form = find(SurveyFormPanel.class).single();
        String preview = form.getElement().getTextRecursively();
        assertTrue(preview.contains("아니오") && preview.contains("매우 그렇다"), "page one's choices: " + preview);
        assertFalse(preview.contains("관리비 지원"), "page two waits for Next: " + preview);
        assertEquals(0, form.currentSection());
        assertTrue(form.missingRequired().contains("SUPPORT"), "required questions are checked as in the real form");
    }

    @Test
    @WithUserDetails("facilitator")
    void aWaveOfAnotherProcessIsNotShownUnderThisOne() {
        long waveId = draftWave(Questionnaire.empty());
        long other = signIn.facilitator(() -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("다른 공론화"))));
        assertFalse(open(QuestionnaireBuilderView.builderPath(other, waveId)) instanceof QuestionnaireBuilderView);
        assertTrue(notificationTexts().contains(ko("survey.wave.not-found")));
    }
}
