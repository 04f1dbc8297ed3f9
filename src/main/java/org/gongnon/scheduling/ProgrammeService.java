package org.gongnon.scheduling;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.process.Phase;
import org.gongnon.process.PhasePlan;
import org.gongnon.process.ProcessAccess;
import org.gongnon.process.ProcessService;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.Roles;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The programme of a process: rounds, sessions with their timed agenda, and venues. Hard errors (impossible
 * times, a date in the past, a double-booked venue) refuse the save; softer problems (the same people
 * expected at two overlapping sessions, more people than seats, a date outside the deliberation phases) are
 * warnings the facilitator sees before saving and must accept.
 */
@Service
public class ProgrammeService {

    static final int MAX_AGENDA_ITEMS = 40;
    static final int MAX_CAPACITY = 100_000;

    private final RoundRepository rounds;
    private final SessionRepository sessions;
    private final VenueRepository venues;
    private final InvitationRepository invitations;
    private final AttendanceRepository attendance;
    private final ProcessService processes;
    private final PanelSeatingService seating;
    private final ProcessAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    ProgrammeService(RoundRepository rounds, SessionRepository sessions, VenueRepository venues,
                     InvitationRepository invitations, AttendanceRepository attendance, ProcessService processes,
                     PanelSeatingService seating, ProcessAccess access, CurrentUser currentUser, Clock clock) {
        this.rounds = rounds;
        this.sessions = sessions;
        this.venues = venues;
        this.invitations = invitations;
        this.attendance = attendance;
        this.processes = processes;
        this.seating = seating;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public Programme programme(long processId) {
        access.requireView(processId);
        PanelRoster roster = seating.roster(processId);
        List<DeliberationSession> all = sessions.findByProcessIdOrderByDateAscStartAsc(processId);
        Map<Long, DeliberationRound> roundsById = new LinkedHashMap<>();
        rounds.findByProcessIdOrderByPositionAsc(processId).forEach(r -> roundsById.put(r.getId(), r));
        Map<Long, Venue> venuesById = new LinkedHashMap<>();
        venues.findByProcessIdOrderByNameAsc(processId).forEach(v -> venuesById.put(v.getId(), v));
        List<Long> ids = all.stream().map(DeliberationSession::getId).toList();
        Map<Long, List<Invitation>> invitationsBySession = new HashMap<>();
        invitations.findBySessionIdIn(ids).forEach(i ->
                invitationsBySession.computeIfAbsent(i.getSessionId(), k -> new ArrayList<>()).add(i));
        Map<Long, Integer> attendedBySession = new HashMap<>();
        attendance.findBySessionIdIn(ids).forEach(a -> attendedBySession.merge(a.getSessionId(), 1, Integer::sum));
        List<SessionSummary> summaries = all.stream().map(s -> summary(s, roundsById.get(s.getRoundId()),
                venuesById.get(s.getVenueId()), expected(roster, s.getAudienceFeature(), s.getAudienceValue()).size(),
                invitationsBySession.getOrDefault(s.getId(), List.of()), attendedBySession.getOrDefault(s.getId(), 0)))
                .toList();
        List<RoundRow> roundRows = roundsById.values().stream().map(r -> r.toRow((int) summaries.stream()
                .filter(s -> s.roundId() == r.getId()).count())).toList();
        List<VenueRow> venueRows = venuesById.values().stream().map(v -> v.toRow((int) all.stream()
                .filter(s -> v.getId().equals(s.getVenueId())).count())).toList();
        return new Programme(processId, roundRows, summaries, venueRows, roster.values(), roster.members().size(),
                access.canEdit(processId));
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public SessionForm session(long sessionId) {
        DeliberationSession session = load(sessionId);
        access.requireView(session.getProcessId());
        return session.toForm();
    }

    /** A template for a new session: tomorrow, 14:00–17:00, for the whole panel, in the first round if any. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public SessionForm newSession(long processId, Long roundId) {
        access.requireEdit(processId);
        Long round = roundId != null ? roundId : rounds.findByProcessIdOrderByPositionAsc(processId).stream()
                .findFirst().map(DeliberationRound::getId).orElse(null);
        return new SessionForm(null, 0, processId, round, "", LocalDate.now(clock).plusDays(1), LocalTime.of(14, 0),
                LocalTime.of(17, 0), null, "", null, null, true, "", false, List.of());
    }

    // --- rounds ---------------------------------------------------------------------------------------------

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public RoundRow saveRound(RoundForm form) {
        access.requireEdit(form.processId());
        Problems problems = new Problems();
        String title = problems.requireText("title", form.title(), 100);
        if (form.kind() == null) {
            problems.add("kind", "validation.required");
        }
        problems.throwIfAny();
        DeliberationRound round;
        if (form.id() == null) {
            int next = rounds.findByProcessIdOrderByPositionAsc(form.processId()).stream()
                    .mapToInt(DeliberationRound::getPosition).max().orElse(0) + 1;
            round = new DeliberationRound(form.processId(), next);
        } else {
            round = rounds.findById(form.id()).filter(r -> r.getProcessId() == form.processId())
                    .orElseThrow(() -> new UserFacingException("scheduling.round.not-found"));
            checkVersion(round.getVersion(), form.version());
        }
        round.apply(title, form.kind());
        DeliberationRound saved = flush(() -> rounds.saveAndFlush(round));
        return saved.toRow((int) sessions.countByRoundId(saved.getId()));
    }

    /** A round with sessions cannot be deleted: delete or move its sessions first. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void deleteRound(long roundId, long version) {
        DeliberationRound round = rounds.findById(roundId)
                .orElseThrow(() -> new UserFacingException("scheduling.round.not-found"));
        access.requireEdit(round.getProcessId());
        checkVersion(round.getVersion(), version);
        if (sessions.countByRoundId(roundId) > 0) {
            throw new UserFacingException("scheduling.round.has-sessions");
        }
        rounds.delete(round);
    }

    // --- venues ---------------------------------------------------------------------------------------------

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public VenueRow saveVenue(VenueForm form) {
        access.requireEdit(form.processId());
        Problems problems = new Problems();
        String name = problems.requireText("name", form.name(), 100);
        String address = problems.requireText("address", form.address(), 300);
        String accessibility = problems.optionalText("accessibility", form.accessibility(), 500);
        if (form.capacity() == null) {
            problems.add("capacity", "validation.required");
        } else if (form.capacity() < 1) {
            problems.add("capacity", "scheduling.venue.capacity-positive");
        } else if (form.capacity() > MAX_CAPACITY) {
            problems.add("capacity", "scheduling.venue.capacity-too-large", MAX_CAPACITY);
        }
        problems.throwIfAny();
        Venue venue;
        if (form.id() == null) {
            venue = new Venue(form.processId());
        } else {
            venue = venues.findById(form.id()).filter(v -> v.getProcessId() == form.processId())
                    .orElseThrow(() -> new UserFacingException("scheduling.venue.not-found"));
            checkVersion(venue.getVersion(), form.version());
        }
        venue.apply(name, address, form.capacity(), accessibility);
        Venue saved = flush(() -> venues.saveAndFlush(venue));
        return saved.toRow((int) sessions.countByVenueId(saved.getId()));
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void deleteVenue(long venueId, long version) {
        Venue venue = venues.findById(venueId).orElseThrow(() -> new UserFacingException("scheduling.venue.not-found"));
        access.requireEdit(venue.getProcessId());
        checkVersion(venue.getVersion(), version);
        if (sessions.countByVenueId(venueId) > 0) {
            throw new UserFacingException("scheduling.venue.in-use");
        }
        venues.delete(venue);
    }

    // --- sessions -------------------------------------------------------------------------------------------

    /** Validates a session (throwing {@link ValidationException} for errors) and returns its warnings. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<ScheduleWarning> checkSession(SessionForm form) {
        access.requireEdit(form.processId());
        return validate(form);
    }

    /**
     * Saves a session and its agenda as a whole. With warnings, saves only when {@code warningsAccepted}; a
     * form based on an older version than the stored one is refused, so two facilitators cannot overwrite
     * each other's changes unseen.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public SessionForm saveSession(SessionForm form, boolean warningsAccepted) {
        access.requireEdit(form.processId());
        List<ScheduleWarning> warnings = validate(form);
        if (!warnings.isEmpty() && !warningsAccepted) {
            throw new UserFacingException("scheduling.session.warnings-not-accepted");
        }
        DeliberationSession session;
        if (form.id() == null) {
            session = new DeliberationSession(form.processId());
        } else {
            session = load(form.id());
            if (session.getProcessId() != form.processId()) {
                throw new UserFacingException("scheduling.session.not-found");
            }
            checkVersion(session.getVersion(), form.version());
        }
        session.apply(clean(form), clock.instant(), currentUser.actorName());
        return flush(() -> sessions.saveAndFlush(session)).toForm();
    }

    /** Deletes a session with its invitations; refused once attendance was recorded (that is the record). */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void deleteSession(long sessionId, long version) {
        DeliberationSession session = load(sessionId);
        access.requireEdit(session.getProcessId());
        checkVersion(session.getVersion(), version);
        if (!attendance.findBySessionId(sessionId).isEmpty()) {
            throw new UserFacingException("scheduling.session.has-attendance");
        }
        sessions.delete(session);
    }

    // --- shared with the other scheduling services ----------------------------------------------------------

    DeliberationSession load(long sessionId) {
        return sessions.findById(sessionId).orElseThrow(() -> new UserFacingException("scheduling.session.not-found"));
    }

    DeliberationSession loadForEdit(long sessionId) {
        DeliberationSession session = load(sessionId);
        access.requireEdit(session.getProcessId());
        return session;
    }

    /** The active panel members a session is for: everyone, or those holding the audience's feature value. */
    static List<RosterMember> expected(PanelRoster roster, String feature, String value) {
        if (feature == null) {
            return roster.members();
        }
        return roster.members().stream().filter(m -> value.equals(m.value(feature))).toList();
    }

    static SessionSummary summary(DeliberationSession s, DeliberationRound round, Venue venue, int expected,
                                  List<Invitation> invited, int attended) {
        return new SessionSummary(s.getId(), s.getVersion(), s.getRoundId(), round == null ? "" : round.getTitle(),
                round == null ? RoundKind.OTHER : round.getKind(), s.getTitle(), s.getDate(), s.getStart(), s.getEnd(),
                venue == null ? null : venue.getName(), venue == null ? null : venue.getCapacity(), s.getOnlineUrl(),
                s.getAudienceFeature(), s.getAudienceValue(), s.isRequired(), expected, invited.size(),
                count(invited, InvitationStatus.CONFIRMED), count(invited, InvitationStatus.DECLINED), attended);
    }

    private static int count(List<Invitation> invited, InvitationStatus status) {
        return (int) invited.stream().filter(i -> i.getStatus() == status).count();
    }

    private List<ScheduleWarning> validate(SessionForm form) {
        Problems problems = new Problems();
        problems.requireText("title", form.title(), 150);
        problems.optionalText("whatToBring", form.whatToBring(), 500);
        Optional<DeliberationRound> round = Optional.ofNullable(form.roundId()).flatMap(rounds::findById)
                .filter(r -> r.getProcessId() == form.processId());
        if (round.isEmpty()) {
            problems.add("roundId", "validation.required");
        }
        LocalDate today = LocalDate.now(clock);
        if (form.date() == null) {
            problems.add("date", "validation.required");
        } else if (form.date().isBefore(today) && !form.recordingPast()) {
            problems.add("date", "scheduling.session.date-past");
        } else if (!form.date().isBefore(today) && form.recordingPast()) {
            problems.add("date", "scheduling.session.recording-not-past");
        }
        boolean timesKnown = form.start() != null && form.end() != null;
        if (form.start() == null) {
            problems.add("start", "validation.required");
        }
        if (form.end() == null) {
            problems.add("end", "validation.required");
        } else if (timesKnown && !form.end().isAfter(form.start())) {
            problems.add("end", "scheduling.session.end-before-start");
        }
        Optional<Venue> venue = Optional.ofNullable(form.venueId()).flatMap(venues::findById)
                .filter(v -> v.getProcessId() == form.processId());
        if (form.venueId() != null && venue.isEmpty()) {
            problems.add("venueId", "scheduling.venue.not-found");
        }
        String url = form.onlineUrl() == null ? "" : form.onlineUrl().strip();
        if (!url.isEmpty() && !isWebAddress(url)) {
            problems.add("onlineUrl", "scheduling.session.url-invalid");
        } else if (url.length() > 500) {
            problems.add("onlineUrl", "validation.too-long", 500);
        }
        if (form.venueId() == null && url.isEmpty()) {
            problems.add("venueId", "scheduling.session.place-required");
        }
        PanelRoster roster = seating.roster(form.processId());
        if (!form.wholePanel()) {
            List<String> values = roster.values().get(form.audienceFeature());
            if (values == null || form.audienceValue() == null || !values.contains(form.audienceValue())) {
                problems.add("audienceValue", "scheduling.session.audience-unknown");
            }
        }
        validateAgenda(form, problems);
        // The venue must be free: a double booking is an error, not a warning.
        List<DeliberationSession> others = sessions.findByProcessIdOrderByDateAscStartAsc(form.processId()).stream()
                .filter(s -> !s.getId().equals(form.id())).toList();
        if (venue.isPresent() && form.date() != null && timesKnown && form.end().isAfter(form.start())) {
            others.stream().filter(s -> venue.get().getId().equals(s.getVenueId()))
                    .filter(s -> s.overlaps(form.date(), form.start(), form.end())).findFirst()
                    .ifPresent(s -> problems.add("venueId", "scheduling.session.venue-booked", s.getTitle(),
                            s.getStart().toString(), s.getEnd().toString()));
        }
        problems.throwIfAny();

        List<ScheduleWarning> warnings = new ArrayList<>();
        for (DeliberationSession other : others) {
            if (other.overlaps(form.date(), form.start(), form.end())
                    && other.sharesParticipantsWith(form.audienceFeature(), form.audienceValue())) {
                warnings.add(new ScheduleWarning(ScheduleWarningKind.PARTICIPANTS_OVERLAP, "start",
                        "scheduling.warning.participants-overlap", List.of(other.getTitle(),
                        other.getStart().toString(), other.getEnd().toString())));
            }
        }
        int expected = expected(roster, form.wholePanel() ? null : form.audienceFeature(), form.audienceValue()).size();
        if (venue.isPresent() && expected > venue.get().getCapacity()) {
            warnings.add(new ScheduleWarning(ScheduleWarningKind.OVER_CAPACITY, "venueId",
                    "scheduling.warning.over-capacity", List.of(expected, venue.get().getCapacity())));
        }
        deliberationWindow(form.processId()).filter(w -> form.date().isBefore(w.start()) || form.date().isAfter(w.end()))
                .ifPresent(w -> warnings.add(new ScheduleWarning(ScheduleWarningKind.OUTSIDE_DELIBERATION_PHASE, "date",
                        "scheduling.warning.outside-phase", List.of(w.start().toString(), w.end().toString()))));
        return warnings;
    }

    private static void validateAgenda(SessionForm form, Problems problems) {
        if (form.agenda().size() > MAX_AGENDA_ITEMS) {
            problems.add("agenda", "scheduling.agenda.too-many", MAX_AGENDA_ITEMS);
            return;
        }
        LocalTime previousEnd = null;
        for (int i = 0; i < form.agenda().size(); i++) {
            AgendaItemForm item = form.agenda().get(i);
            int row = i + 1;
            if (item.title() == null || item.title().isBlank()) {
                problems.add("agenda", "scheduling.agenda.title-required", row);
            } else if (item.title().strip().length() > 200) {
                problems.add("agenda", "scheduling.agenda.title-too-long", row, 200);
            }
            if (item.people() != null && item.people().strip().length() > 300) {
                problems.add("agenda", "scheduling.agenda.people-too-long", row, 300);
            }
            if (item.kind() == null) {
                problems.add("agenda", "scheduling.agenda.kind-required", row);
            }
            if (item.start() == null || item.end() == null || !item.end().isAfter(item.start())) {
                problems.add("agenda", "scheduling.agenda.times-invalid", row);
                continue;
            }
            if (form.start() != null && form.end() != null
                    && (item.start().isBefore(form.start()) || item.end().isAfter(form.end()))) {
                problems.add("agenda", "scheduling.agenda.outside-session", row);
            }
            if (previousEnd != null && item.start().isBefore(previousEnd)) {
                problems.add("agenda", "scheduling.agenda.overlap", row);
            }
            previousEnd = item.end();
        }
    }

    private static SessionForm clean(SessionForm f) {
        List<AgendaItemForm> agenda = f.agenda().stream().map(a -> new AgendaItemForm(a.start(), a.end(), a.kind(),
                a.title().strip(), a.people() == null ? "" : a.people().strip())).toList();
        return new SessionForm(f.id(), f.version(), f.processId(), f.roundId(), f.title().strip(), f.date(), f.start(),
                f.end(), f.venueId(), f.onlineUrl() == null ? "" : f.onlineUrl().strip(),
                f.wholePanel() ? null : f.audienceFeature(), f.wholePanel() ? null : f.audienceValue(), f.required(),
                f.whatToBring() == null ? "" : f.whatToBring().strip(), f.recordingPast(), agenda);
    }

    private static boolean isWebAddress(String url) {
        try {
            URI uri = new URI(url);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    /** From the orientation's first day to the deliberation rounds' last: when sessions are expected. */
    private Optional<PhasePlan> deliberationWindow(long processId) {
        List<PhasePlan> phases = processes.getProcess(processId).timeline().phases();
        Optional<LocalDate> start = phases.stream().filter(p -> p.phase() == Phase.ORIENTATION).map(PhasePlan::start)
                .findFirst();
        Optional<LocalDate> end = phases.stream().filter(p -> p.phase() == Phase.DELIBERATION_ROUNDS)
                .map(PhasePlan::end).findFirst();
        if (start.isEmpty() || end.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PhasePlan(Phase.DELIBERATION_ROUNDS, start.get(), end.get()));
    }

    private static void checkVersion(long stored, long submitted) {
        if (stored != submitted) {
            throw new UserFacingException("scheduling.concurrent-edit");
        }
    }

    private static <T> T flush(java.util.function.Supplier<T> save) {
        try {
            return save.get();
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new UserFacingException("scheduling.concurrent-edit");
        }
    }
}
