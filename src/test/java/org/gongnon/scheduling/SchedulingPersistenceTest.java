package org.gongnon.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.Phase;
import org.gongnon.process.PhasePlan;
import org.gongnon.process.ProcessService;
import org.gongnon.recruitment.GroupComparison;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffRole;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/** The programme, invitations, the citizen's answers and attendance, on the real embedded MariaDB. */
@SpringBootTest
class SchedulingPersistenceTest {

    static final String REGION = "권역";

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
    CitizenScheduleService citizenSchedule;
    @Autowired
    AttendanceService attendance;
    @Autowired
    StaffAccountService accounts;
    /** The app's clock, in the deliberation's time zone: "today" must be Seoul's today, whatever the server's. */
    @Autowired
    java.time.Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    long processId;
    long roundId;
    PanelRoster roster;
    LocalDate day;

    @BeforeEach
    void processWithPanel() {
        processId = seatedPanels.newProcessWithPanel(TestNames.unique("일정 시험"), 40, 300);
        roundId = signIn.facilitator(() -> programme.saveRound(new RoundForm(null, 0, processId, "1차 숙의", RoundKind.REGIONAL_DELIBERATION)))
                .id();
        roster = signIn.facilitator(() -> seating.roster(processId));
        // A day inside the deliberation rounds of the test process, and not in the past.
        PhasePlan rounds = signIn.facilitator(() -> processes.getProcess(processId)).timeline().phases().stream()
                .filter(p -> p.phase() == Phase.DELIBERATION_ROUNDS).findFirst().orElseThrow();
        day = rounds.start().isBefore(LocalDate.now(clock)) ? LocalDate.now(clock).plusDays(1) : rounds.start();
    }

    VenueRow venue(String name, int capacity) {
        return signIn.facilitator(() -> programme.saveVenue(new VenueForm(null, 0, processId, name, "서울시 중구 세종대로 110", capacity,
                "휠체어 접근 가능")));
    }

    SessionForm session(String title, long venueId, LocalTime start, LocalTime end, String region) {
        return new SessionForm(null, 0, processId, roundId, title, day, start, end, venueId, "",
                region == null ? null : REGION, region, true, "신분증", false,
                List.of(new AgendaItemForm(start, start.plusMinutes(30), AgendaKind.PRESENTATION, "개회", "진행자"),
                        new AgendaItemForm(start.plusMinutes(30), end, AgendaKind.SMALL_GROUP, "분임토의", "")));
    }

    @Test
    void seatedPanelHasFeaturesAndContacts() {
        assertEquals(40, roster.members().size());
        assertTrue(roster.features().contains(REGION), roster.features().toString());
        assertTrue(roster.members().stream().allMatch(m -> !m.value(REGION).isEmpty()));
        assertEquals(40, signIn.facilitator(() -> seating.contacts(processId)).size());
        assertTrue(roster.seating().isPresent());
    }

    @Test
    void sessionRoundTripWithAgenda() {
        VenueRow hall = venue("시청 다목적홀", 200);
        SessionForm saved = signIn.facilitator(() -> programme.saveSession(session("전체 회의", hall.id(), LocalTime.of(14, 0),
                LocalTime.of(17, 0), null), false));
        SessionForm loaded = signIn.facilitator(() -> programme.session(saved.id()));
        assertEquals("전체 회의", loaded.title());
        assertEquals(day, loaded.date());
        assertEquals(2, loaded.agenda().size());
        assertEquals(AgendaKind.SMALL_GROUP, loaded.agenda().get(1).kind());
        assertEquals("신분증", loaded.whatToBring());
        Programme p = signIn.facilitator(() -> programme.programme(processId));
        assertEquals(1, p.sessions().size());
        assertEquals(40, p.sessions().get(0).expected());
        assertEquals(1, p.venues().get(0).sessionCount());
    }

    @Test
    void impossibleInputIsRefusedAtTheFieldAndNothingIsSaved() {
        VenueRow hall = venue("시청", 200);
        SessionForm backwards = session("거꾸로", hall.id(), LocalTime.of(17, 0), LocalTime.of(14, 0), null);
        ValidationException e = assertThrows(ValidationException.class,
                () -> signIn.facilitator(() -> programme.saveSession(backwards, true)));
        assertTrue(fields(e).contains("end"), fields(e).toString());
        SessionForm past = withDate(session("지난", hall.id(), LocalTime.of(14, 0), LocalTime.of(15, 0), null),
                LocalDate.now(clock).minusDays(3), false);
        assertTrue(fields(assertThrows(ValidationException.class, () -> signIn.facilitator(() -> programme.saveSession(past, true))))
                .contains("date"));
        ValidationException venueErrors = assertThrows(ValidationException.class, () -> signIn.facilitator(() -> programme.saveVenue(
                new VenueForm(null, 0, processId, "지하", "주소", -5, ""))));
        assertEquals(List.of("capacity"), fields(venueErrors));
        assertEquals(0, signIn.facilitator(() -> programme.programme(processId)).sessions().size());
        assertEquals(1, signIn.facilitator(() -> programme.programme(processId)).venues().size());
        // A past session is accepted when the facilitator says they are recording one that took place.
        SessionForm recorded = withDate(past, LocalDate.now(clock).minusDays(3), true);
        assertNotNull(signIn.facilitator(() -> programme.saveSession(recorded, true)).id());
    }

    @Test
    void doubleBookedVenueIsAnErrorAndOverlapsAreWarnings() {
        VenueRow hall = venue("시청", 200);
        VenueRow small = venue("구청 회의실", 5);
        signIn.facilitator(() -> programme.saveSession(session("동북권 토론", hall.id(), LocalTime.of(14, 0), LocalTime.of(17, 0),
                "동북권"), true));
        SessionForm clash = session("서남권 토론", hall.id(), LocalTime.of(16, 0), LocalTime.of(18, 0), "서남권");
        ValidationException booked = assertThrows(ValidationException.class,
                () -> signIn.facilitator(() -> programme.checkSession(clash)));
        assertEquals(List.of("venueId"), fields(booked));
        // Another region at the same time elsewhere: no shared participants, so no warning.
        SessionForm elsewhere = session("서남권 토론", small.id(), LocalTime.of(16, 0), LocalTime.of(18, 0), "서남권");
        List<ScheduleWarning> warnings = signIn.facilitator(() -> programme.checkSession(elsewhere));
        assertEquals(Set.of(ScheduleWarningKind.OVER_CAPACITY), kinds(warnings),
                "only the small room: " + warnings);
        // The whole panel at the same time shares people with the regional session.
        SessionForm whole = session("전체", small.id(), LocalTime.of(16, 0), LocalTime.of(18, 0), null);
        assertEquals(Set.of(ScheduleWarningKind.OVER_CAPACITY, ScheduleWarningKind.PARTICIPANTS_OVERLAP),
                kinds(signIn.facilitator(() -> programme.checkSession(whole))));
        UserFacingException unaccepted = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> programme.saveSession(whole, false)));
        assertEquals("scheduling.session.warnings-not-accepted", unaccepted.messageKey());
        assertEquals(1, signIn.facilitator(() -> programme.programme(processId)).sessions().size());
        assertNotNull(signIn.facilitator(() -> programme.saveSession(whole, true)).id());
        // Outside the deliberation period: a warning too.
        PhasePlan rounds = signIn.facilitator(() -> processes.getProcess(processId)).timeline().phases().stream()
                .filter(p -> p.phase() == Phase.DELIBERATION_ROUNDS).findFirst().orElseThrow();
        SessionForm late = withDate(session("나중", hall.id(), LocalTime.of(10, 0), LocalTime.of(11, 0), null),
                rounds.end().plusDays(10), false);
        assertEquals(Set.of(ScheduleWarningKind.OUTSIDE_DELIBERATION_PHASE), kinds(signIn.facilitator(() -> programme.checkSession(late))));
    }

    @Test
    void secondSaveOfTheSameVersionGetsAConflict() {
        VenueRow hall = venue("시청", 200);
        SessionForm saved = signIn.facilitator(() -> programme.saveSession(session("원래", hall.id(), LocalTime.of(14, 0),
                LocalTime.of(17, 0), null), true));
        SessionForm first = rename(saved, "첫 번째 수정");
        SessionForm second = rename(saved, "두 번째 수정");
        signIn.facilitator(() -> programme.saveSession(first, true));
        UserFacingException conflict = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> programme.saveSession(second, true)));
        assertEquals("scheduling.concurrent-edit", conflict.messageKey());
        assertEquals("첫 번째 수정", signIn.facilitator(() -> programme.session(saved.id())).title());
    }

    @Test
    void invitationsConfirmationsAndAttendance() {
        VenueRow hall = venue("시청", 200);
        String region = roster.members().get(0).value(REGION);
        // Today's session: check-in is refused before the day.
        long regional = signIn.facilitator(() -> programme.saveSession(withDate(session("권역 토론", hall.id(), LocalTime.of(14, 0),
                LocalTime.of(17, 0), region), LocalDate.now(clock), false), true)).id();
        List<RosterMember> ofRegion = roster.members().stream().filter(m -> m.value(REGION).equals(region)).toList();
        InvitationRun run = signIn.facilitator(() -> invitations.invite(regional));
        assertEquals(ofRegion.size(), run.invited());
        assertEquals(ofRegion.size(), run.messagesQueued() + run.withoutContact());
        assertTrue(run.messagesQueued() > 0);
        assertEquals(run.messagesQueued(), jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE process_id = ?"
                + " AND purpose = 'invitation' AND status = 'QUEUED'", Integer.class, processId));
        assertEquals(0, signIn.facilitator(() -> invitations.invite(regional)).invited(), "inviting again invites nobody twice");
        assertEquals(ofRegion.size(), jdbc.queryForObject("SELECT COUNT(*) FROM invitation WHERE session_id = ?",
                Integer.class, regional));

        // The first member of the region confirms on their own page, the second declines.
        RosterMember yes = ofRegion.get(0);
        RosterMember no = ofRegion.get(1);
        respondAsCitizen(yes, regional, true);
        CitizenSchedule noSchedule = respondAsCitizen(no, regional, false);
        assertEquals(1, noSchedule.sessions().size());
        assertEquals(8, noSchedule.checkInCode().length());

        InvitationCounts counts = signIn.facilitator(() -> invitations.counts(regional));
        assertEquals(1, counts.confirmed());
        assertEquals(1, counts.declined());
        assertEquals(ofRegion.size() - 2, counts.pending());
        StratumCount regionCount = counts.strata().stream().filter(s -> s.feature().equals(REGION)).findFirst()
                .orElseThrow();
        assertEquals(region, regionCount.value());
        assertEquals(ofRegion.size(), regionCount.expected());
        String gender = yes.value("성별");
        StratumCount genderCount = counts.strata().stream()
                .filter(s -> s.feature().equals("성별") && s.value().equals(gender)).findFirst().orElseThrow();
        assertEquals(ofRegion.stream().filter(m -> m.value("성별").equals(gender)).count(), genderCount.expected());
        assertEquals(1, genderCount.confirmed());

        // Check-in by code (as scanned, with a prefix and lower case) and by name; twice is still once.
        CheckInResult byCode = signIn.facilitator(() -> attendance.checkInByCode(regional, "gn-" + codeOf(yes).toLowerCase(), false));
        assertEquals(yes.panelMemberId(), byCode.panelMemberId());
        assertFalse(byCode.alreadyCheckedIn());
        assertTrue(signIn.facilitator(() -> attendance.checkIn(regional, yes.panelMemberId(), false)).alreadyCheckedIn());
        RosterMember third = ofRegion.get(2);
        signIn.facilitator(() -> attendance.checkIn(regional, third.panelMemberId(), true));
        assertThrows(UserFacingException.class, () -> signIn.facilitator(() -> attendance.checkInByCode(regional, "ZZZZZZZZ", false)));
        SessionAttendance door = signIn.facilitator(() -> attendance.attendance(regional));
        assertEquals(2, door.checkedIn());
        assertEquals(1, door.late());
        assertEquals(ofRegion.size(), door.expected());

        // Honorarium under the default rule (every required session; late still counts): today's session is
        // the only one held, so those who came are eligible and everyone else is not.
        HonorariumReport report = signIn.facilitator(() -> attendance.honorarium(processId));
        assertEquals(roster.members().size(), report.rows().size());
        assertEquals(Set.of(yes.panelMemberId(), third.panelMemberId()), report.rows().stream()
                .filter(HonorariumReport.Row::eligible).map(HonorariumReport.Row::panelMemberId).collect(Collectors.toSet()));
        SettingsForm strict = signIn.facilitator(() -> attendance.settings(processId));
        signIn.facilitator(() -> attendance.saveSettings(new SettingsForm(processId, strict.version(), HonorariumRule.ALL_REQUIRED, 1,
                false, false, true)));
        assertEquals(Set.of(yes.panelMemberId()), signIn.facilitator(() -> attendance.honorarium(processId)).rows().stream()
                .filter(HonorariumReport.Row::eligible).map(HonorariumReport.Row::panelMemberId).collect(Collectors.toSet()),
                "with late arrivals not counting, only the punctual attendee is eligible");
        UserFacingException stale = assertThrows(UserFacingException.class, () -> signIn.facilitator(() -> attendance.saveSettings(strict)));
        assertEquals("scheduling.concurrent-edit", stale.messageKey());
        // The representativeness report gains a column for this session's attendees.
        List<GroupComparison> comparison = signIn.facilitator(() -> attendance.representativeness(processId));
        GroupComparison regions = comparison.stream().filter(c -> c.feature().equals(REGION)).findFirst().orElseThrow();
        assertEquals(1, regions.groupLabels().size());
        long attendingInRegion = regions.rows().stream().filter(r -> r.value().equals(region))
                .mapToLong(r -> r.groups().get(0).count()).sum();
        assertEquals(2, attendingInRegion);
    }

    @Test
    void aFacilitatorOfAnotherProcessSeesNothing() {
        String other = signIn.newStaff("schedfac", StaffRole.FACILITATOR);
        UserFacingException e = assertThrows(UserFacingException.class,
                () -> signIn.as(other, () -> programme.programme(processId)));
        assertEquals("process.not-found", e.messageKey());
    }

    private String codeOf(RosterMember member) {
        return jdbc.queryForObject("SELECT code FROM checkin_pass WHERE panel_member_id = ?", String.class,
                member.panelMemberId());
    }

    private CitizenSchedule respondAsCitizen(RosterMember member, long sessionId, boolean attending) {
        IssuedAccess access = signIn.facilitator(() -> panel.issueAccess(member.panelMemberId()));
        assertTrue(citizens.signInWithToken(access.link().substring(access.link().lastIndexOf("/c/") + 3)));
        try {
            citizenSchedule.respond(sessionId, attending);
            CitizenSchedule mine = citizenSchedule.mySchedule();
            assertEquals(attending ? InvitationStatus.CONFIRMED : InvitationStatus.DECLINED,
                    mine.sessions().get(0).status());
            assertNull(mine.sessions().get(0).table());
            return mine;
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private static List<String> fields(ValidationException e) {
        return e.problems().stream().map(ValidationException.FieldProblem::field).distinct().toList();
    }

    private static Set<ScheduleWarningKind> kinds(List<ScheduleWarning> warnings) {
        return warnings.stream().map(ScheduleWarning::kind).collect(Collectors.toSet());
    }

    private static SessionForm withDate(SessionForm f, LocalDate date, boolean recordingPast) {
        return new SessionForm(f.id(), f.version(), f.processId(), f.roundId(), f.title(), date, f.start(), f.end(),
                f.venueId(), f.onlineUrl(), f.audienceFeature(), f.audienceValue(), f.required(), f.whatToBring(),
                recordingPast, f.agenda());
    }

    private static SessionForm rename(SessionForm f, String title) {
        return new SessionForm(f.id(), f.version(), f.processId(), f.roundId(), title, f.date(), f.start(), f.end(),
                f.venueId(), f.onlineUrl(), f.audienceFeature(), f.audienceValue(), f.required(), f.whatToBring(),
                f.recordingPast(), f.agenda());
    }
}
