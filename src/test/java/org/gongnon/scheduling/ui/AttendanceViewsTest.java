package org.gongnon.scheduling.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.DomEvent;
import com.vaadin.flow.internal.JacksonUtils;
import com.vaadin.flow.internal.nodefeature.ElementListenerMap;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.PoolService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.scheduling.AttendanceService;
import org.gongnon.scheduling.HonorariumReport;
import org.gongnon.scheduling.HonorariumRule;
import org.gongnon.scheduling.InvitationRow;
import org.gongnon.scheduling.InvitationService;
import org.gongnon.scheduling.InvitationStatus;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RoundForm;
import org.gongnon.scheduling.RoundKind;
import org.gongnon.scheduling.SessionForm;
import org.gongnon.scheduling.SettingsForm;
import org.gongnon.scheduling.StratumCount;
import org.gongnon.scheduling.VenueForm;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.Downloads;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The invitation, check-in and attendance pages in a browserless UI, on fresh processes with a seated panel. */
class AttendanceViewsTest extends ViewTestBase {

    static final String REGION = "권역";

    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    ProcessService processes;
    @Autowired
    PoolService pool;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    ProgrammeService programme;
    @Autowired
    InvitationService invitations;
    @Autowired
    AttendanceService attendance;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    long processId;
    long roundId;
    long venueId;
    PanelRoster roster;

    /** A process with 30 seated members, a round and a venue; sessions are added by each test. */
    void processWithPanel(String title) {
        processId = seatedPanels.newProcessWithPanel(TestNames.unique(title), 30, 200);
        roster = seating.roster(processId);
        roundAndVenue();
    }

    void roundAndVenue() {
        roundId = programme.saveRound(new RoundForm(null, 0, processId, "1차 숙의", RoundKind.REGIONAL_DELIBERATION)).id();
        venueId = programme.saveVenue(new VenueForm(null, 0, processId, "시청 다목적홀", "서울시 중구 세종대로 110", 200,
                "")).id();
    }

    /** A session for the whole panel today (in Seoul, the application's zone), so check-in is open. */
    long todaysSession(String title, LocalTime start, LocalTime end, boolean required) {
        return programme.saveSession(new SessionForm(null, 0, processId, roundId, title, LocalDate.now(clock), start,
                end, venueId, "", null, null, required, "", false, List.of()), true).id();
    }

    String sessionPath(long sessionId, String page) {
        return "processes/" + processId + "/programme/sessions/" + sessionId + "/" + page;
    }

    String code(long panelMemberId) {
        return jdbc.queryForObject("SELECT code FROM checkin_pass WHERE panel_member_id = ?", String.class,
                panelMemberId);
    }

    int count(String id) {
        return Integer.parseInt(find(Span.class).id(id).getText());
    }

    static String text(Component c) {
        return c.getElement().getTextRecursively();
    }

    // --- invitations ----------------------------------------------------------------------------------------

    @Test
    @WithUserDetails("facilitator")
    void invitingFromThePageShowsWhatHappenedAndTheCountsAndAPhoneAnswerIsRecorded() {
        processWithPanel("초대 화면");
        long sessionId = todaysSession("전체 회의", LocalTime.of(14, 0), LocalTime.of(17, 0), true);
        InvitationsView view = assertInstanceOf(InvitationsView.class, open(sessionPath(sessionId, "invitations")));
        assertEquals("전체 회의", find(H3.class).id("session-title").getText());
        assertEquals(30, count("count-expected"));
        assertEquals(30, count("count-not-invited"));
        assertEquals(0, count("count-pending"));
        assertEquals(30, test(view.inviteeGrid).size());

        test(find(Button.class).id("invite")).click();
        String run = text(view.runResult);
        assertTrue(run.contains(ko("scheduling.invitations.run.invited", 30)), run);
        assertTrue(run.contains(ko("scheduling.invitations.run.already", 0)), run);
        assertEquals("processes/" + processId + "/messages", find(Anchor.class).id("to-outbox").getHref());
        assertEquals(30, count("count-pending"));
        assertEquals(0, count("count-not-invited"));

        test(find(Button.class).id("invite")).click();
        assertTrue(text(view.runResult).contains(ko("scheduling.invitations.run.invited", 0)), "nobody twice");
        assertTrue(text(view.runResult).contains(ko("scheduling.invitations.run.already", 30)));

        // An answer given by phone, recorded with the row's button.
        test(view.statusFilter).selectItem(ko("scheduling.invitation.confirmed"));
        assertEquals(0, test(view.inviteeGrid).size());
        view.statusFilter.clear(); // the empty choice: everyone
        InvitationRow first = test(view.inviteeGrid).getRow(0);
        test(view.search).setValue(first.displayName());
        assertTrue(test(view.inviteeGrid).size() >= 1);
        int answers = view.inviteeGrid.getColumns().size() - 1;
        // Two people may share a name: take the row of this one.
        int row = 0;
        while (test(view.inviteeGrid).getRow(row).panelMemberId() != first.panelMemberId()) {
            row++;
        }
        Component buttons = test(view.inviteeGrid).getCellComponent(row, answers);
        Button confirm = (Button) buttons.getChildren()
                .filter(b -> b.getId().orElse("").equals("answer-" + first.panelMemberId() + "-confirmed"))
                .findFirst().orElseThrow();
        test(confirm).click();
        assertEquals(1, count("count-confirmed"));
        assertEquals(29, count("count-pending"));
        assertEquals(InvitationStatus.CONFIRMED, invitations.invitations(sessionId).stream()
                .filter(r -> r.panelMemberId() == first.panelMemberId()).findFirst().orElseThrow().status());
        test(view.search).clear();
        test(view.statusFilter).selectItem(ko("scheduling.invitation.confirmed"));
        assertEquals(1, test(view.inviteeGrid).size());
        assertEquals(first.panelMemberId(), test(view.inviteeGrid).getRow(0).panelMemberId());
        assertEquals(ko("scheduling.invitation.confirmed"), test(view.inviteeGrid).getCellText(0, answers - 2),
                "the status column");
    }

    @Test
    @WithUserDetails("facilitator")
    void aRegionWhereNobodyHasConfirmedIsMarkedAsThinning() {
        processWithPanel("층별 화면");
        long sessionId = todaysSession("전체 회의", LocalTime.of(14, 0), LocalTime.of(17, 0), true);
        invitations.invite(sessionId);
        // The largest region says nothing yet; everyone else confirms.
        String quiet = roster.members().stream().collect(Collectors.groupingBy(m -> m.value(REGION),
                Collectors.counting())).entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        roster.members().stream().filter(m -> !m.value(REGION).equals(quiet))
                .forEach(m -> invitations.recordResponse(sessionId, m.panelMemberId(), InvitationStatus.CONFIRMED));

        InvitationsView view = assertInstanceOf(InvitationsView.class, open(sessionPath(sessionId, "invitations")));
        List<StratumCount> strata = view.counts.strata();
        int flag = view.strataGrid.getColumns().size() - 1;
        for (int i = 0; i < test(view.strataGrid).size(); i++) {
            StratumCount s = test(view.strataGrid).getRow(i);
            boolean quietRegion = s.feature().equals(REGION) && s.value().equals(quiet);
            String expected = quietRegion ? ko("scheduling.strata.thinning") : "";
            if (s.feature().equals(REGION)) {
                assertEquals(expected, test(view.strataGrid).getCellText(i, flag), s.value());
            }
        }
        assertEquals(strata.size(), test(view.strataGrid).size());
        assertTrue(find(Paragraph.class).all().stream().anyMatch(p -> p.getText().equals(
                ko("scheduling.strata.thinning-rule", 10, 3))), "the rule is explained");
    }

    @Test
    void theThinningRuleIsTenPointsBelowTheSessionWithAtLeastThreeExpected() {
        // 1 of 5 confirmed (20%) against 40% overall: 20 points below.
        assertTrue(InvitationsView.thinning(new StratumCount("권역", "도심권", 5, 1, 0, 4), 0.4));
        // Exactly 10 points below (3 of 10 against 40%) counts.
        assertTrue(InvitationsView.thinning(new StratumCount("권역", "도심권", 10, 3, 0, 7), 0.4));
        // 9 points below does not.
        assertFalse(InvitationsView.thinning(new StratumCount("권역", "도심권", 100, 31, 0, 69), 0.4));
        // Two people are too few to call a trend.
        assertFalse(InvitationsView.thinning(new StratumCount("권역", "도심권", 2, 0, 0, 2), 0.4));
        assertFalse(InvitationsView.thinning(new StratumCount("권역", "도심권", 5, 0, 0, 5), Double.NaN));
    }

    // --- check-in -------------------------------------------------------------------------------------------

    @Test
    @WithUserDetails("facilitator")
    void checkInByScannedCodeAndByNameChangesTheCountsAndAnotherTabletsCheckInsShowOnPolling() {
        processWithPanel("출석 화면");
        long sessionId = todaysSession("전체 회의", LocalTime.of(14, 0), LocalTime.of(17, 0), true);
        invitations.invite(sessionId);
        List<RosterMember> members = roster.members().stream()
                .sorted(Comparator.comparing(RosterMember::panelMemberId)).toList();
        RosterMember scanned = members.get(0);
        RosterMember byName = members.get(1);

        CheckInView view = assertInstanceOf(CheckInView.class, open(sessionPath(sessionId, "check-in")));
        assertEquals(CheckInView.POLL_MILLIS, UI.getCurrent().getPollInterval(), "polls while open");
        assertEquals(30, count("count-expected"));
        assertEquals(0, count("count-checked-in"));
        assertEquals("assertive", view.result.getElement().getAttribute("aria-live"));
        assertTrue(view.code.isAutofocus());

        // A scanner types the code (with its prefix, in lower case) and Enter.
        test(view.code).setValue("gn-" + code(scanned.panelMemberId()).toLowerCase());
        pressEnter(view, view.code.getValue());
        assertEquals(ko("scheduling.checkin.done", scanned.displayName()) + ko("scheduling.checkin.no-table"),
                text(view.result));
        assertTrue(view.result.hasClassName("gn-checkin-ok"));
        assertEquals("", view.code.getValue(), "ready for the next code");
        assertEquals(1, count("count-checked-in"));

        // The same code again: said plainly, not as an error.
        test(view.code).setValue(code(scanned.panelMemberId()));
        test(view.codeSubmit).click();
        assertTrue(text(view.result).startsWith(ko("scheduling.checkin.already", scanned.displayName())));
        assertTrue(view.result.hasClassName("gn-checkin-info"));
        assertFalse(view.result.hasClassName("gn-checkin-error"));
        assertEquals(1, count("count-checked-in"));

        // A code nobody has.
        test(view.code).setValue("ZZZZ-ZZZZ");
        test(view.codeSubmit).click();
        assertEquals(ko("scheduling.checkin.unknown-code"), text(view.result));
        assertTrue(view.result.hasClassName("gn-checkin-error"));
        assertEquals(1, count("count-checked-in"));

        // By name, as a late arrival; then left early; then undone.
        test(view.search).setValue(byName.displayName());
        test(find(Button.class).id("check-in-late-" + byName.panelMemberId())).click();
        assertTrue(text(view.result).startsWith(ko("scheduling.checkin.done", byName.displayName())));
        assertTrue(text(view.result).contains(ko("scheduling.checkin.recorded-late")));
        assertEquals(2, count("count-checked-in"));
        assertEquals(1, count("count-late"));
        Button leftEarly = find(Button.class).id("left-early-" + byName.panelMemberId());
        assertEquals("false", leftEarly.getElement().getAttribute("aria-pressed"));
        test(leftEarly).click();
        assertEquals(1, count("count-left-early"));
        assertEquals("true", find(Button.class).id("left-early-" + byName.panelMemberId()).getElement()
                .getAttribute("aria-pressed"));
        test(find(Button.class).id("undo-" + byName.panelMemberId())).click();
        assertEquals(1, count("count-checked-in"));
        assertEquals(0, count("count-late"));
        assertTrue(find(Button.class).withId("check-in-" + byName.panelMemberId()).exists(), "can check in again");

        // Another tablet checks someone in; this one sees it at the next poll.
        attendance.checkIn(sessionId, members.get(2).panelMemberId(), false);
        assertEquals(1, count("count-checked-in"), "not before the poll");
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
        assertEquals(2, count("count-checked-in"));

        // The desk of another session: the router reuses the page, and a scan still checks in once.
        long evening = todaysSession("저녁 회의", LocalTime.of(18, 0), LocalTime.of(19, 0), false);
        invitations.invite(evening);
        CheckInView next = assertInstanceOf(CheckInView.class, open(sessionPath(evening, "check-in")));
        assertSame(view, next, "the same page object, rendered again");
        assertEquals(0, count("count-checked-in"));
        assertEquals("", text(next.result));
        test(next.code).setValue(code(scanned.panelMemberId()));
        pressEnter(next, next.code.getValue());
        assertTrue(text(next.result).startsWith(ko("scheduling.checkin.done", scanned.displayName())),
                "checked in once, not a second time by a listener left from the first session: " + text(next.result));
        assertEquals(1, count("count-checked-in"));

        open("processes/" + processId + "/attendance");
        assertEquals(-1, UI.getCurrent().getPollInterval(), "no polling once the desk is closed");
    }

    /** What the browser sends when Enter is pressed in the code field: the key event with the field's value. */
    private static void pressEnter(CheckInView view, String typed) {
        var data = JacksonUtils.createObjectNode();
        data.put("element.value", typed);
        data.put("event.key === 'Enter'", true);
        view.code.getElement().getNode().getFeature(ElementListenerMap.class)
                .fireEvent(new DomEvent(view.code.getElement(), "keydown", data));
    }

    // --- attendance -----------------------------------------------------------------------------------------

    @Test
    @WithUserDetails("facilitator")
    void theAttendancePageShowsSessionsHonorariumUnderTheSavedRuleAndAttendeesAgainstThePopulation() {
        processWithPanel("출석 관리 화면");
        long plenary = todaysSession("전체 회의", LocalTime.of(14, 0), LocalTime.of(17, 0), true);
        // Two optional sessions of the same name on the same day: each keeps a column of its own.
        long groupA = todaysSession("분임 토의", LocalTime.of(9, 0), LocalTime.of(10, 0), false);
        long groupB = todaysSession("분임 토의", LocalTime.of(10, 30), LocalTime.of(11, 30), false);

        AttendanceView empty = assertInstanceOf(AttendanceView.class, open("processes/" + processId + "/attendance"));
        assertEquals(ko("scheduling.representativeness.no-attendance"),
                find(Paragraph.class).id("representativeness-empty").getText());
        assertEquals(0, empty.report.eligibleCount());

        List<RosterMember> members = roster.members().stream()
                .sorted(Comparator.comparing(RosterMember::panelMemberId)).toList();
        RosterMember a = members.get(0);
        RosterMember b = members.get(1);
        RosterMember c = members.get(2);
        attendance.checkIn(plenary, a.panelMemberId(), false);
        attendance.checkIn(plenary, b.panelMemberId(), true);
        attendance.checkIn(groupA, a.panelMemberId(), false);
        attendance.checkIn(groupB, c.panelMemberId(), false);

        AttendanceView view = assertInstanceOf(AttendanceView.class, open("processes/" + processId + "/attendance"));
        assertEquals(3, test(view.sessionsGrid).size());
        int attendedColumn = 5;
        assertEquals("2", test(view.sessionsGrid).getCellText(2, attendedColumn), "전체 회의 comes last (14:00)");

        // Default rule: every required session; a late arrival counts. a and b came to the plenary.
        assertEquals(2, view.report.eligibleCount());
        assertEquals(30, test(view.eligibilityGrid).size());
        assertEquals(ko("scheduling.honorarium.summary", 3, 1, 2, 30) + " " + ko("scheduling.honorarium.rule-all"),
                view.honorariumSummary.getText());
        assertEquals(HonorariumRule.ALL_REQUIRED, view.rule.getValue());
        assertFalse(view.minSessions.isEnabled(), "the minimum only applies to its own rule");

        // Late arrivals no longer count: only a.
        test(view.lateCounts).click();
        test(view.saveSettings).click();
        assertEquals(1, view.report.eligibleCount());
        assertTrue(view.report.rows().stream().filter(HonorariumReport.Row::eligible)
                .allMatch(r -> r.panelMemberId() == a.panelMemberId()));
        assertFalse(attendance.settings(processId).lateCounts(), "saved");
        assertTrue(notificationTexts().contains(ko("scheduling.honorarium.saved")));

        // At least one session, late still not counting: a (2 sessions) and c (1); b's late arrival does not count.
        test(view.rule).selectItem(ko(HonorariumRule.MIN_SESSIONS.messageKey()));
        assertTrue(view.minSessions.isEnabled());
        test(view.minSessions).setValue(1);
        test(view.saveSettings).click();
        assertEquals(2, view.report.eligibleCount());
        assertEquals(java.util.Set.of(a.panelMemberId(), c.panelMemberId()), view.report.rows().stream()
                .filter(HonorariumReport.Row::eligible).map(HonorariumReport.Row::panelMemberId)
                .collect(Collectors.toSet()));
        view.minSessions.clear();
        test(view.saveSettings).click();
        assertTrue(view.minSessions.isInvalid(), "an empty minimum is refused on its field");
        assertEquals(1, attendance.settings(processId).minSessions());

        // Someone else saved in between: the page says so instead of overwriting.
        SettingsForm now = attendance.settings(processId);
        attendance.saveSettings(new SettingsForm(processId, now.version(), HonorariumRule.ALL_REQUIRED, 1, true, false,
                true));
        test(view.minSessions).setValue(2);
        test(view.saveSettings).click();
        assertTrue(view.settingsError.isVisible());
        assertEquals(ko("scheduling.concurrent-edit"), view.settingsError.getText());
        assertEquals(HonorariumRule.ALL_REQUIRED, attendance.settings(processId).honorariumRule(), "not overwritten");

        // One column per session with attendees, in date order, plus population, pool and panel.
        List<List<String>> headings = view.representativenessHeadings();
        assertFalse(headings.isEmpty());
        assertTrue(headings.stream().anyMatch(h -> h.getFirst().equals(REGION)), headings.toString());
        for (List<String> h : headings) {
            assertEquals(4 + 3, h.size(), h.toString());
            assertEquals(List.of(ko("recruitment.report.population"), ko("recruitment.report.pool"),
                    ko("recruitment.report.panel")), h.subList(1, 4));
            assertTrue(h.get(4).startsWith("분임 토의") && h.get(5).startsWith("분임 토의"), h.toString());
            assertFalse(h.get(4).equals(h.get(5)), "two sessions of the same name stay apart: " + h);
            assertTrue(h.get(6).startsWith("전체 회의"), h.toString());
        }
        // The download link serves the list as shown: a header and one row per panel member.
        Downloads.Fetched csv = Downloads.fetch(find(Anchor.class).id("honorarium-csv"));
        assertTrue(csv.contentDisposition().contains("honorarium-" + processId + "-"), csv.contentDisposition());
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertEquals("\uFEFF" + ko("scheduling.attendee.name"), lines.getFirst().split(",")[0]);
        assertEquals(1 + view.report.rows().size(), lines.size(), lines.toString());
    }

    @Test
    void theEligibilityListIsACsvWithNamesAndCountsGuardedAgainstFormulas() {
        List<HonorariumReport.Row> rows = List.of(
                new HonorariumReport.Row(1, "김하나", 3, 2, 2, true),
                new HonorariumReport.Row(2, "=HYPERLINK(\"http://x\")", 0, 2, 0, false),
                new HonorariumReport.Row(3, "박, 둘", 1, 2, 1, false));
        String csv = new String(EligibilityCsv.write(List.of("이름", "참석", "필수 참석", "필수 대상", "대상"), rows, "예",
                "아니오"), StandardCharsets.UTF_8);
        assertEquals("\uFEFF이름,참석,필수 참석,필수 대상,대상\r\n"
                + "김하나,3,2,2,예\r\n"
                + "\"'=HYPERLINK(\"\"http://x\"\")\",0,0,2,아니오\r\n"
                + "\"박, 둘\",1,1,2,아니오\r\n", csv);
        assertEquals("'+1", EligibilityCsv.cell("+1"));
        assertEquals("'-2", EligibilityCsv.cell("-2"));
        assertEquals("'@SUM(A1)", EligibilityCsv.cell("@SUM(A1)"));
        assertEquals("'\tx", EligibilityCsv.cell("\tx"));
        assertEquals("\"'\rx\"", EligibilityCsv.cell("\rx"));
        assertEquals("이민지", EligibilityCsv.cell("이민지"));
    }

    // --- empty states and access ----------------------------------------------------------------------------

    @Test
    @WithUserDetails("facilitator")
    void withoutASeatedPanelThePagesSayWhyThereIsNothingToShow() {
        processId = processes.createProcess(ProcessTestForms.titled(TestNames.unique("참여단 없음")));
        roundAndVenue();
        long sessionId = todaysSession("전체 회의", LocalTime.of(14, 0), LocalTime.of(17, 0), true);
        assertInstanceOf(InvitationsView.class, open(sessionPath(sessionId, "invitations")));
        assertEquals(ko("scheduling.invitations.nobody-expected"),
                find(Paragraph.class).id("invitations-empty").getText());
        assertFalse(find(Button.class).withId("invite").exists());

        assertInstanceOf(AttendanceView.class, open("processes/" + processId + "/attendance"));
        assertEquals(ko("scheduling.representativeness.no-draw"),
                find(Paragraph.class).id("representativeness-empty").getText());

        // A session of this process under another process's address is not shown.
        long demo = DemoFixtures.demoProcessId(processes);
        assertFalse(open("processes/" + demo + "/programme/sessions/" + sessionId + "/invitations")
                instanceof InvitationsView);
    }

    @Test
    @WithUserDetails("official")
    void officialsCannotOpenTheInvitationCheckInOrAttendancePages() {
        long demo = DemoFixtures.demoProcessId(processes);
        for (String page : List.of("attendance", "programme/sessions/1/invitations", "programme/sessions/1/check-in")) {
            assertFalse(open("processes/" + demo + "/" + page) instanceof SchedulingPage, page);
        }
    }
}
