package org.gongnon.scheduling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.grid.dataview.GridListDataView;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.scheduling.InvitationCounts;
import org.gongnon.scheduling.InvitationRow;
import org.gongnon.scheduling.InvitationRun;
import org.gongnon.scheduling.InvitationService;
import org.gongnon.scheduling.InvitationStatus;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.SessionForm;
import org.gongnon.scheduling.StratumCount;
import org.gongnon.security.Roles;

/**
 * A session's invitations: invite the expected panel members (once; newcomers such as replacements later),
 * follow their answers in total and per stratum, where a region or age band that is thinning out stands out,
 * and record answers given by phone.
 */
@Route("processes/:processId/programme/sessions/:sessionId/invitations")
@RolesAllowed({Roles.ADMIN, Roles.FACILITATOR})
public class InvitationsView extends SchedulingPage {

    /** A stratum is thinning when its confirmed share is at least this far below the session's … */
    static final double THINNING_POINTS = 0.10;
    /** … and it has enough people for one answer not to swing its share by a third or more. */
    static final int THINNING_MIN_EXPECTED = 3;

    /** The status filter of the invitee list; no selection means everyone. */
    enum StatusFilter {
        NOT_INVITED(null),
        INVITED(InvitationStatus.INVITED),
        CONFIRMED(InvitationStatus.CONFIRMED),
        DECLINED(InvitationStatus.DECLINED);

        final InvitationStatus status;

        StatusFilter(InvitationStatus status) {
            this.status = status;
        }
    }

    private final transient ProgrammeService programme;
    private final transient InvitationService invitations;
    private final transient Clock clock;
    private long sessionId;
    SessionForm session;
    InvitationCounts counts;
    List<InvitationRow> rows = List.of();
    final Div totals = new Div();
    final Grid<StratumCount> strataGrid = new Grid<>();
    final Grid<InvitationRow> inviteeGrid = new Grid<>();
    final TextField search = new TextField();
    final Select<StatusFilter> statusFilter = new Select<>();
    final Span shown = new Span();
    /** What the last invite did, announced when it changes. */
    final Div runResult = new Div();
    private GridListDataView<InvitationRow> data;

    public InvitationsView(ProgrammeService programme, InvitationService invitations, Clock clock) {
        super("programme");
        this.programme = programme;
        this.invitations = invitations;
        this.clock = clock;
        // Added once: the router reuses this view when going from one session's invitations to another's.
        search.addValueChangeListener(e -> applyFilter());
        statusFilter.addValueChangeListener(e -> applyFilter());
    }

    @Override
    protected String titleKey() {
        return "scheduling.invitations.title";
    }

    @Override
    protected void render(BeforeEnterEvent event) {
        sessionId = event.getRouteParameters().getLong("sessionId")
                .orElseThrow(() -> new UserFacingException("scheduling.session.not-found"));
        session = programme.session(sessionId);
        if (session.processId() != processId) {
            // Another process's session under this process's address: as if it did not exist.
            throw new UserFacingException("scheduling.session.not-found");
        }
        counts = invitations.counts(sessionId);
        data = null;
        search.clear();
        statusFilter.clear();
        body.add(sessionCard());
        if (counts.expected() == 0) {
            Paragraph empty = new Paragraph(getTranslation("scheduling.invitations.nobody-expected"));
            empty.addClassName("gn-empty");
            empty.setId("invitations-empty");
            body.add(empty);
            return;
        }
        body.add(inviteSection(), totalsSection(), strataSection(), inviteeSection());
        reload();
    }

    private Component sessionCard() {
        Div card = new Div();
        card.addClassName("gn-card");
        H3 title = new H3(session.title());
        title.setId("session-title");
        Paragraph when = new Paragraph(AttendanceFormats.when(getLocale(), session.date(), session.start(),
                session.end()));
        when.setId("session-when");
        Paragraph audience = new Paragraph(session.wholePanel() ? getTranslation("scheduling.invitations.audience-all")
                : getTranslation("scheduling.invitations.audience-stratum", session.audienceFeature(), session.audienceValue()));
        Anchor back = new Anchor(path(processId, "programme"), getTranslation("scheduling.invitations.back"));
        Anchor checkIn = new Anchor(path(processId, "programme/sessions/" + sessionId + "/check-in"),
                getTranslation("scheduling.checkin.open"));
        Div links = new Div(back, checkIn);
        links.addClassName("gn-links");
        card.add(title, when, audience, links);
        return card;
    }

    private Component inviteSection() {
        Button invite = new Button(getTranslation("scheduling.invitations.invite"), e -> invite());
        invite.setId("invite");
        invite.addThemeVariants(ButtonVariant.PRIMARY);
        Paragraph hint = new Paragraph(getTranslation("scheduling.invitations.invite-hint"));
        hint.addClassName("gn-hint");
        runResult.setId("invitation-run");
        runResult.getElement().setAttribute("role", "status");
        runResult.removeAll();
        Div section = new Div(invite, hint, runResult);
        section.addClassName("gn-card");
        return section;
    }

    void invite() {
        runResult.removeAll();
        runResult.removeClassName("gn-error-box");
        InvitationRun run;
        try {
            run = invitations.invite(sessionId);
        } catch (UserFacingException e) {
            runResult.addClassName("gn-error-box");
            runResult.add(new Paragraph(Messages.of(this, e)));
            return;
        }
        UnorderedList lines = new UnorderedList(
                new ListItem(getTranslation("scheduling.invitations.run.invited", run.invited())),
                new ListItem(getTranslation("scheduling.invitations.run.already", run.alreadyInvited())),
                new ListItem(getTranslation("scheduling.invitations.run.queued", run.messagesQueued())));
        if (run.withoutContact() > 0) {
            ListItem without = new ListItem(getTranslation("scheduling.invitations.run.without-contact",
                    run.withoutContact()));
            without.addClassName("gn-warning");
            lines.add(without);
        }
        if (session.date().isBefore(LocalDate.now(clock))) {
            lines.add(new ListItem(getTranslation("scheduling.invitations.run.past")));
        }
        Anchor outbox = new Anchor(path(processId, "messages"), getTranslation("scheduling.invitations.to-outbox"));
        outbox.setId("to-outbox");
        runResult.add(lines, outbox);
        reload();
    }

    private Component totalsSection() {
        totals.addClassName("gn-count-cards");
        totals.setWidthFull();
        return totals;
    }

    private Component strataSection() {
        strataGrid.removeAllColumns();
        strataGrid.addColumn(StratumCount::feature).setHeader(getTranslation("scheduling.strata.feature"))
                .setAutoWidth(true);
        strataGrid.addColumn(StratumCount::value).setHeader(getTranslation("scheduling.strata.value"))
                .setAutoWidth(true);
        strataGrid.addColumn(StratumCount::expected).setHeader(getTranslation("scheduling.count.expected"));
        strataGrid.addColumn(StratumCount::confirmed).setHeader(getTranslation("scheduling.count.confirmed"));
        strataGrid.addColumn(StratumCount::declined).setHeader(getTranslation("scheduling.count.declined"));
        strataGrid.addColumn(StratumCount::pending).setHeader(getTranslation("scheduling.count.pending"));
        strataGrid.addColumn(s -> AttendanceFormats.percent(getLocale(), s.confirmedShare()))
                .setHeader(getTranslation("scheduling.strata.confirmed-share"))
                .setComparator(StratumCount::confirmedShare);
        // Said in words too, so the highlight is not carried by colour alone.
        strataGrid.addColumn(s -> thinning(s, overallShare()) ? getTranslation("scheduling.strata.thinning") : "")
                .setHeader(getTranslation("scheduling.strata.flag")).setAutoWidth(true);
        strataGrid.setPartNameGenerator(s -> thinning(s, overallShare()) ? "gn-thinning" : null);
        strataGrid.addThemeVariants(GridVariant.ROW_STRIPES);
        strataGrid.setAllRowsVisible(true);
        Paragraph rule = new Paragraph(getTranslation("scheduling.strata.thinning-rule",
                Math.round(THINNING_POINTS * 100), THINNING_MIN_EXPECTED));
        rule.addClassName("gn-hint");
        Div section = new Div(new H3(getTranslation("scheduling.strata.title")), rule, strataGrid);
        section.setWidthFull();
        return section;
    }

    private Component inviteeSection() {
        inviteeGrid.removeAllColumns();
        inviteeGrid.addColumn(InvitationRow::displayName).setHeader(getTranslation("scheduling.attendee.name"))
                .setAutoWidth(true).setSortable(true);
        for (String feature : features()) {
            inviteeGrid.addColumn(r -> r.features().getOrDefault(feature, "")).setHeader(feature).setAutoWidth(true)
                    .setSortable(true);
        }
        inviteeGrid.addColumn(this::statusText).setHeader(getTranslation("scheduling.invitations.status"))
                .setAutoWidth(true).setSortable(true);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(clock.getZone());
        inviteeGrid.addColumn(r -> r.respondedAt() == null ? "" : time.format(r.respondedAt()))
                .setHeader(getTranslation("scheduling.invitations.responded-at")).setAutoWidth(true);
        inviteeGrid.addComponentColumn(this::answerButtons)
                .setHeader(getTranslation("scheduling.invitations.record-answer")).setAutoWidth(true);
        inviteeGrid.addThemeVariants(GridVariant.ROW_STRIPES);
        inviteeGrid.setHeight("32em");
        data = inviteeGrid.setItems(new ArrayList<InvitationRow>());

        search.setLabel(getTranslation("scheduling.attendee.search"));
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        statusFilter.setLabel(getTranslation("scheduling.invitations.status"));
        statusFilter.setItems(StatusFilter.values());
        statusFilter.setEmptySelectionAllowed(true);
        statusFilter.setEmptySelectionCaption(getTranslation("scheduling.invitations.filter-all"));
        statusFilter.setItemLabelGenerator(f -> f == null ? getTranslation("scheduling.invitations.filter-all")
                : f.status == null ? getTranslation("scheduling.invitations.not-invited-yet")
                : getTranslation(f.status.messageKey()));
        FlexLayout bar = new FlexLayout(search, statusFilter);
        bar.addClassName("gn-form-row");
        shown.getElement().setAttribute("role", "status");
        Paragraph hint = new Paragraph(getTranslation("scheduling.invitations.record-hint"));
        hint.addClassName("gn-hint");
        Div section = new Div(new H3(getTranslation("scheduling.invitations.invitees")), hint, bar, shown,
                inviteeGrid);
        section.setWidthFull();
        return section;
    }

    private Component answerButtons(InvitationRow row) {
        Div buttons = new Div();
        buttons.addClassName("gn-row-actions");
        if (row.status() == null) {
            return buttons;
        }
        for (InvitationStatus answer : InvitationStatus.values()) {
            if (answer == row.status()) {
                continue;
            }
            Button b = new Button(getTranslation("scheduling.invitations.mark." + answer.name().toLowerCase(
                    Locale.ROOT)), e -> recordAnswer(row, answer));
            b.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.TERTIARY);
            b.setId("answer-" + row.panelMemberId() + "-" + answer.name().toLowerCase(Locale.ROOT));
            b.setAriaLabel(getTranslation("scheduling.invitations.mark-for", row.displayName(),
                    getTranslation(answer.messageKey())));
            buttons.add(b);
        }
        return buttons;
    }

    void recordAnswer(InvitationRow row, InvitationStatus answer) {
        try {
            invitations.recordResponse(sessionId, row.panelMemberId(), answer);
            Notifications.success(getTranslation("scheduling.invitations.answer-recorded", row.displayName(),
                    getTranslation(answer.messageKey())));
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
        }
        reload();
    }

    /** Reads the counts and the invitees again, keeping the search and the filter. */
    void reload() {
        counts = invitations.counts(sessionId);
        rows = invitations.invitations(sessionId);
        totals.removeAll();
        totals.add(AttendanceFormats.countCard("count-expected", getTranslation("scheduling.count.expected"),
                        counts.expected()),
                AttendanceFormats.countCard("count-confirmed", getTranslation("scheduling.count.confirmed"),
                        counts.confirmed()),
                AttendanceFormats.countCard("count-declined", getTranslation("scheduling.count.declined"),
                        counts.declined()),
                AttendanceFormats.countCard("count-pending", getTranslation("scheduling.count.pending"),
                        counts.pending()),
                AttendanceFormats.countCard("count-not-invited", getTranslation("scheduling.count.not-invited"),
                        counts.notInvited()));
        strataGrid.setItems(counts.strata());
        data = inviteeGrid.setItems(new ArrayList<>(rows));
        applyFilter();
    }

    private void applyFilter() {
        if (data == null) {
            return;
        }
        String q = search.getValue() == null ? "" : search.getValue().strip();
        StatusFilter f = statusFilter.getValue();
        data.setFilter(r -> (q.isEmpty() || r.displayName().contains(q)) && (f == null || f.status == r.status()));
        shown.setText(getTranslation("scheduling.attendee.shown", data.getItemCount(), rows.size()));
    }

    private double overallShare() {
        return counts == null ? Double.NaN : AttendanceFormats.share(counts.confirmed(), counts.expected());
    }

    /**
     * Whether a stratum is thinning out: its confirmed share is {@link #THINNING_POINTS} or more below the
     * session's overall confirmed share, and it has at least {@link #THINNING_MIN_EXPECTED} people expected.
     */
    static boolean thinning(StratumCount stratum, double overallShare) {
        if (stratum.expected() < THINNING_MIN_EXPECTED || Double.isNaN(overallShare)) {
            return false;
        }
        // A hair of tolerance so that exactly 10 points (e.g. 30% against 40%) counts despite rounding.
        return overallShare - stratum.confirmedShare() >= THINNING_POINTS - 1e-9;
    }

    private List<String> features() {
        return counts.strata().stream().map(StratumCount::feature).distinct().toList();
    }

    private String statusText(InvitationRow row) {
        return row.status() == null ? getTranslation("scheduling.invitations.not-invited-yet")
                : getTranslation(row.status().messageKey());
    }
}
