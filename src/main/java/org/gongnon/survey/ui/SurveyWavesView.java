package org.gongnon.survey.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.NativeButton;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Optional;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.Confirm;
import org.gongnon.base.ui.FieldErrors;
import org.gongnon.base.ui.LocalizedDatePicker;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.QrCode;
import org.gongnon.process.SessionDirectory.SessionRef;
import org.gongnon.security.Roles;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.QuestionnaireFiles;
import org.gongnon.survey.ReminderResult;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.WaveAudience;
import org.gongnon.survey.WaveDetails;
import org.gongnon.survey.WaveForm;
import org.gongnon.survey.WaveKind;
import org.gongnon.survey.WaveStatus;
import org.gongnon.survey.WaveSummary;

/**
 * A process's survey waves: the list, and for the wave chosen from it its settings, opening and closing, the
 * questionnaire (builder, copy from another wave, export and import as a file), reminders, a QR code for the
 * hall and live completion per stratum. Officials may look; only those who may edit see what changes things.
 */
@Route("processes/:processId/surveys")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR, Roles.OFFICIAL})
public class SurveyWavesView extends SurveyPage {

    /** Larger files are refused by the upload itself; the service also refuses anything over its own limit. */
    static final int LARGEST_UPLOAD = 1024 * 1024;

    private final transient SurveyService service;
    boolean canEdit;
    List<WaveSummary> waves = List.of();
    final Grid<WaveSummary> grid = new Grid<>();
    /** "새 설문 차수", for those who may edit. */
    Button newWave;
    final Div empty = new Div();
    /** The chosen wave: its actions, hall QR code and completion. */
    final Div wavePanel = new Div();
    WaveDetails selected;
    CompletionPanel completion;
    /** Problems of the last refused import, listed until the next attempt. */
    final Div importErrors = new Div();
    Upload upload;
    final Select<WaveSummary> copyFrom = new Select<>();
    /** What the last round of reminders did, kept on the page. */
    final Paragraph reminderResult = new Paragraph();

    public SurveyWavesView(SurveyService service) {
        super(WAVES);
        this.service = service;
        wavePanel.setId("wave-panel");
        wavePanel.setWidthFull();
        importErrors.setId("import-errors");
        importErrors.addClassName("gn-error-box");
        importErrors.getElement().setAttribute("role", "alert");
        reminderResult.setId("reminder-result");
        reminderResult.getElement().setAttribute("role", "status");
    }

    @Override
    protected String titleKey() {
        return "survey.waves.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        canEdit = service.canEdit(processId);
        selected = null;
        newWave = null;
        if (canEdit) {
            newWave = new Button(getTranslation("survey.wave.new"), VaadinIcon.PLUS.create(), e -> openNewWave());
            newWave.setId("new-wave");
            newWave.addThemeVariants(ButtonVariant.PRIMARY);
            HorizontalLayout actions = new HorizontalLayout(newWave);
            actions.setWidthFull();
            actions.setJustifyContentMode(FlexComponent.JustifyContentMode.END);
            body.add(actions);
        } else {
            Paragraph readOnly = new Paragraph(getTranslation("survey.waves.read-only"));
            readOnly.addClassName("gn-hint");
            readOnly.setId("waves-read-only");
            body.add(readOnly);
        }
        buildGrid();
        empty.setId("waves-empty");
        body.add(empty, grid, wavePanel);
        Long wanted = event.getLocation().getQueryParameters().getSingleParameter("wave")
                .filter(w -> w.matches("[0-9]{1,18}")).map(Long::valueOf).orElse(null);
        refresh(wanted);
    }

    private void buildGrid() {
        grid.removeAllColumns();
        // Fixed widths with wrapping: eight columns fit a laptop's width without scrolling sideways.
        grid.addColumn(w -> getTranslation("survey.wave.number-value", w.number()))
                .setHeader(getTranslation("survey.wave.number")).setWidth("4.5em").setFlexGrow(0);
        grid.addColumn(w -> SurveyLabels.kind(this, w.kind())).setHeader(getTranslation("survey.wave.kind"))
                .setWidth("7.5em").setFlexGrow(0);
        // The title chooses the wave: a real button, so the keyboard reaches it (a click anywhere on the row does too).
        grid.addComponentColumn(this::chooseButton).setHeader(getTranslation("survey.wave.title-column"))
                .setFlexGrow(1).setWidth("10em");
        grid.addComponentColumn(w -> SurveyLabels.statusBadge(this, w.status()))
                .setHeader(getTranslation("survey.wave.status")).setWidth("6em").setFlexGrow(0);
        grid.addColumn(w -> SurveyLabels.shortWindow(this, getLocale(), w.opensAt(), w.closesAt()))
                .setHeader(getTranslation("survey.wave.window")).setWidth("10em").setFlexGrow(0);
        grid.addColumn(w -> SurveyLabels.audience(this, w.audience()))
                .setHeader(getTranslation("survey.wave.audience")).setWidth("7.5em").setFlexGrow(0);
        grid.addColumn(w -> getTranslation("survey.wave.questions-value", w.questions(), w.trackedQuestions()))
                .setHeader(getTranslation("survey.wave.questions")).setWidth("6.5em").setFlexGrow(0);
        grid.addColumn(w -> getTranslation("survey.wave.responses-value", w.started(), w.submitted()))
                .setHeader(getTranslation("survey.wave.responses")).setWidth("6.5em").setFlexGrow(0);
        grid.setSelectionMode(Grid.SelectionMode.NONE);
        grid.addItemClickListener(e -> select(e.getItem().id()));
        grid.setPartNameGenerator(w -> selected != null && selected.id() == w.id() ? "gn-selected-row" : null);
        grid.addThemeVariants(GridVariant.ROW_STRIPES, GridVariant.WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.setAriaLabel(getTranslation("survey.waves.grid"));
        grid.setId("waves-grid");
    }

    /** A plain {@code <button>} styled as a link: unlike vaadin-button its text wraps in a narrow column. */
    private NativeButton chooseButton(WaveSummary wave) {
        NativeButton choose = new NativeButton(wave.title().in(getLocale()), e -> select(wave.id()));
        choose.getElement().setAttribute("aria-label", getTranslation("survey.wave.manage-named", wave.number(),
                wave.title().in(getLocale())));
        choose.setId("manage-wave-" + wave.number());
        choose.addClassName("gn-wave-title-button");
        return choose;
    }

    // --- the list -------------------------------------------------------------------------------------------

    /** Reloads the list and shows the given wave (or keeps the chosen one, or an open one, or the latest). */
    void refresh(Long show) {
        waves = service.waves(processId);
        grid.setItems(waves);
        grid.setVisible(!waves.isEmpty());
        empty.removeAll();
        empty.setVisible(waves.isEmpty());
        if (waves.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("survey.waves.empty"));
            none.addClassName("gn-empty");
            empty.add(none);
            if (canEdit) {
                Button add = new Button(getTranslation("survey.wave.new-first"), VaadinIcon.PLUS.create(),
                        e -> openNewWave());
                add.setId("empty-new-wave");
                add.addThemeVariants(ButtonVariant.PRIMARY);
                empty.add(add);
            }
        }
        Long keep = show != null ? show : selected == null ? null : selected.id();
        Optional<WaveSummary> choice = waves.stream().filter(w -> keep != null && w.id() == keep).findFirst()
                .or(() -> waves.stream().filter(w -> w.status() == WaveStatus.OPEN).findFirst())
                .or(() -> waves.isEmpty() ? Optional.empty() : Optional.of(waves.getLast()));
        if (choice.isPresent()) {
            select(choice.get().id());
        } else {
            selected = null;
            showPanel();
        }
    }

    Optional<WaveSummary> summary(long waveId) {
        return waves.stream().filter(w -> w.id() == waveId).findFirst();
    }

    void select(long waveId) {
        selected = service.wave(waveId);
        grid.getDataProvider().refreshAll();
        showPanel();
    }

    /**
     * After every poll of an open wave: the list's counts, and the panel again if the wave changed meanwhile
     * (someone closed it, or its window ended).
     */
    private void afterPoll() {
        waves = service.waves(processId);
        grid.setItems(waves);
        if (selected != null) {
            Optional<WaveSummary> now = summary(selected.id());
            if (now.isEmpty()) {
                refresh(null);
            } else if (now.get().status() != selected.status()
                    || now.get().acceptingAnswers() != selected.acceptingAnswers()) {
                select(selected.id());
            }
        }
    }

    // --- the chosen wave ------------------------------------------------------------------------------------

    private void showPanel() {
        // Removing the old completion panel stops its polling before a new one may start it again.
        wavePanel.removeAll();
        completion = null;
        upload = null;
        importErrors.removeAll();
        importErrors.setVisible(false);
        reminderResult.setText("");
        reminderResult.setVisible(false);
        if (selected == null) {
            return;
        }
        WaveForm form = selected.form();
        WaveSummary summary = summary(selected.id()).orElseThrow();
        H3 heading = new H3(getTranslation("survey.wave.heading", form.number(), form.title().in(getLocale())));
        heading.setId("wave-heading");
        HorizontalLayout head = new HorizontalLayout(heading, SurveyLabels.statusBadge(this, selected.status()));
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        head.setWrap(true);
        Paragraph facts = new Paragraph(String.join(" · ",
                SurveyLabels.kind(this, form.kind()),
                SurveyLabels.window(this, getLocale(), form.opensAt(), form.closesAt()),
                audienceText(form),
                getTranslation("survey.wave.questions-facts", summary.questions(), summary.trackedQuestions())));
        facts.setId("wave-facts");
        Div card = new Div(head, facts);
        card.addClassNames("gn-card", "gn-wave-card");
        card.getElement().setAttribute("role", "region");
        card.getElement().setAttribute("aria-labelledby", "wave-heading");
        if (selected.status() == WaveStatus.OPEN && !selected.acceptingAnswers()) {
            Paragraph outside = new Paragraph(getTranslation("survey.wave.open-outside-window"));
            outside.addClassName("gn-warning");
            outside.setId("wave-outside-window");
            card.add(outside);
        }
        card.add(actions(summary), reminderResult);
        if (canEdit) {
            card.add(questionsSources(summary));
        }
        wavePanel.add(card);
        if (selected.status() != WaveStatus.CLOSED) {
            wavePanel.add(hallCard());
        }
        if (selected.status() != WaveStatus.DRAFT) {
            long waveId = selected.id();
            completion = new CompletionPanel(() -> service.completion(waveId), selected.status() == WaveStatus.OPEN,
                    this::afterPoll);
            wavePanel.add(completion);
        }
    }

    private String audienceText(WaveForm form) {
        if (form.audience() == WaveAudience.SESSION_ATTENDEES && form.audienceSessionId() != null) {
            String session = service.sessions(processId).stream()
                    .filter(s -> s.sessionId() == form.audienceSessionId()).map(SessionRef::title).findFirst()
                    .orElse("?");
            return getTranslation("survey.audience.session-named", session);
        }
        return SurveyLabels.audience(this, form.audience());
    }

    private HorizontalLayout actions(WaveSummary summary) {
        HorizontalLayout actions = new HorizontalLayout();
        actions.setWrap(true);
        actions.addClassName("gn-wave-actions");
        if (canEdit) {
            Button edit = new Button(getTranslation("survey.wave.edit"), VaadinIcon.EDIT.create(),
                    e -> new WaveDialog(selected).open());
            edit.setId("edit-wave");
            actions.add(edit);
        }
        boolean editable = canEdit && selected.questionsEditable();
        RouterLink builder = new RouterLink(getTranslation(editable ? "survey.wave.edit-questions"
                : "survey.wave.view-questions"), QuestionnaireBuilderView.class,
                QuestionnaireBuilderView.parameters(processId, selected.id()));
        builder.setId("open-builder");
        builder.addClassName("gn-button-link");
        actions.add(builder);
        if (canEdit && selected.status() != WaveStatus.OPEN) {
            Button open = new Button(getTranslation(selected.status() == WaveStatus.CLOSED ? "survey.wave.reopen"
                    : "survey.wave.open"), VaadinIcon.PLAY.create(), e -> confirmOpen(summary));
            open.setId("open-wave");
            open.addThemeVariants(ButtonVariant.PRIMARY);
            actions.add(open);
        }
        if (canEdit && selected.status() == WaveStatus.OPEN) {
            Button close = new Button(getTranslation("survey.wave.close"), VaadinIcon.STOP.create(),
                    e -> confirmClose(summary));
            close.setId("close-wave");
            Button remind = new Button(getTranslation("survey.reminders.send"), VaadinIcon.ENVELOPE.create(),
                    e -> confirmReminders(summary));
            remind.setId("send-reminders");
            remind.setEnabled(selected.acceptingAnswers());
            if (!selected.acceptingAnswers()) {
                remind.setTooltipText(getTranslation("survey.reminders.not-accepting"));
            }
            actions.add(close, remind);
        }
        Anchor export = new Anchor(exportDownload(selected.id()), getTranslation("survey.export.link"));
        export.setId("export-questionnaire");
        export.getElement().setAttribute("download", true);
        export.addClassName("gn-button-link");
        actions.add(export);
        if (canEdit) {
            Button delete = new Button(getTranslation("survey.wave.delete"), VaadinIcon.TRASH.create(),
                    e -> confirmDelete(summary));
            delete.setId("delete-wave");
            delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            actions.add(delete);
        }
        return actions;
    }

    /** Where the questions can come from besides the builder: another wave, or a file. */
    private Div questionsSources(WaveSummary summary) {
        Div box = new Div();
        box.addClassName("gn-questions-sources");
        H4 heading = new H4(getTranslation("survey.sources.title"));
        box.add(heading);
        if (!selected.questionsEditable()) {
            Paragraph frozen = new Paragraph(getTranslation(selected.status() == WaveStatus.DRAFT
                    ? "survey.sources.frozen-answers" : "survey.sources.frozen-opened"));
            frozen.addClassName("gn-hint");
            frozen.setId("questions-frozen");
            box.add(frozen);
            return box;
        }
        List<WaveSummary> others = waves.stream().filter(w -> w.id() != selected.id() && w.questions() > 0).toList();
        copyFrom.setLabel(getTranslation("survey.copy.from"));
        copyFrom.setItems(others);
        copyFrom.setItemLabelGenerator(w -> getTranslation("survey.copy.option", w.number(), w.title().in(getLocale()),
                w.questions()));
        copyFrom.setEmptySelectionAllowed(false);
        copyFrom.setPlaceholder(getTranslation(others.isEmpty() ? "survey.copy.none" : "survey.copy.choose"));
        copyFrom.setEnabled(!others.isEmpty());
        copyFrom.setInvalid(false);
        copyFrom.clear();
        copyFrom.setId("copy-from");
        Button copy = new Button(getTranslation("survey.copy.button"), VaadinIcon.COPY.create(),
                e -> confirmCopy(summary));
        copy.setId("copy-questions");
        copy.setEnabled(!others.isEmpty());
        HorizontalLayout copyRow = new HorizontalLayout(copyFrom, copy);
        copyRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        copyRow.setWrap(true);

        long waveId = selected.id();
        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = getUI().orElse(null);
            if (ui != null) {
                ui.access(() -> received(waveId, bytes));
            }
        }));
        upload.setAcceptedFileTypes(".json", "application/json");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(LARGEST_UPLOAD);
        upload.setId("import-questionnaire");
        upload.setUploadButton(new Button(getTranslation("survey.import.choose"), VaadinIcon.UPLOAD.create()));
        upload.setDropLabel(new Span(getTranslation("survey.import.drop")));
        upload.addFileRejectedListener(e -> showImportProblems(List.of(getTranslation("survey.import.rejected-file"))));
        Paragraph importHint = new Paragraph(getTranslation("survey.import.hint"));
        importHint.addClassName("gn-hint");
        box.add(copyRow, upload, importHint, importErrors);
        return box;
    }

    // --- actions --------------------------------------------------------------------------------------------

    /** Asks before something that is not destructive but matters (opening a wave, sending messages). */
    private ConfirmDialog confirm(String headerKey, String text, String confirmKey, Runnable action) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation(headerKey));
        dialog.setText(text);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation(confirmKey));
        dialog.addConfirmListener(e -> action.run());
        dialog.open();
        return dialog;
    }

    private void confirmOpen(WaveSummary wave) {
        String text = getTranslation(wave.status() == WaveStatus.CLOSED ? "survey.wave.reopen-text"
                : "survey.wave.open-text", wave.number(), wave.questions());
        confirm("survey.wave.open-title", text, wave.status() == WaveStatus.CLOSED ? "survey.wave.reopen"
                : "survey.wave.open", () -> act(() -> service.open(wave.id()), "survey.wave.opened", wave.id()));
    }

    private void confirmClose(WaveSummary wave) {
        Confirm.destructive(this, "survey.wave.close-title",
                getTranslation("survey.wave.close-text", wave.number(), wave.submitted()), "survey.wave.close",
                () -> act(() -> service.close(wave.id()), "survey.wave.closed", wave.id()));
    }

    private void confirmDelete(WaveSummary wave) {
        Confirm.destructive(this, "survey.wave.delete-title",
                getTranslation("survey.wave.delete-text", wave.number(), wave.title().in(getLocale())),
                "survey.wave.delete", () -> {
                    try {
                        service.deleteWave(wave.id());
                        Notifications.success(getTranslation("survey.wave.deleted", wave.number()));
                        selected = null;
                        refresh(null);
                    } catch (UserFacingException ex) {
                        Notifications.error(Messages.of(this, ex));
                    }
                });
    }

    private void confirmReminders(WaveSummary wave) {
        long waiting = completion == null ? 0
                : completion.completion.audience() - completion.completion.submitted();
        confirm("survey.reminders.title", getTranslation("survey.reminders.text", waiting),
                "survey.reminders.send", () -> {
                    try {
                        ReminderResult result = service.sendReminders(wave.id());
                        String text = getTranslation("survey.reminders.result", result.queued(),
                                result.withoutContact());
                        reminderResult.setText(text);
                        reminderResult.setVisible(true);
                        Notifications.success(text);
                    } catch (UserFacingException ex) {
                        Notifications.error(Messages.of(this, ex));
                    }
                });
    }

    private void confirmCopy(WaveSummary target) {
        WaveSummary from = copyFrom.getValue();
        if (from == null) {
            copyFrom.setErrorMessage(getTranslation("survey.copy.choose"));
            copyFrom.setInvalid(true);
            return;
        }
        copyFrom.setInvalid(false);
        Runnable copy = () -> act(() -> service.copyQuestionnaire(from.id(), target.id()), "survey.copy.done",
                target.id());
        if (target.questions() > 0) {
            Confirm.destructive(this, "survey.copy.replace-title",
                    getTranslation("survey.copy.replace-text", target.questions(), from.number(), from.questions()),
                    "survey.copy.button", copy);
        } else {
            copy.run();
        }
    }

    /** Runs a change, says it worked (or why not), and shows the wave as it now is. */
    private void act(Runnable change, String doneKey, long waveId) {
        try {
            change.run();
            Notifications.success(getTranslation(doneKey));
        } catch (ValidationException ex) {
            Notifications.error(getTranslation("survey.wave.questionnaire-problems") + " "
                    + String.join(" ", problemTexts(ex)));
        } catch (UserFacingException ex) {
            Notifications.error(Messages.of(this, ex));
        }
        refresh(waveId);
    }

    private List<String> problemTexts(ValidationException ex) {
        return ex.problems().stream().map(p -> "questionnaire".equals(p.field()) ? Messages.of(this, p)
                : getTranslation("survey.problem.at", p.field(), Messages.of(this, p))).toList();
    }

    // --- export and import ----------------------------------------------------------------------------------

    private DownloadHandler exportDownload(long waveId) {
        return DownloadHandler.fromInputStream(event -> exportResponse(waveId));
    }

    /** The questionnaire file as the export link serves it: {@code wave-2-questionnaire.json}. */
    DownloadResponse exportResponse(long waveId) {
        String json = service.exportQuestionnaire(waveId);
        int number = service.wave(waveId).form().number();
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new DownloadResponse(new ByteArrayInputStream(bytes), "wave-" + number + "-questionnaire.json",
                "application/json", bytes.length);
    }

    /** A file arrived: read it, ask before replacing questions, then import; nothing changes on any problem. */
    void received(long waveId, byte[] bytes) {
        importErrors.removeAll();
        importErrors.setVisible(false);
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        Questionnaire incoming;
        try {
            // Read here only to say how many questions it brings; the service reads and checks it again.
            incoming = QuestionnaireFiles.read(text);
        } catch (UserFacingException ex) {
            showImportProblems(List.of(Messages.of(this, ex)));
            return;
        }
        String content = text;
        int current = selected == null ? 0 : selected.questionnaire().questions().size();
        Runnable doImport = () -> {
            try {
                service.importQuestionnaire(waveId, content);
                Notifications.success(getTranslation("survey.import.done", incoming.questions().size()));
                refresh(waveId);
            } catch (ValidationException ex) {
                showImportProblems(problemTexts(ex));
            } catch (UserFacingException ex) {
                showImportProblems(List.of(Messages.of(this, ex)));
            }
        };
        if (current > 0) {
            Confirm.destructive(this, "survey.import.replace-title",
                    getTranslation("survey.import.replace-text", current, incoming.questions().size()),
                    "survey.import.replace", doImport);
        } else {
            doImport.run();
        }
    }

    private void showImportProblems(List<String> problems) {
        importErrors.removeAll();
        importErrors.add(new Paragraph(getTranslation("survey.import.refused")));
        UnorderedList list = new UnorderedList();
        problems.forEach(p -> list.add(new ListItem(p)));
        importErrors.add(list);
        importErrors.setVisible(true);
    }

    // --- the hall -------------------------------------------------------------------------------------------

    /** A QR code and a short address for the hall: citizens sign in with their code and find the survey. */
    private Div hallCard() {
        String address = service.signInAddress();
        String shortAddress = address.replaceFirst("^https?://", "");
        Div card = new Div();
        card.addClassNames("gn-card", "gn-hall-card");
        card.setId("hall-card");
        H4 heading = new H4(getTranslation("survey.hall.title"));
        QrCode qr = new QrCode(address, getTranslation("survey.hall.qr-alt", shortAddress));
        qr.setId("hall-qr");
        Span printed = new Span(shortAddress);
        printed.addClassName("gn-hall-address");
        printed.setId("hall-address");
        OrderedList steps = new OrderedList(new ListItem(getTranslation("survey.hall.step-open", shortAddress)),
                new ListItem(getTranslation("survey.hall.step-code")),
                new ListItem(getTranslation("survey.hall.step-survey")));
        Button print = new Button(getTranslation("survey.hall.print"), VaadinIcon.PRINT.create(),
                e -> getElement().executeJs("window.print()"));
        print.setId("hall-print");
        print.addClassName("gn-no-print");
        card.add(heading, qr, printed, steps, new Div(print));
        return card;
    }

    // --- settings -------------------------------------------------------------------------------------------

    private void openNewWave() {
        try {
            new WaveDialog(null).open();
        } catch (UserFacingException ex) {
            Notifications.error(Messages.of(this, ex));
        }
    }

    /** A new wave, or a wave's settings: number, kind, title, window, audience, and the texts before consent. */
    final class WaveDialog extends Dialog {

        final IntegerField number = new IntegerField();
        final Select<WaveKind> kind = new Select<>();
        final TextField titleKo = new TextField();
        final TextField titleEn = new TextField();
        final DateTimePicker opensAt = new DateTimePicker();
        final DateTimePicker closesAt = new DateTimePicker();
        final RadioButtonGroup<WaveAudience> audience = new RadioButtonGroup<>();
        final Select<SessionRef> session = new Select<>();
        final TextArea purposeKo = new TextArea();
        final TextArea purposeEn = new TextArea();
        final TextArea retentionKo = new TextArea();
        final TextArea retentionEn = new TextArea();
        final Div conflict = new Div();
        final Button save = new Button();
        private final WaveDetails wave;
        private final WaveForm start;
        private final FieldErrors errors = new FieldErrors();

        WaveDialog(WaveDetails wave) {
            this.wave = wave;
            this.start = wave == null ? service.newWaveForm(processId) : wave.form();
            setHeaderTitle(wave == null ? getTranslation("survey.wave.new")
                    : getTranslation("survey.wave.edit-title", wave.form().number()));
            setWidth("min(48rem, 95vw)");
            number.setLabel(getTranslation("survey.wave.number"));
            number.setRequiredIndicatorVisible(true);
            number.setStepButtonsVisible(true);
            kind.setLabel(getTranslation("survey.wave.kind"));
            kind.setItems(WaveKind.values());
            kind.setItemLabelGenerator(k -> SurveyLabels.kind(this, k));
            kind.setRequiredIndicatorVisible(true);
            titleKo.setLabel(getTranslation("survey.wave.title-ko"));
            titleKo.setRequiredIndicatorVisible(true);
            titleKo.setMaxLength(200);
            titleEn.setLabel(getTranslation("survey.wave.title-en"));
            titleEn.setMaxLength(200);
            var datePicker = new LocalizedDatePicker();
            for (DateTimePicker picker : List.of(opensAt, closesAt)) {
                picker.setDatePickerI18n(datePicker.getI18n());
                picker.setStep(Duration.ofMinutes(30));
                picker.setLocale(getLocale());
            }
            opensAt.setLabel(getTranslation("survey.wave.opens-at"));
            closesAt.setLabel(getTranslation("survey.wave.closes-at"));
            opensAt.setHelperText(getTranslation("survey.wave.time-help"));
            audience.setLabel(getTranslation("survey.wave.audience"));
            audience.setItems(WaveAudience.values());
            audience.setItemLabelGenerator(a -> SurveyLabels.audience(this, a));
            audience.setRequiredIndicatorVisible(true);
            List<SessionRef> sessions = service.sessions(processId);
            session.setLabel(getTranslation("survey.wave.session"));
            session.setItems(sessions);
            session.setItemLabelGenerator(s -> getTranslation("survey.wave.session-option", s.title(),
                    s.date() == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                            .withLocale(getLocale()).format(s.date())));
            session.setEmptySelectionAllowed(false);
            session.setPlaceholder(getTranslation(sessions.isEmpty() ? "survey.wave.no-sessions"
                    : "survey.wave.choose-session"));
            purposeKo.setLabel(getTranslation("survey.wave.purpose-ko"));
            purposeKo.setMaxLength(1000);
            purposeKo.setRequiredIndicatorVisible(true);
            purposeEn.setLabel(getTranslation("survey.wave.purpose-en"));
            purposeEn.setMaxLength(1000);
            retentionKo.setLabel(getTranslation("survey.wave.retention-ko"));
            retentionKo.setMaxLength(500);
            retentionKo.setRequiredIndicatorVisible(true);
            retentionEn.setLabel(getTranslation("survey.wave.retention-en"));
            retentionEn.setMaxLength(500);
            purposeKo.setHelperText(getTranslation("survey.wave.consent-help"));
            for (var field : List.of(titleKo, titleEn, purposeKo, purposeEn, retentionKo, retentionEn)) {
                field.setWidthFull();
            }
            audience.addValueChangeListener(e -> session.setVisible(e.getValue() == WaveAudience.SESSION_ATTENDEES));
            fill(start);

            errors.bind("number", number).bind("kind", kind).bind("title", titleKo).bind("titleEn", titleEn)
                    .bind("opensAt", opensAt).bind("closesAt", closesAt).bind("audience", audience)
                    .bind("audienceSession", session).bind("purpose", purposeKo).bind("purposeEn", purposeEn)
                    .bind("retention", retentionKo).bind("retentionEn", retentionEn);
            conflict.addClassName("gn-error-box");
            conflict.setId("wave-conflict");
            conflict.getElement().setAttribute("role", "alert");
            conflict.setVisible(false);
            Div row1 = new Div(number, kind);
            row1.addClassName("gn-form-row");
            Div row2 = new Div(opensAt, closesAt);
            row2.addClassName("gn-form-row");
            Div fields = new Div(conflict, row1, titleKo, titleEn, row2, audience, session, purposeKo, purposeEn,
                    retentionKo, retentionEn);
            fields.addClassName("gn-dialog-fields");
            add(fields);
            save.setText(getTranslation("action.save"));
            save.setId("save-wave");
            save.addThemeVariants(ButtonVariant.PRIMARY);
            save.addClickListener(e -> save());
            getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
            addOpenedChangeListener(e -> {
                if (e.isOpened()) {
                    titleKo.focus();
                }
            });
        }

        private void fill(WaveForm form) {
            number.setValue(form.number());
            kind.setValue(form.kind());
            titleKo.setValue(form.title().ko());
            titleEn.setValue(form.title().en());
            opensAt.setValue(form.opensAt());
            closesAt.setValue(form.closesAt());
            audience.setValue(form.audience());
            session.setVisible(form.audience() == WaveAudience.SESSION_ATTENDEES);
            if (form.audienceSessionId() != null) {
                session.getListDataView().getItems().filter(s -> s.sessionId() == form.audienceSessionId())
                        .findFirst().ifPresent(session::setValue);
            }
            purposeKo.setValue(form.purpose().ko());
            purposeEn.setValue(form.purpose().en());
            retentionKo.setValue(form.retention().ko());
            retentionEn.setValue(form.retention().en());
        }

        WaveForm form() {
            SessionRef chosen = audience.getValue() == WaveAudience.SESSION_ATTENDEES ? session.getValue() : null;
            return new WaveForm(number.getValue() == null ? 0 : number.getValue(), kind.getValue(),
                    LocalText.of(titleKo.getValue(), titleEn.getValue()), opensAt.getValue(), closesAt.getValue(),
                    audience.getValue(), chosen == null ? null : chosen.sessionId(),
                    LocalText.of(purposeKo.getValue(), purposeEn.getValue()),
                    LocalText.of(retentionKo.getValue(), retentionEn.getValue()), start.version());
        }

        void save() {
            conflict.setVisible(false);
            errors.clear();
            try {
                long id = service.saveWave(processId, wave == null ? null : wave.id(), form());
                close();
                Notifications.success(getTranslation("survey.wave.saved"));
                refresh(id);
            } catch (ValidationException ex) {
                String rest = errors.show(this, ex);
                if (!rest.isEmpty()) {
                    showConflict(rest);
                }
            } catch (UserFacingException ex) {
                // e.g. someone else saved this wave first: what was typed stays, with the message above it.
                showConflict(Messages.of(this, ex));
            }
        }

        private void showConflict(String text) {
            conflict.removeAll();
            conflict.add(new Paragraph(text));
            conflict.setVisible(true);
        }
    }

    /** The list with a wave chosen, e.g. for the builder's way back. */
    static String wavePath(long processId, long waveId) {
        return path(processId, WAVES) + "?wave=" + waveId;
    }
}
