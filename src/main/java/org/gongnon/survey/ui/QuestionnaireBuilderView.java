package org.gongnon.survey.ui;

import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeLeaveEvent;
import com.vaadin.flow.router.BeforeLeaveObserver;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.Confirm;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.security.Roles;
import org.gongnon.survey.Condition;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.WaveDetails;
import org.gongnon.survey.WaveStatus;

/**
 * A wave's questionnaire: sections (one page each on the citizen's phone) and their questions. Everything is
 * edited on a copy in the page and saved as a whole; the service checks the whole document and its problems
 * are shown at the section or question they belong to, and listed above. Once a wave has been opened or
 * answered its questions are frozen, and the page only shows them.
 */
@Route("processes/:processId/surveys/:waveId/questions")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR, Roles.OFFICIAL})
public class QuestionnaireBuilderView extends SurveyPage implements BeforeLeaveObserver {

    private final transient SurveyService service;
    long waveId;
    WaveDetails wave;
    boolean canEdit;
    boolean editable;
    long version;
    /** The questionnaire being edited, as the page holds it until it is saved. */
    final List<SectionDraft> sections = new ArrayList<>();
    /** Whether the copy differs from what was last loaded or saved. */
    boolean dirty;
    /** Problems from the last save, by question or section code (or "questionnaire"). */
    final Map<String, List<String>> problems = new LinkedHashMap<>();
    final Span saveState = new Span();
    final Button save = new Button();
    final Button addSection = new Button();
    final Button preview = new Button();
    final Div problemSummary = new Div();
    final Div conflict = new Div();
    final Div sectionsBox = new Div();
    /** The rows shown for the questions, in order (rebuilt on every change). */
    final List<QuestionRow> questionRows = new ArrayList<>();
    /** The preview dialog while it is open. */
    Dialog previewDialog;

    public QuestionnaireBuilderView(SurveyService service) {
        super(WAVES);
        this.service = service;
        saveState.setId("save-state");
        saveState.getElement().setAttribute("role", "status");
        save.setId("save-questionnaire");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> save());
        addSection.setId("add-section");
        addSection.addClickListener(e -> new SectionDialog(-1).open());
        preview.setId("preview-questionnaire");
        preview.addClickListener(e -> openPreview(current()));
        problemSummary.setId("builder-problems");
        problemSummary.addClassName("gn-error-box");
        problemSummary.getElement().setAttribute("role", "alert");
        conflict.setId("builder-conflict");
        conflict.addClassName("gn-error-box");
        conflict.getElement().setAttribute("role", "alert");
        sectionsBox.setId("builder-sections");
        sectionsBox.setWidthFull();
    }

    static RouteParameters parameters(long processId, long waveId) {
        return new RouteParameters(Map.of("processId", String.valueOf(processId), "waveId", String.valueOf(waveId)));
    }

    static String builderPath(long processId, long waveId) {
        return path(processId, WAVES + "/" + waveId + "/questions");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Optional<Long> id = event.getRouteParameters().getLong("waveId");
        if (id.isEmpty()) {
            event.rerouteToError(com.vaadin.flow.router.NotFoundException.class);
            return;
        }
        waveId = id.get();
        super.beforeEnter(event);
    }

    @Override
    protected String titleKey() {
        return "survey.builder.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        wave = service.wave(waveId);
        if (wave.processId() != processId) {
            // Only under its own process's address, like every other page of a process.
            throw new UserFacingException("survey.wave.not-found");
        }
        canEdit = service.canEdit(processId);
        editable = canEdit && wave.questionsEditable();
        load(wave);
        build();
    }

    private void load(WaveDetails details) {
        version = details.form().version();
        sections.clear();
        details.questionnaire().sections().forEach(s -> sections.add(SectionDraft.of(s)));
        problems.clear();
        setDirty(false);
    }

    private void build() {
        Anchor back = new Anchor(SurveyWavesView.wavePath(processId, waveId), getTranslation("survey.builder.back"));
        back.addClassName("gn-back-link");
        back.setId("builder-back");
        H3 heading = new H3(getTranslation("survey.wave.heading", wave.form().number(),
                wave.form().title().in(getLocale())));
        heading.setId("builder-heading");
        HorizontalLayout head = new HorizontalLayout(heading, SurveyLabels.statusBadge(this, wave.status()));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);
        body.add(back, head);
        if (!editable) {
            Paragraph readOnly = new Paragraph(getTranslation(readOnlyReason()));
            readOnly.addClassName("gn-hint");
            readOnly.setId("builder-read-only");
            body.add(readOnly);
        }
        preview.setText(getTranslation("survey.builder.preview"));
        preview.setIcon(VaadinIcon.EYE.create());
        HorizontalLayout toolbar = new HorizontalLayout();
        toolbar.setWrap(true);
        toolbar.setAlignItems(FlexComponent.Alignment.BASELINE);
        toolbar.addClassName("gn-builder-toolbar");
        if (editable) {
            addSection.setText(getTranslation("survey.builder.add-section"));
            addSection.setIcon(VaadinIcon.PLUS.create());
            save.setText(getTranslation("survey.builder.save"));
            toolbar.add(addSection, preview, save, saveState);
        } else {
            toolbar.add(preview);
        }
        conflict.setVisible(false);
        body.add(toolbar, conflict, problemSummary, sectionsBox);
        renderSections();
    }

    private String readOnlyReason() {
        if (!canEdit) {
            return "survey.builder.read-only-role";
        }
        if (wave.status() != WaveStatus.DRAFT) {
            return "survey.builder.read-only-opened";
        }
        return "survey.builder.read-only-answers";
    }

    // --- the copy being edited ------------------------------------------------------------------------------

    /** A section as the page edits it. */
    static final class SectionDraft {
        String code;
        LocalText title;
        LocalText intro;
        final List<Question> questions = new ArrayList<>();

        SectionDraft(String code, LocalText title, LocalText intro) {
            this.code = code;
            this.title = title;
            this.intro = intro;
        }

        static SectionDraft of(org.gongnon.survey.Section section) {
            SectionDraft draft = new SectionDraft(section.code(), section.title(), section.intro());
            draft.questions.addAll(section.questions());
            return draft;
        }

        org.gongnon.survey.Section toSection() {
            return new org.gongnon.survey.Section(code, title, intro, questions);
        }
    }

    /** The questionnaire as it stands in the page. */
    Questionnaire current() {
        return new Questionnaire(sections.stream().map(SectionDraft::toSection).toList());
    }

    List<Question> allQuestions() {
        return sections.stream().flatMap(s -> s.questions.stream()).toList();
    }

    void setDirty(boolean value) {
        dirty = value;
        saveState.setText(getTranslation(value ? "survey.builder.unsaved" : "survey.builder.saved-state"));
        saveState.setClassName("gn-warning", value);
        saveState.setClassName("gn-ok", !value);
        save.setEnabled(value);
        // Closing the tab with unsaved changes makes the browser ask first.
        getElement().executeJs("window.onbeforeunload = $0 ? (e) => { e.preventDefault(); return ''; } : null;",
                value && editable);
    }

    private void changed() {
        setDirty(true);
        conflict.setVisible(false);
        renderSections();
    }

    /** The first code of the form {@code prefix}N not used yet, N counting on from the number of items. */
    static String suggestCode(String prefix, int count, Set<String> used) {
        int n = count + 1;
        while (used.contains(prefix + n)) {
            n++;
        }
        return prefix + n;
    }

    // --- showing it -----------------------------------------------------------------------------------------

    void renderSections() {
        sectionsBox.removeAll();
        questionRows.clear();
        renderProblemSummary();
        if (sections.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation(editable ? "survey.builder.empty"
                    : "survey.builder.empty-read-only"));
            none.addClassName("gn-empty");
            none.setId("builder-empty");
            sectionsBox.add(none);
            return;
        }
        List<Question> all = allQuestions();
        int number = 0;
        for (int s = 0; s < sections.size(); s++) {
            SectionDraft section = sections.get(s);
            Section card = new Section();
            card.addClassNames("gn-card", "gn-builder-section");
            card.setId("section-" + s);
            H3 title = new H3(getTranslation("survey.builder.section-heading", s + 1,
                    section.title.in(getLocale()).isEmpty() ? getTranslation("survey.builder.untitled")
                            : section.title.in(getLocale())));
            title.setId("section-title-" + s);
            card.getElement().setAttribute("aria-labelledby", "section-title-" + s);
            Span code = new Span(section.code == null ? "?" : section.code);
            code.addClassName("gn-code-badge");
            HorizontalLayout head = new HorizontalLayout(title, code);
            head.setAlignItems(FlexComponent.Alignment.BASELINE);
            head.setWrap(true);
            if (editable) {
                head.add(sectionButtons(s));
            }
            card.add(head);
            if (!section.intro.isBlank()) {
                Paragraph intro = new Paragraph(section.intro.in(getLocale()));
                intro.addClassName("gn-muted");
                card.add(intro);
            }
            if (section.code != null) {
                problemList(problems.get(section.code), "section-problems-" + s).ifPresent(p -> {
                    card.add(p);
                    card.addClassName("gn-invalid");
                });
            }
            if (section.questions.isEmpty()) {
                Paragraph none = new Paragraph(getTranslation("survey.builder.section-empty"));
                none.addClassName("gn-hint");
                card.add(none);
            }
            for (int q = 0; q < section.questions.size(); q++) {
                number++;
                QuestionRow row = new QuestionRow(section.questions.get(q), number, s, q,
                        all.indexOf(section.questions.get(q)) == 0, number == all.size());
                questionRows.add(row);
                card.add(row);
            }
            if (editable) {
                card.add(addQuestionRow(s));
            }
            sectionsBox.add(card);
        }
    }

    private Optional<Div> problemList(List<String> texts, String id) {
        if (texts == null || texts.isEmpty()) {
            return Optional.empty();
        }
        Div box = new Div();
        box.addClassName("gn-field-problems");
        box.setId(id);
        UnorderedList list = new UnorderedList();
        texts.forEach(t -> list.add(new ListItem(t)));
        box.add(list);
        return Optional.of(box);
    }

    private void renderProblemSummary() {
        problemSummary.removeAll();
        problemSummary.setVisible(!problems.isEmpty());
        if (problems.isEmpty()) {
            return;
        }
        problemSummary.add(new Paragraph(getTranslation("survey.builder.problems-intro")));
        UnorderedList list = new UnorderedList();
        Set<String> questionCodes = new java.util.HashSet<>();
        allQuestions().forEach(q -> questionCodes.add(q.code()));
        problems.forEach((field, texts) -> {
            for (String text : texts) {
                String where = "questionnaire".equals(field) ? null
                        : questionCodes.contains(field) ? getTranslation("survey.builder.problem-question", field)
                        : getTranslation("survey.builder.problem-section", field);
                ListItem item = new ListItem(where == null ? text : where + ": " + text);
                list.add(item);
            }
        });
        problemSummary.add(list);
    }

    private HorizontalLayout sectionButtons(int index) {
        SectionDraft section = sections.get(index);
        String name = section.title.in(getLocale());
        Button edit = iconButton(VaadinIcon.EDIT, getTranslation("survey.builder.edit-section-named", name),
                "edit-section-" + index, () -> new SectionDialog(index).open());
        Button up = iconButton(VaadinIcon.ARROW_UP, getTranslation("survey.builder.section-up-named", name),
                "section-up-" + index, () -> moveSection(index, -1));
        up.setEnabled(index > 0);
        Button down = iconButton(VaadinIcon.ARROW_DOWN, getTranslation("survey.builder.section-down-named", name),
                "section-down-" + index, () -> moveSection(index, 1));
        down.setEnabled(index < sections.size() - 1);
        Button delete = iconButton(VaadinIcon.TRASH, getTranslation("survey.builder.delete-section-named", name),
                "delete-section-" + index, () -> Confirm.destructive(this, "survey.builder.delete-section",
                        getTranslation("survey.builder.delete-section-text", name, section.questions.size()),
                        "survey.builder.delete", () -> {
                            sections.remove(index);
                            changed();
                        }));
        delete.addThemeVariants(ButtonVariant.ERROR);
        HorizontalLayout buttons = new HorizontalLayout(edit, up, down, delete);
        buttons.setSpacing(false);
        return buttons;
    }

    /** An icon button with its accessible name (and the same as tooltip, for sighted mouse users). */
    private Button iconButton(VaadinIcon icon, String label, String id, Runnable action) {
        Button button = new Button(icon.create(), e -> action.run());
        button.setAriaLabel(label);
        button.setTooltipText(label);
        button.setId(id);
        button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
        return button;
    }

    private HorizontalLayout addQuestionRow(int sectionIndex) {
        Select<QuestionType> type = new Select<>();
        type.setLabel(getTranslation("survey.builder.new-question-type"));
        type.setItems(QuestionType.values());
        type.setItemLabelGenerator(t -> SurveyLabels.type(this, t));
        type.setValue(QuestionType.SINGLE_CHOICE);
        type.setEmptySelectionAllowed(false);
        type.setId("new-question-type-" + sectionIndex);
        Button add = new Button(getTranslation("survey.builder.add-question"), VaadinIcon.PLUS.create(),
                e -> new QuestionDialog(sectionIndex, -1, type.getValue()).open());
        add.setId("add-question-" + sectionIndex);
        add.setAriaLabel(getTranslation("survey.builder.add-question-named", sections.get(sectionIndex).title
                .in(getLocale())));
        HorizontalLayout row = new HorizontalLayout(type, add);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        row.setWrap(true);
        row.addClassName("gn-builder-add");
        return row;
    }

    /** One question as a row: what a citizen will be asked and how, with its problems and buttons. */
    final class QuestionRow extends Div {

        final Question question;

        QuestionRow(Question question, int number, int sectionIndex, int questionIndex, boolean first,
                    boolean last) {
            this.question = question;
            addClassName("gn-builder-question");
            setId("question-" + question.code());
            Span code = new Span(question.code());
            code.addClassName("gn-code-badge");
            Span type = new Span(SurveyLabels.type(this, question.type()));
            type.addClassName("gn-type-badge");
            Span text = new Span(getTranslation("survey.builder.question-number", number)
                    + " " + question.text().in(getLocale()));
            text.addClassName("gn-builder-question-text");
            Div head = new Div(code, type);
            if (question.required()) {
                Span required = new Span(getTranslation("survey.builder.required-badge"));
                required.addClassName("gn-required-badge");
                head.add(required);
            }
            if (question.tracked()) {
                Span tracked = new Span(getTranslation("survey.builder.tracked-badge"));
                tracked.addClassName("gn-tracked-badge");
                head.add(tracked);
            }
            head.addClassName("gn-builder-question-head");
            add(head, text);
            for (String line : QuestionTexts.details(this, getLocale(), question)) {
                Paragraph detail = new Paragraph(line);
                detail.addClassName("gn-builder-question-detail");
                add(detail);
            }
            problemList(problems.get(question.code()), "problems-" + question.code()).ifPresent(p -> {
                add(p);
                addClassName("gn-invalid");
            });
            if (editable) {
                String name = question.code();
                Button edit = iconButton(VaadinIcon.EDIT, getTranslation("survey.builder.edit-question-named", name),
                        "edit-question-" + name, () -> new QuestionDialog(sectionIndex, questionIndex,
                                question.type()).open());
                Button up = iconButton(VaadinIcon.ARROW_UP, getTranslation("survey.builder.question-up-named", name),
                        "question-up-" + name, () -> moveQuestion(sectionIndex, questionIndex, -1));
                up.setEnabled(!first);
                Button down = iconButton(VaadinIcon.ARROW_DOWN,
                        getTranslation("survey.builder.question-down-named", name), "question-down-" + name,
                        () -> moveQuestion(sectionIndex, questionIndex, 1));
                down.setEnabled(!last);
                Button delete = iconButton(VaadinIcon.TRASH,
                        getTranslation("survey.builder.delete-question-named", name), "delete-question-" + name,
                        () -> confirmDeleteQuestion(sectionIndex, questionIndex));
                delete.addThemeVariants(ButtonVariant.ERROR);
                HorizontalLayout buttons = new HorizontalLayout(edit, up, down, delete);
                buttons.setSpacing(false);
                buttons.addClassName("gn-builder-question-buttons");
                add(buttons);
            }
        }

        /** The problems shown at this question (empty when none). */
        List<String> problemTexts() {
            return problems.getOrDefault(question.code(), List.of());
        }
    }

    // --- changes --------------------------------------------------------------------------------------------

    void moveSection(int index, int by) {
        int to = index + by;
        if (to < 0 || to >= sections.size()) {
            return;
        }
        sections.add(to, sections.remove(index));
        changed();
    }

    /**
     * Moves a question one place; from the top of a section to the end of the one before, from the bottom to
     * the start of the next.
     */
    void moveQuestion(int sectionIndex, int questionIndex, int by) {
        List<Question> list = sections.get(sectionIndex).questions;
        int to = questionIndex + by;
        if (to >= 0 && to < list.size()) {
            list.add(to, list.remove(questionIndex));
        } else if (to < 0 && sectionIndex > 0) {
            sections.get(sectionIndex - 1).questions.add(list.remove(questionIndex));
        } else if (to >= list.size() && sectionIndex < sections.size() - 1) {
            sections.get(sectionIndex + 1).questions.addFirst(list.remove(questionIndex));
        } else {
            return;
        }
        changed();
    }

    private void confirmDeleteQuestion(int sectionIndex, int questionIndex) {
        Question question = sections.get(sectionIndex).questions.get(questionIndex);
        List<String> dependants = allQuestions().stream()
                .filter(q -> q.showIf() != null && question.code().equals(q.showIf().questionCode()))
                .map(Question::code).toList();
        String text = getTranslation("survey.builder.delete-question-text", question.code(),
                question.text().in(getLocale()));
        if (!dependants.isEmpty()) {
            text += " " + getTranslation("survey.builder.delete-question-dependants", String.join(", ", dependants));
        }
        Confirm.destructive(this, "survey.builder.delete-question", text, "survey.builder.delete", () -> {
            sections.get(sectionIndex).questions.remove(questionIndex);
            problems.remove(question.code());
            changed();
        });
    }

    /** Puts a question in place (a new one at the end of its section) and follows a change of its code. */
    void putQuestion(int sectionIndex, int questionIndex, Question question) {
        List<Question> list = sections.get(sectionIndex).questions;
        if (questionIndex < 0) {
            list.add(question);
        } else {
            String oldCode = list.get(questionIndex).code();
            list.set(questionIndex, question);
            if (!oldCode.equals(question.code())) {
                // Conditions that referred to the old code follow it.
                for (SectionDraft s : sections) {
                    s.questions.replaceAll(q -> q.showIf() != null && oldCode.equals(q.showIf().questionCode())
                            ? withCondition(q, new Condition(question.code(), q.showIf().anyOf())) : q);
                }
                problems.remove(oldCode);
            }
        }
        problems.remove(question.code());
        changed();
    }

    private static Question withCondition(Question q, Condition condition) {
        return new Question(q.code(), q.type(), q.text(), q.help(), q.required(), q.tracked(), q.options(), q.min(),
                q.max(), q.maxLength(), q.correctOption(), condition);
    }

    /** Saves the whole questionnaire; on problems, shows each at its question or section and lists them above. */
    void save() {
        conflict.setVisible(false);
        try {
            version = service.saveQuestionnaire(waveId, current(), version);
            problems.clear();
            setDirty(false);
            renderSections();
            Notifications.success(getTranslation("survey.builder.saved"));
        } catch (ValidationException ex) {
            problems.clear();
            for (ValidationException.FieldProblem p : ex.problems()) {
                problems.computeIfAbsent(p.field(), f -> new ArrayList<>()).add(Messages.of(this, p));
            }
            renderSections();
            Notifications.error(getTranslation("survey.builder.not-saved", ex.problems().size()));
        } catch (UserFacingException ex) {
            // Someone else saved first, or the wave was opened meanwhile: the copy stays, with the reason.
            conflict.removeAll();
            conflict.add(new Paragraph(Messages.of(this, ex)));
            conflict.setVisible(true);
        }
    }

    // --- leaving --------------------------------------------------------------------------------------------

    @Override
    public void beforeLeave(BeforeLeaveEvent event) {
        if (!dirty || !editable) {
            return;
        }
        BeforeLeaveEvent.ContinueNavigationAction action = event.postpone();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("survey.builder.leave-title"));
        dialog.setText(getTranslation("survey.builder.leave-text"));
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("survey.builder.leave-stay"));
        dialog.setConfirmText(getTranslation("survey.builder.leave-discard"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> {
            setDirty(false);
            action.proceed();
        });
        dialog.open();
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        detachEvent.getUI().getPage().executeJs("window.onbeforeunload = null;");
        super.onDetach(detachEvent);
    }

    // --- preview --------------------------------------------------------------------------------------------

    /**
     * Shows the questionnaire as citizens will meet it. For now a read-only rendering of its sections,
     * questions and options as text; this is the hook where the citizen's form component is to be shown
     * instead (same input: the questionnaire as it stands in the page, saved or not).
     */
    void openPreview(Questionnaire questionnaire) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("survey.builder.preview-title"));
        dialog.setWidth("min(44rem, 95vw)");
        // The citizen's own form, answering into memory: checks answers as the server does, stores nothing.
        dialog.add(new SurveyFormPanel(questionnaire, getLocale(), Map.of(), 0,
                AnswerSink.inMemory(questionnaire, new java.util.HashMap<>())));
        Button close = new Button(getTranslation("action.close"), e -> dialog.close());
        dialog.getFooter().add(close);
        dialog.addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                previewDialog = null;
            }
        });
        previewDialog = dialog;
        dialog.open();
    }

    // --- dialogs --------------------------------------------------------------------------------------------

    /** Adds a section or edits one: its code, title and an introduction shown at the top of its page. */
    final class SectionDialog extends Dialog {

        final TextField code = new TextField();
        final TextField titleKo = new TextField();
        final TextField titleEn = new TextField();
        final TextArea introKo = new TextArea();
        final TextArea introEn = new TextArea();
        final Button apply = new Button();
        private final int index;

        SectionDialog(int index) {
            this.index = index;
            SectionDraft section = index < 0 ? null : sections.get(index);
            setHeaderTitle(getTranslation(section == null ? "survey.builder.add-section"
                    : "survey.builder.edit-section"));
            setWidth("min(36rem, 95vw)");
            code.setLabel(getTranslation("survey.builder.section-code"));
            code.setHelperText(getTranslation("survey.builder.code-help"));
            code.setMaxLength(30);
            code.setRequiredIndicatorVisible(true);
            titleKo.setLabel(getTranslation("survey.builder.section-title-ko"));
            titleKo.setRequiredIndicatorVisible(true);
            titleKo.setMaxLength(200);
            titleEn.setLabel(getTranslation("survey.builder.section-title-en"));
            titleEn.setMaxLength(200);
            introKo.setLabel(getTranslation("survey.builder.section-intro-ko"));
            introKo.setMaxLength(1000);
            introEn.setLabel(getTranslation("survey.builder.section-intro-en"));
            introEn.setMaxLength(1000);
            for (var field : List.of(titleKo, titleEn, introKo, introEn)) {
                field.setWidthFull();
            }
            if (section == null) {
                Set<String> used = new java.util.HashSet<>();
                sections.forEach(s -> used.add(s.code));
                code.setValue(suggestCode("S", sections.size(), used));
            } else {
                code.setValue(section.code == null ? "" : section.code);
                titleKo.setValue(section.title.ko());
                titleEn.setValue(section.title.en());
                introKo.setValue(section.intro.ko());
                introEn.setValue(section.intro.en());
            }
            Div fields = new Div(code, titleKo, titleEn, introKo, introEn);
            fields.addClassName("gn-dialog-fields");
            add(fields);
            apply.setText(getTranslation(section == null ? "survey.builder.add" : "survey.builder.apply"));
            apply.setId("apply-section");
            apply.addThemeVariants(ButtonVariant.PRIMARY);
            apply.addClickListener(e -> apply());
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), apply);
            addOpenedChangeListener(e -> {
                if (e.isOpened()) {
                    titleKo.focus();
                }
            });
        }

        void apply() {
            String newCode = code.getValue().strip();
            SectionDraft draft = new SectionDraft(newCode, LocalText.of(titleKo.getValue(), titleEn.getValue()),
                    LocalText.of(introKo.getValue(), introEn.getValue()));
            List<SectionDraft> candidate = new ArrayList<>(sections);
            if (index < 0) {
                candidate.add(draft);
            } else {
                draft.questions.addAll(sections.get(index).questions);
                candidate.set(index, draft);
            }
            // The section's own rules, checked the way the service will check them.
            code.setInvalid(false);
            titleKo.setInvalid(false);
            boolean ok = true;
            for (ValidationException.FieldProblem p : problemsOf(candidate, newCode)) {
                switch (p.messageKey()) {
                    case "survey.builder.bad-code", "survey.builder.duplicate-section" -> {
                        code.setErrorMessage(Messages.of(this, p));
                        code.setInvalid(true);
                        ok = false;
                    }
                    case "survey.builder.section-title-required" -> {
                        titleKo.setErrorMessage(Messages.of(this, p));
                        titleKo.setInvalid(true);
                        ok = false;
                    }
                    default -> {
                        // A question's problem that happens to share the code: not this dialog's business.
                    }
                }
            }
            if (!ok) {
                return;
            }
            if (index < 0) {
                sections.add(draft);
            } else {
                String oldCode = sections.get(index).code;
                if (oldCode != null) {
                    problems.remove(oldCode);
                }
                sections.set(index, draft);
            }
            problems.remove(newCode);
            close();
            changed();
        }
    }

    /** The problems {@link Questionnaire#validate} finds in a candidate questionnaire, at one code. */
    static List<ValidationException.FieldProblem> problemsOf(List<SectionDraft> candidate, String code) {
        try {
            new Questionnaire(candidate.stream().map(SectionDraft::toSection).toList()).validate();
            return List.of();
        } catch (ValidationException e) {
            return e.problems().stream().filter(p -> p.field().equals(code.isEmpty() ? "?" : code)).toList();
        }
    }

    /** Adds a question or edits one; see {@link QuestionEditor}. */
    final class QuestionDialog extends Dialog {

        final QuestionEditor editor;
        final Button apply = new Button();
        private final int sectionIndex;
        private final int questionIndex;

        QuestionDialog(int sectionIndex, int questionIndex, QuestionType type) {
            this.sectionIndex = sectionIndex;
            this.questionIndex = questionIndex;
            Question existing = questionIndex < 0 ? null : sections.get(sectionIndex).questions.get(questionIndex);
            // Earlier questions, in order: those a display condition may refer to.
            List<Question> earlier = new ArrayList<>();
            outer:
            for (int s = 0; s < sections.size(); s++) {
                List<Question> list = sections.get(s).questions;
                for (int q = 0; q < list.size(); q++) {
                    if (s == sectionIndex && q == questionIndex) {
                        break outer;
                    }
                    earlier.add(list.get(q));
                }
                if (s == sectionIndex) {
                    break;
                }
            }
            String suggested = existing != null ? existing.code()
                    : suggestCode("Q", allQuestions().size(), new java.util.HashSet<>(allQuestions().stream()
                    .map(Question::code).toList()));
            editor = new QuestionEditor(existing, type, suggested, earlier);
            setHeaderTitle(getTranslation(existing == null ? "survey.builder.add-question"
                    : "survey.builder.edit-question"));
            setWidth("min(52rem, 95vw)");
            add(editor);
            apply.setText(getTranslation(existing == null ? "survey.builder.add" : "survey.builder.apply"));
            apply.setId("apply-question");
            apply.addThemeVariants(ButtonVariant.PRIMARY);
            apply.addClickListener(e -> apply());
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), apply);
            addOpenedChangeListener(e -> {
                if (e.isOpened()) {
                    editor.textKo.focus();
                }
            });
        }

        /** Checks the question as the service will, in its place; shows its problems here, or puts it in. */
        void apply() {
            Question question = editor.question();
            List<SectionDraft> candidate = new ArrayList<>();
            for (int s = 0; s < sections.size(); s++) {
                SectionDraft original = sections.get(s);
                SectionDraft copy = new SectionDraft(original.code, original.title, original.intro);
                copy.questions.addAll(original.questions);
                if (s == sectionIndex) {
                    if (questionIndex < 0) {
                        copy.questions.add(question);
                    } else {
                        copy.questions.set(questionIndex, question);
                    }
                }
                candidate.add(copy);
            }
            List<ValidationException.FieldProblem> found = problemsOf(candidate, question.code() == null ? ""
                    : question.code());
            // A section that shares the code is the section's business.
            found = found.stream().filter(p -> !p.messageKey().equals("survey.builder.duplicate-section")
                    && !p.messageKey().equals("survey.builder.section-title-required")).toList();
            if (editor.showProblems(found)) {
                return;
            }
            close();
            putQuestion(sectionIndex, questionIndex, question);
        }
    }

    /** The question rows' code and problem texts, by code (for a quick look in tests and the summary). */
    Map<String, List<String>> problemsByQuestion() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        questionRows.forEach(r -> map.put(r.question.code(), r.problemTexts()));
        return map;
    }

    Optional<QuestionRow> row(String code) {
        return questionRows.stream().filter(r -> r.question.code().equals(code)).findFirst();
    }
}
