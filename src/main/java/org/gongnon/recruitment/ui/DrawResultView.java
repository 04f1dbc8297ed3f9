package org.gongnon.recruitment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParam;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongnon.algorithms.stats.FeatureComparison;
import org.gongnon.algorithms.stats.FitTest;
import org.gongnon.algorithms.stats.Group;
import org.gongnon.algorithms.stats.ValueComparison;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.ShareBarChart;
import org.gongnon.recruitment.DrawAlgorithm;
import org.gongnon.recruitment.DrawDetails;
import org.gongnon.recruitment.DrawService;
import org.gongnon.recruitment.DrawSummary;
import org.gongnon.recruitment.ReplacementProposal;
import org.gongnon.security.Roles;

/**
 * One draw's result: its record (fingerprint, seed, algorithm), the panel as it stands, the reserves,
 * every pool member's selection probability, the quotas met, representativeness with χ² tests, and
 * the replacements, where facilitators mark someone who declined and seat the proposed reserve.
 */
@Route("processes/:processId/recruitment/draws/:drawId")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class DrawResultView extends RecruitmentPage {

    private final transient DrawService draws;
    private final transient java.time.Clock clock;
    private long drawId;
    DrawDetails details;
    final Grid<DrawDetails.Selection> panelGrid = new Grid<>();
    final Grid<DrawDetails.Selection> reserveGrid = new Grid<>();
    private final transient org.gongnon.recruitment.PanelSeatingService seating;
    final Grid<DrawDetails.Selection> probabilityGrid = new Grid<>();
    TabSheet sheet;

    public DrawResultView(DrawService draws, org.gongnon.recruitment.PanelSeatingService seating,
                          java.time.Clock clock) {
        super("draws");
        this.draws = draws;
        this.seating = seating;
        this.clock = clock;
    }

    static RouteParameters parameters(long processId, long drawId) {
        return new RouteParameters(new RouteParam("processId", String.valueOf(processId)),
                new RouteParam("drawId", String.valueOf(drawId)));
    }

    @Override
    protected String titleKey() {
        return "recruitment.result.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        drawId = event.getRouteParameters().getLong("drawId").orElseThrow(() -> new UserFacingException("recruitment.draw.not-found"));
        details = draws.details(drawId);
        if (details.summary().processId() != processId) {
            // A draw of another process under this process's address: as if it did not exist.
            throw new UserFacingException("recruitment.draw.not-found");
        }
        refresh();
    }

    private void refresh() {
        body.removeAll();
        body.add(record(details.summary()), seatingBox());
        sheet = new TabSheet();
        sheet.setWidthFull();
        sheet.add(getTranslation("recruitment.result.panel", details.currentPanel().size()), panelTab());
        sheet.add(getTranslation("recruitment.result.reserves", details.reserves().size()), reserveTab());
        sheet.add(getTranslation("recruitment.result.representativeness"), representativenessTab());
        sheet.add(getTranslation("recruitment.result.quotas"), quotaTab());
        sheet.add(getTranslation("recruitment.result.probabilities"), probabilityTab());
        sheet.add(getTranslation("recruitment.result.replacements", details.replacements().size()), replacementTab());
        body.add(sheet);
    }

    private Component record(DrawSummary s) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(clock.getZone());
        Div box = new Div();
        box.addClassName("gn-card");
        box.add(new H3(getTranslation("recruitment.result.record", s.id())));
        // A draw from a published list has no seed typed in: its "seed" is the number drawn at the ceremony.
        String line = s.fromList().isPresent() ? "recruitment.result.record-line-list" : "recruitment.result.record-line";
        box.add(new Paragraph(getTranslation(line, time.format(s.drawnAt()), s.drawnBy(),
                getTranslation(DrawAlgorithm.valueOf(s.algorithm()).messageKey()), s.algorithmVersion(), String.valueOf(s.seed()),
                s.panelSize(), s.reserveCount())));
        s.fromList().ifPresent(l -> {
            Paragraph fromList = new Paragraph(getTranslation("recruitment.result.from-list", l.number(), l.panelCount()) + " ");
            fromList.add(new com.vaadin.flow.router.RouterLink(getTranslation("recruitment.list.link", l.listId(),
                    l.panelCount()), PublishedListView.class, PublishedListView.parameters(processId, l.listId())));
            fromList.setId("result-from-list");
            box.add(fromList);
        });
        box.add(new Paragraph(getTranslation("recruitment.result.min-probability") + ": "
                + Formats.probability(getLocale(), s.minProbability()) + " · "
                + getTranslation("recruitment.result.duration", String.format(Locale.ROOT, "%.1f", s.durationMs() / 1000.0))));
        s.certificate().ifPresent(c -> {
            Paragraph certificate = new Paragraph(Formats.certificate(this, getLocale(), c));
            certificate.setId("result-certificate");
            box.add(certificate);
        });
        Span fingerprint = new Span(s.fingerprint());
        fingerprint.addClassName("gn-fingerprint");
        fingerprint.setId("result-fingerprint");
        box.add(new Paragraph(new Span(getTranslation("recruitment.draw.fingerprint") + ": "), fingerprint));
        Anchor export = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] zip = draws.export(drawId);
            return new DownloadResponse(new ByteArrayInputStream(zip), "draw-" + drawId + ".zip", "application/zip",
                    zip.length);
        }), getTranslation("recruitment.result.export"));
        export.setId("export-draw");
        export.getElement().setAttribute("download", true);
        box.add(export);
        Paragraph immutable = new Paragraph(getTranslation("recruitment.result.immutable"));
        immutable.addClassName("gn-hint");
        box.add(immutable);
        return box;
    }

    /**
     * Seating hands the panel over to the deliberation: its members get personal pages and can be invited.
     * Seating another draw later withdraws whoever is not on its panel, so that asks for confirmation.
     */
    private Component seatingBox() {
        Div box = new Div();
        box.addClassName("gn-card");
        box.setId("seating");
        java.util.Optional<org.gongnon.recruitment.SeatingRecord> seated = seating.seating(processId);
        boolean thisDraw = seated.filter(r -> r.drawId() == drawId).isPresent();
        Paragraph state = new Paragraph(thisDraw
                ? getTranslation("recruitment.seating.seated-this", seated.get().seatedBy())
                : seated.map(r -> getTranslation("recruitment.seating.seated-other", r.drawId()))
                        .orElseGet(() -> getTranslation("recruitment.seating.not-seated")));
        state.setId("seating-state");
        com.vaadin.flow.component.button.Button seat = new com.vaadin.flow.component.button.Button(
                getTranslation(thisDraw ? "recruitment.seating.resync" : "recruitment.seating.seat"), e -> {
                    if (seated.isPresent() && !thisDraw) {
                        org.gongnon.base.ui.Confirm.destructive(this, "recruitment.seating.confirm-title",
                                getTranslation("recruitment.seating.confirm-text", seated.get().drawId()),
                                "recruitment.seating.seat", this::seat).open();
                    } else {
                        seat();
                    }
                });
        seat.setId("seat-panel");
        if (!thisDraw) {
            seat.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.PRIMARY);
        }
        Paragraph hint = new Paragraph(getTranslation("recruitment.seating.hint"));
        hint.addClassName("gn-hint");
        box.add(new H3(getTranslation("recruitment.seating.title")), state, seat, hint);
        return box;
    }

    private void seat() {
        try {
            org.gongnon.process.SeatingResult result = seating.seatPanel(drawId);
            Notifications.success(getTranslation("recruitment.seating.done", result.added(), result.withdrawn(),
                    result.rejoined()));
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
        }
        refresh();
    }

    private Component panelTab() {
        panelGrid.removeAllColumns();
        memberColumns(panelGrid);
        panelGrid.addColumn(s -> getTranslation("recruitment.status." + s.status().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("recruitment.result.status")).setAutoWidth(true);
        panelGrid.addComponentColumn(s -> {
            Button declined = new Button(getTranslation("recruitment.replace.action"), e -> proposeFor(s));
            declined.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            declined.setAriaLabel(getTranslation("recruitment.replace.action-for", s.member().name()));
            return declined;
        }).setHeader(getTranslation("recruitment.replace.column"));
        panelGrid.setItems(details.currentPanel());
        panelGrid.addThemeVariants(GridVariant.ROW_STRIPES);
        return panelGrid;
    }

    private Component reserveTab() {
        reserveGrid.removeAllColumns();
        reserveGrid.addColumn(DrawDetails.Selection::position).setHeader(getTranslation("recruitment.result.order"))
                .setAutoWidth(true);
        memberColumns(reserveGrid);
        reserveGrid.addColumn(s -> getTranslation("recruitment.status." + s.status().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("recruitment.result.status")).setAutoWidth(true);
        reserveGrid.setItems(details.reserves());
        return reserveGrid;
    }

    private Component probabilityTab() {
        TextField search = new TextField();
        search.setLabel(getTranslation("recruitment.result.find-person"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        probabilityGrid.removeAllColumns();
        memberColumns(probabilityGrid);
        probabilityGrid.addColumn(s -> Formats.probability(getLocale(), s.probability()))
                .setHeader(getTranslation("recruitment.result.probability")).setComparator(DrawDetails.Selection::probability)
                .setAutoWidth(true);
        probabilityGrid.addColumn(s -> getTranslation("recruitment.status." + s.status().name().toLowerCase(Locale.ROOT)))
                .setHeader(getTranslation("recruitment.result.status")).setAutoWidth(true);
        var data = probabilityGrid.setItems(details.pool());
        search.addValueChangeListener(e -> {
            String q = e.getValue().strip();
            data.setFilter(s -> q.isEmpty() || s.member().name().contains(q)
                    || samePhone(s.member().phone(), q)
                    || String.valueOf(s.member().sourceRow()).equals(q));
        });
        Paragraph note = new Paragraph(getTranslation("recruitment.result.probability-note"));
        note.addClassName("gn-hint");
        return new Div(note, search, probabilityGrid);
    }

    /**
     * A person can be found by their whole phone number (separators aside), but not by a part of it: phones are
     * not shown on this page, and matching parts would let one read them digit by digit.
     */
    static boolean samePhone(String phone, String query) {
        if (phone == null) {
            return false;
        }
        String digits = query.replaceAll("[^0-9]", "");
        return digits.length() >= 8 && digits.equals(phone.replaceAll("[^0-9]", ""));
    }

    private Component quotaTab() {
        Grid<DrawDetails.DrawQuota> grid = new Grid<>();
        grid.addColumn(DrawDetails.DrawQuota::feature).setHeader(getTranslation("recruitment.quota.feature"));
        grid.addColumn(DrawDetails.DrawQuota::value).setHeader(getTranslation("recruitment.quota.value"));
        grid.addColumn(q -> q.min() + "–" + q.max()).setHeader(getTranslation("recruitment.quota.in-force"));
        grid.addColumn(DrawDetails.DrawQuota::inPool).setHeader(getTranslation("recruitment.quota.pool"));
        grid.addColumn(DrawDetails.DrawQuota::drawn).setHeader(getTranslation("recruitment.result.drawn"));
        grid.addComponentColumn(q -> {
            Span now = new Span(String.valueOf(q.now()));
            if (q.now() < q.min() || q.now() > q.max()) {
                now.addClassName("gn-warning");
                now.setText(getTranslation("recruitment.result.outside", q.now()));
            }
            return now;
        }).setHeader(getTranslation("recruitment.result.now"));
        grid.setItems(details.quotas());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private Component representativenessTab() {
        Div content = new Div();
        Paragraph note = new Paragraph(getTranslation("recruitment.report.note"));
        note.addClassName("gn-hint");
        content.add(note);
        if (seating.seating(processId).filter(r -> r.drawId() == drawId).isPresent()) {
            // Who actually came to each session is added on the attendance page (a later step, linked by address).
            Anchor attendees = new Anchor("processes/" + processId + "/attendance",
                    getTranslation("recruitment.report.attendees-link"));
            attendees.setId("attendees-report");
            content.add(new Paragraph(attendees));
        }
        for (FeatureComparison f : draws.representativeness(drawId)) {
            List<String> values = f.values().stream().map(ValueComparison::value).toList();
            List<ShareBarChart.Series> series = new ArrayList<>();
            series.add(new ShareBarChart.Series(getTranslation("recruitment.report.population"),
                    f.values().stream().map(ValueComparison::populationShare).toList()));
            series.add(new ShareBarChart.Series(getTranslation("recruitment.report.pool"),
                    f.values().stream().map(v -> v.in(Group.POOL).share()).toList()));
            series.add(new ShareBarChart.Series(getTranslation("recruitment.report.panel"),
                    f.values().stream().map(v -> v.in(Group.PANEL).share()).toList()));
            Div section = new Div();
            section.addClassName("gn-card");
            section.add(new ShareBarChart(getTranslation("recruitment.report.caption", f.feature()), f.feature(), values,
                    series));
            section.add(testLine(f.test(Group.POOL), "recruitment.report.pool"),
                    testLine(f.test(Group.PANEL), "recruitment.report.panel"));
            content.add(section);
        }
        return content;
    }

    private Paragraph testLine(FitTest test, String groupKey) {
        String group = getTranslation(groupKey);
        if (!test.tested()) {
            return new Paragraph(getTranslation("recruitment.report.not-tested", group));
        }
        String text = getTranslation("recruitment.report.chi2", group,
                String.format(Locale.ROOT, "%.2f", test.statistic()), test.degreesOfFreedom(),
                String.format(Locale.ROOT, "%.3f", test.pValue()))
                + " " + getTranslation(test.rejectsAt(0.05) ? "recruitment.report.differs" : "recruitment.report.fits");
        if (!test.sparseValues().isEmpty()) {
            text += " " + getTranslation("recruitment.report.sparse", String.join(", ", test.sparseValues()));
        }
        return new Paragraph(text);
    }

    private Component replacementTab() {
        Grid<DrawDetails.ReplacementRecord> grid = new Grid<>();
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(clock.getZone());
        grid.addColumn(r -> time.format(r.recordedAt())).setHeader(getTranslation("recruitment.history.when"));
        grid.addColumn(r -> r.declined().name() + " (#" + r.declined().sourceRow() + ")")
                .setHeader(getTranslation("recruitment.replace.declined"));
        grid.addColumn(r -> r.replacement().map(m -> m.name() + " (#" + m.sourceRow() + ")")
                .orElse(getTranslation("recruitment.replace.none"))).setHeader(getTranslation("recruitment.replace.replacement"));
        grid.addColumn(r -> getTranslation(r.sameStratum() ? "recruitment.replace.same-stratum" : "recruitment.replace.other-stratum"))
                .setHeader(getTranslation("recruitment.replace.rule"));
        grid.addColumn(r -> r.reason() == null ? "" : r.reason()).setHeader(getTranslation("recruitment.replace.reason"));
        grid.addColumn(DrawDetails.ReplacementRecord::recordedBy).setHeader(getTranslation("recruitment.history.by"));
        grid.setItems(details.replacements());
        grid.setAllRowsVisible(true);
        if (details.replacements().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("recruitment.replace.empty"));
            empty.addClassName("gn-empty");
            return empty;
        }
        return grid;
    }

    private void memberColumns(Grid<DrawDetails.Selection> grid) {
        grid.addColumn(s -> s.member().sourceRow()).setHeader(getTranslation("recruitment.pool.row")).setAutoWidth(true);
        grid.addColumn(s -> s.member().name()).setHeader(getTranslation("recruitment.pool.name")).setAutoWidth(true);
        for (String feature : details.features()) {
            grid.addColumn(s -> s.member().value(feature)).setHeader(feature).setAutoWidth(true);
        }
        grid.addThemeVariants(GridVariant.ROW_STRIPES);
    }

    /** Shows the proposal for someone who declined; recorded only when the facilitator confirms. */
    void proposeFor(DrawDetails.Selection leaving) {
        ReplacementProposal proposal;
        try {
            proposal = draws.proposeReplacement(drawId, leaving.member().id());
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
            return;
        }
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setHeader(getTranslation("recruitment.replace.title", leaving.member().name()));
        TextField reason = new TextField(getTranslation("recruitment.replace.reason"));
        reason.setMaxLength(500);
        reason.setWidthFull();
        String text = proposal.reserve()
                .map(r -> getTranslation(proposal.sameStratum() ? "recruitment.replace.proposal-same"
                        : "recruitment.replace.proposal-other", r.name(), r.sourceRow()))
                .orElse(getTranslation("recruitment.replace.proposal-none"));
        Paragraph proposalText = new Paragraph(text);
        proposalText.setId("replacement-proposal");
        dialog.add(proposalText, reason);
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmText(getTranslation("recruitment.replace.confirm"));
        dialog.setConfirmButtonTheme("primary");
        dialog.addConfirmListener(e -> {
            try {
                draws.recordReplacement(drawId, leaving.member().id(), reason.getValue());
                details = draws.details(drawId);
        if (details.summary().processId() != processId) {
            // A draw of another process under this process's address: as if it did not exist.
            throw new UserFacingException("recruitment.draw.not-found");
        }
                refresh();
                Notifications.success(getTranslation("recruitment.replace.recorded"));
            } catch (UserFacingException ex) {
                Notifications.error(Messages.of(this, ex));
            }
        });
        dialog.open();
    }
}
