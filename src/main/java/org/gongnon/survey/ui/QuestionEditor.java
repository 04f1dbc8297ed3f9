package org.gongnon.survey.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.Messages;
import org.gongnon.survey.AnswerOption;
import org.gongnon.survey.Condition;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;

/**
 * The form of one question: its kind, code, texts in Korean and English, required and tracked, the options
 * (or the optional names of scale points), the kind's limits, the correct answer of a knowledge item, and an
 * optional display condition on an earlier question's answer. Only the parts the chosen kind uses are shown.
 */
class QuestionEditor extends Div {

    /** The longest texts {@link org.gongnon.survey.Questionnaire#validate} accepts; the fields stop there. */
    static final int LONGEST_QUESTION = 1000;
    static final int LONGEST_LABEL = 300;

    final Select<QuestionType> type = new Select<>();
    final TextField code = new TextField();
    final TextArea textKo = new TextArea();
    final TextArea textEn = new TextArea();
    final TextField helpKo = new TextField();
    final TextField helpEn = new TextField();
    final Checkbox required = new Checkbox();
    final Checkbox tracked = new Checkbox();
    final H4 optionsHeading = new H4();
    final Paragraph optionsHint = new Paragraph();
    final Div optionRows = new Div();
    final List<OptionRow> options = new ArrayList<>();
    final Button addOption = new Button();
    final Button fillScale = new Button();
    final Div optionProblems = new Div();
    final Div optionsBox = new Div();
    final BigDecimalField min = new BigDecimalField();
    final BigDecimalField max = new BigDecimalField();
    final Div numberBox = new Div();
    final IntegerField maxLength = new IntegerField();
    final Select<String> correct = new Select<>();
    final Checkbox conditional = new Checkbox();
    final Select<Question> conditionQuestion = new Select<>();
    final CheckboxGroup<String> conditionValues = new CheckboxGroup<>();
    final Div conditionBox = new Div();
    /** Problems that belong to no single field. */
    final Div otherProblems = new Div();
    private final List<Question> earlier;

    /**
     * @param existing  the question being edited, or null for a new one
     * @param newType   the kind of a new question
     * @param suggested the code to start from
     * @param earlier   the questions before this one, which a display condition may refer to
     */
    QuestionEditor(Question existing, QuestionType newType, String suggested, List<Question> earlier) {
        this.earlier = new ArrayList<>(earlier);
        addClassName("gn-question-editor");
        otherProblems.addClassName("gn-error-box");
        otherProblems.setId("question-problems");
        otherProblems.getElement().setAttribute("role", "alert");
        otherProblems.setVisible(false);

        type.setLabel(getTranslation("survey.builder.type"));
        type.setItems(QuestionType.values());
        type.setItemLabelGenerator(t -> SurveyLabels.type(this, t));
        type.setEmptySelectionAllowed(false);
        type.setRequiredIndicatorVisible(true);
        type.setId("question-type");
        code.setLabel(getTranslation("survey.builder.code"));
        code.setHelperText(getTranslation("survey.builder.question-code-help"));
        code.setMaxLength(30);
        code.setRequiredIndicatorVisible(true);
        code.setId("question-code");
        textKo.setLabel(getTranslation("survey.builder.text-ko"));
        textKo.setRequiredIndicatorVisible(true);
        textKo.setMaxLength(LONGEST_QUESTION);
        textKo.setId("question-text-ko");
        textEn.setLabel(getTranslation("survey.builder.text-en"));
        textEn.setMaxLength(LONGEST_QUESTION);
        textEn.setId("question-text-en");
        helpKo.setLabel(getTranslation("survey.builder.help-ko"));
        helpKo.setMaxLength(LONGEST_QUESTION);
        helpEn.setLabel(getTranslation("survey.builder.help-en"));
        helpEn.setMaxLength(LONGEST_QUESTION);
        for (var field : List.of(textKo, textEn, helpKo, helpEn)) {
            field.setWidthFull();
        }
        required.setLabel(getTranslation("survey.builder.required"));
        required.setId("question-required");
        tracked.setLabel(getTranslation("survey.builder.tracked"));
        tracked.setHelperText(getTranslation("survey.builder.tracked-help"));
        tracked.setId("question-tracked");

        optionsHeading.setId("options-heading");
        optionsHint.addClassName("gn-hint");
        optionRows.addClassName("gn-option-rows");
        optionRows.getElement().setAttribute("role", "group");
        optionRows.getElement().setAttribute("aria-labelledby", "options-heading");
        addOption.setText(getTranslation("survey.builder.add-option"));
        addOption.setIcon(VaadinIcon.PLUS.create());
        addOption.setId("add-option");
        addOption.addClickListener(e -> {
            addOptionRow(new AnswerOption(nextOptionCode(), LocalText.empty()));
            options.getLast().code.focus();
        });
        fillScale.setText(getTranslation("survey.builder.fill-scale"));
        fillScale.setId("fill-scale");
        fillScale.addClickListener(e -> fillScaleLabels());
        optionProblems.addClassName("gn-field-problems");
        optionProblems.setId("option-problems");
        optionProblems.getElement().setAttribute("role", "alert");
        optionProblems.setVisible(false);
        correct.setLabel(getTranslation("survey.builder.correct"));
        correct.setId("question-correct");
        correct.setEmptySelectionAllowed(false);
        correct.setItemLabelGenerator(c -> options.stream().filter(o -> o.code.getValue().strip().equals(c))
                .findFirst().map(o -> o.labelKo.getValue().isBlank() ? c : o.labelKo.getValue() + " (" + c + ")")
                .orElse(c));
        HorizontalLayout optionButtons = new HorizontalLayout(addOption, fillScale);
        optionButtons.setWrap(true);
        optionsBox.add(optionsHeading, optionsHint, optionRows, optionButtons, optionProblems, correct);
        optionsBox.addClassName("gn-options-box");

        min.setLabel(getTranslation("survey.builder.min"));
        min.setId("question-min");
        max.setLabel(getTranslation("survey.builder.max"));
        max.setId("question-max");
        numberBox.add(min, max);
        numberBox.addClassName("gn-form-row");
        maxLength.setLabel(getTranslation("survey.builder.max-length-field"));
        maxLength.setHelperText(getTranslation("survey.builder.max-length-help", Question.DEFAULT_MAX_LENGTH,
                Question.LONGEST_TEXT));
        maxLength.setId("question-max-length");

        conditional.setLabel(getTranslation("survey.builder.conditional"));
        conditional.setId("question-conditional");
        conditionQuestion.setLabel(getTranslation("survey.builder.condition-question"));
        conditionQuestion.setId("condition-question");
        conditionQuestion.setItemLabelGenerator(q -> q.code() + " · " + q.text().in(getLocale()));
        conditionQuestion.setEmptySelectionAllowed(false);
        conditionValues.setLabel(getTranslation("survey.builder.condition-values"));
        conditionValues.setId("condition-values");
        conditionBox.add(conditional, conditionQuestion, conditionValues);
        conditionBox.addClassName("gn-condition-box");

        Div head = new Div(type, code);
        head.addClassName("gn-form-row");
        add(otherProblems, head, textKo, textEn, helpKo, helpEn, new Div(required), new Div(tracked), optionsBox,
                numberBox, maxLength, conditionBox);

        fill(existing, newType, suggested);
        type.addValueChangeListener(e -> kindChanged());
        conditional.addValueChangeListener(e -> conditionChanged());
        conditionQuestion.addValueChangeListener(e -> conditionTargetChanged(List.of()));
    }

    private void fill(Question existing, QuestionType newType, String suggested) {
        QuestionType kind = existing == null ? newType : existing.type();
        type.setValue(kind);
        code.setValue(suggested);
        if (existing != null) {
            textKo.setValue(existing.text().ko());
            textEn.setValue(existing.text().en());
            helpKo.setValue(existing.help().ko());
            helpEn.setValue(existing.help().en());
            required.setValue(existing.required());
            tracked.setValue(existing.tracked());
            existing.options().forEach(this::addOptionRow);
            min.setValue(existing.min());
            max.setValue(existing.max());
            maxLength.setValue(existing.maxLength());
        } else if (kind.usesOptions()) {
            addOptionRow(new AnswerOption("1", LocalText.empty()));
            addOptionRow(new AnswerOption("2", LocalText.empty()));
        }
        refreshCorrect();
        if (existing != null && existing.correctOption() != null) {
            correct.setValue(existing.correctOption());
        }
        // Questions a condition can refer to: those answered by options or scale points.
        List<Question> targets = new ArrayList<>(earlier.stream()
                .filter(q -> q.type() != null && (q.type().usesOptions() || q.type().isScale())).toList());
        Condition showIf = existing == null ? null : existing.showIf();
        conditionQuestion.setItems(targets);
        conditional.setEnabled(!targets.isEmpty() || showIf != null);
        if (targets.isEmpty()) {
            conditional.setHelperText(getTranslation("survey.builder.condition-none"));
        }
        if (showIf != null) {
            conditional.setValue(true);
            targets.stream().filter(q -> q.code().equals(showIf.questionCode())).findFirst()
                    .ifPresent(conditionQuestion::setValue);
            conditionTargetChanged(showIf.anyOf());
        }
        kindChanged();
        conditionChanged();
    }

    // --- the kind's parts -----------------------------------------------------------------------------------

    private void kindChanged() {
        QuestionType kind = type.getValue();
        boolean choices = kind.usesOptions();
        boolean scale = kind.isScale();
        optionsBox.setVisible(choices || scale);
        optionsHeading.setText(getTranslation(choices ? "survey.builder.options" : "survey.builder.scale-labels"));
        optionsHint.setText(choices ? getTranslation("survey.builder.options-hint")
                : getTranslation("survey.builder.scale-labels-hint", kind.isScale() ? kind.scaleMin() : 0,
                kind.isScale() ? kind.scaleMax() : 0));
        fillScale.setVisible(scale);
        correct.setVisible(kind == QuestionType.KNOWLEDGE);
        numberBox.setVisible(kind == QuestionType.NUMBER);
        maxLength.setVisible(kind == QuestionType.TEXT);
        if (choices && options.isEmpty()) {
            addOptionRow(new AnswerOption("1", LocalText.empty()));
            addOptionRow(new AnswerOption("2", LocalText.empty()));
        }
    }

    private String nextOptionCode() {
        Set<String> used = new HashSet<>();
        options.forEach(o -> used.add(o.code.getValue().strip()));
        return QuestionnaireBuilderView.suggestCode("", options.size(), used);
    }

    void addOptionRow(AnswerOption option) {
        OptionRow row = new OptionRow(option);
        options.add(row);
        renderOptions();
    }

    private void renderOptions() {
        optionRows.removeAll();
        for (int i = 0; i < options.size(); i++) {
            options.get(i).place(i);
            optionRows.add(options.get(i));
        }
        refreshCorrect();
    }

    private void refreshCorrect() {
        String chosen = correct.getValue();
        List<String> codes = options.stream().map(o -> o.code.getValue().strip()).filter(c -> !c.isEmpty())
                .distinct().toList();
        correct.setItems(codes);
        if (chosen != null && codes.contains(chosen)) {
            correct.setValue(chosen);
        }
    }

    /** Names for every point of a Likert scale, or for both ends of 0–10, in Korean and English. */
    private void fillScaleLabels() {
        QuestionType kind = type.getValue();
        if (!kind.isScale()) {
            return;
        }
        String scale = switch (kind) {
            case LIKERT_5 -> "likert5";
            case LIKERT_7 -> "likert7";
            default -> "scale10";
        };
        List<Integer> points = new ArrayList<>();
        if (kind == QuestionType.SCALE_0_10) {
            points.add(0);
            points.add(10);
        } else {
            for (int p = kind.scaleMin(); p <= kind.scaleMax(); p++) {
                points.add(p);
            }
        }
        options.clear();
        for (int p : points) {
            String key = "survey.scale." + scale + "." + p;
            addOptionRow(new AnswerOption(String.valueOf(p), LocalText.of(getTranslation(Locale.KOREAN, key),
                    getTranslation(Locale.ENGLISH, key))));
        }
    }

    /** One option: its code (what is stored and exported) and its label in both languages. */
    final class OptionRow extends HorizontalLayout {

        final TextField code = new TextField();
        final TextField labelKo = new TextField();
        final TextField labelEn = new TextField();
        final Button up;
        final Button down;
        final Button remove;

        OptionRow(AnswerOption option) {
            addClassName("gn-option-row");
            setAlignItems(FlexComponent.Alignment.BASELINE);
            setWrap(true);
            code.setValue(option.code());
            code.setMaxLength(30);
            code.setWidth("7rem");
            code.addValueChangeListener(e -> refreshCorrect());
            labelKo.setValue(option.label().ko());
            labelKo.setMaxLength(LONGEST_LABEL);
            labelEn.setValue(option.label().en());
            labelEn.setMaxLength(LONGEST_LABEL);
            up = small(VaadinIcon.ARROW_UP, () -> move(-1));
            down = small(VaadinIcon.ARROW_DOWN, () -> move(1));
            remove = small(VaadinIcon.CLOSE_SMALL, () -> {
                options.remove(this);
                renderOptions();
            });
            remove.addThemeVariants(ButtonVariant.ERROR);
            add(code, labelKo, labelEn, up, down, remove);
            expand(labelKo, labelEn);
        }

        private Button small(VaadinIcon icon, Runnable action) {
            Button button = new Button(icon.create(), e -> action.run());
            button.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.SMALL);
            return button;
        }

        /** Labels name the row by its position, so each field is named on its own for screen readers. */
        void place(int index) {
            int n = index + 1;
            code.setLabel(getTranslation("survey.builder.option-code", n));
            labelKo.setLabel(getTranslation("survey.builder.option-label-ko", n));
            labelEn.setLabel(getTranslation("survey.builder.option-label-en", n));
            code.setId("option-code-" + index);
            labelKo.setId("option-ko-" + index);
            labelEn.setId("option-en-" + index);
            up.setAriaLabel(getTranslation("survey.builder.option-up", n));
            up.setTooltipText(up.getAriaLabel().orElse(null));
            down.setAriaLabel(getTranslation("survey.builder.option-down", n));
            down.setTooltipText(down.getAriaLabel().orElse(null));
            remove.setAriaLabel(getTranslation("survey.builder.option-remove", n));
            remove.setTooltipText(remove.getAriaLabel().orElse(null));
            up.setEnabled(index > 0);
            down.setEnabled(index < options.size() - 1);
        }

        private void move(int by) {
            int from = options.indexOf(this);
            int to = from + by;
            if (to < 0 || to >= options.size()) {
                return;
            }
            options.add(to, options.remove(from));
            renderOptions();
        }

        AnswerOption option() {
            return new AnswerOption(code.getValue().strip(), LocalText.of(labelKo.getValue(), labelEn.getValue()));
        }
    }

    // --- the condition --------------------------------------------------------------------------------------

    private void conditionChanged() {
        boolean on = conditional.getValue();
        conditionQuestion.setVisible(on);
        conditionValues.setVisible(on);
        conditionQuestion.setRequiredIndicatorVisible(on);
        if (on && conditionQuestion.getValue() == null && !conditionQuestion.getListDataView().getItems().toList()
                .isEmpty()) {
            conditionQuestion.setValue(conditionQuestion.getListDataView().getItems().toList().getLast());
        }
    }

    /** The values the chosen question can take: its option codes, or its scale points. */
    private void conditionTargetChanged(List<String> keep) {
        Question target = conditionQuestion.getValue();
        if (target == null) {
            conditionValues.setItems(List.of());
            return;
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (target.type().isScale()) {
            for (int p = target.type().scaleMin(); p <= target.type().scaleMax(); p++) {
                String point = String.valueOf(p);
                labels.put(point, target.option(point).map(o -> point + " · " + o.label().in(getLocale()))
                        .orElse(point));
            }
        } else {
            target.options().forEach(o -> labels.put(o.code(), o.label().in(getLocale()) + " (" + o.code() + ")"));
        }
        conditionValues.setItems(new ArrayList<>(labels.keySet()));
        conditionValues.setItemLabelGenerator(labels::get);
        conditionValues.setValue(new HashSet<>(keep.stream().filter(labels::containsKey).toList()));
    }

    // --- reading and checking -------------------------------------------------------------------------------

    /** The question as the form stands; parts the kind does not use are left out. */
    Question question() {
        QuestionType kind = type.getValue();
        List<AnswerOption> list = kind.usesOptions() || kind.isScale()
                ? options.stream().map(OptionRow::option).toList() : List.of();
        Condition showIf = null;
        if (conditional.getValue()) {
            Question target = conditionQuestion.getValue();
            // In the order the target lists them, so the file reads naturally.
            List<String> values = conditionValues.getListDataView().getItems()
                    .filter(conditionValues.getValue()::contains).toList();
            showIf = new Condition(target == null ? "" : target.code(), values);
        }
        return new Question(code.getValue().strip(), kind, LocalText.of(textKo.getValue(), textEn.getValue()),
                LocalText.of(helpKo.getValue(), helpEn.getValue()), required.getValue(), tracked.getValue(), list,
                kind == QuestionType.NUMBER ? min.getValue() : null, kind == QuestionType.NUMBER ? max.getValue() : null,
                kind == QuestionType.TEXT ? maxLength.getValue() : null,
                kind == QuestionType.KNOWLEDGE ? correct.getValue() : null, showIf);
    }

    /** Shows each problem at its field (options' problems under the options); true if there were any. */
    boolean showProblems(List<ValidationException.FieldProblem> problems) {
        List<HasValidation> fields = List.of(code, type, textKo, correct, min, maxLength, conditionValues);
        fields.forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        optionProblems.removeAll();
        optionProblems.setVisible(false);
        otherProblems.removeAll();
        otherProblems.setVisible(false);
        UnorderedList optionList = new UnorderedList();
        UnorderedList otherList = new UnorderedList();
        for (ValidationException.FieldProblem p : problems) {
            String text = Messages.of(this, p);
            HasValidation field = switch (p.messageKey()) {
                case "survey.builder.bad-code", "survey.builder.duplicate-question" -> code;
                case "survey.builder.type-required" -> type;
                case "survey.builder.text-required" -> textKo;
                case "survey.builder.correct-required" -> correct;
                case "survey.builder.min-above-max" -> min;
                case "survey.builder.max-length" -> maxLength;
                case "survey.builder.condition-earlier", "survey.builder.condition-values",
                     "survey.builder.condition-unknown-value" -> conditionValues;
                default -> null;
            };
            boolean aboutOptions = p.messageKey().contains("option") || p.messageKey().equals("survey.builder.scale-label");
            if (field != null) {
                String before = field.getErrorMessage();
                field.setErrorMessage(before == null || before.isEmpty() ? text : before + " " + text);
                field.setInvalid(true);
            } else if (aboutOptions) {
                optionList.add(new ListItem(text));
                optionProblems.setVisible(true);
            } else {
                otherList.add(new ListItem(text));
                otherProblems.setVisible(true);
            }
        }
        if (optionProblems.isVisible()) {
            optionProblems.add(optionList);
        }
        if (otherProblems.isVisible()) {
            otherProblems.add(otherList);
        }
        return !problems.isEmpty();
    }
}
