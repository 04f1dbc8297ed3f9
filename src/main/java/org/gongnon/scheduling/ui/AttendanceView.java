package org.gongnon.scheduling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongnon.algorithms.stats.FitTest;
import org.gongnon.algorithms.stats.GroupShare;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.base.ui.FieldErrors;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.recruitment.GroupComparison;
import org.gongnon.scheduling.AttendanceService;
import org.gongnon.scheduling.HonorariumReport;
import org.gongnon.scheduling.HonorariumRule;
import org.gongnon.scheduling.Programme;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.SessionSummary;
import org.gongnon.scheduling.SettingsForm;
import org.gongnon.security.Roles;

/**
 * Attendance over the whole programme: each session's counts with a link to its check-in desk, the honorarium
 * rule and who has earned it so far (downloadable for the finance office), and who actually came compared
 * with the population, session by session.
 */
@Route("processes/:processId/attendance")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class AttendanceView extends SchedulingPage {

    /** The significance level the χ² results are read at, as in the recruitment report. */
    static final double ALPHA = 0.05;

    private final transient ProgrammeService programme;
    private final transient AttendanceService attendance;
    private final transient Clock clock;
    Programme plan;
    SettingsForm settings;
    HonorariumReport report;
    List<GroupComparison> comparisons = List.of();
    final Grid<SessionSummary> sessionsGrid = new Grid<>();
    final Select<HonorariumRule> rule = new Select<>();
    final IntegerField minSessions = new IntegerField();
    final Checkbox lateCounts = new Checkbox();
    final Checkbox leftEarlyCounts = new Checkbox();
    final Checkbox tableNamesVisible = new Checkbox();
    final Button saveSettings = new Button();
    /** Where a refused save is explained next to the form (besides the notification). */
    final Paragraph settingsError = new Paragraph();
    final Paragraph honorariumSummary = new Paragraph();
    final Grid<HonorariumReport.Row> eligibilityGrid = new Grid<>();
    final Div representativeness = new Div();
    final List<NativeTable> representativenessTables = new ArrayList<>();
    private final FieldErrors errors = new FieldErrors();

    public AttendanceView(ProgrammeService programme, AttendanceService attendance, Clock clock) {
        super("attendance");
        this.programme = programme;
        this.attendance = attendance;
        this.clock = clock;
        // Added once, should the router reuse this view for another process.
        rule.addValueChangeListener(e -> minSessions.setEnabled(e.getValue() == HonorariumRule.MIN_SESSIONS));
        saveSettings.addClickListener(e -> save());
    }

    @Override
    protected String titleKey() {
        return "scheduling.attendance.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        plan = programme.programme(processId);
        settings = attendance.settings(processId);
        body.add(section("attendance-sessions", "scheduling.attendance.sessions", sessionsSection()),
                section("attendance-honorarium", "scheduling.honorarium.title", honorariumSection()),
                section("attendance-representativeness", "scheduling.representativeness.title",
                        representativenessSection()));
        showSettings();
        showHonorarium();
        showRepresentativeness();
    }

    private Section section(String id, String titleKey, Component content) {
        H3 title = new H3(getTranslation(titleKey));
        title.setId(id + "-title");
        Section s = new Section(title, content);
        s.setId(id);
        s.getElement().setAttribute("aria-labelledby", id + "-title");
        s.addClassName("gn-attendance-section");
        return s;
    }

    // --- (a) sessions -----------------------------------------------------------------------------------------

    private Component sessionsSection() {
        if (plan.sessions().isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("scheduling.attendance.no-sessions"));
            empty.addClassName("gn-empty");
            empty.setId("attendance-no-sessions");
            return new Div(empty, new Anchor(path(processId, "programme"), getTranslation("scheduling.nav.programme")));
        }
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        sessionsGrid.removeAllColumns();
        sessionsGrid.addColumn(s -> date.format(s.date()) + " " + s.start())
                .setHeader(getTranslation("scheduling.attendance.session-date")).setAutoWidth(true);
        sessionsGrid.addColumn(SessionSummary::title).setHeader(getTranslation("scheduling.attendance.session-title"))
                .setAutoWidth(true).setFlexGrow(1);
        sessionsGrid.addColumn(SessionSummary::expected).setHeader(getTranslation("scheduling.count.expected"));
        sessionsGrid.addColumn(SessionSummary::confirmed).setHeader(getTranslation("scheduling.count.confirmed"));
        sessionsGrid.addColumn(SessionSummary::declined).setHeader(getTranslation("scheduling.count.declined"));
        sessionsGrid.addColumn(SessionSummary::attended).setHeader(getTranslation("scheduling.count.attended"));
        sessionsGrid.addColumn(s -> AttendanceFormats.percent(getLocale(),
                        AttendanceFormats.share(s.attended(), s.expected())))
                .setHeader(getTranslation("scheduling.attendance.rate")).setAutoWidth(true);
        sessionsGrid.addComponentColumn(s -> {
            Anchor checkIn = new Anchor(path(processId, "programme/sessions/" + s.id() + "/check-in"),
                    getTranslation("scheduling.checkin.open"));
            checkIn.getElement().setAttribute("aria-label", getTranslation("scheduling.checkin.open-for", s.title()));
            Anchor invitations = new Anchor(path(processId, "programme/sessions/" + s.id() + "/invitations"),
                    getTranslation("scheduling.invitations.title"));
            invitations.getElement().setAttribute("aria-label",
                    getTranslation("scheduling.invitations.open-for", s.title()));
            Div links = new Div(checkIn, invitations);
            links.addClassName("gn-links");
            return links;
        }).setHeader(getTranslation("scheduling.attendance.links")).setAutoWidth(true);
        sessionsGrid.setItems(plan.sessions());
        sessionsGrid.addThemeVariants(GridVariant.ROW_STRIPES);
        sessionsGrid.setAllRowsVisible(true);
        Paragraph rate = new Paragraph(getTranslation("scheduling.attendance.rate-hint"));
        rate.addClassName("gn-hint");
        return new Div(rate, sessionsGrid);
    }

    // --- (b) honorarium ---------------------------------------------------------------------------------------

    private Component honorariumSection() {
        rule.setLabel(getTranslation("scheduling.honorarium.rule"));
        rule.setItems(HonorariumRule.values());
        rule.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        rule.setId("honorarium-rule");
        rule.setMinWidth("20em");
        minSessions.setLabel(getTranslation("scheduling.honorarium.min-sessions"));
        minSessions.setMin(1);
        minSessions.setMax(100);
        minSessions.setStepButtonsVisible(true);
        minSessions.setId("honorarium-min-sessions");
        lateCounts.setLabel(getTranslation("scheduling.honorarium.late-counts"));
        lateCounts.setId("honorarium-late-counts");
        leftEarlyCounts.setLabel(getTranslation("scheduling.honorarium.left-early-counts"));
        leftEarlyCounts.setId("honorarium-left-early-counts");
        tableNamesVisible.setLabel(getTranslation("scheduling.honorarium.table-names-visible"));
        tableNamesVisible.setId("table-names-visible");
        saveSettings.setText(getTranslation("scheduling.honorarium.save"));
        saveSettings.setId("save-settings");
        saveSettings.addThemeVariants(ButtonVariant.PRIMARY);
        errors.bind("honorariumRule", rule).bind("minSessions", minSessions);
        settingsError.setId("settings-error");
        settingsError.addClassName("gn-error-box");
        settingsError.getElement().setAttribute("role", "alert");
        settingsError.setVisible(false);
        Div row = new Div(rule, minSessions);
        row.addClassName("gn-form-row");
        Div checks = new Div(lateCounts, leftEarlyCounts, tableNamesVisible);
        checks.addClassName("gn-form-checks");
        Div form = new Div(row, checks, saveSettings, settingsError);
        form.addClassName("gn-card");

        honorariumSummary.setId("honorarium-summary");
        honorariumSummary.getElement().setAttribute("role", "status");
        eligibilityGrid.removeAllColumns();
        eligibilityGrid.addColumn(HonorariumReport.Row::displayName)
                .setHeader(getTranslation("scheduling.attendee.name")).setAutoWidth(true).setSortable(true);
        eligibilityGrid.addColumn(HonorariumReport.Row::attended)
                .setHeader(getTranslation("scheduling.honorarium.attended")).setSortable(true);
        eligibilityGrid.addColumn(r -> r.requiredAttended() + " / " + r.requiredExpected())
                .setHeader(getTranslation("scheduling.honorarium.required")).setAutoWidth(true);
        eligibilityGrid.addColumn(r -> getTranslation(r.eligible() ? "scheduling.honorarium.eligible-yes"
                        : "scheduling.honorarium.eligible-no")).setHeader(getTranslation("scheduling.honorarium.eligible"))
                .setComparator(HonorariumReport.Row::eligible).setAutoWidth(true);
        eligibilityGrid.setPartNameGenerator(r -> r.eligible() ? null : "gn-not-eligible");
        eligibilityGrid.addThemeVariants(GridVariant.ROW_STRIPES);
        eligibilityGrid.setHeight("28em");

        Anchor csv = new Anchor(csvDownload(), getTranslation("scheduling.honorarium.download"));
        csv.setId("honorarium-csv");
        csv.getElement().setAttribute("download", true);
        Paragraph csvHint = new Paragraph(getTranslation("scheduling.honorarium.download-hint"));
        csvHint.addClassName("gn-hint");
        return new Div(form, honorariumSummary, eligibilityGrid, csv, csvHint);
    }

    private DownloadHandler csvDownload() {
        // The texts are read now: the download is served outside this page's request.
        List<String> header = List.of(getTranslation("scheduling.attendee.name"),
                getTranslation("scheduling.honorarium.attended"),
                getTranslation("scheduling.honorarium.required-attended"),
                getTranslation("scheduling.honorarium.required-expected"),
                getTranslation("scheduling.honorarium.eligible"));
        String yes = getTranslation("scheduling.honorarium.csv-yes");
        String no = getTranslation("scheduling.honorarium.csv-no");
        long process = processId;
        return DownloadHandler.fromInputStream(event -> {
            byte[] bytes = EligibilityCsv.write(header, attendance.honorarium(process).rows(), yes, no);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "honorarium-" + process + "-"
                    + LocalDate.now(clock) + ".csv", "text/csv", bytes.length);
        });
    }

    private void showSettings() {
        errors.clear();
        settingsError.setVisible(false);
        rule.setValue(settings.honorariumRule());
        minSessions.setValue(settings.minSessions());
        minSessions.setEnabled(settings.honorariumRule() == HonorariumRule.MIN_SESSIONS);
        lateCounts.setValue(settings.lateCounts());
        leftEarlyCounts.setValue(settings.leftEarlyCounts());
        tableNamesVisible.setValue(settings.tableNamesVisible());
    }

    void save() {
        errors.clear();
        settingsError.setVisible(false);
        // The minimum is kept as stored while the rule does not use it, so an emptied field cannot block saving.
        Integer min = minSessions.getValue();
        int minimum = min != null ? min : rule.getValue() == HonorariumRule.MIN_SESSIONS ? 0 : settings.minSessions();
        SettingsForm form = new SettingsForm(processId, settings.version(), rule.getValue(), minimum,
                lateCounts.getValue(), leftEarlyCounts.getValue(), tableNamesVisible.getValue());
        try {
            settings = attendance.saveSettings(form);
            showSettings();
            showHonorarium();
            Notifications.success(getTranslation("scheduling.honorarium.saved"));
        } catch (ValidationException e) {
            String rest = errors.show(this, e);
            if (!rest.isEmpty()) {
                refuse(rest);
            }
        } catch (UserFacingException e) {
            refuse(Messages.of(this, e));
        }
    }

    private void refuse(String text) {
        settingsError.setText(text);
        settingsError.setVisible(true);
        Notifications.error(text);
    }

    void showHonorarium() {
        report = attendance.honorarium(processId);
        String ruleText = report.settings().honorariumRule() == HonorariumRule.MIN_SESSIONS
                ? getTranslation("scheduling.honorarium.rule-min", report.settings().minSessions())
                : getTranslation("scheduling.honorarium.rule-all");
        honorariumSummary.setText(getTranslation("scheduling.honorarium.summary", report.heldSessions(),
                report.requiredHeldSessions(), report.eligibleCount(), report.rows().size()) + " " + ruleText);
        eligibilityGrid.setItems(report.rows());
    }

    // --- (c) representativeness -------------------------------------------------------------------------------

    private Component representativenessSection() {
        representativeness.setId("representativeness");
        return representativeness;
    }

    private void showRepresentativeness() {
        representativeness.removeAll();
        representativenessTables.clear();
        comparisons = attendance.representativeness(processId);
        if (comparisons.isEmpty() || comparisons.stream().allMatch(c -> c.groupLabels().isEmpty())) {
            Paragraph empty = new Paragraph(getTranslation(comparisons.isEmpty()
                    ? "scheduling.representativeness.no-draw" : "scheduling.representativeness.no-attendance"));
            empty.addClassName("gn-empty");
            empty.setId("representativeness-empty");
            representativeness.add(empty);
            return;
        }
        Paragraph note = new Paragraph(getTranslation("scheduling.representativeness.note"));
        note.addClassName("gn-hint");
        representativeness.add(note);
        for (GroupComparison c : comparisons) {
            representativeness.add(comparisonTable(c));
        }
    }

    private Component comparisonTable(GroupComparison c) {
        NativeTable table = new NativeTable();
        table.addClassName("gn-table");
        representativenessTables.add(table);
        table.setCaptionText(getTranslation("recruitment.report.caption", c.feature()));
        NativeTableRow head = table.getHead().addRow();
        head.add(columnHeader(c.feature()), columnHeader(getTranslation("recruitment.report.population")),
                columnHeader(getTranslation("recruitment.report.pool")),
                columnHeader(getTranslation("recruitment.report.panel")));
        c.groupLabels().forEach(label -> head.add(columnHeader(label)));
        for (GroupComparison.Row r : c.rows()) {
            NativeTableRow row = table.getBody().addRow();
            NativeTableHeaderCell value = new NativeTableHeaderCell(r.value());
            value.getElement().setAttribute("scope", "row");
            row.add(value);
            row.addDataCell().setText(AttendanceFormats.percent(getLocale(), r.populationShare()));
            row.addDataCell().setText(share(r.pool()));
            row.addDataCell().setText(share(r.panel()));
            r.groups().forEach(g -> row.addDataCell().setText(share(g)));
        }
        NativeTableRow tests = table.getFoot().addRow();
        NativeTableHeaderCell testHeader = new NativeTableHeaderCell(getTranslation("scheduling.representativeness.p-row"));
        testHeader.getElement().setAttribute("scope", "row");
        tests.add(testHeader);
        tests.addDataCell().setText(AttendanceFormats.NONE);
        tests.addDataCell().setText(AttendanceFormats.NONE);
        List<Paragraph> sparse = new ArrayList<>();
        testCell(tests.addDataCell(), c.panelTest(), getTranslation("recruitment.report.panel"), sparse);
        for (int i = 0; i < c.groupLabels().size(); i++) {
            testCell(tests.addDataCell(), c.groupTests().get(i), c.groupLabels().get(i), sparse);
        }
        // Many sessions make a wide table: it scrolls on its own, and can be scrolled by keyboard.
        Div scroller = new Div(table);
        scroller.addClassName("gn-table-scroll");
        scroller.getElement().setAttribute("tabindex", "0");
        scroller.getElement().setAttribute("role", "region");
        scroller.getElement().setAttribute("aria-label", getTranslation("recruitment.report.caption", c.feature()));
        Div card = new Div(scroller);
        card.addClassName("gn-card");
        sparse.forEach(card::add);
        return card;
    }

    private void testCell(NativeTableCell cell, FitTest test, String column, List<Paragraph> sparse) {
        if (!test.tested()) {
            cell.setText(getTranslation("scheduling.representativeness.not-tested"));
            return;
        }
        String p = String.format(Locale.ROOT, "%.3f", test.pValue());
        String text = getTranslation(test.rejectsAt(ALPHA) ? "scheduling.representativeness.p-differs"
                : "scheduling.representativeness.p-fits", p);
        if (!test.sparseValues().isEmpty()) {
            text += " †";
            Paragraph note = new Paragraph("† " + column + ": " + getTranslation("recruitment.report.sparse",
                    String.join(", ", test.sparseValues())));
            note.addClassName("gn-hint");
            sparse.add(note);
        }
        cell.setText(text);
        if (test.rejectsAt(ALPHA)) {
            cell.addClassName("gn-warning");
        }
    }

    private String share(GroupShare s) {
        return s.hasShare() ? AttendanceFormats.percent(getLocale(), s.share()) + " (" + s.count() + ")"
                : AttendanceFormats.NONE;
    }

    private static NativeTableHeaderCell columnHeader(String text) {
        NativeTableHeaderCell cell = new NativeTableHeaderCell(text);
        cell.getElement().setAttribute("scope", "col");
        return cell;
    }

    /** The column headings of each feature's table, e.g. [권역, 모집단, 응답자 명단, 참여단, 권역 토론 (5/3)]. */
    List<List<String>> representativenessHeadings() {
        return representativenessTables.stream().map(t -> t.getHead().getRow(0).orElseThrow().getHeaderCells()
                .stream().map(NativeTableHeaderCell::getText).toList()).toList();
    }
}
