package org.gongnon.recommendation.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.gongnon.algorithms.stats.SupportShare;
import org.gongnon.algorithms.stats.SupportThresholds;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.Confirm;
import org.gongnon.base.ui.FieldErrors;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.ShareText;
import org.gongnon.recommendation.ItemForm;
import org.gongnon.recommendation.ItemOption;
import org.gongnon.recommendation.ItemResult;
import org.gongnon.recommendation.ItemSaved;
import org.gongnon.recommendation.ItemVersion;
import org.gongnon.recommendation.MinorityOpinionForm;
import org.gongnon.recommendation.RecommendationItem;
import org.gongnon.recommendation.RecommendationResults;
import org.gongnon.recommendation.RecommendationService;
import org.gongnon.recommendation.RuleKind;
import org.gongnon.recommendation.SupportRule;
import org.gongnon.security.Roles;
import org.gongnon.survey.WaveQuestion;

/**
 * A process's recommendation items (권고안): the thresholds, each item with the panel's support (share, 95 %
 * interval, status), its options, its support per stratum and its minority opinions; and for those who may edit,
 * the item editor (every save is a new version), its history, ordering, deleting and minority opinions.
 */
@Route("processes/:processId/recommendations")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR, Roles.OFFICIAL})
public class RecommendationsView extends RecommendationPage {

    private final transient RecommendationService service;
    private final transient Clock clock;
    boolean canEdit;
    RecommendationResults results;
    List<RecommendationItem> items = List.of();
    final NumberField adopt = new NumberField();
    final NumberField reservations = new NumberField();
    final Button saveThresholds = new Button();
    private final FieldErrors thresholdErrors = new FieldErrors();
    final Div list = new Div();
    final Div empty = new Div();
    Button newItem;

    public RecommendationsView(RecommendationService service, Clock clock) {
        super(ITEMS);
        this.service = service;
        this.clock = clock;
        list.setId("items");
        list.setWidthFull();
        empty.setId("items-empty");
    }

    @Override
    protected String titleKey() {
        return "recommendation.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        canEdit = service.canEdit(processId);
        newItem = null;
        body.add(thresholdsCard());
        if (canEdit) {
            newItem = new Button(getTranslation("recommendation.item.new"), VaadinIcon.PLUS.create(),
                    e -> new ItemDialog(null).open());
            newItem.setId("new-item");
            newItem.addThemeVariants(ButtonVariant.PRIMARY);
            body.add(newItem);
        } else {
            Paragraph readOnly = new Paragraph(getTranslation("recommendation.read-only"));
            readOnly.addClassName("gn-hint");
            readOnly.setId("items-read-only");
            body.add(readOnly);
        }
        body.add(empty, list);
        refresh();
    }

    // --- thresholds -----------------------------------------------------------------------------------------

    private Div thresholdsCard() {
        Div card = new Div();
        card.addClassName("gn-card");
        card.setId("thresholds");
        card.add(new H3(getTranslation("recommendation.thresholds.title")));
        SupportThresholds t = service.thresholds(processId);
        adopt.setLabel(getTranslation("recommendation.thresholds.adopt"));
        reservations.setLabel(getTranslation("recommendation.thresholds.reservations"));
        adopt.setHelperText(getTranslation("recommendation.thresholds.adopt-help"));
        reservations.setHelperText(getTranslation("recommendation.thresholds.reservations-help"));
        for (NumberField field : List.of(adopt, reservations)) {
            field.setSuffixComponent(new Span("%"));
            field.setStep(0.01);
            field.setReadOnly(!canEdit);
        }
        adopt.setId("thresholds-adopt");
        reservations.setId("thresholds-reservations");
        adopt.setValue(percent(t.adopt()));
        reservations.setValue(percent(t.reservations()));
        thresholdErrors.bind("adopt", adopt).bind("reservations", reservations);
        HorizontalLayout row = new HorizontalLayout(adopt, reservations);
        row.setWrap(true);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        if (canEdit) {
            saveThresholds.setText(getTranslation("recommendation.thresholds.save"));
            saveThresholds.setId("save-thresholds");
            saveThresholds.addClickListener(e -> saveThresholds());
            row.add(saveThresholds);
        }
        card.add(row);
        return card;
    }

    /** 2/3 shows as 66.67: rounded to what the field shows, and the service reads 66.67 back as two thirds. */
    private static double percent(double fraction) {
        return Math.round(fraction * 10000) / 100.0;
    }

    void saveThresholds() {
        thresholdErrors.clear();
        try {
            service.saveThresholds(processId, adopt.getValue(), reservations.getValue());
            Notifications.success(getTranslation("recommendation.thresholds.saved"));
            refresh();
        } catch (ValidationException ex) {
            String rest = thresholdErrors.show(this, ex);
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        } catch (UserFacingException ex) {
            Notifications.error(Messages.of(this, ex));
        }
    }

    // --- the list -------------------------------------------------------------------------------------------

    void refresh() {
        results = service.results(processId);
        items = service.items(processId);
        list.removeAll();
        empty.removeAll();
        empty.setVisible(results.items().isEmpty());
        if (results.items().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("recommendation.empty"));
            none.addClassName("gn-empty");
            empty.add(none);
            return;
        }
        int missing = (int) results.items().stream().filter(RecommendationsView::missingOpinion).count();
        if (missing > 0) {
            Paragraph warning = new Paragraph(getTranslation("recommendation.minority.missing-count", missing));
            warning.addClassName("gn-warning");
            warning.setId("missing-opinions");
            warning.getElement().setAttribute("role", "status");
            list.add(warning);
        }
        for (ItemResult item : results.items()) {
            list.add(card(item));
        }
    }

    /** Short of adoption with votes cast, and nobody has written down what the others hold. */
    static boolean missingOpinion(ItemResult item) {
        return item.needsMinorityOpinion() && item.support().voters() > 0;
    }

    RecommendationItem editable(long itemId) {
        return items.stream().filter(i -> i.itemId() == itemId).findFirst().orElseThrow();
    }

    private Div card(ItemResult item) {
        Div card = new Div();
        card.addClassNames("gn-card", "gn-recommendation-card");
        card.setId("item-" + item.itemId());
        card.getElement().setAttribute("role", "region");
        H3 heading = new H3(getTranslation("recommendation.item.heading", item.number(), item.title()));
        heading.setId("item-heading-" + item.itemId());
        card.getElement().setAttribute("aria-labelledby", heading.getId().orElseThrow());
        HorizontalLayout head = new HorizontalLayout(heading, statusBadge(item));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);
        card.add(head);

        Paragraph support = new Paragraph(supportText(item));
        support.setId("support-" + item.itemId());
        card.add(support);
        if (missingOpinion(item)) {
            Paragraph warning = new Paragraph(getTranslation("recommendation.minority.missing"));
            warning.addClassName("gn-warning");
            warning.setId("missing-opinion-" + item.itemId());
            card.add(warning);
        }
        Paragraph text = new Paragraph(item.text());
        text.addClassName("gn-description");
        card.add(text);
        if (item.rationale() != null && !item.rationale().isBlank()) {
            Paragraph rationale = new Paragraph(getTranslation("recommendation.item.rationale-value",
                    item.rationale()));
            rationale.addClassName("gn-hint");
            card.add(rationale);
        }
        if (!item.options().isEmpty()) {
            card.add(optionsGrid(item));
        }
        card.add(opinions(item));
        if (!item.byStratum().isEmpty()) {
            card.add(strata(item));
        }
        Paragraph changed = new Paragraph(getTranslation("recommendation.item.changed", item.version(),
                time(item.lastChangedAt()), item.lastChangedBy()));
        changed.addClassName("gn-hint");
        card.add(changed, actions(item));
        return card;
    }

    private Span statusBadge(ItemResult item) {
        String key;
        if (item.support() == null) {
            key = "no_vote";
        } else if (item.support().voters() == 0) {
            key = "no_votes_yet";
        } else {
            key = item.status().name().toLowerCase(Locale.ROOT);
        }
        Span badge = new Span(getTranslation("recommendation.status." + key));
        badge.addClassNames("gn-status-badge", "gn-recommendation-" + key.replace('_', '-'));
        badge.setId("status-" + item.itemId());
        return badge;
    }

    String supportText(ItemResult item) {
        SupportShare s = item.support();
        if (s == null) {
            return getTranslation("recommendation.support.no-vote");
        }
        if (s.voters() == 0) {
            return getTranslation("recommendation.support.no-votes-yet", item.voteSource());
        }
        return getTranslation("recommendation.support.value", ShareText.percent(getLocale(), s.share()),
                ShareText.percent(getLocale(), s.ciLow()), ShareText.percent(getLocale(), s.ciHigh()),
                s.supporters(), s.voters(), item.voteSource());
    }

    private Grid<ItemResult.OptionResult> optionsGrid(ItemResult item) {
        Grid<ItemResult.OptionResult> grid = new Grid<>();
        grid.addColumn(ItemResult.OptionResult::label).setHeader(getTranslation("recommendation.option.label"))
                .setFlexGrow(1);
        grid.addColumn(o -> getTranslation("recommendation.count-of", o.chosenBy(), o.voters()))
                .setHeader(getTranslation("recommendation.option.chosen")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> ShareText.percent(getLocale(), o.share()))
                .setHeader(getTranslation("recommendation.share")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(o -> interval(o.ciLow(), o.ciHigh())).setHeader(getTranslation("recommendation.ci"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.setItems(item.options());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAriaLabel(getTranslation("recommendation.option.grid", item.number()));
        grid.setId("options-" + item.itemId());
        return grid;
    }

    private Details strata(ItemResult item) {
        Grid<ItemResult.StratumSupport> grid = new Grid<>();
        grid.addColumn(ItemResult.StratumSupport::feature).setHeader(getTranslation("recommendation.stratum.feature"))
                .setAutoWidth(true);
        grid.addColumn(ItemResult.StratumSupport::value).setHeader(getTranslation("recommendation.stratum.value"))
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation("recommendation.count-of", r.supporters(), r.voters()))
                .setHeader(getTranslation("recommendation.stratum.supporters")).setAutoWidth(true);
        grid.addColumn(r -> ShareText.percent(getLocale(), r.share())).setHeader(getTranslation("recommendation.share"))
                .setAutoWidth(true);
        grid.addColumn(r -> interval(r.ciLow(), r.ciHigh())).setHeader(getTranslation("recommendation.ci"))
                .setAutoWidth(true);
        grid.setItems(item.byStratum());
        grid.setAllRowsVisible(true);
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
        grid.setAriaLabel(getTranslation("recommendation.stratum.grid", item.number()));
        grid.setId("strata-" + item.itemId());
        Details details = new Details(getTranslation("recommendation.stratum.title"), grid);
        details.setId("strata-details-" + item.itemId());
        details.setWidthFull();
        return details;
    }

    private String interval(double low, double high) {
        if (Double.isNaN(low)) {
            return ShareText.NONE;
        }
        return ShareText.percent(getLocale(), low) + " – " + ShareText.percent(getLocale(), high);
    }

    private Div opinions(ItemResult item) {
        Div box = new Div();
        box.addClassName("gn-minority-opinions");
        box.setId("opinions-" + item.itemId());
        box.add(new H4(getTranslation("recommendation.minority.title")));
        if (item.minorityOpinions().isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("recommendation.minority.none"));
            none.addClassName("gn-hint");
            box.add(none);
        }
        UnorderedList opinions = new UnorderedList();
        for (ItemResult.MinorityOpinion o : item.minorityOpinions()) {
            ListItem li = new ListItem();
            li.setId("opinion-" + o.id());
            li.add(new Paragraph(getTranslation("recommendation.minority.position-value", o.position(), o.holders())));
            li.add(new Paragraph(getTranslation("recommendation.minority.reasons-value", o.reasons())));
            Paragraph by = new Paragraph(getTranslation("recommendation.minority.recorded", o.recordedBy(),
                    time(o.recordedAt())));
            by.addClassName("gn-hint");
            li.add(by);
            if (canEdit) {
                Button edit = new Button(getTranslation("action.edit"), e -> new OpinionDialog(item, o).open());
                edit.setId("edit-opinion-" + o.id());
                edit.addThemeVariants(ButtonVariant.TERTIARY);
                Button delete = new Button(getTranslation("recommendation.minority.delete"),
                        e -> confirmDeleteOpinion(o));
                delete.setId("delete-opinion-" + o.id());
                delete.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
                li.add(new HorizontalLayout(edit, delete));
            }
            opinions.add(li);
        }
        box.add(opinions);
        return box;
    }

    private HorizontalLayout actions(ItemResult item) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        long id = item.itemId();
        if (canEdit) {
            Button edit = new Button(getTranslation("recommendation.item.edit"), VaadinIcon.EDIT.create(),
                    e -> new ItemDialog(editable(id)).open());
            edit.setId("edit-item-" + id);
            Button opinion = new Button(getTranslation("recommendation.minority.add"), VaadinIcon.COMMENT.create(),
                    e -> new OpinionDialog(item, null).open());
            opinion.setId("add-opinion-" + id);
            Button up = new Button(VaadinIcon.ARROW_UP.create(), e -> move(id, true));
            up.setId("up-item-" + id);
            up.setAriaLabel(getTranslation("recommendation.item.up", item.number()));
            up.setEnabled(item.number() > 1);
            Button down = new Button(VaadinIcon.ARROW_DOWN.create(), e -> move(id, false));
            down.setId("down-item-" + id);
            down.setAriaLabel(getTranslation("recommendation.item.down", item.number()));
            down.setEnabled(item.number() < results.items().size());
            actions.add(edit, opinion, up, down);
        }
        Button history = new Button(getTranslation("recommendation.history.open"), VaadinIcon.TIME_BACKWARD.create(),
                e -> new HistoryDialog(item).open());
        history.setId("history-item-" + id);
        actions.add(history);
        if (canEdit) {
            Button delete = new Button(getTranslation("recommendation.item.delete"), VaadinIcon.TRASH.create(),
                    e -> confirmDelete(item));
            delete.setId("delete-item-" + id);
            delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            actions.add(delete);
        }
        return actions;
    }

    private void move(long itemId, boolean up) {
        act(() -> service.move(itemId, up), null);
    }

    private void confirmDelete(ItemResult item) {
        Confirm.destructive(this, "recommendation.item.delete-title",
                getTranslation("recommendation.item.delete-text", item.number(), item.title()),
                "recommendation.item.delete", () -> act(() -> service.delete(item.itemId()),
                        "recommendation.item.deleted"));
    }

    private void confirmDeleteOpinion(ItemResult.MinorityOpinion opinion) {
        Confirm.destructive(this, "recommendation.minority.delete-title",
                getTranslation("recommendation.minority.delete-text", opinion.position()),
                "recommendation.minority.delete", () -> act(() -> service.deleteMinorityOpinion(opinion.id()),
                        "recommendation.minority.deleted"));
    }

    private void act(Runnable change, String doneKey) {
        try {
            change.run();
            if (doneKey != null) {
                Notifications.success(getTranslation(doneKey));
            }
        } catch (UserFacingException ex) {
            Notifications.error(Messages.of(this, ex));
        }
        refresh();
    }

    private String time(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone())
                .format(instant);
    }

    // --- dialogs --------------------------------------------------------------------------------------------

    /** Shows a refusal: problems at their fields, anything else (e.g. someone saved first) above the fields. */
    private static void showProblems(Component where, FieldErrors errors, Div conflict, UserFacingException ex) {
        String rest = ex instanceof ValidationException v ? errors.show(where, v) : Messages.of(where, ex);
        conflict.removeAll();
        conflict.setVisible(!rest.isEmpty());
        if (!rest.isEmpty()) {
            conflict.add(new Paragraph(rest));
        }
    }

    private static Div conflictBox(String id) {
        Div conflict = new Div();
        conflict.addClassName("gn-error-box");
        conflict.setId(id);
        conflict.getElement().setAttribute("role", "alert");
        conflict.setVisible(false);
        return conflict;
    }

    /** A new item, or a new version of one: text, options, and the vote it is decided by. */
    final class ItemDialog extends Dialog {

        final TextField title = new TextField();
        final TextArea text = new TextArea();
        final TextArea rationale = new TextArea();
        final Select<WaveQuestion> vote = new Select<>();
        final IntegerField ruleMin = new IntegerField();
        final CheckboxGroup<String> ruleOptions = new CheckboxGroup<>();
        final Div options = new Div();
        final List<OptionRow> optionRows = new ArrayList<>();
        final Button addOption = new Button();
        final TextField changeNote = new TextField();
        final Div conflict = conflictBox("item-conflict");
        final Button save = new Button();
        private final RecommendationItem item;
        private final FieldErrors errors = new FieldErrors();

        ItemDialog(RecommendationItem item) {
            this.item = item;
            setHeaderTitle(item == null ? getTranslation("recommendation.item.new")
                    : getTranslation("recommendation.item.edit-title", item.number()));
            setWidth("min(48rem, 95vw)");
            title.setLabel(getTranslation("recommendation.item.title"));
            title.setRequiredIndicatorVisible(true);
            title.setMaxLength(200);
            text.setLabel(getTranslation("recommendation.item.text"));
            text.setRequiredIndicatorVisible(true);
            text.setMaxLength(5000);
            rationale.setLabel(getTranslation("recommendation.item.rationale"));
            rationale.setMaxLength(5000);
            List<WaveQuestion> questions = service.voteQuestions(processId);
            vote.setLabel(getTranslation("recommendation.vote.question"));
            vote.setItems(questions);
            vote.setEmptySelectionAllowed(true);
            vote.setEmptySelectionCaption(getTranslation("recommendation.vote.none"));
            vote.setItemLabelGenerator(q -> q == null ? getTranslation("recommendation.vote.none")
                    : getTranslation("recommendation.vote.option", q.waveNumber(), q.waveTitle().in(getLocale()),
                    q.code(), q.text().in(getLocale())));
            vote.setHelperText(getTranslation("recommendation.vote.help"));
            ruleMin.setLabel(getTranslation("recommendation.rule.min"));
            ruleMin.setStepButtonsVisible(true);
            ruleOptions.setLabel(getTranslation("recommendation.rule.options"));
            options.addClassName("gn-item-options");
            addOption.setText(getTranslation("recommendation.option.add"));
            addOption.setIcon(VaadinIcon.PLUS.create());
            addOption.addClickListener(e -> addOptionRow(new ItemOption("", null)));
            changeNote.setLabel(getTranslation("recommendation.item.change-note"));
            changeNote.setMaxLength(500);
            changeNote.setVisible(item != null);
            for (var field : List.of(title, text, rationale, changeNote)) {
                field.setWidthFull();
            }
            vote.setWidthFull();
            vote.addValueChangeListener(e -> voteChanged());

            voteChanged();
            if (item != null) {
                title.setValue(item.title());
                text.setValue(item.text());
                rationale.setValue(Objects.requireNonNullElse(item.rationale(), ""));
                questions.stream().filter(q -> Objects.equals(q.waveId(), item.voteWaveId())
                        && q.code().equals(item.voteQuestionCode())).findFirst().ifPresent(vote::setValue);
                SupportRule rule = item.rule();
                if (rule != null && rule.kind() == RuleKind.SCALE_AT_LEAST) {
                    ruleMin.setValue(rule.min());
                } else if (rule != null) {
                    ruleOptions.setValue(new java.util.LinkedHashSet<>(rule.optionCodes()));
                }
                item.options().forEach(this::addOptionRow);
            }
            errors.bind("title", title).bind("text", text).bind("rationale", rationale).bind("voteWave", vote)
                    .bind("voteQuestion", vote).bind("rule", vote).bind("ruleMin", ruleMin)
                    .bind("ruleOptions", ruleOptions).bind("changeNote", changeNote);
            Div optionsBox = new Div(new H4(getTranslation("recommendation.option.title")), options, addOption);
            optionsBox.setId("item-options");
            Div fields = new Div(conflict, title, text, rationale, vote, ruleMin, ruleOptions, optionsBox,
                    changeNote);
            fields.addClassName("gn-dialog-fields");
            add(fields);
            save.setText(getTranslation("action.save"));
            save.setId("save-item");
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> save());
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        }

        private void voteChanged() {
            WaveQuestion q = vote.getValue();
            boolean linked = q != null;
            boolean scale = linked && q.type().isScale();
            ruleMin.setVisible(scale);
            ruleOptions.setVisible(linked && !scale);
            if (scale) {
                ruleMin.setMin(q.type().scaleMin());
                ruleMin.setMax(q.type().scaleMax());
                ruleMin.setHelperText(getTranslation("recommendation.rule.min-help", q.type().scaleMin(),
                        q.type().scaleMax()));
            } else if (linked) {
                ruleOptions.setItems(q.answerCodes());
                ruleOptions.setItemLabelGenerator(code -> answerLabel(q, code));
            }
            optionRows.forEach(r -> r.setQuestion(linked ? q : null));
        }

        private String answerLabel(WaveQuestion q, String code) {
            return q.options().stream().filter(o -> o.code().equals(code)).findFirst()
                    .map(o -> o.label().in(getLocale()) + " (" + code + ")").orElse(code);
        }

        void addOptionRow(ItemOption option) {
            OptionRow row = new OptionRow(option);
            WaveQuestion q = vote.getValue();
            row.setQuestion(q);
            if (option.answerCode() != null) {
                row.code.setValue(option.answerCode());
            }
            optionRows.add(row);
            options.add(row);
        }

        ItemForm form() {
            WaveQuestion q = vote.getValue();
            boolean linked = q != null;
            SupportRule rule = null;
            if (linked) {
                rule = q.type().isScale() ? new SupportRule(RuleKind.SCALE_AT_LEAST, ruleMin.getValue(), List.of())
                        : new SupportRule(RuleKind.OPTIONS, null, q.answerCodes().stream()
                        .filter(ruleOptions.getValue()::contains).toList());
            }
            List<ItemOption> chosen = optionRows.stream()
                    .map(r -> new ItemOption(r.label.getValue(), r.code.isVisible() ? r.code.getValue() : null))
                    .toList();
            return new ItemForm(processId, item == null ? null : item.itemId(), item == null ? null : item.version(),
                    title.getValue(), text.getValue(), rationale.getValue(), chosen, linked ? q.waveId() : null,
                    linked ? q.code() : null, rule, changeNote.getValue());
        }

        void save() {
            errors.clear();
            optionRows.forEach(r -> r.label.setInvalid(false));
            conflict.setVisible(false);
            try {
                ItemSaved saved = service.save(form());
                close();
                Notifications.success(getTranslation(saved.changed() ? "recommendation.item.saved"
                        : "recommendation.item.unchanged", saved.version()));
                refresh();
            } catch (ValidationException ex) {
                // Option problems name the option's number; they are shown above the fields.
                showProblems(this, errors, conflict, ex);
            } catch (UserFacingException ex) {
                showProblems(this, errors, conflict, ex);
            }
        }

        /** One option: its label, and the vote's answer that counts as choosing it. */
        final class OptionRow extends HorizontalLayout {

            final TextField label = new TextField();
            final Select<String> code = new Select<>();

            OptionRow(ItemOption option) {
                label.setLabel(getTranslation("recommendation.option.label"));
                label.setValue(option.label());
                label.setMaxLength(200);
                code.setLabel(getTranslation("recommendation.option.code"));
                code.setEmptySelectionAllowed(true);
                code.setEmptySelectionCaption(getTranslation("recommendation.option.no-code"));
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    optionRows.remove(this);
                    options.remove(this);
                });
                remove.setAriaLabel(getTranslation("recommendation.option.remove"));
                remove.addThemeVariants(ButtonVariant.TERTIARY);
                add(label, code, remove);
                setAlignItems(FlexComponent.Alignment.BASELINE);
                setWrap(true);
            }

            void setQuestion(WaveQuestion q) {
                String before = code.getValue();
                code.setVisible(q != null);
                if (q != null) {
                    code.setItems(q.answerCodes());
                    code.setItemLabelGenerator(c -> c == null ? "" : answerLabel(q, c));
                    if (before != null && q.answerCodes().contains(before)) {
                        code.setValue(before);
                    }
                }
            }
        }
    }

    /** Every version of an item, newest first: who, when, why, and what it said. */
    final class HistoryDialog extends Dialog {

        final List<ItemVersion> versions;

        HistoryDialog(ItemResult item) {
            setHeaderTitle(getTranslation("recommendation.history.title", item.number()));
            setWidth("min(48rem, 95vw)");
            versions = service.history(item.itemId());
            Div entries = new Div();
            entries.setId("history-entries");
            for (ItemVersion v : versions.reversed()) {
                Div entry = new Div();
                entry.addClassName("gn-history-entry");
                entry.setId("version-" + v.version());
                entry.add(new H4(getTranslation("recommendation.history.version", v.version(), time(v.createdAt()),
                        v.author())));
                if (v.changeNote() != null) {
                    entry.add(new Paragraph(getTranslation("recommendation.history.note", v.changeNote())));
                }
                entry.add(new Paragraph(v.title()), new Paragraph(v.text()));
                entries.add(entry);
            }
            add(entries);
            Button close = new Button(getTranslation("action.close"), e -> close());
            getFooter().add(close);
        }
    }

    /** Records or corrects a minority opinion: what they hold, why, and how many (prefilled from the vote). */
    final class OpinionDialog extends Dialog {

        final TextArea position = new TextArea();
        final TextArea reasons = new TextArea();
        final IntegerField holders = new IntegerField();
        final Div conflict = conflictBox("opinion-conflict");
        final Button save = new Button();
        private final ItemResult item;
        private final ItemResult.MinorityOpinion opinion;
        private final FieldErrors errors = new FieldErrors();

        OpinionDialog(ItemResult item, ItemResult.MinorityOpinion opinion) {
            this.item = item;
            this.opinion = opinion;
            setHeaderTitle(getTranslation("recommendation.minority.dialog-title", item.number(), item.title()));
            setWidth("min(40rem, 95vw)");
            position.setLabel(getTranslation("recommendation.minority.position"));
            position.setRequiredIndicatorVisible(true);
            reasons.setLabel(getTranslation("recommendation.minority.reasons"));
            reasons.setRequiredIndicatorVisible(true);
            holders.setLabel(getTranslation("recommendation.minority.holders"));
            holders.setMin(0);
            holders.setStepButtonsVisible(true);
            Optional<SupportShare> support = Optional.ofNullable(item.support());
            support.ifPresent(s -> holders.setHelperText(getTranslation("recommendation.minority.holders-help",
                    s.voters() - s.supporters(), s.voters())));
            for (var field : List.of(position, reasons)) {
                field.setWidthFull();
                field.setMaxLength(5000);
            }
            if (opinion != null) {
                position.setValue(opinion.position());
                reasons.setValue(opinion.reasons());
                holders.setValue(opinion.holders());
            } else {
                Integer suggested = service.suggestedHolders(item.itemId());
                if (suggested != null) {
                    holders.setValue(suggested);
                }
            }
            errors.bind("position", position).bind("reasons", reasons).bind("holders", holders);
            add(new Div(conflict, position, reasons, holders));
            save.setText(getTranslation("action.save"));
            save.setId("save-opinion");
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> save());
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
        }

        void save() {
            errors.clear();
            conflict.setVisible(false);
            try {
                service.saveMinorityOpinion(item.itemId(), new MinorityOpinionForm(opinion == null ? null
                        : opinion.id(), position.getValue(), reasons.getValue(), holders.getValue()));
                close();
                Notifications.success(getTranslation("recommendation.minority.saved"));
                refresh();
            } catch (UserFacingException ex) {
                showProblems(this, errors, conflict, ex);
            }
        }
    }
}
