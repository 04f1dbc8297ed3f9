package org.gongnon.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;

/** Small-group tables on the real database: assigning, pins and moves, re-balancing, and what a citizen sees. */
@SpringBootTest
class TablesPersistenceTest {

    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    SignIn signIn;
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
    CitizenScheduleService citizenSchedule;
    /** The app's clock, in the deliberation's time zone: "today" must be Seoul's today, whatever the server's. */
    @Autowired
    java.time.Clock clock;

    long processId;
    long sessionId;
    PanelRoster roster;

    @BeforeEach
    void todaysSessionForTheWholePanel() {
        processId = seatedPanels.newProcessWithPanel(TestNames.unique("분임 시험"), 40, 300);
        roster = signIn.facilitator(() -> seating.roster(processId));
        long round = signIn.facilitator(() -> programme.saveRound(new RoundForm(null, 0, processId, "2차", RoundKind.GRAND_DELIBERATION)))
                .id();
        long venue = signIn.facilitator(() -> programme.saveVenue(new VenueForm(null, 0, processId, "시청", "중구", 100, ""))).id();
        sessionId = signIn.facilitator(() -> programme.saveSession(new SessionForm(null, 0, processId, round, "대토론회", LocalDate.now(clock),
                LocalTime.of(10, 0), LocalTime.of(18, 0), venue, "", null, null, true, "", false,
                List.of(new AgendaItemForm(LocalTime.of(10, 0), LocalTime.of(12, 0), AgendaKind.SMALL_GROUP, "분임토의",
                        ""))), true)).id();
        signIn.facilitator(() -> invitations.invite(sessionId));
    }

    @Test
    void everyoneComingIsSeatedAtEvenTablesWithBalancedRegionsAndGenders() {
        TablesOverview plan = signIn.facilitator(() -> tables.assign(sessionId, 8));
        assertEquals(5, plan.tables().size());
        assertTrue(plan.tables().stream().allMatch(t -> t.seats().size() == 8));
        Set<Long> seated = plan.tables().stream().flatMap(t -> t.seats().stream())
                .map(TablesOverview.Seat::panelMemberId).collect(Collectors.toSet());
        assertEquals(40, seated.size());
        // Every table's count of each gender and region is within the floor/ceiling of its proportional share.
        for (String feature : List.of("성별", "권역")) {
            Map<String, Long> overall = roster.members().stream()
                    .collect(Collectors.groupingBy(m -> m.value(feature), Collectors.counting()));
            for (TablesOverview.Table table : plan.tables()) {
                overall.forEach((value, count) -> {
                    double share = count * table.seats().size() / 40.0;
                    int atTable = table.counts().get(feature).getOrDefault(value, 0);
                    assertTrue(atTable >= Math.floor(share) && atTable <= Math.ceil(share),
                            feature + "=" + value + " at table " + table.number() + ": " + atTable + " vs " + share);
                });
            }
        }
    }

    @Test
    void tableSizesThatCannotWorkAreRefusedAtTheField() {
        for (int size : new int[] {1, 0, 31, 41}) {
            ValidationException e = assertThrows(ValidationException.class, () -> signIn.facilitator(() -> tables.assign(sessionId, size)));
            assertEquals("tableSize", e.problems().get(0).field());
        }
        assertFalse(signIn.facilitator(() -> tables.tables(sessionId)).hasPlan(), "nothing saved");
    }

    @Test
    void pinnedPeopleStayWhenTablesAreAssignedAgain() {
        TablesOverview first = signIn.facilitator(() -> tables.assign(sessionId, 10));
        long someone = first.tables().get(0).seats().get(0).panelMemberId();
        signIn.facilitator(() -> tables.move(sessionId, someone, 3, true));
        signIn.facilitator(() -> tables.setFacilitator(sessionId, 3, "박진행"));
        TablesOverview again = signIn.facilitator(() -> tables.assign(sessionId, 10));
        TablesOverview.Table three = again.tables().stream().filter(t -> t.number() == 3).findFirst().orElseThrow();
        assertTrue(three.seats().stream().anyMatch(s -> s.panelMemberId() == someone && s.pinned()));
        assertEquals("박진행", three.facilitator());
        UserFacingException unknown = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> tables.move(sessionId, someone, 9, false)));
        assertEquals("scheduling.tables.unknown-table", unknown.messageKey());
    }

    @Test
    void afterNoShowsTheRemainingTablesAreEvenedOut() {
        TablesOverview plan = signIn.facilitator(() -> tables.assign(sessionId, 8));
        // Everybody at table 1 and two at table 2 stay away; the rest check in.
        Set<Long> away = new HashSet<>();
        plan.tables().get(0).seats().forEach(s -> away.add(s.panelMemberId()));
        away.add(plan.tables().get(1).seats().get(0).panelMemberId());
        away.add(plan.tables().get(1).seats().get(1).panelMemberId());
        List<Long> came = roster.members().stream().map(RosterMember::panelMemberId).filter(id -> !away.contains(id))
                .toList();
        signIn.facilitator(() -> attendance.recordSignInSheet(sessionId, came, Set.of()));
        assertEquals(away.size(), signIn.facilitator(() -> tables.tables(sessionId)).seatedAbsent());
        RebalanceOutcome outcome = signIn.facilitator(() -> tables.rebalance(sessionId));
        assertEquals(away.size(), outcome.removedAbsent());
        TablesOverview after = signIn.facilitator(() -> tables.tables(sessionId));
        assertEquals(0, after.seatedAbsent());
        List<Integer> sizes = after.tables().stream().map(t -> t.seats().size()).toList();
        int max = sizes.stream().mapToInt(Integer::intValue).max().orElseThrow();
        int min = sizes.stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertTrue(max - min <= 1, "sizes " + sizes);
        assertEquals(came.size(), sizes.stream().mapToInt(Integer::intValue).sum());
        assertTrue(outcome.moved() <= 8, "only the people needed to even out tables move: " + outcome.moved());
    }

    @Test
    void aCitizenSeesTheirTableTodayWithFirstNamesOnly() {
        TablesOverview plan = signIn.facilitator(() -> tables.assign(sessionId, 8));
        TablesOverview.Table table = plan.tables().get(2);
        long me = table.seats().get(0).panelMemberId();
        signIn.facilitator(() -> tables.setFacilitator(sessionId, table.number(), "최진행"));
        IssuedAccess access = signIn.facilitator(() -> panel.issueAccess(me));
        assertTrue(citizens.signInWithToken(access.link().substring(access.link().lastIndexOf("/c/") + 3)));
        CitizenSchedule.MyTable mine = citizenSchedule.mySchedule().sessions().get(0).table();
        assertNotNull(mine);
        assertEquals(table.number(), mine.number());
        assertEquals("최진행", mine.facilitator());
        assertEquals(7, mine.tablemates().size());
        List<String> fullNames = table.seats().stream().map(TablesOverview.Seat::displayName).toList();
        assertTrue(mine.tablemates().stream().noneMatch(fullNames::contains),
                "first names only, never full names: " + mine.tablemates());
        assertTrue(fullNames.stream().anyMatch(n -> mine.tablemates().contains(n.substring(1))));
        SecurityContextHolder.clearContext();
        // With names turned off, the citizen sees their table number and facilitator only.
        SettingsForm s = signIn.facilitator(() -> attendance.settings(processId));
        signIn.facilitator(() -> attendance.saveSettings(new SettingsForm(processId, s.version(), s.honorariumRule(), s.minSessions(),
                s.lateCounts(), s.leftEarlyCounts(), false)));
        assertTrue(citizens.signInWithToken(access.link().substring(access.link().lastIndexOf("/c/") + 3)));
        CitizenSchedule.MyTable hidden = citizenSchedule.mySchedule().sessions().get(0).table();
        assertEquals(table.number(), hidden.number());
        assertTrue(hidden.tablemates().isEmpty());
        assertFalse(hidden.namesShown());
        byte[] ics = citizenSchedule.calendarFile();
        String text = new String(ics, java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(text.contains("BEGIN:VEVENT") && text.contains("SUMMARY:대토론회"), text);
    }
}
