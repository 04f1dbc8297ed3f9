package org.gongnon.scheduling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ui.Messages;
import org.gongnon.base.ui.Notifications;
import org.gongnon.base.ui.QrCode;
import org.gongnon.scheduling.AgendaItemForm;
import org.gongnon.scheduling.CitizenSchedule;
import org.gongnon.scheduling.CitizenScheduleService;
import org.gongnon.scheduling.InvitationStatus;
import org.gongnon.security.Roles;

/**
 * The citizen's own schedule, made for a phone: the code to show at the door, today's table, the sessions
 * to come with their place, agenda and what to bring, and a yes/no answer for each.
 */
@Route("me/schedule")
@RolesAllowed(Roles.CITIZEN)
@Menu(title = "scheduling.citizen.nav", order = 2, icon = "CALENDAR")
public class CitizenScheduleView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final transient CitizenScheduleService schedule;
    private final transient Clock clock;

    public CitizenScheduleView(CitizenScheduleService schedule, Clock clock) {
        this.schedule = schedule;
        this.clock = clock;
        addClassName("gn-page");
        addClassName("gn-citizen-schedule");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        render();
    }

    private void render() {
        removeAll();
        H1 title = new H1(getTranslation("scheduling.citizen.title"));
        CitizenSchedule mine;
        try {
            mine = schedule.mySchedule();
        } catch (UserFacingException e) {
            add(title, new Paragraph(Messages.of(this, e)));
            return;
        }
        LocalDate today = LocalDate.now(clock);
        add(title, checkInCard(mine));
        mine.sessions().stream().filter(s -> s.date().equals(today) && s.table() != null).findFirst()
                .ifPresent(s -> add(tableCard(s)));
        List<CitizenSchedule.Session> upcoming = mine.sessions().stream().filter(s -> !s.date().isBefore(today)).toList();
        List<CitizenSchedule.Session> past = mine.sessions().stream().filter(s -> s.date().isBefore(today)).toList();
        H2 upcomingHeading = new H2(getTranslation("scheduling.citizen.upcoming"));
        add(upcomingHeading);
        if (upcoming.isEmpty()) {
            Paragraph empty = new Paragraph(getTranslation("scheduling.citizen.none-upcoming"));
            empty.addClassName("gn-muted");
            add(empty);
        } else {
            add(calendarLink());
            upcoming.forEach(s -> add(sessionCard(s, today)));
        }
        if (!past.isEmpty()) {
            add(new H2(getTranslation("scheduling.citizen.past")));
            UnorderedList list = new UnorderedList();
            list.addClassName("gn-past-sessions");
            past.forEach(s -> list.add(new ListItem(date(s.date()) + " · " + s.title() + " · "
                    + getTranslation(s.checkedIn() ? "scheduling.citizen.attended" : "scheduling.citizen.not-attended"))));
            add(list);
        }
    }

    private Component checkInCard(CitizenSchedule mine) {
        Section card = new Section();
        card.addClassNames("gn-card", "gn-checkin-card");
        card.setId("checkin-card");
        H2 heading = new H2(getTranslation("scheduling.citizen.checkin-title"));
        QrCode qr = new QrCode("GN-" + mine.checkInCode(), getTranslation("scheduling.citizen.checkin-qr-alt",
                mine.checkInCode()));
        qr.addClassName("gn-checkin-qr");
        Span code = new Span(mine.checkInCode().substring(0, 4) + " " + mine.checkInCode().substring(4));
        code.addClassName("gn-checkin-code");
        code.setId("checkin-code");
        Paragraph hint = new Paragraph(getTranslation("scheduling.citizen.checkin-hint"));
        hint.addClassName("gn-muted");
        card.add(heading, qr, code, hint);
        return card;
    }

    private Component tableCard(CitizenSchedule.Session s) {
        CitizenSchedule.MyTable table = s.table();
        Section card = new Section();
        card.addClassNames("gn-card", "gn-my-table");
        card.setId("my-table");
        card.add(new H2(getTranslation("scheduling.citizen.my-table", table.number())));
        if (!table.facilitator().isEmpty()) {
            card.add(new Paragraph(getTranslation("scheduling.citizen.table-facilitator", table.facilitator())));
        }
        if (table.namesShown() && !table.tablemates().isEmpty()) {
            card.add(new Paragraph(getTranslation("scheduling.citizen.tablemates", String.join(", ", table.tablemates()))));
        }
        return card;
    }

    private Component calendarLink() {
        Anchor download = new Anchor(DownloadHandler.fromInputStream(e -> {
            byte[] ics = schedule.calendarFile();
            return new DownloadResponse(new ByteArrayInputStream(ics), "gongnon-schedule.ics",
                    "text/calendar; charset=UTF-8", ics.length);
        }), getTranslation("scheduling.citizen.calendar-download"));
        download.setId("calendar-download");
        download.addClassName("gn-calendar-download");
        return download;
    }

    private Component sessionCard(CitizenSchedule.Session s, LocalDate today) {
        Section card = new Section();
        card.addClassNames("gn-card", "gn-session-card");
        card.getElement().setAttribute("data-session", String.valueOf(s.sessionId()));
        H3 heading = new H3(s.title());
        Paragraph when = new Paragraph(date(s.date()) + " " + s.start() + "–" + s.end()
                + (s.date().equals(today) ? " · " + getTranslation("scheduling.citizen.today") : ""));
        when.addClassName("gn-session-when");
        card.add(heading, new Paragraph(s.roundTitle()), when);
        if (s.venueName() != null) {
            card.add(new Paragraph(getTranslation("scheduling.citizen.venue", s.venueName(), s.venueAddress())));
            if (s.accessibility() != null) {
                Paragraph access = new Paragraph(getTranslation("scheduling.citizen.accessibility", s.accessibility()));
                access.addClassName("gn-muted");
                card.add(access);
            }
        }
        if (s.onlineUrl() != null) {
            Anchor online = new Anchor(s.onlineUrl(), getTranslation("scheduling.citizen.online-link"));
            online.setTarget("_blank");
            online.getElement().setAttribute("rel", "noopener noreferrer");
            card.add(online);
        }
        if (s.whatToBring() != null) {
            card.add(new Paragraph(getTranslation("scheduling.citizen.bring", s.whatToBring())));
        }
        if (!s.agenda().isEmpty()) {
            UnorderedList agenda = new UnorderedList();
            for (AgendaItemForm item : s.agenda()) {
                agenda.add(new ListItem(item.start() + "–" + item.end() + " " + item.title()
                        + " (" + getTranslation(item.kind().messageKey()) + ")"));
            }
            Details details = new Details(getTranslation("scheduling.citizen.agenda"), agenda);
            card.add(details);
        }
        card.add(answer(s));
        return card;
    }

    private Component answer(CitizenSchedule.Session s) {
        Div box = new Div();
        box.addClassName("gn-answer");
        Span status = new Span(getTranslation(s.status().messageKey()));
        status.addClassNames("gn-badge", "gn-status-" + s.status().name().toLowerCase(java.util.Locale.ROOT));
        status.getElement().setAttribute("role", "status");
        Button yes = new Button(getTranslation("scheduling.citizen.attend"), e -> respond(s, true));
        Button no = new Button(getTranslation("scheduling.citizen.decline"), e -> respond(s, false));
        yes.addClassName("gn-answer-yes");
        no.addClassName("gn-answer-no");
        yes.getElement().setAttribute("aria-pressed", String.valueOf(s.status() == InvitationStatus.CONFIRMED));
        no.getElement().setAttribute("aria-pressed", String.valueOf(s.status() == InvitationStatus.DECLINED));
        if (s.status() == InvitationStatus.CONFIRMED) {
            yes.addThemeVariants(ButtonVariant.PRIMARY);
        } else if (s.status() == InvitationStatus.DECLINED) {
            no.addThemeVariants(ButtonVariant.PRIMARY);
        }
        HorizontalLayout buttons = new HorizontalLayout(yes, no);
        buttons.addClassName("gn-answer-buttons");
        box.add(status, buttons);
        return box;
    }

    private void respond(CitizenSchedule.Session s, boolean attending) {
        try {
            schedule.respond(s.sessionId(), attending);
            Notifications.success(getTranslation(attending ? "scheduling.citizen.answered-yes"
                    : "scheduling.citizen.answered-no", s.title()));
        } catch (UserFacingException e) {
            Notifications.error(Messages.of(this, e));
        }
        render();
    }

    private String date(LocalDate date) {
        return date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale()));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("scheduling.citizen.title") + " · " + getTranslation("app.name");
    }
}
