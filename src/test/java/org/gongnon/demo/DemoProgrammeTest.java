package org.gongnon.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.recruitment.SeoulDefaults;
import org.gongnon.scheduling.AttendanceService;
import org.gongnon.scheduling.CitizenSchedule;
import org.gongnon.scheduling.CitizenScheduleService;
import org.gongnon.scheduling.HonorariumReport;
import org.gongnon.scheduling.HonorariumRule;
import org.gongnon.scheduling.Programme;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RoundKind;
import org.gongnon.scheduling.SessionSummary;
import org.gongnon.scheduling.SettingsForm;
import org.gongnon.scheduling.TableService;
import org.gongnon.scheduling.TablesOverview;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The demo process comes with its whole programme, answers, attendance and today's tables. */
@SpringBootTest
class DemoProgrammeTest {

    @Autowired
    SignIn signIn;
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
    /** The app's clock, in the deliberation's time zone: "today" must be Seoul's today, whatever the server's. */
    @Autowired
    java.time.Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theDemoHasItsWholeProgramme() {
        long processId = DemoFixtures.demoProcessId(processes);
        Programme p = signIn.facilitator(() -> programme.programme(processId));
        assertEquals(List.of(RoundKind.ORIENTATION, RoundKind.EXPERT_FORUM, RoundKind.REGIONAL_DELIBERATION,
                RoundKind.GRAND_DELIBERATION), p.rounds().stream().map(r -> r.kind()).toList());
        assertEquals(8, p.sessions().size());
        // The demo seats the 300 drawn and nobody else (tests leave the demo as it is: TestFixturesListener).
        assertEquals(300, p.panelSize());
        assertEquals(300, signIn.facilitator(() -> seating.roster(processId)).members().stream()
                .filter(m -> m.poolMemberId() != null).count());
        List<SessionSummary> regional = p.sessions().stream()
                .filter(s -> s.roundKind() == RoundKind.REGIONAL_DELIBERATION).toList();
        assertEquals(SeoulDefaults.REGIONS, regional.stream().map(SessionSummary::audienceValue).toList());
        LocalDate today = LocalDate.now(clock);
        for (SessionSummary s : p.sessions()) {
            // Every expected member invited; the counts are those of the rows, counted here on their own.
            assertEquals(s.expected(), s.invited(), s.title());
            assertEquals(count("SELECT COUNT(*) FROM invitation WHERE session_id = ?", s.id()), s.invited(), s.title());
            assertEquals(count("SELECT COUNT(*) FROM invitation WHERE session_id = ? AND status = 'DECLINED'", s.id()),
                    s.declined(), s.title());
            assertEquals(count("SELECT COUNT(*) FROM invitation WHERE session_id = ? AND status = 'CONFIRMED'", s.id()),
                    s.confirmed(), s.title());
            assertEquals(count("SELECT COUNT(*) FROM attendance WHERE session_id = ?", s.id()), s.attended(),
                    s.title());
            assertTrue(s.declined() > 0, "some declines at " + s.title());
            assertTrue(s.attended() > 0 && s.attended() <= s.confirmed(), s.title() + ": " + s.attended());
        }
        assertEquals(300, p.sessions().stream().filter(SessionSummary::wholePanel).findFirst().orElseThrow().expected());
        assertEquals(300, regional.stream().mapToInt(SessionSummary::expected).sum(), "each member in one region");
        SessionSummary grand = p.sessions().stream().filter(s -> s.date().equals(today)).findFirst().orElseThrow();
        TablesOverview todays = signIn.facilitator(() -> tables.tables(grand.id()));
        assertEquals(grand.attended(), todays.tables().stream().mapToInt(t -> t.seats().size()).sum());
        assertTrue(todays.tables().stream().allMatch(t -> !t.facilitator().isEmpty()));
        HonorariumReport honorarium = signIn.facilitator(() -> attendance.honorarium(processId));
        Set<Long> eligible = eligibleByHand(processId, p.sessions(), today);
        assertEquals(eligible.size(), honorarium.eligibleCount());
        assertEquals(eligible, honorarium.rows().stream().filter(HonorariumReport.Row::eligible)
                .map(HonorariumReport.Row::panelMemberId).collect(Collectors.toSet()));
        assertTrue(eligible.size() > 0 && eligible.size() < 300, "some earned it, some not: " + eligible.size());
        assertTrue(signIn.facilitator(() -> attendance.representativeness(processId)).stream()
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

    /** A BOOLEAN column as the driver hands it over (a Boolean, or a number for TINYINT). */
    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private int count(String sql, long sessionId) {
        return jdbc.queryForObject(sql, Integer.class, sessionId);
    }

    /**
     * The honorarium rule worked out again from the rule and the stored attendance rows: every required session held so
     * far that the member was expected at (whole panel, or their region), with late arrivals and early departures
     * counted only if the rule says so; or, under the other rule, at least the set number of sessions.
     */
    private Set<Long> eligibleByHand(long processId, List<SessionSummary> sessions, LocalDate today) {
        // The rule as configured (the demo keeps the defaults, which are not stored until changed).
        SettingsForm rule = signIn.facilitator(() -> attendance.settings(processId));
        boolean lateCounts = rule.lateCounts();
        boolean leftEarlyCounts = rule.leftEarlyCounts();
        List<SessionSummary> held = sessions.stream().filter(s -> !s.date().isAfter(today)).toList();
        Map<Long, Set<Long>> attended = new HashMap<>();
        for (SessionSummary s : held) {
            jdbc.queryForList("SELECT panel_member_id, late, left_early_at FROM attendance WHERE session_id = ?", s.id())
                    .forEach(row -> {
                        boolean late = flag(row.get("late"));
                        boolean leftEarly = row.get("left_early_at") != null;
                        if ((lateCounts || !late) && (leftEarlyCounts || !leftEarly)) {
                            attended.computeIfAbsent(((Number) row.get("panel_member_id")).longValue(),
                                    k -> new HashSet<>()).add(s.id());
                        }
                    });
        }
        Set<Long> eligible = new HashSet<>();
        for (RosterMember m : signIn.facilitator(() -> seating.roster(processId)).members()) {
            Set<Long> came = attended.getOrDefault(m.panelMemberId(), Set.of());
            List<SessionSummary> required = held.stream().filter(SessionSummary::required)
                    .filter(s -> s.wholePanel() || s.audienceValue().equals(m.value(s.audienceFeature()))).toList();
            boolean earned = rule.honorariumRule() == HonorariumRule.ALL_REQUIRED
                    ? !required.isEmpty() && required.stream().allMatch(s -> came.contains(s.id()))
                    : came.size() >= rule.minSessions();
            if (earned) {
                eligible.add(m.panelMemberId());
            }
        }
        return eligible;
    }
}
