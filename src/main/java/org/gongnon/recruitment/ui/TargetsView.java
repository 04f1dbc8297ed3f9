package org.gongnon.recruitment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.Confirm;
import org.gongnon.base.ui.FieldErrors;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.recruitment.FeatureDerivation;
import org.gongnon.recruitment.FeatureTarget;
import org.gongnon.recruitment.QuotaRow;
import org.gongnon.recruitment.RecruitmentTargets;
import org.gongnon.recruitment.SeoulDefaults;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.recruitment.ToleranceMode;
import org.gongnon.recruitment.ValueTarget;
import org.gongnon.security.Roles;

/**
 * Targets and quotas: panel size, tolerance, reserves, the features with their population shares (edited
 * in place, or imported from a CSV), and the quota table the app computes, which facilitators may adjust.
 */
@Route("processes/:processId/recruitment/targets")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class TargetsView extends RecruitmentPage {

    private final transient TargetsService targets;

    final IntegerField panelSize = new IntegerField();
    final RadioButtonGroup<ToleranceMode> toleranceMode = new RadioButtonGroup<>();
    final NumberField tolerance = new NumberField();
    final IntegerField reserveCount = new IntegerField();
    final TextField sharesSource = new TextField();
    final Div featureEditors = new Div();
    final Grid<QuotaRow> quotaGrid = new Grid<>();
    private final List<FeatureEditor> editors = new ArrayList<>();
    private final FieldErrors errors = new FieldErrors();

    public TargetsView(TargetsService targets) {
        super("targets");
        this.targets = targets;
    }

    @Override
    protected String titleKey() {
        return "recruitment.targets.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        Optional<RecruitmentTargets> saved = targets.targets(processId);
        if (saved.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("recruitment.targets.empty"));
            empty.addClassName("gn-empty");
            Button seoul = new Button(getTranslation("recruitment.targets.use-seoul"), VaadinIcon.MAGIC.create(),
                    e -> load(targets.seoulDefaults(getTranslation(SeoulDefaults.SHARES_NOTE_KEY))));
            seoul.setId("use-seoul-defaults");
            seoul.addThemeVariants(ButtonVariant.PRIMARY);
            Button blank = new Button(getTranslation("recruitment.targets.start-blank"),
                    e -> load(new RecruitmentTargets(300, ToleranceMode.SEATS, 2, 60, null, List.of())));
            body.add(empty, new HorizontalLayout(seoul, blank));
            return;
        }
        load(saved.get());
    }

    /** Shows an editable copy of the targets; nothing is stored until Save. */
    void load(RecruitmentTargets t) {
        body.removeAll();
        panelSize.setLabel(getTranslation("recruitment.targets.panel-size"));
        panelSize.setMin(1);
        panelSize.setStepButtonsVisible(true);
        panelSize.setValue(t.panelSize());
        toleranceMode.setLabel(getTranslation("recruitment.targets.tolerance-mode"));
        toleranceMode.setItems(ToleranceMode.values());
        toleranceMode.setItemLabelGenerator(m -> getTranslation("recruitment.tolerance." + m.name().toLowerCase(Locale.ROOT)));
        toleranceMode.setValue(t.toleranceMode());
        tolerance.setLabel(getTranslation("recruitment.targets.tolerance"));
        tolerance.setMin(0);
        tolerance.setValue(t.tolerance());
        reserveCount.setLabel(getTranslation("recruitment.targets.reserves"));
        reserveCount.setMin(0);
        reserveCount.setValue(t.reserveCount());
        sharesSource.setLabel(getTranslation("recruitment.targets.source"));
        sharesSource.setValue(t.sharesSource() == null ? "" : t.sharesSource());
        sharesSource.setWidthFull();
        sharesSource.setMaxLength(500);
        errors.clear();
        errors.bind("panelSize", panelSize).bind("toleranceMode", toleranceMode).bind("tolerance", tolerance)
                .bind("reserveCount", reserveCount).bind("sharesSource", sharesSource);
        FlexLayout settings = new FlexLayout(panelSize, toleranceMode, tolerance, reserveCount);
        settings.addClassName("gn-form-row");
        body.add(settings, sharesSource);

        editors.clear();
        featureEditors.removeAll();
        t.features().forEach(this::addEditor);
        Button addFeature = new Button(getTranslation("recruitment.targets.add-feature"), VaadinIcon.PLUS.create(),
                e -> addEditor(new FeatureTarget(getTranslation("recruitment.targets.new-feature") + " "
                        + (editors.size() + 1), FeatureDerivation.COLUMN,
                        List.of(new ValueTarget("A", 0.5, null, null), new ValueTarget("B", 0.5, null, null)))));
        addFeature.setId("add-feature");
        // 사전의견 (prior opinion on the issue) from the poll answer; its shares are the poll's own result,
        // which can be filled in from the pool once it is imported.
        Button addOpinion = new Button(getTranslation("recruitment.targets.add-opinion"), VaadinIcon.COMMENTS_O.create(),
                e -> {
                    if (editors.stream().noneMatch(ed -> ed.name.getValue().equals(SeoulDefaults.PRIOR_OPINION))) {
                        addEditor(new FeatureTarget(SeoulDefaults.PRIOR_OPINION, FeatureDerivation.COLUMN,
                                SeoulDefaults.priorOpinion().values().stream()
                                        .map(v -> new ValueTarget(v, 1.0 / 3, null, null)).toList()));
                    }
                });
        addOpinion.setId("add-opinion");
        body.add(new H3(getTranslation("recruitment.targets.features")), featureEditors,
                new HorizontalLayout(addFeature, addOpinion, sharesUpload()));

        Button save = new Button(getTranslation("action.save"), VaadinIcon.CHECK.create(), e -> save());
        save.setId("save-targets");
        save.addThemeVariants(ButtonVariant.PRIMARY);
        body.add(save);

        quotaGrid.removeAllColumns();
        quotaGrid.addColumn(QuotaRow::feature).setHeader(getTranslation("recruitment.quota.feature")).setAutoWidth(true);
        quotaGrid.addColumn(QuotaRow::value).setHeader(getTranslation("recruitment.quota.value")).setAutoWidth(true);
        quotaGrid.addColumn(r -> Formats.percent(getLocale(), r.populationShare()))
                .setHeader(getTranslation("recruitment.quota.share"));
        quotaGrid.addColumn(QuotaRow::seats).setHeader(getTranslation("recruitment.quota.seats"));
        quotaGrid.addColumn(r -> r.computedMin() + "–" + r.computedMax())
                .setHeader(getTranslation("recruitment.quota.computed"));
        quotaGrid.addColumn(r -> r.min() + "–" + r.max() + (r.adjusted() ? " *" : ""))
                .setHeader(getTranslation("recruitment.quota.in-force"));
        quotaGrid.addComponentColumn(r -> {
            Span count = new Span(String.valueOf(r.poolCount()));
            if (r.poolCount() < r.min()) {
                count.addClassName("gn-warning");
                count.setText(getTranslation("recruitment.quota.pool-short", r.poolCount(), r.min()));
            }
            return count;
        }).setHeader(getTranslation("recruitment.quota.pool"));
        quotaGrid.addThemeVariants(GridVariant.ROW_STRIPES);
        quotaGrid.setAllRowsVisible(true);
        quotaGrid.setItems(targets.quotaTable(processId));
        Paragraph note = new Paragraph(getTranslation("recruitment.quota.note"));
        note.addClassName("gn-hint");
        body.add(new H3(getTranslation("recruitment.quota.title")), note, quotaGrid);
    }

    private void addEditor(FeatureTarget feature) {
        FeatureEditor editor = new FeatureEditor(feature);
        editors.add(editor);
        featureEditors.add(editor);
    }

    private Upload sharesUpload() {
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> getUI().ifPresent(ui -> ui.access(() -> {
            try {
                RecruitmentTargets current = current();
                load(current.withFeatures(targets.importShares(current.features(), bytes)));
                Notifications.success(getTranslation("recruitment.targets.shares-imported"));
            } catch (UserFacingException ex) {
                Notifications.error(Messages.of(this, ex));
            }
        }))));
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(1024 * 1024);
        upload.setUploadButton(new Button(getTranslation("recruitment.targets.import-shares"), VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span(getTranslation("recruitment.targets.import-shares-hint")));
        return upload;
    }

    RecruitmentTargets current() {
        return new RecruitmentTargets(panelSize.getValue() == null ? 0 : panelSize.getValue(),
                toleranceMode.getValue(), tolerance.getValue() == null ? -1 : tolerance.getValue(),
                reserveCount.getValue() == null ? -1 : reserveCount.getValue(), sharesSource.getValue(),
                editors.stream().map(FeatureEditor::toTarget).toList());
    }

    void save() {
        try {
            RecruitmentTargets saved = targets.save(processId, current());
            load(saved);
            Notifications.success(getTranslation("recruitment.targets.saved"));
        } catch (ValidationException e) {
            String rest = errors.show(this, e);
            if (!rest.isEmpty()) {
                Notifications.error(rest);
            }
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
        }
    }

    /** One feature: its name, where its values come from, and each value's share and optional quota bounds. */
    final class FeatureEditor extends Div {

        final TextField name = new TextField();
        final Select<FeatureDerivation> derivation = new Select<>();
        private final List<ValueRow> rows = new ArrayList<>();
        private final Div valueRows = new Div();

        FeatureEditor(FeatureTarget feature) {
            addClassName("gn-card");
            name.setLabel(getTranslation("recruitment.targets.feature-name"));
            name.setValue(feature.feature());
            name.setMaxLength(50);
            derivation.setLabel(getTranslation("recruitment.targets.derivation"));
            derivation.setItems(FeatureDerivation.values());
            derivation.setItemLabelGenerator(d -> getTranslation("recruitment.derivation." + d.name().toLowerCase(Locale.ROOT)));
            derivation.setValue(feature.derivation());
            Button remove = new Button(getTranslation("recruitment.targets.remove-feature"), VaadinIcon.TRASH.create(),
                    e -> Confirm.destructive(TargetsView.this, "recruitment.targets.remove-feature",
                            getTranslation("recruitment.targets.remove-feature-confirm", name.getValue()),
                            "recruitment.targets.remove-feature", () -> {
                                editors.remove(this);
                                featureEditors.remove(this);
                            }));
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            Button fromPool = new Button(getTranslation("recruitment.targets.shares-from-pool"),
                    VaadinIcon.CHART.create(), e -> fillFromPool());
            fromPool.addThemeVariants(ButtonVariant.TERTIARY);
            fromPool.setTooltipText(getTranslation("recruitment.targets.shares-from-pool-help"));
            HorizontalLayout head = new HorizontalLayout(name, derivation, remove, fromPool);
            head.setAlignItems(Alignment.BASELINE);
            head.setWrap(true);
            Button addValue = new Button(getTranslation("recruitment.targets.add-value"), VaadinIcon.PLUS.create(),
                    e -> addRow(new ValueTarget("", 0, null, null)));
            addValue.addThemeVariants(ButtonVariant.TERTIARY);
            add(head, valueRows, addValue);
            feature.values().forEach(this::addRow);
        }

        private void addRow(ValueTarget value) {
            ValueRow row = new ValueRow(value);
            rows.add(row);
            valueRows.add(row);
        }

        /** Shares as in the imported pool: for 사전의견, the poll's own result. */
        void fillFromPool() {
            java.util.Map<String, Long> counts = new java.util.HashMap<>();
            targets.quotaTable(processId).stream().filter(r -> r.feature().equals(name.getValue().strip()))
                    .forEach(r -> counts.put(r.value(), r.poolCount()));
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            if (total == 0) {
                Notifications.error(getTranslation("recruitment.targets.no-pool-counts", name.getValue()));
                return;
            }
            for (ValueRow row : rows) {
                row.share.setValue(Math.round(counts.getOrDefault(row.value.getValue().strip(), 0L) * 100_000.0 / total)
                        / 1000.0);
            }
        }

        FeatureTarget toTarget() {
            return new FeatureTarget(name.getValue().strip(), derivation.getValue(),
                    rows.stream().map(ValueRow::toTarget).toList());
        }

        /** A value with its population share (in percent here) and optional adjusted quota bounds. */
        final class ValueRow extends HorizontalLayout {

            final TextField value = new TextField();
            final NumberField share = new NumberField();
            final IntegerField min = new IntegerField();
            final IntegerField max = new IntegerField();

            ValueRow(ValueTarget target) {
                value.setLabel(getTranslation("recruitment.quota.value"));
                value.setValue(target.value());
                value.setMaxLength(50);
                share.setLabel(getTranslation("recruitment.targets.share-percent"));
                share.setValue(Math.round(target.populationShare() * 100_000) / 1000.0);
                share.setMin(0);
                share.setMax(100);
                share.setSuffixComponent(new Span("%"));
                min.setLabel(getTranslation("recruitment.targets.quota-min"));
                min.setValue(target.quotaMin());
                min.setMin(0);
                min.setHelperText(getTranslation("recruitment.targets.quota-auto"));
                max.setLabel(getTranslation("recruitment.targets.quota-max"));
                max.setValue(target.quotaMax());
                max.setMin(0);
                Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> {
                    rows.remove(this);
                    valueRows.remove(this);
                });
                remove.setAriaLabel(getTranslation("recruitment.targets.remove-value"));
                remove.addThemeVariants(ButtonVariant.TERTIARY);
                add(value, share, min, max, remove);
                setAlignItems(Alignment.BASELINE);
                setWrap(true);
            }

            ValueTarget toTarget() {
                double percent = share.getValue() == null ? Double.NaN : share.getValue();
                return new ValueTarget(value.getValue().strip(), percent / 100, min.getValue(), max.getValue());
            }
        }
    }
}
