package org.gongnon.recruitment;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.gongnon.algorithms.stats.FeatureComparison;
import org.gongnon.algorithms.stats.Group;
import org.gongnon.algorithms.stats.Representativeness;
import org.gongnon.algorithms.stats.ValueComparison;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.DrawnSeat;
import org.gongnon.process.PanelMemberSummary;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessAccess;
import org.gongnon.process.SeatingResult;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.PersonalDataAccessLog;
import org.gongnon.security.PersonalDataAction;
import org.gongnon.security.Roles;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Hands the drawn panel over to the deliberation: seats a draw's current panel as the process's panel
 * members (who then get their personal pages), keeps them in step with later replacements, and gives the
 * later steps the panel with its features, contacts and representativeness.
 */
@Service
public class PanelSeatingService {

    private final DrawService draws;
    private final PanelService panel;
    private final TargetsService targets;
    private final PanelSeatingRepository seatings;
    private final PoolMemberRepository pool;
    private final ProcessAccess access;
    private final CurrentUser currentUser;
    private final Clock clock;

    private final PersonalDataAccessLog accessLog;

    PanelSeatingService(DrawService draws, PanelService panel, TargetsService targets, PanelSeatingRepository seatings,
                        PoolMemberRepository pool, ProcessAccess access, CurrentUser currentUser, Clock clock, PersonalDataAccessLog accessLog) {
        this.draws = draws;
        this.panel = panel;
        this.targets = targets;
        this.seatings = seatings;
        this.pool = pool;
        this.access = access;
        this.currentUser = currentUser;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    /**
     * Seats this draw's panel as it stands (after replacements). Seating another draw later withdraws the
     * members who are not on its panel; their invitations and attendance stay on record.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public SeatingResult seatPanel(long drawId) {
        DrawDetails details = draws.details(drawId);
        long processId = details.summary().processId();
        SeatingResult result = panel.syncDrawnPanel(processId, seatsOf(details));
        PanelSeating seating = seatings.findById(processId).orElse(null);
        if (seating == null) {
            seatings.save(new PanelSeating(processId, drawId, clock.instant(), currentUser.actorName()));
        } else {
            seating.seat(drawId, clock.instant(), currentUser.actorName());
        }
        return result;
    }

    /** A decline or replacement on the seated draw changes the panel members at once, in the same transaction. */
    @EventListener
    void panelChanged(PanelChanged change) {
        seatings.findById(change.processId()).filter(s -> s.getDrawId() == change.drawId())
                .ifPresent(s -> panel.syncDrawnPanel(change.processId(), seatsOf(draws.details(change.drawId()))));
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public Optional<SeatingRecord> seating(long processId) {
        access.requireView(processId);
        return seatings.findById(processId).map(PanelSeating::toRecord);
    }

    /** The active panel with each member's features; members entered by hand have no features. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public PanelRoster roster(long processId) {
        access.requireView(processId);
        List<PanelMemberSummary> active = panel.activePanel(processId);
        Map<Long, PoolMember> byId = poolMembersOf(active);
        List<String> features = new ArrayList<>();
        Map<String, List<String>> values = new LinkedHashMap<>();
        targets.load(processId).ifPresent(t -> t.features().forEach(f -> {
            features.add(f.feature());
            values.put(f.feature(), f.valueLabels());
        }));
        List<RosterMember> members = active.stream().map(m -> new RosterMember(m.id(), m.displayName(),
                m.poolMemberId(), Optional.ofNullable(m.poolMemberId()).map(byId::get)
                        .map(p -> p.toRow().featureValues()).orElse(Map.of()))).toList();
        return new PanelRoster(seatings.findById(processId).map(PanelSeating::toRecord), features, values, members);
    }

    /** Phone and e-mail per active panel member (by panel member id), for messages. Organisers only. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public Map<Long, Contact> contacts(long processId) {
        access.requireEdit(processId);
        List<PanelMemberSummary> active = panel.activePanel(processId);
        Map<Long, PoolMember> byId = poolMembersOf(active);
        Map<Long, Contact> contacts = new HashMap<>();
        for (PanelMemberSummary m : active) {
            PoolMember p = m.poolMemberId() == null ? null : byId.get(m.poolMemberId());
            if (p != null) {
                PoolMemberRow row = p.toRow();
                contacts.put(m.id(), new Contact(row.phone(), row.email()));
            }
        }
        accessLog.record(processId, PersonalDataAction.USE, "panel contacts (phone, e-mail) of process " + processId,
                contacts.size());
        return contacts;
    }

    /**
     * The recruitment's representativeness report (population, pool, panel) with one more column per named
     * group of panel members, e.g. each session's attendees. Empty when no drawn panel was seated.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<GroupComparison> compareWithPopulation(long processId, Map<String, Set<Long>> groupsOfPanelMembers) {
        access.requireEdit(processId);
        Optional<PanelSeating> seating = seatings.findById(processId);
        if (seating.isEmpty()) {
            return List.of();
        }
        PanelRoster roster = roster(processId);
        List<GroupComparison> result = new ArrayList<>();
        for (FeatureComparison base : draws.representativeness(seating.get().getDrawId())) {
            List<String> values = base.values().stream().map(ValueComparison::value).toList();
            Map<String, Double> shares = new LinkedHashMap<>();
            base.values().forEach(v -> shares.put(v.value(), v.populationShare()));
            List<FeatureComparison> perGroup = new ArrayList<>();
            for (Set<Long> ids : groupsOfPanelMembers.values()) {
                Map<String, Long> counts = new LinkedHashMap<>();
                roster.members().stream().filter(m -> ids.contains(m.panelMemberId()))
                        .map(m -> m.value(base.feature())).filter(values::contains)
                        .forEach(v -> counts.merge(v, 1L, Long::sum));
                Map<Group, Map<String, Long>> byGroup = new EnumMap<>(Group.class);
                byGroup.put(Group.ATTENDEES, counts);
                perGroup.add(Representativeness.compare(base.feature(), values, shares, byGroup));
            }
            List<GroupComparison.Row> rows = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                int index = i;
                ValueComparison v = base.values().get(i);
                rows.add(new GroupComparison.Row(v.value(), v.populationShare(), v.in(Group.POOL), v.in(Group.PANEL),
                        perGroup.stream().map(g -> g.values().get(index).in(Group.ATTENDEES)).toList()));
            }
            result.add(new GroupComparison(base.feature(), List.copyOf(groupsOfPanelMembers.keySet()), rows,
                    base.test(Group.PANEL), perGroup.stream().map(g -> g.test(Group.ATTENDEES)).toList()));
        }
        return result;
    }

    private Map<Long, PoolMember> poolMembersOf(List<PanelMemberSummary> members) {
        Map<Long, PoolMember> byId = new HashMap<>();
        pool.findAllById(members.stream().map(PanelMemberSummary::poolMemberId).filter(java.util.Objects::nonNull)
                .toList()).forEach(p -> byId.put(p.getId(), p));
        return byId;
    }

    private static List<DrawnSeat> seatsOf(DrawDetails details) {
        if (details.currentPanel().isEmpty()) {
            throw new UserFacingException("recruitment.seating.empty");
        }
        return details.currentPanel().stream()
                .map(s -> new DrawnSeat(s.member().id(), s.member().name())).toList();
    }
}
