package org.gongnon.process;

import java.time.Clock;
import java.util.List;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
import org.gongnon.security.PersonalDataAccessLog;
import org.gongnon.security.PersonalDataAction;
import org.gongnon.security.Roles;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The panel of a process and the citizens' personal access: facilitators add members and issue,
 * re-issue or revoke their link and code.
 */
@Service
public class PanelService {

    private final PanelMemberRepository members;
    private final ProcessAccess access;
    private final Clock clock;
    private final org.gongnon.security.CurrentUser currentUser;
    private final String publicUrl;

    private final PersonalDataAccessLog accessLog;

    PanelService(PanelMemberRepository members, ProcessAccess access, Clock clock, PersonalDataAccessLog accessLog,
                 @Value("${gongnon.public-url}") String publicUrl, org.gongnon.security.CurrentUser currentUser) {
        this.currentUser = currentUser;
        this.members = members;
        this.access = access;
        this.clock = clock;
        this.accessLog = accessLog;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<PanelMemberSummary> listPanel(long processId) {
        access.requireEdit(processId);
        List<PanelMemberSummary> list = byName(processId).stream()
                .map(PanelMember::toSummary).toList();
        accessLog.record(processId, PersonalDataAction.VIEW, "panel list of process " + processId, list.size());
        return list;
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public PanelMemberSummary addPanelMember(long processId, String displayName) {
        access.requireEdit(processId);
        Problems problems = new Problems();
        String name = problems.requireText("displayName", displayName, 100);
        problems.throwIfAny();
        return members.save(new PanelMember(processId, name, clock.instant())).toSummary();
    }

    /** Issues a new personal link and code; any earlier ones stop working at once. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public IssuedAccess issueAccess(long panelMemberId) {
        PanelMember member = loadForEdit(panelMemberId);
        if (member.isWithdrawn()) {
            throw new UserFacingException("panel.member-withdrawn");
        }
        String token = AccessSecrets.newToken();
        String codeId;
        do {
            codeId = AccessSecrets.newCodePart();
        } while (members.existsByCodeId(codeId));
        String secret = AccessSecrets.newCodePart();
        member.grantAccess(AccessSecrets.sha256(token), codeId, AccessSecrets.sha256(secret), clock.instant());
        members.saveAndFlush(member);
        accessLog.record(member.getProcessId(), PersonalDataAction.ISSUE_ACCESS, "panel member " + member.getId(), 1);
        return new IssuedAccess(member.getId(), member.getDisplayName(), publicUrl + "/c/" + token,
                codeId + "-" + secret);
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public PanelMemberSummary revokeAccess(long panelMemberId) {
        PanelMember member = loadForEdit(panelMemberId);
        member.revokeAccess();
        return member.toSummary();
    }

    /**
     * Makes the panel match a drawn panel: seats whoever is new, withdraws (and cuts off) drawn members no
     * longer on it, and brings back anyone who returned. Members added by hand are left alone. Run again after
     * every replacement; it changes only what differs.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public SeatingResult syncDrawnPanel(long processId, java.util.List<DrawnSeat> seats) {
        access.requireEdit(processId);
        java.util.Map<Long, PanelMember> byPoolMember = new java.util.HashMap<>();
        for (PanelMember m : members.findByProcessId(processId)) {
            if (m.getPoolMemberId() != null) {
                byPoolMember.put(m.getPoolMemberId(), m);
            }
        }
        int added = 0;
        int rejoined = 0;
        int unchanged = 0;
        java.util.Set<Long> seated = new java.util.HashSet<>();
        for (DrawnSeat seat : seats) {
            seated.add(seat.poolMemberId());
            PanelMember existing = byPoolMember.get(seat.poolMemberId());
            if (existing == null) {
                members.save(PanelMember.drawn(processId, seat.poolMemberId(), seat.displayName(), clock.instant()));
                added++;
            } else if (existing.isWithdrawn()) {
                existing.rejoin();
                rejoined++;
            } else {
                unchanged++;
            }
        }
        int withdrawn = 0;
        for (PanelMember m : byPoolMember.values()) {
            if (!seated.contains(m.getPoolMemberId()) && !m.isWithdrawn()) {
                m.withdraw(clock.instant());
                withdrawn++;
            }
        }
        members.flush();
        return new SeatingResult(added, withdrawn, rejoined, unchanged);
    }

    /** The members currently on the panel (not withdrawn), for the later steps that invite and seat them. */
    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public List<PanelMemberSummary> activePanel(long processId) {
        access.requireView(processId);
        return byName(processId).stream().filter(m -> !m.isWithdrawn())
                .map(PanelMember::toSummary).toList();
    }

    /**
     * The names of some members of the signed-in citizen's own process (e.g. their tablemates); members of
     * other processes are never returned.
     */
    @PreAuthorize(Roles.HAS_CITIZEN)
    @Transactional(readOnly = true)
    public java.util.Map<Long, String> namesInMyProcess(java.util.Collection<Long> panelMemberIds) {
        long processId = currentUser.requireCitizen().processId();
        java.util.Map<Long, String> names = new java.util.HashMap<>();
        members.findAllById(panelMemberIds).stream().filter(m -> m.getProcessId() == processId)
                .forEach(m -> names.put(m.getId(), m.getDisplayName()));
        return names;
    }

    /**
     * Whether the signed-in citizen is still an active member of their panel with their current access (not
     * withdrawn, access not re-issued or revoked since they signed in).
     */
    @PreAuthorize(Roles.HAS_CITIZEN)
    @Transactional(readOnly = true)
    public boolean amActiveMember() {
        org.gongnon.security.CitizenPrincipal me = currentUser.requireCitizen();
        return members.findById(me.panelMemberId())
                .filter(m -> m.getProcessId() == me.processId())
                .filter(m -> m.hasAccessIssuedAt(me.accessIssuedAt()))
                .filter(m -> !m.isWithdrawn())
                .isPresent();
    }

    private PanelMember loadForEdit(long panelMemberId) {
        PanelMember member = members.findById(panelMemberId)
                .orElseThrow(() -> new UserFacingException("panel.member-not-found"));
        access.requireEdit(member.getProcessId());
        return member;
    }

    /**
     * The process's members by name, in Korean order (then by id): the names are encrypted in the database, so
     * it cannot sort them.
     */
    private List<PanelMember> byName(long processId) {
        java.text.Collator korean = java.text.Collator.getInstance(java.util.Locale.KOREAN);
        return members.findByProcessId(processId).stream()
                .sorted(java.util.Comparator.comparing(PanelMember::getDisplayName, korean)
                        .thenComparing(PanelMember::getId))
                .toList();
    }
}
