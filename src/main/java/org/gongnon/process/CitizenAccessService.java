package org.gongnon.process;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.gongnon.base.UserFacingException;
import org.gongnon.security.CitizenPrincipal;
import org.gongnon.security.CitizenSignIn;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Citizens come in with their personal link or code, and then see their own page only. */
@Service
public class CitizenAccessService {

    static final Duration CODE_LOCK = Duration.ofMinutes(15);

    private final PanelMemberRepository members;
    private final DeliberationProcessRepository processes;
    private final CitizenSignIn signIn;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final SignInTickets tickets;

    CitizenAccessService(PanelMemberRepository members, DeliberationProcessRepository processes,
                         CitizenSignIn signIn, CurrentUser currentUser, Clock clock, SignInTickets tickets) {
        this.members = members;
        this.processes = processes;
        this.signIn = signIn;
        this.currentUser = currentUser;
        this.clock = clock;
        this.tickets = tickets;
    }

    /** Signs in with a personal link's token; false for an unknown or revoked one. */
    @PreAuthorize(Roles.ANYONE)
    @Transactional(readOnly = true)
    public boolean signInWithToken(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return false;
        }
        Optional<PanelMember> member = members.findByTokenHash(AccessSecrets.sha256(token));
        member.ifPresent(this::signIn);
        return member.isPresent();
    }

    /**
     * Checks a short code typed on a tablet. Wrong attempts are counted per code; after
     * {@value PanelMember#MAX_CODE_FAILURES} the code is locked for a while, whoever types it. A right
     * code yields a one-time ticket: the browser then opens {@code /c/ticket/{ticket}}, where the
     * sign-in happens in a request of its own (see {@link #redeemTicket}).
     */
    @PreAuthorize(Roles.ANYONE)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public CodeCheck checkCode(String typedCode) {
        String code = AccessSecrets.normalizeCode(typedCode);
        if (!AccessSecrets.isWellFormedCode(code)) {
            return CodeCheck.of(CodeSignInResult.INVALID);
        }
        Optional<PanelMember> found = members.findByCodeId(code.substring(0, 4));
        if (found.isEmpty()) {
            return CodeCheck.of(CodeSignInResult.INVALID);
        }
        PanelMember member = found.get();
        if (member.isCodeLocked(clock.instant())) {
            return CodeCheck.of(CodeSignInResult.LOCKED);
        }
        if (!AccessSecrets.sameHash(member.getCodeSecretHash(), AccessSecrets.sha256(code.substring(4)))) {
            member.recordCodeFailure(clock.instant(), CODE_LOCK);
            return CodeCheck.of(member.isCodeLocked(clock.instant()) ? CodeSignInResult.LOCKED : CodeSignInResult.INVALID);
        }
        member.recordCodeSuccess();
        return new CodeCheck(CodeSignInResult.SIGNED_IN, tickets.issue(principalOf(member)));
    }

    /** Signs in with a one-time ticket from {@link #checkCode}; false for an unknown, used or expired one. */
    @PreAuthorize(Roles.ANYONE)
    @Transactional(readOnly = true)
    public boolean redeemTicket(String ticket) {
        Optional<CitizenPrincipal> citizen = tickets.redeem(ticket)
                .filter(c -> members.findById(c.panelMemberId())
                        .filter(m -> m.hasAccessIssuedAt(c.accessIssuedAt())).isPresent());
        citizen.ifPresent(signIn::signIn);
        return citizen.isPresent();
    }

    /** The signed-in citizen's own page. The citizen is taken from the session, never from a parameter. */
    @PreAuthorize(Roles.HAS_CITIZEN)
    @Transactional(readOnly = true)
    public CitizenPage myPage() {
        CitizenPrincipal citizen = currentUser.requireCitizen();
        PanelMember member = members.findById(citizen.panelMemberId())
                .filter(m -> m.getProcessId() == citizen.processId())
                .filter(m -> m.hasAccessIssuedAt(citizen.accessIssuedAt()))
                .orElseThrow(() -> new UserFacingException("citizen.access-ended"));
        return processes.findById(member.getProcessId())
                .map(p -> p.toCitizenPage(member.getDisplayName()))
                .orElseThrow(() -> new UserFacingException("citizen.access-ended"));
    }

    private void signIn(PanelMember member) {
        signIn.signIn(principalOf(member));
    }

    private static CitizenPrincipal principalOf(PanelMember member) {
        return new CitizenPrincipal(member.getId(), member.getProcessId(), member.getDisplayName(),
                member.getAccessIssuedAt());
    }

    /** The outcome of a typed code: on success, the one-time ticket to sign in with. */
    public record CodeCheck(CodeSignInResult result, String ticket) {

        static CodeCheck of(CodeSignInResult result) {
            return new CodeCheck(result, null);
        }
    }
}
