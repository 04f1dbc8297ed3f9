package org.gongnon.scheduling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.ProcessAccess;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.PersonalDataAccessLog;
import org.gongnon.security.PersonalDataAction;
import org.gongnon.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invitations to sessions: who is expected is invited once (inviting again only adds newcomers, e.g.
 * replacements), and facilitators see the answers per session and per stratum.
 */
@Service
public class InvitationService {

    private final ProgrammeService programme;
    private final InvitationRepository invitations;
    private final PanelSeatingService seating;
    private final CheckInPasses passes;
    private final InvitationMessages messages;
    private final ProcessAccess access;
    private final Clock clock;
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    private final PersonalDataAccessLog accessLog;

    InvitationService(ProgrammeService programme, InvitationRepository invitations, PanelSeatingService seating,
                      CheckInPasses passes, InvitationMessages messages, ProcessAccess access, Clock clock, PersonalDataAccessLog accessLog,
                      org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.programme = programme;
        this.invitations = invitations;
        this.seating = seating;
        this.passes = passes;
        this.messages = messages;
        this.access = access;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    /** Invites every expected member not yet invited, and queues their message (for sessions still to come). */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public InvitationRun invite(long sessionId) {
        DeliberationSession session = programme.loadForEdit(sessionId);
        PanelRoster roster = seating.roster(session.getProcessId());
        List<RosterMember> expected = ProgrammeService.expected(roster, session.getAudienceFeature(),
                session.getAudienceValue());
        if (expected.isEmpty()) {
            throw new UserFacingException("scheduling.invitations.nobody-expected");
        }
        Map<Long, Invitation> existing = byMember(invitations.findBySessionId(sessionId));
        List<RosterMember> newcomers = expected.stream().filter(m -> !existing.containsKey(m.panelMemberId())).toList();
        // One batch for a whole panel: inviting 300 people is one click and should feel like one.
        java.sql.Timestamp now = java.sql.Timestamp.from(clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        jdbc.batchUpdate("INSERT INTO invitation (version, session_id, panel_member_id, status, invited_at) "
                + "VALUES (0, ?, ?, 'INVITED', ?)", newcomers.stream()
                .map(m -> new Object[] {sessionId, m.panelMemberId(), now}).toList());
        passes.ensureCodes(newcomers.stream().map(RosterMember::panelMemberId).toList());
        InvitationMessages.Queued queued = session.getDate().isBefore(java.time.LocalDate.now(clock))
                ? new InvitationMessages.Queued(0, 0)
                : messages.queueInvitations(session, newcomers);
        return new InvitationRun(newcomers.size(), expected.size() - newcomers.size(), queued.messages(),
                queued.withoutContact());
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public InvitationCounts counts(long sessionId) {
        DeliberationSession session = programme.load(sessionId);
        access.requireView(session.getProcessId());
        PanelRoster roster = seating.roster(session.getProcessId());
        List<RosterMember> expected = ProgrammeService.expected(roster, session.getAudienceFeature(),
                session.getAudienceValue());
        Map<Long, Invitation> invited = byMember(invitations.findBySessionId(sessionId));
        List<StratumCount> strata = new ArrayList<>();
        for (String feature : roster.features()) {
            for (String value : roster.values().getOrDefault(feature, List.of())) {
                List<RosterMember> holders = expected.stream().filter(m -> value.equals(m.value(feature))).toList();
                if (!holders.isEmpty()) {
                    strata.add(new StratumCount(feature, value, holders.size(),
                            count(holders, invited, InvitationStatus.CONFIRMED),
                            count(holders, invited, InvitationStatus.DECLINED),
                            count(holders, invited, InvitationStatus.INVITED)));
                }
            }
        }
        int confirmed = count(expected, invited, InvitationStatus.CONFIRMED);
        int declined = count(expected, invited, InvitationStatus.DECLINED);
        int pending = count(expected, invited, InvitationStatus.INVITED);
        return new InvitationCounts(sessionId, expected.size(), confirmed + declined + pending, confirmed, declined,
                pending, expected.size() - confirmed - declined - pending, strata);
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<InvitationRow> invitations(long sessionId) {
        DeliberationSession session = programme.loadForEdit(sessionId);
        PanelRoster roster = seating.roster(session.getProcessId());
        Map<Long, Invitation> invited = byMember(invitations.findBySessionId(sessionId));
        List<InvitationRow> rows = ProgrammeService.expected(roster, session.getAudienceFeature(),
                session.getAudienceValue()).stream()
                .map(m -> {
                    Invitation i = invited.get(m.panelMemberId());
                    return new InvitationRow(m.panelMemberId(), m.displayName(), m.features(),
                            i == null ? null : i.getStatus(), i == null ? null : i.getRespondedAt());
                }).toList();
        accessLog.record(session.getProcessId(), PersonalDataAction.VIEW, "invitation list of session " + sessionId,
                rows.size());
        return rows;
    }

    /** Records an answer given another way (a phone call): the same as the citizen answering on their page. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void recordResponse(long sessionId, long panelMemberId, InvitationStatus answer) {
        programme.loadForEdit(sessionId);
        Invitation invitation = invitations.findBySessionIdAndPanelMemberId(sessionId, panelMemberId)
                .orElseThrow(() -> new UserFacingException("scheduling.invitations.not-invited"));
        invitation.respond(answer, clock.instant());
    }

    /** Records many answers at once, e.g. from a call round; members not invited are refused as a whole. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void recordResponses(long sessionId, Map<Long, InvitationStatus> answers) {
        programme.loadForEdit(sessionId);
        Map<Long, Invitation> invited = byMember(invitations.findBySessionId(sessionId));
        if (!invited.keySet().containsAll(answers.keySet())) {
            throw new UserFacingException("scheduling.invitations.not-invited");
        }
        answers.forEach((member, answer) -> invited.get(member).respond(answer, clock.instant()));
    }

    private static Map<Long, Invitation> byMember(List<Invitation> list) {
        Map<Long, Invitation> map = new HashMap<>();
        list.forEach(i -> map.put(i.getPanelMemberId(), i));
        return map;
    }

    private static int count(List<RosterMember> members, Map<Long, Invitation> invited, InvitationStatus status) {
        return (int) members.stream().map(m -> invited.get(m.panelMemberId()))
                .filter(i -> i != null && i.getStatus() == status).count();
    }
}
