package org.gongnon.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.recruitment.SeoulDefaults;
import org.gongnon.scheduling.AttendanceService;
import org.gongnon.scheduling.CitizenSchedule;
import org.gongnon.scheduling.CitizenScheduleService;
import org.gongnon.scheduling.Programme;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RoundKind;
import org.gongnon.scheduling.SessionSummary;
import org.gongnon.scheduling.TableService;
import org.gongnon.scheduling.TablesOverview;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.SignedIn;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/** The demo process comes with its whole programme, answers, attendance and today's tables. */
@SpringBootTest
class DemoProgrammeTest {

    @Autowired
    ProcessService processes;
    @Autowired
    ProgrammeService programme;
    @Autowired
    org.gongnon.recruitment.PanelSeatingService seating;
    @Autowired
    AttendanceService attendance;
    @Autowired
    TableService tables;
    @Autowired
    PanelService panel;
    @Autowired
    CitizenAccessService citizens;
    @Autowired
    CitizenScheduleService schedule;
    @Autowired
    UserDetailsService users;
    /** The app's clock, in the deliberation's time zone: "today" must be Seoul's today, whatever the server's. */
    @Autowired
    java.time.Clock clock;

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void theDemoHasItsWholeProgramme() {
        long processId = DemoFixtures.demoProcessId(processes);
        Programme p = SignedIn.as(users, "facilitator", () -> programme.programme(processId));
        assertEquals(List.of(RoundKind.ORIENTATION, RoundKind.EXPERT_FORUM, RoundKind.REGIONAL_DELIBERATION,
                RoundKind.GRAND_DELIBERATION), p.rounds().stream().map(r -> r.kind()).toList());
        assertEquals(8, p.sessions().size());
        // Other tests add members by hand to the shared demo process; the demo itself seats the 300 drawn.
        long drawn = SignedIn.as(users, "facilitator", () -> seating.roster(processId)).members().stream()
                .filter(m -> m.poolMemberId() != null).count();
        assertEquals(300, drawn);
        int addedByHand = p.panelSize() - 300;
        List<SessionSummary> regional = p.sessions().stream()
                .filter(s -> s.roundKind() == RoundKind.REGIONAL_DELIBERATION).toList();
        assertEquals(SeoulDefaults.REGIONS, regional.stream().map(SessionSummary::audienceValue).toList());
        LocalDate today = LocalDate.now(clock);
        for (SessionSummary s : p.sessions()) {
            assertEquals(s.expected() - (s.wholePanel() ? addedByHand : 0), s.invited(), s.title());
            assertTrue(s.declined() > 0, "some declines at " + s.title());
            assertTrue(s.attended() > 0 && s.attended() < s.confirmed() + 1, s.title() + ": " + s.attended());
        }
        SessionSummary grand = p.sessions().stream().filter(s -> s.date().equals(today)).findFirst().orElseThrow();
        TablesOverview todays = SignedIn.as(users, "facilitator", () -> tables.tables(grand.id()));
        assertEquals(grand.attended(), todays.tables().stream().mapToInt(t -> t.seats().size()).sum());
        assertTrue(todays.tables().stream().allMatch(t -> !t.facilitator().isEmpty()));
        assertTrue(SignedIn.as(users, "facilitator", () -> attendance.honorarium(processId)).eligibleCount() > 0);
        assertTrue(SignedIn.as(users, "facilitator", () -> attendance.representativeness(processId)).stream()
                .allMatch(c -> c.groupLabels().size() == 8));
    }

    @Test
    void theDemoCitizenSeesTodaysTable() {
        IssuedAccess access = DemoFixtures.freshAccess(processes, panel, 0);
        assertTrue(citizens.signInWithToken(access.link().substring(access.link().lastIndexOf("/c/") + 3)));
        CitizenSchedule mine = schedule.mySchedule();
        assertEquals(access.displayName(), mine.displayName());
        CitizenSchedule.Session today = mine.sessions().stream().filter(s -> s.date().equals(LocalDate.now(clock)))
                .findFirst().orElseThrow();
        assertTrue(today.checkedIn());
        assertNotNull(today.table());
        assertTrue(today.table().tablemates().size() >= 8);
    }
}
