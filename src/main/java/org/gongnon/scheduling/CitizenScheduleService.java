package org.gongnon.scheduling;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.CitizenPage;
import org.gongnon.security.CitizenPrincipal;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The signed-in citizen's own schedule. The citizen is always taken from the session, never from a
 * parameter, so changing an id in a request reaches nobody else's invitations.
 */
@Service
public class CitizenScheduleService {

    private final CitizenAccessService citizenAccess;
    private final CurrentUser currentUser;
    private final SessionRepository sessions;
    private final RoundRepository rounds;
    private final VenueRepository venues;
    private final InvitationRepository invitations;
    private final AttendanceRepository attendance;
    private final TablePlanRepository tables;
    private final ProgrammeSettingsRepository settings;
    private final CheckInPasses passes;
    private final org.gongnon.process.PanelService panel;
    private final Clock clock;

    CitizenScheduleService(CitizenAccessService citizenAccess, CurrentUser currentUser, SessionRepository sessions,
                           RoundRepository rounds, VenueRepository venues, InvitationRepository invitations,
                           AttendanceRepository attendance, TablePlanRepository tables,
                           ProgrammeSettingsRepository settings, CheckInPasses passes,
                           org.gongnon.process.PanelService panel, Clock clock) {
        this.citizenAccess = citizenAccess;
        this.currentUser = currentUser;
        this.sessions = sessions;
        this.rounds = rounds;
        this.venues = venues;
        this.invitations = invitations;
        this.attendance = attendance;
        this.tables = tables;
        this.settings = settings;
        this.passes = passes;
        this.panel = panel;
        this.clock = clock;
    }

    @PreAuthorize(Roles.HAS_CITIZEN)
    @Transactional
    public CitizenSchedule mySchedule() {
        CitizenPage page = citizenAccess.myPage();
        CitizenPrincipal me = currentUser.requireCitizen();
        LocalDate today = LocalDate.now(clock);
        boolean namesShown = settings.findById(me.processId()).map(s -> s.toForm().tableNamesVisible()).orElse(true);
        List<CitizenSchedule.Session> mine = new ArrayList<>();
        for (Invitation invitation : invitations.findByPanelMemberId(me.panelMemberId())) {
            DeliberationSession s = sessions.findById(invitation.getSessionId()).orElse(null);
            if (s == null || s.getProcessId() != me.processId()) {
                continue;
            }
            Optional<Venue> venue = Optional.ofNullable(s.getVenueId()).flatMap(venues::findById);
            boolean checkedIn = attendance.findBySessionIdAndPanelMemberId(s.getId(), me.panelMemberId()).isPresent();
            CitizenSchedule.MyTable table = s.getDate().equals(today) && invitation.getStatus() != InvitationStatus.DECLINED
                    ? myTable(s.getId(), me.panelMemberId(), namesShown) : null;
            mine.add(new CitizenSchedule.Session(s.getId(), s.getTitle(),
                    rounds.findById(s.getRoundId()).map(DeliberationRound::getTitle).orElse(""), s.getDate(),
                    s.getStart(), s.getEnd(), venue.map(Venue::getName).orElse(null),
                    venue.map(Venue::getAddress).orElse(null), venue.map(Venue::getAccessibility).orElse(null),
                    s.getOnlineUrl(), s.getWhatToBring(), s.agendaForms(), invitation.getStatus(), checkedIn, table));
        }
        mine.sort(Comparator.comparing(CitizenSchedule.Session::date).thenComparing(CitizenSchedule.Session::start));
        return new CitizenSchedule(page.displayName(), passes.codeOf(me.panelMemberId()), mine);
    }

    /** The citizen's answer to an invitation; refused for sessions that are over. */
    @PreAuthorize(Roles.HAS_CITIZEN)
    @Transactional
    public void respond(long sessionId, boolean attending) {
        citizenAccess.myPage();
        CitizenPrincipal me = currentUser.requireCitizen();
        Invitation invitation = invitations.findBySessionIdAndPanelMemberId(sessionId, me.panelMemberId())
                .orElseThrow(() -> new UserFacingException("scheduling.session.not-found"));
        DeliberationSession session = sessions.findById(sessionId)
                .orElseThrow(() -> new UserFacingException("scheduling.session.not-found"));
        if (session.getDate().isBefore(LocalDate.now(clock))) {
            throw new UserFacingException("scheduling.citizen.session-over");
        }
        invitation.respond(attending ? InvitationStatus.CONFIRMED : InvitationStatus.DECLINED, clock.instant());
    }

    private CitizenSchedule.MyTable myTable(long sessionId, long me, boolean namesShown) {
        Optional<TablePlan> plan = tables.findBySessionId(sessionId);
        if (plan.isEmpty() || !plan.get().getSeats().containsKey(me)) {
            return null;
        }
        Map<Long, TablePlan.Seat> seats = plan.get().getSeats();
        int number = seats.get(me).table();
        List<String> mates = List.of();
        if (namesShown) {
            Map<Long, String> names = panel.namesInMyProcess(seats.keySet());
            mates = seats.entrySet().stream().filter(e -> e.getValue().table() == number && e.getKey() != me)
                    .map(e -> FirstNames.of(names.getOrDefault(e.getKey(), ""))).filter(n -> !n.isEmpty()).sorted()
                    .toList();
        }
        return new CitizenSchedule.MyTable(number, plan.get().getHosts().getOrDefault(number, ""), mates, namesShown);
    }
}
