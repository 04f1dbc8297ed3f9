package org.gongnon.scheduling.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.gongnon.base.ui.QrCode;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.scheduling.AgendaItemForm;
import org.gongnon.scheduling.AgendaKind;
import org.gongnon.scheduling.AttendanceService;
import org.gongnon.scheduling.InvitationService;
import org.gongnon.scheduling.InvitationStatus;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RoundForm;
import org.gongnon.scheduling.RoundKind;
import org.gongnon.scheduling.SessionForm;
import org.gongnon.scheduling.TableService;
import org.gongnon.scheduling.TablesOverview;
import org.gongnon.scheduling.VenueForm;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.test.context.support.WithUserDetails;

/** The tables page for facilitators and the schedule page for citizens, browserless, on a fresh seated panel. */
class TablesAndCitizenViewsTest extends ViewTestBase {

    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    TargetsService targets;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    PanelService panel;
    @Autowired
    CitizenAccessService citizens;
    @Autowired
    ProgrammeService programme;
    @Autowired
    InvitationService invitations;
    @Autowired
    AttendanceService attendance;
    @Autowired
    TableService tables;
    @Autowired
    Clock clock;

    long processId;
    long sessionId;
    PanelRoster roster;

    /** 32 seated members invited to a session today; all but the first two have said yes. */
    void todaysSession() {
        processId = seatedPanels.newProcessWithPanel(TestNames.unique("분임 화면"), 32, 200);
        signIn.facilitator(() -> {
            roster = seating.roster(processId);
            long round = programme.saveRound(new RoundForm(null, 0, processId, "2차", RoundKind.GRAND_DELIBERATION)).id();
            long venue = programme.saveVenue(new VenueForm(null, 0, processId, "시청", "중구 세종대로 110", 100,
                    "휠체어 접근 가능")).id();
            sessionId = programme.saveSession(new SessionForm(null, 0, processId, round, "시민대토론회",
                    LocalDate.now(clock), LocalTime.of(10, 0), LocalTime.of(18, 0), venue, "", null, null, true,
                    "신분증", false, List.of(new AgendaItemForm(LocalTime.of(10, 0), LocalTime.of(12, 0),
                    AgendaKind.SMALL_GROUP, "분임토의", "분임 진행자"))), true).id();
            invitations.invite(sessionId);
            java.util.Map<Long, InvitationStatus> yes = new java.util.HashMap<>();
            roster.members().stream().skip(2).forEach(m -> yes.put(m.panelMemberId(), InvitationStatus.CONFIRMED));
            invitations.recordResponses(sessionId, yes);
        });
    }

    String tablesPath() {
        return "processes/" + processId + "/programme/sessions/" + sessionId + "/tables";
    }

    @Test
    @WithUserDetails("facilitator")
    void aFacilitatorAssignsTablesMovesAndPinsSomeoneAndRebalancesAfterNoShows() {
        todaysSession();
        TablesView view = assertInstanceOf(TablesView.class, open(tablesPath()));
        assertTrue(find(Paragraph.class).withId("tables-empty").exists());
        assertEquals(ko("scheduling.tables.from-invitations", 32), find(Paragraph.class).id("tables-participants").getText());

        test(view.size).setValue(1);
        test(view.assign).click();
        assertTrue(view.size.isInvalid(), "a table of one is refused at the field");
        assertFalse(view.overview.hasPlan());

        test(view.size).setValue(8);
        test(view.assign).click();
        assertEquals(List.of(8, 8, 8, 8), view.sizes());
        assertEquals(4, find(Section.class).all().stream().filter(s -> s.hasClassName("gn-table-card")).count());

        TablesOverview.Seat someone = view.overview.tables().get(0).seats().get(0);
        Select<Integer> moveTo = moveSelect(someone.panelMemberId());
        test(moveTo).selectItem(ko("scheduling.tables.table-short", 3));
        TablesOverview.Table three = view.overview.tables().stream().filter(t -> t.number() == 3).findFirst().orElseThrow();
        assertTrue(three.seats().stream().anyMatch(s -> s.panelMemberId() == someone.panelMemberId() && s.pinned()),
                "a person moved by hand is pinned there");
        test(find(TextField.class).id("facilitator-3")).setValue("한가람");
        assertEquals("한가람", tables.tables(sessionId).tables().stream().filter(t -> t.number() == 3).findFirst()
                .orElseThrow().facilitator());

        // Assigning again asks first, and keeps the pinned person at table 3.
        test(view.assign).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertTrue(view.overview.tables().stream().filter(t -> t.number() == 3).findFirst().orElseThrow().seats()
                .stream().anyMatch(s -> s.panelMemberId() == someone.panelMemberId()));

        // Six seated people do not come: the page says so, and one click evens out the tables.
        Set<Long> away = new java.util.HashSet<>();
        view.overview.tables().get(0).seats().stream().limit(4).forEach(s -> away.add(s.panelMemberId()));
        view.overview.tables().get(1).seats().stream().limit(2).forEach(s -> away.add(s.panelMemberId()));
        List<Long> came = view.overview.tables().stream().flatMap(t -> t.seats().stream())
                .map(TablesOverview.Seat::panelMemberId).filter(id -> !away.contains(id)).toList();
        attendance.recordSignInSheet(sessionId, came, Set.of());
        view = assertInstanceOf(TablesView.class, open(tablesPath()));
        assertTrue(find(Paragraph.class).id("tables-no-shows").getText().contains("6"));
        assertTrue(view.rebalance.isEnabled());
        test(view.rebalance).click();
        List<Integer> sizes = view.sizes();
        assertEquals(came.size(), sizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(sizes.stream().mapToInt(Integer::intValue).max().orElseThrow()
                - sizes.stream().mapToInt(Integer::intValue).min().orElseThrow() <= 1, "sizes " + sizes);
        assertFalse(find(Paragraph.class).withId("tables-no-shows").exists());
    }

    @Test
    void aCitizenSeesTheirScheduleAnswersAndSeesTheirTableAndCode() {
        SecurityContextHolder.clearContext();
        todaysSession();
        RosterMember first = roster.members().get(0);
        int myTable = signIn.facilitator(() -> tables.assign(sessionId, 8)).tables().stream()
                .filter(t -> t.seats().stream().anyMatch(s -> s.panelMemberId() == first.panelMemberId()))
                .findFirst().orElseThrow().number();
        IssuedAccess access = signIn.facilitator(() -> panel.issueAccess(first.panelMemberId()));
        assertTrue(citizens.signInWithToken(access.link().substring(access.link().lastIndexOf("/c/") + 3)));
        CitizenScheduleView view = assertInstanceOf(CitizenScheduleView.class, open("me/schedule"));
        assertTrue(find(Span.class).id("checkin-code").getText().replace(" ", "").matches("[A-Z2-9]{8}"));
        QrCode qr = find(QrCode.class).single();
        assertEquals("GN-" + find(Span.class).id("checkin-code").getText().replace(" ", ""), qr.getContent());
        assertTrue(find(Section.class).id("my-table").getElement().getTextRecursively()
                .contains(ko("scheduling.citizen.my-table", myTable)));
        assertTrue(find(Anchor.class).withId("calendar-download").exists());
        // The first member has not answered yet; they say yes, and the page shows it.
        Section card = find(Section.class).all().stream().filter(s -> s.hasClassName("gn-session-card")).findFirst()
                .orElseThrow();
        assertTrue(card.getElement().getTextRecursively().contains(ko("scheduling.invitation.invited")));
        Button yes = find(Button.class).all().stream().filter(b -> b.hasClassName("gn-answer-yes")).findFirst()
                .orElseThrow();
        test(yes).click();
        assertTrue(notificationTexts().contains(ko("scheduling.citizen.answered-yes", "시민대토론회")));
        Button yesAgain = find(Button.class).all().stream().filter(b -> b.hasClassName("gn-answer-yes")).findFirst()
                .orElseThrow();
        assertEquals("true", yesAgain.getElement().getAttribute("aria-pressed"));
        assertEquals(InvitationStatus.CONFIRMED, signIn.as("facilitator",
                () -> invitations.invitations(sessionId)).stream()
                .filter(r -> r.panelMemberId() == first.panelMemberId()).findFirst().orElseThrow().status());
        assertEquals(ko("scheduling.citizen.title"), find(com.vaadin.flow.component.html.H1.class).first().getText());
        assertTrue(find(H2.class).all().stream().anyMatch(h -> h.getText().equals(ko("scheduling.citizen.upcoming"))));
    }

    @SuppressWarnings("unchecked")
    private Select<Integer> moveSelect(long panelMemberId) {
        return (Select<Integer>) find(Select.class).all().stream()
                .filter(s -> String.valueOf(panelMemberId).equals(s.getElement().getAttribute("data-member")))
                .findFirst().orElseThrow();
    }
}
