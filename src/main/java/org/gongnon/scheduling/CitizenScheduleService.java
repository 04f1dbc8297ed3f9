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

    /**
     * The citizen's sessions as an iCalendar file, for their phone's calendar: every session they are invited
     * to and have not declined.
     */
    @PreAuthorize(Roles.HAS_CITIZEN)
    @Transactional
    public byte[] calendarFile() {
        CitizenSchedule mine = mySchedule();
        java.time.ZoneId zone = clock.getZone();
        List<CalendarEvent> events = mine.sessions().stream().filter(s -> s.status() != InvitationStatus.DECLINED)
                .map(s -> new CalendarEvent("session-" + s.sessionId() + "@gongnon", s.date().atTime(s.start()).atZone(zone),
                        s.date().atTime(s.end()).atZone(zone), s.title(),
                        s.venueName() == null ? s.onlineUrl() : s.venueName() + ", " + s.venueAddress(),
                        description(s), s.onlineUrl()))
                .toList();
        return CalendarFile.write(citizenAccess.myPage().processTitle(), events, clock.instant());
    }

    private static String description(CitizenSchedule.Session s) {
        StringBuilder text = new StringBuilder(s.roundTitle());
        if (s.whatToBring() != null) {
            text.append("\n준비물: ").append(s.whatToBring());
        }
        s.agenda().forEach(a -> text.append("\n").append(a.start()).append("–").append(a.end()).append(" ")
                .append(a.title()));
        return text.toString();
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
