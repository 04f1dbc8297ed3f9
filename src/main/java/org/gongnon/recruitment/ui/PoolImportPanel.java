package org.gongnon.recruitment.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.gongnon.base.BackgroundWork;
import org.gongnon.base.ContactMask;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.recruitment.ColumnMapping;
import org.gongnon.recruitment.PoolCheck;
import org.gongnon.recruitment.PoolFilePreview;
import org.gongnon.recruitment.PoolOverview;
import org.gongnon.recruitment.PoolService;
import org.gongnon.recruitment.RowProblem;

/**
 * Importing the pool in three steps: upload a CSV or XLSX file; check which column is which (guessed,
 * with a preview); check every row, then import the whole file, or, explicitly, only its valid rows.
 * Checking and importing run in the background with a progress bar.
 */
class PoolImportPanel extends Div {

    /** The first rows of the received file, as read (contact columns masked). */
    Grid<List<String>> sample;

    static final int MAX_FILE_BYTES = 20 * 1024 * 1024;
    static final int POLL_MS = 500;

    private final PoolView view;
    private final transient PoolService pool;
    private final transient BackgroundWork background;
    private final long processId;
    private final PoolOverview overview;

    final Upload upload;
    final Div steps = new Div();
    final ProgressBar progress = new ProgressBar();
    final Span progressText = new Span();
    final Map<String, Select<String>> columns = new LinkedHashMap<>();
    private String fileName;
    private byte[] content;
    PoolCheck checked;

    PoolImportPanel(PoolView view, PoolService pool, BackgroundWork background, long processId, PoolOverview overview) {
        this.view = view;
        this.pool = pool;
        this.background = background;
        this.processId = processId;
        this.overview = overview;
        addClassName("gn-card");
        add(new H3(getTranslation("recruitment.import.title")));
        if (overview.drawn()) {
            add(new Paragraph(getTranslation("recruitment.pool.locked")));
            upload = null;
            return;
        }
        add(new Paragraph(getTranslation("recruitment.import.intro")));
        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = view.getUI().orElse(null);
            if (ui != null) {
                ui.access(() -> received(metadata.fileName(), bytes));
            }
        }));
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_FILE_BYTES);
        upload.setId("pool-upload");
        upload.setUploadButton(new Button(getTranslation("recruitment.import.choose"), VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span(getTranslation("recruitment.import.drop")));
        upload.addFileRejectedListener(e -> Notifications.error(getTranslation("recruitment.import.rejected-file")));
        progress.setVisible(false);
        progressText.setVisible(false);
        progressText.getElement().setAttribute("role", "status");
        add(upload, steps, progress, progressText);
    }

    /** Step 2: the file was read; show the preview and the guessed mapping. */
    void received(String name, byte[] bytes) {
        steps.removeAll();
        checked = null;
        PoolFilePreview preview;
        try {
            preview = pool.preview(processId, name, bytes);
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(view, e));
            return;
        }
        fileName = name;
        content = bytes;
        steps.add(new Paragraph(getTranslation("recruitment.import.read", name, preview.rowCount())));
        sample = new Grid<>();
        ColumnMapping guessed = preview.guessed();
        for (int c = 0; c < preview.headers().size(); c++) {
            int column = c;
            String header = preview.headers().get(c);
            // The sample shows the file's shape; the columns that look like contacts are masked like the pool list.
            UnaryOperator<String> shown = header.equals(guessed.phone()) ? ContactMask::phone
                    : header.equals(guessed.email()) ? ContactMask::email : UnaryOperator.identity();
            sample.addColumn(row -> column < row.size() ? shown.apply(row.get(column)) : "").setHeader(header)
                    .setAutoWidth(true);
        }
        sample.setItems(preview.sample());
        sample.setAllRowsVisible(true);
        sample.addThemeVariants(GridVariant.ROW_STRIPES);
        steps.add(new Details(getTranslation("recruitment.import.preview"), sample));

        columns.clear();
        ColumnMapping guess = preview.guessed();
        column(ColumnMapping.NAME, "recruitment.import.column.name", preview.headers(), guess.name(), true);
        column(ColumnMapping.PHONE, "recruitment.import.column.phone", preview.headers(), guess.phone(), false);
        column(ColumnMapping.EMAIL, "recruitment.import.column.email", preview.headers(), guess.email(), false);
        column(ColumnMapping.DISTRICT, "recruitment.import.column.district", preview.headers(), guess.district(), false);
        column(ColumnMapping.CONSENT, "recruitment.import.column.consent", preview.headers(), guess.consent(), false);
        for (String feature : overview.features()) {
            Select<String> s = column(ColumnMapping.FEATURE_FIELD_PREFIX + feature, null, preview.headers(),
                    guess.featureColumn(feature), true);
            s.setLabel(getTranslation("recruitment.import.column.feature", feature));
        }
        FlexLayout mapping = new FlexLayout(columns.values().toArray(Select[]::new));
        mapping.addClassName("gn-form-row");
        mapping.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        Button check = new Button(getTranslation("recruitment.import.check"), VaadinIcon.CHECK_SQUARE_O.create(),
                e -> check());
        check.setId("check-pool");
        check.addThemeVariants(ButtonVariant.PRIMARY);
        steps.add(new H3(getTranslation("recruitment.import.mapping")), mapping, check);
    }

    private Select<String> column(String field, String labelKey, List<String> headers, String guessed, boolean required) {
        Select<String> select = new Select<>();
        if (labelKey != null) {
            select.setLabel(getTranslation(labelKey));
        }
        select.setItems(headers);
        select.setEmptySelectionAllowed(true);
        select.setEmptySelectionCaption(getTranslation("recruitment.import.column.none"));
        select.setValue(guessed);
        select.setRequiredIndicatorVisible(required);
        columns.put(field, select);
        return select;
    }

    ColumnMapping mapping() {
        Map<String, String> features = new LinkedHashMap<>();
        for (String feature : overview.features()) {
            features.put(feature, columns.get(ColumnMapping.FEATURE_FIELD_PREFIX + feature).getValue());
        }
        return new ColumnMapping(columns.get(ColumnMapping.NAME).getValue(), columns.get(ColumnMapping.PHONE).getValue(),
                columns.get(ColumnMapping.EMAIL).getValue(), columns.get(ColumnMapping.DISTRICT).getValue(),
                columns.get(ColumnMapping.CONSENT).getValue(), features);
    }

    /** Step 3: every row checked in the background; then the result and the import choices. */
    void check() {
        columns.values().forEach(s -> s.setInvalid(false));
        ColumnMapping mapping = mapping();
        UI ui = UI.getCurrent();
        running(true, getTranslation("recruitment.import.checking"));
        background.start(() -> {
            try {
                PoolCheck result = pool.check(processId, fileName, content, mapping, (done, total) ->
                        ui.access(() -> progress.setValue(total == 0 ? 1 : (double) done / total)));
                ui.access(() -> {
                    running(false, "");
                    showCheck(result);
                });
            } catch (ValidationException e) {
                ui.access(() -> {
                    running(false, "");
                    for (ValidationException.FieldProblem p : e.problems()) {
                        Select<String> field = columns.get(p.field());
                        if (field != null) {
                            field.setInvalid(true);
                            field.setErrorMessage(Messages.of(view, p));
                        } else {
                            Notifications.error(Messages.of(view, p));
                        }
                    }
                });
            } catch (UserFacingException e) {
                ui.access(() -> {
                    running(false, "");
                    Notifications.error(Messages.of(view, e));
                });
            } catch (RuntimeException e) {
                failed(ui, e);
            }
        });
    }

    private void showCheck(PoolCheck result) {
        checked = result;
        steps.getChildren().filter(c -> "pool-check-result".equals(c.getId().orElse(null))).toList()
                .forEach(steps::remove);
        Div box = new Div();
        box.setId("pool-check-result");
        box.getElement().setAttribute("role", "status");
        if (result.isClean()) {
            box.add(new Paragraph(getTranslation("recruitment.import.clean", result.validCount())));
            Button go = new Button(getTranslation("recruitment.import.import-all", result.validCount()),
                    VaadinIcon.DOWNLOAD_ALT.create(), e -> confirmImport(false));
            go.setId("import-pool");
            go.addThemeVariants(ButtonVariant.PRIMARY);
            box.add(go);
        } else {
            box.addClassName("gn-error-box");
            box.add(new Paragraph(getTranslation("recruitment.import.problems", result.rowCount(), result.rejectedCount(),
                    result.validCount())));
            Grid<RowProblem> problems = new Grid<>();
            problems.addColumn(RowProblem::rowNumber).setHeader(getTranslation("recruitment.pool.row")).setAutoWidth(true);
            problems.addColumn(p -> p.column() == null ? "" : p.column()).setHeader(getTranslation("recruitment.import.column"))
                    .setAutoWidth(true);
            problems.addColumn(p -> getTranslation(p.messageKey(), p.args().toArray()))
                    .setHeader(getTranslation("recruitment.import.problem")).setFlexGrow(1);
            problems.setItems(result.problems());
            problems.setHeight("18em");
            problems.setId("pool-problems");
            box.add(problems);
            Paragraph choice = new Paragraph(getTranslation("recruitment.import.choice"));
            Button validOnly = new Button(getTranslation("recruitment.import.import-valid", result.validCount()),
                    e -> confirmImport(true));
            validOnly.setId("import-valid-rows");
            validOnly.setEnabled(result.validCount() > 0);
            box.add(choice, validOnly);
        }
        steps.add(box);
    }

    private void confirmImport(boolean onlyValidRows) {
        if (overview.members().isEmpty() && !onlyValidRows) {
            runImport(false);
            return;
        }
        ConfirmDialog confirm = new ConfirmDialog();
        confirm.setHeader(getTranslation("recruitment.import.confirm.title"));
        String text = onlyValidRows
                ? getTranslation("recruitment.import.confirm.valid", checked.validCount(), checked.rejectedCount())
                : "";
        if (!overview.members().isEmpty()) {
            text += (text.isEmpty() ? "" : " ") + getTranslation("recruitment.import.confirm.replace",
                    overview.members().size());
        }
        confirm.setText(text);
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmText(getTranslation("recruitment.import.confirm.go"));
        confirm.addConfirmListener(e -> runImport(onlyValidRows));
        confirm.open();
    }

    void runImport(boolean onlyValidRows) {
        UI ui = UI.getCurrent();
        ColumnMapping mapping = mapping();
        int total = checked.validCount();
        PoolCheck.Translator translator = view::getTranslation;
        running(true, getTranslation("recruitment.import.importing"));
        background.start(() -> {
            try {
                var summary = pool.importFile(processId, fileName, content, mapping, onlyValidRows, translator,
                        done -> ui.access(() -> progress.setValue(total == 0 ? 1 : (double) done / total)));
                ui.access(() -> {
                    running(false, "");
                    Notifications.success(getTranslation("recruitment.import.done", summary.acceptedRows()));
                    view.reload();
                });
            } catch (UserFacingException e) {
                ui.access(() -> {
                    running(false, "");
                    Notifications.error(Messages.of(view, e));
                });
            } catch (RuntimeException e) {
                failed(ui, e);
            }
        });
    }

    private void failed(UI ui, RuntimeException e) {
        Notifications.unexpected(ui, "Pool import for process " + processId, e, () -> running(false, ""));
    }

    private void running(boolean on, String text) {
        // No server push in this app: while work runs in the background the page polls for its progress.
        view.getUI().ifPresent(ui -> ui.setPollInterval(on ? POLL_MS : -1));
        progress.setVisible(on);
        progress.setValue(0);
        progressText.setVisible(on);
        progressText.setText(text);
        steps.getChildren().forEach(c -> c.getElement().setEnabled(!on));
        if (upload != null) {
            upload.getElement().setEnabled(!on);
        }
    }
}
