package org.gongnon.report.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AnchorTarget;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.gongnon.base.BackgroundWork;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Confirm;
import org.gongnon.base.ui.LocalizedDatePicker;
import org.gongnon.base.ui.MainLayout;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.report.AccessLogEntry;
import org.gongnon.report.GovernmentResponseService;
import org.gongnon.report.ItemResponse;
import org.gongnon.report.ReportFile;
import org.gongnon.report.ReportFormat;
import org.gongnon.report.ReportService;
import org.gongnon.report.ReportStatus;
import org.gongnon.report.ReportSummary;
import org.gongnon.security.Roles;

/**
 * The official report of a process: its versions from draft through review to publication, a preview while it is
 * drafted, the files once published (rendered in the background, with progress), the responses the city owes and
 * has not given in time, and who downloaded what. Officials see the published versions only.
 */
@Route(value = "processes/:processId/report", layout = MainLayout.class)
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR, Roles.OFFICIAL})
public class ReportsView extends RecommendationStepsPage {

    static final int POLL_MS = 500;
    /** Times as the deliberation's zone has them (the application clock's zone, Seoul by default). */
    private final transient DateTimeFormatter timeFormat;

    private final transient ReportService reports;
    private final transient GovernmentResponseService responses;
    private final transient BackgroundWork background;
    private final transient Clock clock;
    final ProgressBar progress = new ProgressBar(0, 1);
    final Span progressText = new Span();
    private final Div downloadSlot = new Div();
    private boolean editor;

    public ReportsView(ReportService reports, GovernmentResponseService responses, BackgroundWork background,
                       Clock clock) {
        super(REPORT);
        this.timeFormat = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(clock.getZone());
        this.reports = reports;
        this.responses = responses;
        this.background = background;
        this.clock = clock;
        progress.setVisible(false);
        progress.setId("report-progress");
        progressText.setId("report-progress-text");
        progressText.getElement().setAttribute("aria-live", "polite");
        downloadSlot.setId("report-download-slot");
    }

    @Override
    protected String titleKey() {
        return "report.page.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        List<ReportSummary> versions = reports.reports(processId);
        editor = reports.canEdit(processId);
        progress.getElement().setAttribute("aria-label", getTranslation("report.progress.label"));
        Paragraph intro = new Paragraph(getTranslation(editor ? "report.page.intro" : "report.page.intro-reader"));
        intro.addClassName("gn-muted");
        body.add(intro);
        if (editor) {
            body.add(newVersionBar(versions));
        }
        body.add(new HorizontalLayout(progress, progressText), downloadSlot);
        if (versions.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation(editor ? "report.page.empty" : "report.page.empty-reader"));
            empty.addClassName("gn-empty");
            empty.setId("report-empty");
            body.add(empty);
        }
        versions.forEach(v -> body.add(card(v)));
        if (editor) {
            body.add(overdueSection(), accessLogSection());
        }
    }

    private Component newVersionBar(List<ReportSummary> versions) {
        Select<Locale> language = new Select<>();
        language.setId("report-language");
        language.setLabel(getTranslation("report.new.language"));
        language.setItems(Locale.KOREAN, Locale.ENGLISH);
        language.setItemLabelGenerator(l -> getTranslation("report.language." + l.getLanguage()));
        language.setValue(Locale.KOREAN);
        Button create = new Button(getTranslation("report.new.button"), click -> {
            try {
                ReportSummary draft = reports.createDraft(processId, language.getValue());
                Notifications.success(getTranslation("report.new.done", draft.number()));
                refresh();
            } catch (UserFacingException e) {
                Notifications.error(Messages.of(this, e));
            }
        });
        create.setId("report-new");
        create.addThemeVariants(ButtonVariant.PRIMARY);
        boolean open = versions.stream().anyMatch(v -> !v.isPublished());
        create.setEnabled(!open);
        if (open) {
            create.setTooltipText(getTranslation("report.error.open-version"));
        }
        HorizontalLayout bar = new HorizontalLayout(language, create);
        bar.setDefaultVerticalComponentAlignment(Alignment.END);
        return bar;
    }

    private Component card(ReportSummary report) {
        Section card = new Section();
        card.addClassNames("gn-card", "gn-report-card");
        card.getElement().setAttribute("data-report", String.valueOf(report.number()));
        H2 heading = new H2(getTranslation("report.version.title", report.number()));
        Span badge = new Span(getTranslation("report.status." + report.status().name().toLowerCase()));
        badge.addClassNames("gn-badge", "gn-status-badge", "gn-report-" + report.status().name().toLowerCase());
        Span language = new Span(getTranslation("report.language." + report.language()));
        language.addClassName("gn-muted");
        HorizontalLayout head = new HorizontalLayout(heading, badge, language);
        head.setDefaultVerticalComponentAlignment(Alignment.BASELINE);
        card.add(head);
        card.add(line("report.version.created", report.createdBy(), when(report.createdAt())));
        if (report.reviewedAt() != null) {
            card.add(line("report.version.reviewed", report.reviewedBy(), when(report.reviewedAt())));
            if (report.reviewNote() != null) {
                card.add(new Paragraph(getTranslation("report.version.review-note", report.reviewNote())));
            }
        }
        if (report.publishedAt() != null) {
            card.add(line("report.version.published", report.publishedBy(), when(report.publishedAt())));
            card.add(line("report.version.responses-due", report.responsesDue().toString()));
        }
        HorizontalLayout actions = new HorizontalLayout();
        actions.addClassName("gn-actions");
        actions.setDefaultVerticalComponentAlignment(Alignment.CENTER);
        if (report.isPublished()) {
            for (ReportFormat format : ReportFormat.values()) {
                Anchor file = new Anchor(ReportFiles.href(report.id(), format),
                        getTranslation("report.download." + format.name().toLowerCase()));
                file.getElement().setAttribute("download", true);
                file.getElement().setAttribute("router-ignore", true);
                file.setTarget(AnchorTarget.BLANK);
                file.addClassName("gn-download");
                file.setId("report-" + report.number() + "-" + format.name().toLowerCase());
                actions.add(file);
            }
            Anchor answers = new Anchor("reports/" + report.id() + "/responses",
                    getTranslation("report.responses.link"));
            answers.setId("report-" + report.number() + "-responses");
            answers.addClassName("gn-download");
            actions.add(answers);
        } else if (editor) {
            Button preview = new Button(getTranslation("report.preview.button"), click -> preview(report));
            preview.setId("report-preview");
            actions.add(preview);
            if (report.status() == ReportStatus.DRAFT) {
                Button review = new Button(getTranslation("report.review.button"), click -> reviewDialog(report));
                review.setId("report-review");
                review.addThemeVariants(ButtonVariant.PRIMARY);
                // Publishing waits for the review; the button says so instead of failing.
                Button publish = new Button(getTranslation("report.publish.button"));
                publish.setId("report-publish");
                publish.setEnabled(false);
                publish.setTooltipText(getTranslation("report.error.needs-review"));
                actions.add(review, publish);
            } else {
                Button reopen = new Button(getTranslation("report.reopen.button"), click -> act(() -> reports.reopen(
                        report.id()), "report.reopen.done"));
                reopen.setId("report-reopen");
                Button publish = new Button(getTranslation("report.publish.button"), click -> publishDialog(report));
                publish.setId("report-publish");
                publish.addThemeVariants(ButtonVariant.PRIMARY);
                actions.add(reopen, publish);
            }
            Button delete = new Button(getTranslation("report.delete.button"), click -> Confirm.destructive(this,
                    "report.delete.title", getTranslation("report.delete.text", report.number()),
                    "report.delete.confirm", () -> act(() -> reports.deleteDraft(report.id()), "report.delete.done")));
            delete.setId("report-delete");
            delete.addThemeVariants(ButtonVariant.ERROR, ButtonVariant.TERTIARY);
            actions.add(delete);
        }
        card.add(actions);
        return card;
    }

    private void reviewDialog(ReportSummary report) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("report-review-dialog");
        dialog.setHeader(getTranslation("report.review.title", report.number()));
        TextArea note = new TextArea(getTranslation("report.review.note"));
        note.setId("report-review-note");
        note.setMaxLength(1000);
        note.setWidthFull();
        dialog.add(new Paragraph(getTranslation("report.review.text")), note);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("report.review.confirm"));
        dialog.addConfirmListener(e -> act(() -> reports.review(report.id(), note.getValue()), "report.review.done"));
        dialog.open();
    }

    private void publishDialog(ReportSummary report) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setId("report-publish-dialog");
        dialog.setHeader(getTranslation("report.publish.title", report.number()));
        LocalizedDatePicker due = new LocalizedDatePicker();
        due.setId("report-publish-due");
        due.setLabel(getTranslation("report.publish.due"));
        due.setValue(LocalDate.now(clock).plusDays(90));
        due.setMin(LocalDate.now(clock).plusDays(1));
        dialog.add(new Paragraph(getTranslation("report.publish.text")), due);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("report.publish.confirm"));
        dialog.addConfirmListener(e -> publish(report, due.getValue()));
        dialog.open();
    }

    void publish(ReportSummary report, LocalDate due) {
        ReportSummary published;
        try {
            published = reports.publish(report.id(), due);
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
            refresh();
            return;
        }
        Notifications.success(getTranslation("report.publish.done", published.number()));
        refresh();
        // The files are rendered once, now, in the background; downloads then serve the stored bytes.
        runWithProgress("report.progress.files", tick -> {
            reports.generateFiles(published.id(), tick);
            return null;
        }, ignored -> refresh());
    }

    private void preview(ReportSummary report) {
        runWithProgress("report.progress.preview", tick -> reports.download(report.id(), ReportFormat.PDF, tick),
                file -> {
                    Anchor link = new Anchor(DownloadHandler.fromInputStream(e -> new DownloadResponse(
                            new ByteArrayInputStream(file.content()), file.fileName(), file.contentType(),
                            file.content().length)), getTranslation("report.preview.ready", file.fileName()));
                    link.getElement().setAttribute("download", true);
                    link.setId("report-preview-link");
                    downloadSlot.removeAll();
                    downloadSlot.add(link);
                });
    }

    /** Work that takes a moment runs off the request thread; the bar follows it and the page stays usable. */
    private <T> void runWithProgress(String labelKey, Work<T> work, java.util.function.Consumer<T> done) {
        if (progress.isVisible()) {
            Notifications.error(getTranslation("report.progress.busy"));
            return; // one rendering at a time from this page: a second click must not start a second job
        }
        UI ui = UI.getCurrent();
        progress.setValue(0);
        progress.setVisible(true);
        progressText.setText(getTranslation(labelKey));
        ui.setPollInterval(POLL_MS);
        background.start(() -> {
            try {
                T result = work.run(p -> ui.access(() -> progress.setValue(Math.min(1, Math.max(0, p)))));
                ui.access(() -> {
                    finish(ui);
                    progressText.setText(getTranslation("report.progress.done"));
                    done.accept(result);
                });
            } catch (UserFacingException e) {
                ui.access(() -> {
                    finish(ui);
                    progressText.setText("");
                    Notifications.error(Messages.of(this, e));
                });
            } catch (RuntimeException e) {
                Notifications.unexpected(ui, "Report files of process " + processId, e, () -> finish(ui));
            }
        });
    }

    private void finish(UI ui) {
        progress.setVisible(false);
        ui.setPollInterval(-1);
    }

    @FunctionalInterface
    interface Work<T> {
        T run(java.util.function.DoubleConsumer progress);
    }

    private Component overdueSection() {
        Section section = new Section();
        section.setId("report-overdue");
        section.add(new H3(getTranslation("report.overdue.title")));
        List<ItemResponse> overdue = responses.overdue(processId);
        if (overdue.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("report.overdue.none"));
            none.addClassName("gn-empty");
            section.add(none);
            return section;
        }
        Grid<ItemResponse> grid = new Grid<>();
        grid.setAllRowsVisible(true);
        grid.addColumn(ItemResponse::itemNumber).setHeader(getTranslation("report.doc.rec.number")).setAutoWidth(true);
        grid.addColumn(ItemResponse::title).setHeader(getTranslation("report.doc.rec.title")).setFlexGrow(1);
        grid.addColumn(r -> r.response() == null ? getTranslation("report.response.none")
                : getTranslation(r.response().status().messageKey())).setHeader(getTranslation("report.response.status"));
        grid.addColumn(r -> String.valueOf(r.due())).setHeader(getTranslation("report.response.due"));
        grid.setItems(overdue);
        section.add(grid);
        return section;
    }

    private Component accessLogSection() {
        Section section = new Section();
        section.setId("report-access-log");
        section.add(new H3(getTranslation("report.log.title")));
        List<AccessLogEntry> entries = reports.accessLog(processId);
        if (entries.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("report.log.none"));
            none.addClassName("gn-empty");
            section.add(none);
            return section;
        }
        Grid<AccessLogEntry> grid = new Grid<>();
        grid.setAllRowsVisible(entries.size() <= 20);
        grid.addColumn(e -> when(e.at())).setHeader(getTranslation("report.log.at")).setAutoWidth(true);
        grid.addColumn(AccessLogEntry::accountName).setHeader(getTranslation("report.log.who")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("report.log.action." + e.action().toLowerCase()))
                .setHeader(getTranslation("report.log.action"));
        grid.addColumn(e -> e.reportNumber() == null ? "–" : getTranslation("report.version.title", e.reportNumber()))
                .setHeader(getTranslation("report.log.report"));
        grid.addColumn(e -> e.fileName() == null ? "–" : e.fileName()).setHeader(getTranslation("report.log.file"))
                .setFlexGrow(1);
        grid.setItems(entries);
        section.add(grid);
        return section;
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Notifications.success(getTranslation(doneKey));
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
        }
        refresh();
    }

    /**
     * Rebuilds the page in place. Not {@code refreshCurrentRoute}: that makes a new view, and the background work
     * started just before (the files after publishing) would then move a bar that is no longer on the screen.
     */
    private void refresh() {
        body.removeAll();
        try {
            render(null);
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
        }
    }

    private Paragraph line(String key, Object... args) {
        Paragraph p = new Paragraph(getTranslation(key, args));
        p.addClassName("gn-muted");
        return p;
    }

    private String when(Instant at) {
        return at == null ? "–" : timeFormat.format(at);
    }
}
