package org.gongnon.scheduling;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongnon.algorithms.tables.EarlierMeetings;
import org.gongnon.algorithms.tables.Participant;
import org.gongnon.algorithms.tables.RebalancePlan;
import org.gongnon.algorithms.tables.RebalanceRequest;
import org.gongnon.algorithms.tables.TableAssigner;
import org.gongnon.algorithms.tables.TableAssignment;
import org.gongnon.algorithms.tables.TableAssignmentException;
import org.gongnon.algorithms.tables.TableObjective;
import org.gongnon.algorithms.tables.TableRequest;
import org.gongnon.algorithms.tables.TableScore;
import org.gongnon.algorithms.tables.TableSizing;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.PersonalDataAccessLog;
import org.gongnon.security.PersonalDataAction;
import org.gongnon.security.Roles;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Small-group tables for a session: as diverse as possible across the panel's features, avoiding pairs who
 * already sat together in earlier sessions, with people pinned or moved by hand, and re-balanced after
 * no-shows with as few moves as possible. The search itself is {@link TableAssigner}, plain Java.
 */
@Service
public class TableService {

    static final int MIN_SIZE = 2;
    static final int MAX_SIZE = 30;
    private static final SecureRandom SEEDS = new SecureRandom();

    private final ProgrammeService programme;
    private final SessionRepository sessions;
    private final TablePlanRepository plans;
    private final InvitationRepository invitations;
    private final AttendanceRepository attendance;
    private final PanelSeatingService seating;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final PersonalDataAccessLog accessLog;

    TableService(ProgrammeService programme, SessionRepository sessions, TablePlanRepository plans,
                 InvitationRepository invitations, AttendanceRepository attendance, PanelSeatingService seating,
                 CurrentUser currentUser, Clock clock, PersonalDataAccessLog accessLog) {
        this.programme = programme;
        this.sessions = sessions;
        this.plans = plans;
        this.invitations = invitations;
        this.attendance = attendance;
        this.seating = seating;
        this.currentUser = currentUser;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public TablesOverview tables(long sessionId) {
        DeliberationSession session = programme.loadForEdit(sessionId);
        PanelRoster roster = seating.roster(session.getProcessId());
        accessLog.record(session.getProcessId(), PersonalDataAction.VIEW, "table plan of session " + sessionId,
                roster.members().size());
        return overview(session, plans.findBySessionId(sessionId), roster);
    }

    /**
     * Seats the session's participants at tables of about {@code tableSize} (sizes differ by at most one).
     * People pinned in the current plan stay at their tables; a new seed is drawn and kept with the plan.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public TablesOverview assign(long sessionId, Integer tableSize) {
        DeliberationSession session = programme.loadForEdit(sessionId);
        PanelRoster roster = seating.roster(session.getProcessId());
        List<RosterMember> people = participants(session, roster);
        Problems problems = new Problems();
        if (tableSize == null) {
            problems.add("tableSize", "validation.required");
        } else if (tableSize < MIN_SIZE || tableSize > MAX_SIZE) {
            problems.add("tableSize", "scheduling.tables.size-range", MIN_SIZE, MAX_SIZE);
        } else if (people.size() < MIN_SIZE) {
            problems.add("tableSize", "scheduling.tables.too-few", people.size());
        } else if (tableSize > people.size()) {
            problems.add("tableSize", "scheduling.tables.size-exceeds", people.size());
        }
        problems.throwIfAny();
        Optional<TablePlan> existing = plans.findBySessionId(sessionId);
        Set<Long> ids = new HashSet<>();
        people.forEach(p -> ids.add(p.panelMemberId()));
        Map<Long, Integer> pins = new HashMap<>();
        existing.ifPresent(plan -> plan.getSeats().forEach((member, seat) -> {
            if (seat.pinned() && ids.contains(member)) {
                pins.put(member, seat.table() - 1);
            }
        }));
        long seed = SEEDS.nextLong();
        org.gongnon.algorithms.tables.TablePlan result;
        try {
            result = TableAssigner.assign(TableRequest.of(participantsOf(people, roster), TableSizing.targetSize(tableSize),
                    seed).withPins(pins).withEarlierMeetings(earlierMeetings(session)));
        } catch (TableAssignmentException e) {
            throw refusal(e);
        }
        TablePlan plan = existing.orElseGet(() -> new TablePlan(sessionId));
        plan.replaceSeats(tableSize, seed, seats(result.assignment(), pins.keySet()), clock.instant(),
                currentUser.actorName());
        save(plan);
        return overview(session, Optional.of(plan), roster);
    }

    /**
     * After no-shows: takes those seated who have not checked in off their tables, seats late arrivals, and
     * evens the tables out moving as few people as possible (closing a table when too few are left at it).
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public RebalanceOutcome rebalance(long sessionId) {
        DeliberationSession session = programme.loadForEdit(sessionId);
        TablePlan plan = plans.findBySessionId(sessionId)
                .orElseThrow(() -> new UserFacingException("scheduling.tables.no-plan"));
        Set<Long> present = new HashSet<>();
        attendance.findBySessionId(sessionId).forEach(a -> present.add(a.getPanelMemberId()));
        if (present.isEmpty()) {
            throw new UserFacingException("scheduling.tables.no-checkins");
        }
        PanelRoster roster = seating.roster(session.getProcessId());
        Map<Long, Integer> current = new HashMap<>();
        Map<Long, Integer> pins = new HashMap<>();
        plan.getSeats().forEach((member, seat) -> {
            current.put(member, seat.table() - 1);
            if (seat.pinned()) {
                pins.put(member, seat.table() - 1);
            }
        });
        int tableCount = current.values().stream().mapToInt(t -> t + 1).max().orElse(0);
        Set<Long> absent = new HashSet<>(current.keySet());
        absent.removeAll(present);
        List<RosterMember> everyone = roster.members().stream()
                .filter(m -> present.contains(m.panelMemberId()) || current.containsKey(m.panelMemberId())).toList();
        RebalancePlan result;
        try {
            result = TableAssigner.rebalance(RebalanceRequest.of(participantsOf(everyone, roster),
                    TableAssignment.fromTableOf(current, tableCount), absent, plan.getSeed())
                    .withPins(pins).withMinTableSize(Math.max(MIN_SIZE, plan.getTableSize() / 2))
                    .withEarlierMeetings(earlierMeetings(session)));
        } catch (TableAssignmentException e) {
            throw refusal(e);
        }
        Set<Long> stillPinned = new HashSet<>(pins.keySet());
        stillPinned.retainAll(present);
        plan.replaceSeats(plan.getTableSize(), plan.getSeed(), seats(result.assignment(), stillPinned),
                clock.instant(), currentUser.actorName());
        save(plan);
        return new RebalanceOutcome(result.moves().size(), result.seated().size(), absent.size(),
                result.closedTables().stream().map(t -> t + 1).toList());
    }

    /** Moves a person to another table by hand, optionally pinning them there so re-assigning keeps them. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public TablesOverview move(long sessionId, long panelMemberId, int table, boolean pinned) {
        DeliberationSession session = programme.loadForEdit(sessionId);
        TablePlan plan = plans.findBySessionId(sessionId)
                .orElseThrow(() -> new UserFacingException("scheduling.tables.no-plan"));
        int tableCount = plan.getSeats().values().stream().mapToInt(TablePlan.Seat::table).max().orElse(0);
        if (table < 1 || table > tableCount) {
            throw new UserFacingException("scheduling.tables.unknown-table", tableCount);
        }
        PanelRoster roster = seating.roster(session.getProcessId());
        if (roster.member(panelMemberId).isEmpty()) {
            throw new UserFacingException("scheduling.checkin.not-on-panel");
        }
        plan.seat(panelMemberId, table, pinned, clock.instant(), currentUser.actorName());
        save(plan);
        return overview(session, Optional.of(plan), roster);
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public TablesOverview setFacilitator(long sessionId, int table, String facilitator) {
        DeliberationSession session = programme.loadForEdit(sessionId);
        TablePlan plan = plans.findBySessionId(sessionId)
                .orElseThrow(() -> new UserFacingException("scheduling.tables.no-plan"));
        Problems problems = new Problems();
        String name = problems.optionalText("facilitator", facilitator, 100);
        problems.throwIfAny();
        if (plan.getSeats().values().stream().noneMatch(s -> s.table() == table)) {
            throw new UserFacingException("scheduling.tables.unknown-table",
                    plan.getSeats().values().stream().mapToInt(TablePlan.Seat::table).max().orElse(0));
        }
        plan.setHost(table, name, clock.instant(), currentUser.actorName());
        save(plan);
        return overview(session, Optional.of(plan), seating.roster(session.getProcessId()));
    }

    /** Who sits at tables: those checked in once anyone is; before the day, everyone invited who has not declined. */
    private List<RosterMember> participants(DeliberationSession session, PanelRoster roster) {
        Set<Long> present = new HashSet<>();
        attendance.findBySessionId(session.getId()).forEach(a -> present.add(a.getPanelMemberId()));
        if (!present.isEmpty()) {
            return roster.members().stream().filter(m -> present.contains(m.panelMemberId())).toList();
        }
        Set<Long> coming = new HashSet<>();
        invitations.findBySessionId(session.getId()).stream().filter(i -> i.getStatus() != InvitationStatus.DECLINED)
                .forEach(i -> coming.add(i.getPanelMemberId()));
        return roster.members().stream().filter(m -> coming.contains(m.panelMemberId())).toList();
    }

    /** Who sat together at earlier sessions of the process, so they meet new people this time. */
    private EarlierMeetings earlierMeetings(DeliberationSession session) {
        List<Long> earlier = sessions.findByProcessIdOrderByDateAscStartAsc(session.getProcessId()).stream()
                .filter(s -> s.getDate().isBefore(session.getDate())
                        || s.getDate().equals(session.getDate()) && s.getStart().isBefore(session.getStart()))
                .map(DeliberationSession::getId).toList();
        List<TableAssignment> rounds = new ArrayList<>();
        for (TablePlan plan : plans.findBySessionIdIn(earlier)) {
            Map<Long, Integer> tableOf = new HashMap<>();
            plan.getSeats().forEach((member, seat) -> tableOf.put(member, seat.table() - 1));
            int count = tableOf.values().stream().mapToInt(t -> t + 1).max().orElse(0);
            rounds.add(TableAssignment.fromTableOf(tableOf, count));
        }
        return EarlierMeetings.fromAssignments(rounds);
    }

    private TablesOverview overview(DeliberationSession session, Optional<TablePlan> plan, PanelRoster roster) {
        List<RosterMember> people = participants(session, roster);
        Set<Long> present = new HashSet<>();
        attendance.findBySessionId(session.getId()).forEach(a -> present.add(a.getPanelMemberId()));
        if (plan.isEmpty() || plan.get().getSeats().isEmpty()) {
            return new TablesOverview(session.getId(), session.getTitle(), people.size(), !present.isEmpty(), 0, null,
                    null, null, List.of(), 0, 0, 0, 0, roster.features());
        }
        Map<Long, TablePlan.Seat> seats = plan.get().getSeats();
        int tableCount = seats.values().stream().mapToInt(TablePlan.Seat::table).max().orElse(0);
        Map<Long, Integer> tableOf = new HashMap<>();
        seats.forEach((member, seat) -> tableOf.put(member, seat.table() - 1));
        List<RosterMember> seated = roster.members().stream().filter(m -> seats.containsKey(m.panelMemberId())).toList();
        TableAssignment assignment = TableAssignment.fromTableOf(filter(tableOf, seated), tableCount);
        TableScore score = TableAssigner.evaluate(participantsOf(seated, roster), assignment, earlierMeetings(session),
                TableObjective.DEFAULT);
        Map<Integer, String> hosts = plan.get().getHosts();
        List<TablesOverview.Table> tables = new ArrayList<>();
        for (int t = 1; t <= tableCount; t++) {
            int number = t;
            List<TablesOverview.Seat> at = seated.stream().filter(m -> seats.get(m.panelMemberId()).table() == number)
                    .map(m -> new TablesOverview.Seat(m.panelMemberId(), m.displayName(), m.features(),
                            seats.get(m.panelMemberId()).pinned(), present.contains(m.panelMemberId())))
                    .sorted(java.util.Comparator.comparing(TablesOverview.Seat::displayName)).toList();
            if (at.isEmpty()) {
                continue;
            }
            Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
            for (String feature : roster.features()) {
                Map<String, Integer> byValue = new LinkedHashMap<>();
                at.forEach(s -> {
                    String v = s.features().get(feature);
                    if (v != null && !v.isEmpty()) {
                        byValue.merge(v, 1, Integer::sum);
                    }
                });
                counts.put(feature, byValue);
            }
            tables.add(new TablesOverview.Table(number, hosts.getOrDefault(number, ""), at, counts));
        }
        int seatedAbsent = present.isEmpty() ? 0 : (int) seats.keySet().stream().filter(id -> !present.contains(id)).count();
        int unseated = (int) present.stream().filter(id -> !seats.containsKey(id)).count();
        return new TablesOverview(session.getId(), session.getTitle(), people.size(), !present.isEmpty(),
                plan.get().getTableSize(), plan.get().getSeed(), plan.get().getUpdatedAt(), plan.get().getUpdatedBy(),
                tables, score.diversityPenalty(), score.repeatPairs(), seatedAbsent, unseated, roster.features());
    }

    private static Map<Long, Integer> filter(Map<Long, Integer> tableOf, List<RosterMember> seated) {
        Map<Long, Integer> kept = new HashMap<>();
        seated.forEach(m -> kept.put(m.panelMemberId(), tableOf.get(m.panelMemberId())));
        return kept;
    }

    private static List<Participant> participantsOf(List<RosterMember> people, PanelRoster roster) {
        return people.stream().map(m -> new Participant(m.panelMemberId(), m.features())).toList();
    }

    private static Map<Long, TablePlan.Seat> seats(TableAssignment assignment, Set<Long> pinned) {
        Map<Long, TablePlan.Seat> seats = new HashMap<>();
        assignment.tableOf().forEach((member, table) ->
                seats.put(member, new TablePlan.Seat(table + 1, pinned.contains(member))));
        return seats;
    }

    private void save(TablePlan plan) {
        try {
            plans.saveAndFlush(plan);
        } catch (ObjectOptimisticLockingFailureException e) {
            throw new UserFacingException("scheduling.concurrent-edit");
        }
    }

    private static UserFacingException refusal(TableAssignmentException e) {
        return switch (e.reason()) {
            case PINS_OVERFILL_TABLE, PIN_TO_UNKNOWN_TABLE -> new UserFacingException("scheduling.tables.pins-conflict");
            case TOO_FEW_PARTICIPANTS -> new UserFacingException("scheduling.tables.too-few", 0);
            default -> new UserFacingException("scheduling.tables.cannot-assign");
        };
    }
}
