package org.gongnon.process;

import java.time.Clock;
import java.util.List;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
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
    private final String publicUrl;

    PanelService(PanelMemberRepository members, ProcessAccess access, Clock clock,
                 @Value("${gongnon.public-url}") String publicUrl) {
        this.members = members;
        this.access = access;
        this.clock = clock;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<PanelMemberSummary> listPanel(long processId) {
        access.requireEdit(processId);
        return members.findByProcessIdOrderByDisplayNameAsc(processId).stream().map(PanelMember::toSummary).toList();
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
        String token = AccessSecrets.newToken();
        String codeId;
        do {
            codeId = AccessSecrets.newCodePart();
        } while (members.existsByCodeId(codeId));
        String secret = AccessSecrets.newCodePart();
        member.grantAccess(AccessSecrets.sha256(token), codeId, AccessSecrets.sha256(secret), clock.instant());
        members.saveAndFlush(member);
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

    private PanelMember loadForEdit(long panelMemberId) {
        PanelMember member = members.findById(panelMemberId)
                .orElseThrow(() -> new UserFacingException("panel.member-not-found"));
        access.requireEdit(member.getProcessId());
        return member;
    }
}
