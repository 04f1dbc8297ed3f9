package org.gongnon.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.ProcessAccess;
import org.gongnon.recruitment.GroupComparison;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.PersonalDataAccessLog;
import org.gongnon.security.PersonalDataAction;
import org.gongnon.security.Roles;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attendance on the day: check-in by name or by the code on the citizen's page, late arrivals and early
 * departures, live counts, honorarium eligibility by the process's rule, and who attended compared with the
 * population.
 */
@Service
public class AttendanceService {

    private final ProgrammeService programme;
    private final SessionRepository sessions;
    private final RoundRepository rounds;
    private final VenueRepository venues;
    private final InvitationRepository invitations;
    private final AttendanceRepository attendance;
    private final TablePlanRepository tables;
    private final ProgrammeSettingsRepository settings;
    private final CheckInPasses passes;
    private final PanelSeatingService seating;
    private final ProcessAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final PersonalDataAccessLog accessLog;

    AttendanceService(ProgrammeService programme, SessionRepository sessions, RoundRepository rounds,
                      VenueRepository venues, InvitationRepository invitations, AttendanceRepository attendance,
                      TablePlanRepository tables, ProgrammeSettingsRepository settings, CheckInPasses passes,
                      PanelSeatingService seating, ProcessAccess access, CurrentUser currentUser, Clock clock, PersonalDataAccessLog accessLog,
                      org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.programme = programme;
        this.sessions = sessions;
        this.rounds = rounds;
        this.venues = venues;
        this.invitations = invitations;
        this.attendance = attendance;
        this.tables = tables;
        this.settings = settings;
        this.passes = passes;
        this.seating = seating;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public CheckInResult checkIn(long sessionId, long panelMemberId, boolean late) {
        DeliberationSession session = programme.loadForEdit(sessionId);
        if (session.getDate().isAfter(LocalDate.now(clock))) {
            throw new UserFacingException("scheduling.checkin.not-yet");
        }
        PanelRoster roster = seating.roster(session.getProcessId());
        RosterMember member = roster.member(panelMemberId)
                .orElseThrow(() -> new UserFacingException("scheduling.checkin.not-on-panel"));
        boolean invited = invitations.findBySessionIdAndPanelMemberId(sessionId, panelMemberId).isPresent();
        Integer table = tables.findBySessionId(sessionId).map(p -> p.getSeats().get(panelMemberId))
                .map(TablePlan.Seat::table).orElse(null);
        Optional<Attendance> existing = attendance.findBySessionIdAndPanelMemberId(sessionId, panelMemberId);
        if (existing.isPresent()) {
            return new CheckInResult(panelMemberId, member.displayName(), true, invited, table);
        }
        try {
            attendance.saveAndFlush(new Attendance(sessionId, panelMemberId, clock.instant(), currentUser.actorName(),
                    late));
        } catch (DataIntegrityViolationException e) {
            // Checked in at the same moment on another tablet: the person is in, which is what counts.
            return new CheckInResult(panelMemberId, member.displayName(), true, invited, table);
        }
        return new CheckInResult(panelMemberId, member.displayName(), false, invited, table);
    }

    /**
     * Records a paper sign-in sheet after the session: everyone listed is checked in (those already in are
     * left alone), the late ones marked late. Anyone not on the panel refuses the whole sheet.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public int recordSignInSheet(long sessionId, java.util.Collection<Long> present, Set<Long> late) {
        DeliberationSession session = programme.loadForEdit(sessionId);
        if (session.getDate().isAfter(LocalDate.now(clock))) {
            throw new UserFacingException("scheduling.checkin.not-yet");
        }
        PanelRoster roster = seating.roster(session.getProcessId());
        if (!present.stream().allMatch(id -> roster.member(id).isPresent())) {
            throw new UserFacingException("scheduling.checkin.not-on-panel");
        }
        Set<Long> already = new HashSet<>();
        attendance.findBySessionId(sessionId).forEach(a -> already.add(a.getPanelMemberId()));
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        String by = currentUser.actorName();
        List<Object[]> rows = new ArrayList<>();
        for (Long id : new java.util.LinkedHashSet<>(present)) {
            if (already.add(id)) {
                rows.add(new Object[] {sessionId, id, now, by, late.contains(id)});
            }
        }
        jdbc.batchUpdate("INSERT INTO attendance (version, session_id, panel_member_id, checked_in_at, checked_in_by, late)"
                + " VALUES (0, ?, ?, ?, ?, ?)", rows);
        return rows.size();
    }

    /** Check-in with the code shown (as text and QR code) on the citizen's page. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public CheckInResult checkInByCode(long sessionId, String code, boolean late) {
        DeliberationSession session = programme.loadForEdit(sessionId);
        long member = passes.memberOf(code)
                .filter(id -> seating.roster(session.getProcessId()).member(id).isPresent())
                .orElseThrow(() -> new UserFacingException("scheduling.checkin.unknown-code"));
        return checkIn(sessionId, member, late);
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void undoCheckIn(long sessionId, long panelMemberId) {
        programme.loadForEdit(sessionId);
        attendance.findBySessionIdAndPanelMemberId(sessionId, panelMemberId).ifPresent(attendance::delete);
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void markLate(long sessionId, long panelMemberId, boolean late) {
        checkedIn(sessionId, panelMemberId).markLate(late);
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void markLeftEarly(long sessionId, long panelMemberId, boolean leftEarly) {
        checkedIn(sessionId, panelMemberId).markLeftEarly(leftEarly, clock.instant());
    }

    /** The door list: everyone expected or checked in, with live counts. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public SessionAttendance attendance(long sessionId) {
        DeliberationSession session = programme.loadForEdit(sessionId);
        PanelRoster roster = seating.roster(session.getProcessId());
        List<RosterMember> expected = ProgrammeService.expected(roster, session.getAudienceFeature(),
                session.getAudienceValue());
        List<Invitation> invited = invitations.findBySessionId(sessionId);
        Map<Long, Invitation> invitationOf = new HashMap<>();
        invited.forEach(i -> invitationOf.put(i.getPanelMemberId(), i));
        Map<Long, Attendance> present = new HashMap<>();
        attendance.findBySessionId(sessionId).forEach(a -> present.put(a.getPanelMemberId(), a));
        Map<Long, TablePlan.Seat> seats = tables.findBySessionId(sessionId).map(TablePlan::getSeats).orElse(Map.of());
        Map<Long, RosterMember> people = new LinkedHashMap<>();
        expected.forEach(m -> people.put(m.panelMemberId(), m));
        present.keySet().forEach(id -> roster.member(id).ifPresent(m -> people.putIfAbsent(id, m)));
        List<AttendeeRow> rows = new ArrayList<>();
        for (RosterMember m : people.values()) {
            Attendance a = present.get(m.panelMemberId());
            Invitation i = invitationOf.get(m.panelMemberId());
            TablePlan.Seat seat = seats.get(m.panelMemberId());
            rows.add(new AttendeeRow(m.panelMemberId(), m.displayName(), i == null ? null : i.getStatus(), a != null,
                    a == null ? null : a.getCheckedInAt(), a != null && a.isLate(), a != null && a.hasLeftEarly(),
                    seat == null ? null : seat.table()));
        }
        rows.sort(Comparator.comparing(AttendeeRow::displayName));
        DeliberationRound round = rounds.findById(session.getRoundId()).orElse(null);
        Venue venue = session.getVenueId() == null ? null : venues.findById(session.getVenueId()).orElse(null);
        SessionSummary summary = ProgrammeService.summary(session, round, venue, expected.size(), invited,
                present.size());
        accessLog.record(session.getProcessId(), PersonalDataAction.VIEW, "check-in list of session " + sessionId,
                expected.size());
        return new SessionAttendance(summary, expected.size(),
                (int) invited.stream().filter(i -> i.getStatus() == InvitationStatus.CONFIRMED).count(), present.size(),
                (int) present.values().stream().filter(Attendance::isLate).count(),
                (int) present.values().stream().filter(Attendance::hasLeftEarly).count(), rows);
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public SettingsForm settings(long processId) {
        access.requireView(processId);
        return settings.findById(processId).map(ProgrammeSettings::toForm)
                .orElseGet(() -> ProgrammeSettings.defaults(processId));
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public SettingsForm saveSettings(SettingsForm form) {
        access.requireEdit(form.processId());
        Problems problems = new Problems();
        if (form.honorariumRule() == null) {
            problems.add("honorariumRule", "validation.required");
        }
        if (form.minSessions() < 1 || form.minSessions() > 100) {
            problems.add("minSessions", "scheduling.settings.min-sessions-range", 1, 100);
        }
        problems.throwIfAny();
        ProgrammeSettings stored = settings.findById(form.processId()).orElse(null);
        if (stored == null) {
            if (form.version() != -1) {
                throw new UserFacingException("scheduling.concurrent-edit");
            }
            stored = new ProgrammeSettings(form.processId());
        } else if (stored.getVersion() != form.version()) {
            throw new UserFacingException("scheduling.concurrent-edit");
        }
        stored.apply(form);
        try {
            return settings.saveAndFlush(stored).toForm();
        } catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException e) {
            throw new UserFacingException("scheduling.concurrent-edit");
        }
    }

    /**
     * Honorarium eligibility over the sessions held so far (up to today). Under {@link HonorariumRule#ALL_REQUIRED}
     * a member must have attended every required session they were expected at (regional sessions only count
     * for their region); under {@link HonorariumRule#MIN_SESSIONS}, at least the set number of sessions.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public HonorariumReport honorarium(long processId) {
        access.requireEdit(processId);
        SettingsForm rule = settings(processId);
        PanelRoster roster = seating.roster(processId);
        LocalDate today = LocalDate.now(clock);
        List<DeliberationSession> held = sessions.findByProcessIdOrderByDateAscStartAsc(processId).stream()
                .filter(s -> !s.getDate().isAfter(today)).toList();
        Map<Long, Set<Long>> attendedBy = new HashMap<>();
        for (Attendance a : attendance.findBySessionIdIn(held.stream().map(DeliberationSession::getId).toList())) {
            if ((rule.lateCounts() || !a.isLate()) && (rule.leftEarlyCounts() || !a.hasLeftEarly())) {
                attendedBy.computeIfAbsent(a.getPanelMemberId(), k -> new HashSet<>()).add(a.getSessionId());
            }
        }
        List<HonorariumReport.Row> rows = new ArrayList<>();
        for (RosterMember m : roster.members()) {
            Set<Long> attended = attendedBy.getOrDefault(m.panelMemberId(), Set.of());
            List<DeliberationSession> required = held.stream().filter(DeliberationSession::isRequired)
                    .filter(s -> s.getAudienceFeature() == null
                            || s.getAudienceValue().equals(m.value(s.getAudienceFeature()))).toList();
            int requiredAttended = (int) required.stream().filter(s -> attended.contains(s.getId())).count();
            boolean eligible = rule.honorariumRule() == HonorariumRule.ALL_REQUIRED
                    ? !required.isEmpty() && requiredAttended == required.size()
                    : attended.size() >= rule.minSessions();
            rows.add(new HonorariumReport.Row(m.panelMemberId(), m.displayName(), attended.size(), required.size(),
                    requiredAttended, eligible));
        }
        accessLog.record(processId, PersonalDataAction.VIEW, "honorarium eligibility of process " + processId,
                roster.members().size());
        return new HonorariumReport(rule, held.size(), (int) held.stream().filter(DeliberationSession::isRequired)
                .count(), rows);
    }

    /**
     * The recruitment's representativeness report with one column per held session that has attendance: who
     * actually came, against the population. Empty when the panel was not seated from a draw.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<GroupComparison> representativeness(long processId) {
        access.requireEdit(processId);
        Map<String, Set<Long>> groups = new LinkedHashMap<>();
        for (DeliberationSession s : sessions.findByProcessIdOrderByDateAscStartAsc(processId)) {
            Set<Long> came = new HashSet<>();
            attendance.findBySessionId(s.getId()).forEach(a -> came.add(a.getPanelMemberId()));
            if (!came.isEmpty()) {
                String day = s.getDate().getMonthValue() + "/" + s.getDate().getDayOfMonth();
                String label = s.getTitle() + " (" + day + ")";
                // Sessions of the same name on the same day (e.g. one per region) must not share a column.
                if (groups.containsKey(label)) {
                    label = s.getTitle() + " (" + day + " · "
                            + (s.getAudienceValue() != null ? s.getAudienceValue() : s.getStart()) + ")";
                }
                if (groups.containsKey(label)) {
                    label += " #" + s.getId();
                }
                groups.put(label, came);
            }
        }
        return seating.compareWithPopulation(processId, groups);
    }

    private Attendance checkedIn(long sessionId, long panelMemberId) {
        programme.loadForEdit(sessionId);
        return attendance.findBySessionIdAndPanelMemberId(sessionId, panelMemberId)
                .orElseThrow(() -> new UserFacingException("scheduling.checkin.not-checked-in"));
    }
}
