package org.gongnon.survey.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.checkbox.CheckboxGroupVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.textfield.TextFieldBase;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.gongnon.base.ui.Messages;
import org.gongnon.survey.AnswerOption;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.Section;

/**
 * A questionnaire as a respondent fills it in, made for phones and tablets: one section per page, a progress
 * bar, Back/Next, and every answer handed to an {@link AnswerSink} the moment it is given (choices and scales on
 * change, typed answers after a short pause and again on Next), with a saved / not saved status at each
 * question. Questions appear and disappear as the answers they depend on change; an answer to a question that
 * no longer applies is withdrawn, but the field keeps it in case the question applies again.
 *
 * <p>Used by the citizen's form ({@link SurveyFormView}, saving through the citizen survey service) and usable
 * as a facilitator's "as a citizen sees it" preview with {@link AnswerSink#inMemory}. Texts of the questionnaire
 * are shown in {@code locale}; the panel's own words follow the UI's language.
 *
 * <p>What the panel does not do: consent, submitting and thanking. The owner puts a button on the last page
 * with {@link #setFinish} and, when the respondent presses it, usually calls {@link #saveTyped()}, checks
 * {@link #missingRequired()} (and lists them with {@link #showMissing}) and then submits.
 */
public class SurveyFormPanel extends Div {

    /** How long typing must pause before a typed answer is saved. */
    static final int TYPING_PAUSE_MS = 1000;

    private final transient Questionnaire questionnaire;
    private final Locale locale;
    private final transient AnswerSink sink;
    private final Map<String, List<String>> answers = new LinkedHashMap<>();
    private final Map<String, Block> blocks = new LinkedHashMap<>();
    private final List<String> missing = new ArrayList<>();

    private final ProgressBar progressBar = new ProgressBar();
    private final Span progressText = new Span();
    private final Div missingBox = new Div();
    private final H2 sectionTitle = new H2();
    private final Paragraph sectionIntro = new Paragraph();
    private final Paragraph requiredLegend = new Paragraph();
    private final Div questionsBox = new Div();
    private final Button back = new Button();
    private final Button next = new Button();
    private final Button finish = new Button();
    private transient Runnable finishAction;
    private int current;
    /** True while the panel itself sets a field's value, which is no answer to save. */
    private boolean settingValue;

    /**
     * @param initialAnswers answers saved earlier, by question code (formats of {@link Question#validate})
     * @param startSection   the page to open on (0-based; clamped to the questionnaire)
     */
    public SurveyFormPanel(Questionnaire questionnaire, Locale locale, Map<String, List<String>> initialAnswers,
                           int startSection, AnswerSink sink) {
        this.questionnaire = questionnaire;
        this.locale = locale;
        this.sink = sink;
        addClassName("gn-sf");
        setId("survey-form");
        initialAnswers.forEach((code, value) -> {
            if (value != null && !value.isEmpty()) {
                answers.put(code, List.copyOf(value));
            }
        });
        List<Section> sections = questionnaire.sections();
        if (sections.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("survey.form.empty"));
            empty.addClassName("gn-empty");
            add(empty);
            return;
        }
        int number = 0;
        for (int s = 0; s < sections.size(); s++) {
            for (Question q : sections.get(s).questions()) {
                number++;
                blocks.put(q.code(), block(q, s, number));
            }
        }

        progressText.setId("survey-progress-text");
        progressText.addClassName("gn-sf-progress-text");
        progressBar.setId("survey-progress");
        Div progress = new Div(progressText, progressBar);
        progress.addClassName("gn-sf-progress");

        missingBox.setId("survey-missing");
        missingBox.addClassName("gn-sf-missing");
        missingBox.getElement().setAttribute("role", "alert");
        missingBox.setVisible(false);

        sectionTitle.setId("survey-section-title");
        sectionTitle.addClassName("gn-sf-section-title");
        // Focus moves here on a new page, so a screen reader starts reading at its title.
        sectionTitle.getElement().setAttribute("tabindex", "-1");
        sectionIntro.addClassNames("gn-sf-intro", "gn-description");
        requiredLegend.addClassNames("gn-sf-legend", "gn-muted");
        requiredLegend.setText(getTranslation("survey.form.required-legend"));
        questionsBox.addClassName("gn-sf-questions");

        back.setText(getTranslation("survey.form.back"));
        back.setIcon(VaadinIcon.ARROW_LEFT.create());
        back.setId("survey-back");
        back.addClickListener(e -> goTo(current - 1));
        next.setText(getTranslation("survey.form.next"));
        next.setIcon(VaadinIcon.ARROW_RIGHT.create());
        next.setIconAfterText(true);
        next.setId("survey-next");
        next.addThemeVariants(ButtonVariant.PRIMARY);
        next.addClickListener(e -> goTo(current + 1));
        finish.setId("survey-finish");
        finish.addThemeVariants(ButtonVariant.PRIMARY);
        // Disabled in the browser at the first click, so a double tap cannot submit twice.
        finish.setDisableOnClick(true);
        finish.addClickListener(e -> {
            if (finishAction != null) {
                finishAction.run();
            }
        });
        Div nav = new Div(back, next, finish);
        nav.addClassName("gn-sf-nav");

        add(progress, missingBox, sectionTitle, sectionIntro, requiredLegend, questionsBox, nav);
        applyVisibility(false);
        show(Math.max(0, Math.min(startSection, sections.size() - 1)));
    }

    /** Puts a button with {@code label} on the last page (e.g. Submit); it is disabled once pressed. */
    public void setFinish(String label, Runnable action) {
        finish.setText(label);
        finishAction = action;
        updateNav();
    }

    /** Enables the finish button again, after a press that did not end the form (cancelled, refused). */
    public void setFinishEnabled(boolean enabled) {
        finish.setEnabled(enabled);
    }

    /** The page shown (0-based). */
    public int currentSection() {
        return current;
    }

    /** The answers saved so far, by question code. */
    public Map<String, List<String>> answers() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    /**
     * Saves answers that have not reached the sink yet: typed ones (text, numbers), e.g. typed just before
     * pressing a button, and any answer the sink refused before (e.g. a choice made while the database was
     * away, which the respondent cannot make again by tapping the same option). False, with the first refused
     * question shown, when one was refused.
     */
    public boolean saveTyped() {
        Block firstRefused = null;
        for (Block b : blocks.values()) {
            if (!b.shown || !(b.typed() || b.refused)) {
                continue;
            }
            List<String> value = b.value();
            boolean changed = !value.equals(answers.getOrDefault(b.question.code(), List.of()));
            if ((changed || b.refused) && !answer(b, value) && firstRefused == null) {
                firstRefused = b;
            }
        }
        if (firstRefused != null) {
            reveal(firstRefused);
            return false;
        }
        return true;
    }

    /** Required questions that are shown and have no saved answer, in questionnaire order. */
    public List<String> missingRequired() {
        return blocks.values().stream().filter(b -> b.question.required() && b.shown)
                .map(b -> b.question.code()).filter(code -> !answers.containsKey(code)).toList();
    }

    /**
     * Lists questions that still need an answer above the page, each a link to its question, and marks them
     * at the questions. The list shrinks as they are answered.
     */
    public void showMissing(List<String> codes) {
        missing.forEach(code -> blocks.get(code).setError(null));
        missing.clear();
        blocks.keySet().stream().filter(codes::contains).forEach(missing::add);
        missing.forEach(code -> blocks.get(code).setError(getTranslation("survey.form.missing.field")));
        renderMissing();
        if (!missing.isEmpty()) {
            missingBox.getElement().executeJs("this.scrollIntoView({block: 'start'});"
                    + "const h = this.querySelector('h3'); if (h) { h.focus({preventScroll: true}); }");
        }
    }

    /** Goes to the page of a question and puts the focus on it. */
    public void focusQuestion(String code) {
        Block b = blocks.get(code);
        if (b != null) {
            reveal(b);
        }
    }

    private void goTo(int target) {
        if (target < 0 || target >= questionnaire.sections().size() || !saveTyped()) {
            return;
        }
        show(target);
        sink.progress(target);
        getElement().executeJs("this.scrollIntoView({block: 'start'}); $0.focus({preventScroll: true});",
                sectionTitle.getElement());
    }

    private void reveal(Block b) {
        if (b.section != current) {
            show(b.section);
            sink.progress(b.section);
        }
        b.focus();
    }

    private void show(int index) {
        current = index;
        Section section = questionnaire.sections().get(index);
        sectionTitle.setText(section.title().in(locale));
        String intro = section.intro().in(locale);
        sectionIntro.setText(intro);
        sectionIntro.setVisible(!intro.isEmpty());
        requiredLegend.setVisible(section.questions().stream().anyMatch(Question::required));
        questionsBox.removeAll();
        section.questions().forEach(q -> questionsBox.add(blocks.get(q.code()).root));
        updateNav();
        updateProgress();
    }

    private void updateNav() {
        if (blocks.isEmpty()) {
            return;
        }
        boolean last = current == questionnaire.sections().size() - 1;
        back.setVisible(current > 0);
        next.setVisible(!last);
        finish.setVisible(last && finishAction != null);
    }

    private void updateProgress() {
        int shown = 0;
        int answered = 0;
        for (Block b : blocks.values()) {
            if (b.shown) {
                shown++;
                if (answers.containsKey(b.question.code())) {
                    answered++;
                }
            }
        }
        progressBar.setValue(shown == 0 ? 0 : (double) answered / shown);
        String text = getTranslation("survey.form.progress", current + 1, questionnaire.sections().size(), answered,
                shown);
        progressText.setText(text);
        progressBar.getElement().setAttribute("aria-label", text);
    }

    /** Sends one answer to the sink; on success updates what depends on it. */
    private boolean answer(Block b, List<String> value) {
        String code = b.question.code();
        AnswerSink.Outcome outcome = sink.save(code, value);
        if (!outcome.saved()) {
            b.refused(Messages.of(this, outcome.refusal()));
            return false;
        }
        if (value.isEmpty()) {
            answers.remove(code);
        } else {
            answers.put(code, List.copyOf(value));
        }
        b.saved(value.isEmpty());
        applyVisibility(true);
        renderMissing();
        updateProgress();
        return true;
    }

    /**
     * Shows the questions whose condition holds. Conditions only look at earlier questions, so one pass in
     * questionnaire order settles chains. With {@code save}, an answer to a question that went away is
     * withdrawn, and one kept in the field of a question that came back is saved again.
     */
    private void applyVisibility(boolean save) {
        for (Block b : blocks.values()) {
            String code = b.question.code();
            boolean shown = b.question.isShown(answers);
            if (save && !shown && answers.containsKey(code)) {
                if (sink.save(code, List.of()).saved()) {
                    answers.remove(code);
                }
            } else if (save && shown && !b.shown && !answers.containsKey(code) && !b.value().isEmpty()) {
                AnswerSink.Outcome outcome = sink.save(code, b.value());
                if (outcome.saved()) {
                    answers.put(code, List.copyOf(b.value()));
                    b.saved(false);
                } else {
                    b.refused(Messages.of(this, outcome.refusal()));
                }
            }
            b.setShown(shown);
        }
    }

    private void renderMissing() {
        missing.removeIf(code -> {
            Block b = blocks.get(code);
            boolean resolved = answers.containsKey(code) || !b.shown;
            if (resolved && !b.refused) {
                b.setError(null);
            }
            return resolved;
        });
        missingBox.removeAll();
        missingBox.setVisible(!missing.isEmpty());
        if (missing.isEmpty()) {
            return;
        }
        H3 title = new H3(getTranslation("survey.form.missing.title", missing.size()));
        title.getElement().setAttribute("tabindex", "-1");
        Paragraph hint = new Paragraph(getTranslation("survey.form.missing.hint"));
        UnorderedList list = new UnorderedList();
        for (String code : missing) {
            Block b = blocks.get(code);
            Button jump = new Button(getTranslation("survey.form.missing.item", b.section + 1, b.number,
                    b.question.text().in(locale)), e -> {
                if (saveTyped()) {
                    reveal(b);
                }
            });
            jump.addThemeVariants(ButtonVariant.TERTIARY);
            jump.addClassName("gn-sf-jump");
            jump.getElement().setAttribute("data-question", code);
            list.add(new ListItem(jump));
        }
        missingBox.add(title, hint, list);
    }

    private void quietly(Runnable set) {
        settingValue = true;
        try {
            set.run();
        } finally {
            settingValue = false;
        }
    }

    private Block block(Question q, int section, int number) {
        return switch (q.type()) {
            case SINGLE_CHOICE, KNOWLEDGE, LIKERT_5, LIKERT_7, SCALE_0_10 -> new ChoiceBlock(q, section, number);
            case MULTIPLE_CHOICE -> new MultipleBlock(q, section, number);
            case NUMBER -> new TypedBlock(q, section, number, new TextField());
            case TEXT -> new TypedBlock(q, section, number, new TextArea());
            case RANKING -> new RankBlock(q, section, number);
        };
    }

    /** The label of a choice: the option's text, or for scales the default name of the point. */
    private String choiceLabel(Question q, String code) {
        return q.option(code).map(o -> o.label().in(locale)).orElseGet(() -> switch (q.type()) {
            case LIKERT_5 -> getTranslation("survey.form.likert5." + code);
            case LIKERT_7 -> getTranslation("survey.form.likert7." + code);
            default -> code;
        });
    }

    private static List<String> choiceCodes(Question q) {
        if (q.type().isScale()) {
            return IntStream.rangeClosed(q.type().scaleMin(), q.type().scaleMax()).mapToObj(String::valueOf).toList();
        }
        return q.options().stream().map(AnswerOption::code).toList();
    }

    /** One question on the page: its input, and a status line that says whether the answer was saved. */
    private abstract class Block {
        final Question question;
        final int section;
        final int number;
        final Div root = new Div();
        final Span status = new Span();
        boolean shown = true;
        boolean refused;

        Block(Question question, int section, int number) {
            this.question = question;
            this.section = section;
            this.number = number;
            root.addClassNames("gn-sf-question", "gn-sf-" + question.type().name().toLowerCase(Locale.ROOT)
                    .replace('_', '-'));
            root.setId("question-" + question.code());
            root.getElement().setAttribute("data-question", question.code());
            root.getElement().setAttribute("tabindex", "-1");
            status.addClassName("gn-sf-status");
            status.setId("status-" + question.code());
            // Announced without interrupting: "saved", "not saved: …".
            status.getElement().setAttribute("role", "status");
            status.getElement().setAttribute("aria-live", "polite");
        }

        /** The answer the input holds now (empty: none). */
        abstract List<String> value();

        /** Shows a message at the input (null clears it). */
        abstract void setError(String message);

        boolean typed() {
            return false;
        }

        String label() {
            return number + ". " + question.text().in(locale);
        }

        String help() {
            return question.help().in(locale);
        }

        void saved(boolean cleared) {
            refused = false;
            setError(missing.contains(question.code()) && cleared
                    ? getTranslation("survey.form.missing.field") : null);
            setStatus(getTranslation(cleared ? "survey.form.status.cleared" : "survey.form.status.saved"), "saved");
        }

        void refused(String message) {
            refused = true;
            setError(message);
            setStatus(getTranslation("survey.form.status.refused", message), "refused");
        }

        void setStatus(String text, String state) {
            status.setText(text);
            status.getElement().setAttribute("data-state", state);
        }

        /**
         * Changes the status in the browser as soon as {@code event} happens on the input, before the server has
         * answered ("saving…", "typing…"): if the connection is lost, the status says the answer is not saved
         * yet rather than showing an older "saved". Also counts characters as they are typed.
         */
        void hintWhileSaving(Component input, String event, String text, Span counter) {
            // The browser re-creates the element on every attach (page change), so the hint is installed each time.
            input.addAttachListener(e -> input.getElement().executeJs(
                    "const status = $0, counter = $1, text = $2, count = $3;"
                            + "this.addEventListener($4, () => {"
                            + "  status.textContent = text; status.dataset.state = 'pending';"
                            + "  if (counter) { counter.textContent = count.replace('__N__', [...(this.value || '')].length); }"
                            + "});",
                    status.getElement(), counter == null ? null : counter.getElement(), text,
                    getTranslation("survey.form.text.count", "__N__", question.effectiveMaxLength()), event));
        }

        void setShown(boolean visible) {
            shown = visible;
            root.setVisible(visible);
        }

        void focus() {
            root.getElement().executeJs("this.scrollIntoView({block: 'center'});"
                    + "const f = this.querySelector('input, textarea, vaadin-button:not([disabled])');"
                    + "(f || this).focus({preventScroll: true});");
        }
    }

    /** One answer from a list: choices, knowledge items, Likert and 0–10 scales, as large radio options. */
    private final class ChoiceBlock extends Block {
        final RadioButtonGroup<String> group = new RadioButtonGroup<>();
        final Button clear = new Button();

        ChoiceBlock(Question q, int section, int number) {
            super(q, section, number);
            List<String> codes = choiceCodes(q);
            group.setItems(codes);
            group.setItemLabelGenerator(code -> choiceLabel(q, code));
            group.setLabel(label());
            group.setRequiredIndicatorVisible(q.required());
            group.setManualValidation(true);
            group.addClassName("gn-sf-input");
            if (q.required()) {
                group.getElement().setAttribute("aria-required", "true");
            }
            if (q.type() == QuestionType.SCALE_0_10) {
                group.addClassName("gn-sf-scale10-points");
                String legend = scaleLegend(q);
                group.setHelperText(help().isEmpty() ? legend : help() + " " + legend);
            } else {
                group.addThemeVariants(RadioGroupVariant.LUMO_VERTICAL);
                if (!help().isEmpty()) {
                    group.setHelperText(help());
                }
            }
            List<String> initial = answers.get(q.code());
            if (initial != null && codes.contains(initial.getFirst())) {
                quietly(() -> group.setValue(initial.getFirst()));
            }
            // Optional questions can be left unanswered again; a radio group alone cannot be unset.
            clear.setText(getTranslation("survey.form.clear-choice"));
            clear.setAriaLabel(getTranslation("survey.form.clear-choice-named", number));
            clear.addThemeVariants(ButtonVariant.TERTIARY);
            clear.addClassName("gn-sf-clear");
            clear.setVisible(!q.required() && group.getValue() != null);
            clear.addClickListener(e -> {
                quietly(group::clear);
                clear.setVisible(false);
                answer(this, List.of());
            });
            group.addValueChangeListener(e -> {
                if (!settingValue) {
                    clear.setVisible(!q.required() && e.getValue() != null);
                    answer(this, value());
                }
            });
            hintWhileSaving(group, "change", getTranslation("survey.form.status.saving"), null);
            root.add(group, clear, status);
        }

        /** "0 = not at all · 10 = completely", from the labelled points or the defaults. */
        private String scaleLegend(Question q) {
            List<String> parts = new ArrayList<>();
            for (String code : choiceCodes(q)) {
                q.option(code).ifPresent(o -> parts.add(code + " = " + o.label().in(locale)));
            }
            if (parts.isEmpty()) {
                parts.add("0 = " + getTranslation("survey.form.scale10.0"));
                parts.add("10 = " + getTranslation("survey.form.scale10.10"));
            }
            return String.join(" · ", parts);
        }

        @Override
        List<String> value() {
            return group.getValue() == null ? List.of() : List.of(group.getValue());
        }

        @Override
        void setError(String message) {
            group.setErrorMessage(message);
            group.setInvalid(message != null);
        }
    }

    /** Several answers from a list, as large checkboxes; saved in the options' order. */
    private final class MultipleBlock extends Block {
        final CheckboxGroup<String> group = new CheckboxGroup<>();

        MultipleBlock(Question q, int section, int number) {
            super(q, section, number);
            group.setItems(choiceCodes(q));
            group.setItemLabelGenerator(code -> choiceLabel(q, code));
            group.setLabel(label());
            group.setRequiredIndicatorVisible(q.required());
            group.setManualValidation(true);
            group.addThemeVariants(CheckboxGroupVariant.LUMO_VERTICAL);
            group.addClassName("gn-sf-input");
            String hint = getTranslation("survey.form.multiple-hint");
            group.setHelperText(help().isEmpty() ? hint : help() + " " + hint);
            List<String> initial = answers.get(q.code());
            if (initial != null) {
                quietly(() -> group.setValue(Set.copyOf(initial.stream().filter(choiceCodes(q)::contains).toList())));
            }
            group.addValueChangeListener(e -> {
                if (!settingValue) {
                    answer(this, value());
                }
            });
            hintWhileSaving(group, "change", getTranslation("survey.form.status.saving"), null);
            root.add(group, status);
        }

        @Override
        List<String> value() {
            Set<String> selected = group.getValue();
            return choiceCodes(question).stream().filter(selected::contains).toList();
        }

        @Override
        void setError(String message) {
            group.setErrorMessage(message);
            group.setInvalid(message != null);
        }
    }

    /**
     * A typed answer: a number (a text field with the phone's decimal keyboard, so a refused value stays as
     * typed) or free text with a character counter. Saved after a pause in typing and again on Next; while
     * typing, the status says that the answer is not saved yet.
     */
    private final class TypedBlock extends Block {
        final TextFieldBase<?, String> field;
        final Span counter;

        TypedBlock(Question q, int section, int number, TextFieldBase<?, String> field) {
            super(q, section, number);
            this.field = field;
            field.setLabel(label());
            field.setRequiredIndicatorVisible(q.required());
            field.setManualValidation(true);
            field.setWidthFull();
            field.addClassName("gn-sf-input");
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.setValueChangeTimeout(TYPING_PAUSE_MS);
            List<String> initial = answers.get(q.code());
            if (initial != null && !initial.isEmpty()) {
                quietly(() -> field.setValue(initial.getFirst()));
            }
            if (field instanceof TextArea area) {
                area.setMaxLength(q.effectiveMaxLength());
                counter = new Span();
                counter.addClassName("gn-sf-counter");
                updateCounter();
                Div helper = new Div();
                if (!help().isEmpty()) {
                    helper.add(new Span(help() + " "));
                }
                helper.add(counter);
                area.setHelperComponent(helper);
            } else {
                counter = null;
                TextField numberField = (TextField) field;
                numberField.setAllowedCharPattern("[-0-9.]");
                numberField.getElement().setAttribute("inputmode", "decimal");
                String range = range(q);
                field.setHelperText(help().isEmpty() ? range : help() + " " + range);
            }
            field.addValueChangeListener(e -> {
                if (settingValue) {
                    return;
                }
                updateCounter();
                List<String> value = value();
                if (value.equals(answers.getOrDefault(q.code(), List.of())) && !refused) {
                    setStatus(getTranslation("survey.form.status.saved"), "saved");
                } else {
                    answer(this, value);
                }
            });
            hintWhileSaving(field, "input", getTranslation("survey.form.status.pending"), counter);
            root.add(field, status);
        }

        private String range(Question q) {
            BigDecimal min = q.min();
            BigDecimal max = q.max();
            if (min != null && max != null) {
                return getTranslation("survey.form.number.between", min.toPlainString(), max.toPlainString());
            } else if (min != null) {
                return getTranslation("survey.form.number.at-least", min.toPlainString());
            } else if (max != null) {
                return getTranslation("survey.form.number.at-most", max.toPlainString());
            }
            return getTranslation("survey.form.number.any");
        }

        private void updateCounter() {
            if (counter != null) {
                String v = field.getValue();
                counter.setText(getTranslation("survey.form.text.count", v.codePointCount(0, v.length()),
                        question.effectiveMaxLength()));
            }
        }

        @Override
        boolean typed() {
            return true;
        }

        @Override
        List<String> value() {
            String v = field.getValue();
            if (v == null || v.isBlank()) {
                return List.of();
            }
            return List.of(question.type() == QuestionType.TEXT ? v : v.strip());
        }

        @Override
        void setError(String message) {
            field.setErrorMessage(message);
            field.setInvalid(message != null);
        }
    }

    /**
     * Every option in order of preference, moved with up/down buttons (keyboard and screen-reader friendly; no
     * dragging). The starting order is not an answer until the respondent moves something or keeps it.
     */
    private final class RankBlock extends Block {
        final List<String> order = new ArrayList<>();
        final OrderedList list = new OrderedList();
        final Span error = new Span();
        final Button keep = new Button();
        boolean chosen;

        RankBlock(Question q, int section, int number) {
            super(q, section, number);
            root.getElement().setAttribute("role", "group");
            String labelId = "label-" + q.code();
            String hintId = "hint-" + q.code();
            String errorId = "error-" + q.code();
            root.getElement().setAttribute("aria-labelledby", labelId);
            root.getElement().setAttribute("aria-describedby", hintId + " " + errorId);
            Div label = new Div();
            label.setId(labelId);
            label.addClassName("gn-sf-label");
            label.add(new Span(label()));
            if (q.required()) {
                Span mark = new Span("•");
                mark.addClassName("gn-sf-required-mark");
                mark.getElement().setAttribute("aria-hidden", "true");
                Span sr = new Span(getTranslation("survey.form.required-sr"));
                sr.addClassName("gn-visually-hidden");
                label.add(mark, sr);
            }
            Paragraph hint = new Paragraph((help().isEmpty() ? "" : help() + " ")
                    + getTranslation("survey.form.rank.hint"));
            hint.setId(hintId);
            hint.addClassNames("gn-sf-hint");
            error.setId(errorId);
            error.addClassName("gn-sf-error");
            error.setVisible(false);
            List<String> codes = choiceCodes(q);
            List<String> initial = answers.get(q.code());
            if (initial != null && initial.size() == codes.size() && codes.containsAll(initial)) {
                order.addAll(initial);
                chosen = true;
            } else {
                order.addAll(codes);
            }
            list.addClassName("gn-sf-rank-list");
            keep.setText(getTranslation("survey.form.rank.keep"));
            keep.addClassName("gn-sf-rank-keep");
            keep.addClickListener(e -> {
                chosen = true;
                if (answer(this, List.copyOf(order))) {
                    keep.setVisible(false);
                }
            });
            keep.setVisible(!chosen);
            render(-1, false);
            root.add(label, hint, list, keep, error, status);
        }

        private void render(int focusIndex, boolean focusUp) {
            list.removeAll();
            for (int i = 0; i < order.size(); i++) {
                String code = order.get(i);
                String name = choiceLabel(question, code);
                Span position = new Span(String.valueOf(i + 1));
                position.addClassName("gn-sf-rank-position");
                position.getElement().setAttribute("aria-hidden", "true");
                Span text = new Span(name);
                text.addClassName("gn-sf-rank-label");
                int index = i;
                Button up = new Button(VaadinIcon.ARROW_UP.create(), e -> move(index, -1));
                up.setAriaLabel(getTranslation("survey.form.rank.up-named", name));
                up.setTooltipText(getTranslation("survey.form.rank.up-named", name));
                up.setEnabled(i > 0);
                up.addClassName("gn-sf-rank-up");
                Button down = new Button(VaadinIcon.ARROW_DOWN.create(), e -> move(index, 1));
                down.setAriaLabel(getTranslation("survey.form.rank.down-named", name));
                down.setTooltipText(getTranslation("survey.form.rank.down-named", name));
                down.setEnabled(i < order.size() - 1);
                down.addClassName("gn-sf-rank-down");
                ListItem item = new ListItem(position, text, up, down);
                item.addClassName("gn-sf-rank-item");
                item.getElement().setAttribute("data-option", code);
                list.add(item);
                if (i == focusIndex) {
                    // Keep the keyboard where it was: on the same button of the moved item, or the other one at an edge.
                    Button target = focusUp ? (up.isEnabled() ? up : down) : (down.isEnabled() ? down : up);
                    target.focus();
                }
            }
        }

        private void move(int index, int delta) {
            int to = index + delta;
            if (to < 0 || to >= order.size()) {
                return;
            }
            Collections.swap(order, index, to);
            chosen = true;
            keep.setVisible(false);
            render(to, delta < 0);
            if (answer(this, List.copyOf(order))) {
                setStatus(getTranslation("survey.form.rank.saved-position",
                        choiceLabel(question, order.get(to)), to + 1), "saved");
            }
        }

        @Override
        List<String> value() {
            return chosen ? List.copyOf(order) : List.of();
        }

        @Override
        void setError(String message) {
            error.setText(message == null ? "" : message);
            error.setVisible(message != null);
            root.getElement().getClassList().set("gn-sf-invalid", message != null);
        }
    }
}
