package org.gongnon.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.security.CitizenPrincipal;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffRole;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.context.SecurityContextHolder;

/** Citizens' personal links and codes, on the real database. */
@SpringBootTest
class CitizenAccessPersistenceTest {

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    PanelService panel;
    @Autowired
    CitizenAccessService citizens;
    @Autowired
    CurrentUser currentUser;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    JdbcTemplate jdbc;

    long processId;
    long memberId;

    @BeforeEach
    void aProcessWithOnePanelMember() {
        SecurityContextHolder.clearContext();
        processId = signIn.facilitator(() -> processes.createProcess(ProcessPersistenceTest.withTitle(
                ProcessValidationTest.valid(), TestNames.unique("시민 접속"))));
        memberId = signIn.facilitator(() -> panel.addPanelMember(processId, " 홍길동 ")).id();
    }

    @Test
    void thePersonalLinkSignsTheCitizenInToTheirOwnPageOnly() {
        IssuedAccess access = signIn.facilitator(() -> panel.issueAccess(memberId));
        assertEquals("홍길동", access.displayName());
        String token = access.link().substring(access.link().lastIndexOf("/c/") + 3);

        assertTrue(citizens.signInWithToken(token));
        CitizenPrincipal me = currentUser.requireCitizen();
        assertEquals(memberId, me.panelMemberId());
        CitizenPage page = citizens.myPage();
        assertEquals("홍길동", page.displayName());
        assertEquals("어디에 지을 것인가", page.publicQuestion());
        assertThrows(AuthorizationDeniedException.class, () -> processes.listMyProcesses(),
                "a citizen cannot call staff services");
        assertThrows(AuthorizationDeniedException.class, () -> panel.listPanel(processId));
    }

    @Test
    void onlyHashesOfLinksAndCodesAreStored() {
        IssuedAccess access = signIn.facilitator(() -> panel.issueAccess(memberId));
        String token = access.link().substring(access.link().lastIndexOf("/c/") + 3);
        String stored = jdbc.queryForObject("SELECT CONCAT(token_hash, code_id, code_secret_hash) FROM panel_member WHERE id = ?",
                String.class, memberId);
        assertFalse(stored.contains(token));
        assertFalse(stored.contains(access.code().substring(5)), "the code's secret half is not stored");
    }

    @Test
    void reissuingEndsTheOldLinkAndSessionsOpenedWithIt() {
        IssuedAccess first = signIn.facilitator(() -> panel.issueAccess(memberId));
        String firstToken = first.link().substring(first.link().lastIndexOf("/c/") + 3);
        assertTrue(citizens.signInWithToken(firstToken));
        var oldSession = SecurityContextHolder.getContext();

        IssuedAccess second = signIn.facilitator(() -> panel.issueAccess(memberId));
        SecurityContextHolder.setContext(oldSession);
        UserFacingException ended = assertThrows(UserFacingException.class, citizens::myPage);
        assertEquals("citizen.access-ended", ended.messageKey());
        SecurityContextHolder.clearContext();
        assertFalse(citizens.signInWithToken(firstToken));
        assertTrue(citizens.signInWithToken(second.link().substring(second.link().lastIndexOf("/c/") + 3)));
        assertEquals("홍길동", citizens.myPage().displayName());
    }

    @Test
    void aTicketIssuedBeforeTheAccessWasRevokedNoLongerSignsIn() {
        IssuedAccess access = signIn.facilitator(() -> panel.issueAccess(memberId));
        String ticket = citizens.checkCode(access.code()).ticket();
        signIn.facilitator(() -> panel.revokeAccess(memberId));
        assertFalse(citizens.redeemTicket(ticket));
    }

    @Test
    void revokedAccessNoLongerWorks() {
        IssuedAccess access = signIn.facilitator(() -> panel.issueAccess(memberId));
        signIn.facilitator(() -> panel.revokeAccess(memberId));
        String token = access.link().substring(access.link().lastIndexOf("/c/") + 3);
        assertFalse(citizens.signInWithToken(token));
        assertEquals(CodeSignInResult.INVALID, citizens.checkCode(access.code()).result());
    }

    @Test
    void theCodeWorksHowEverItIsTypedAndLocksAfterRepeatedWrongSecrets() {
        IssuedAccess access = signIn.facilitator(() -> panel.issueAccess(memberId));
        String code = access.code();
        CitizenAccessService.CodeCheck check = citizens.checkCode(" " + code.toLowerCase().replace("-", " ") + " ");
        assertEquals(CodeSignInResult.SIGNED_IN, check.result());
        assertTrue(currentUser.citizen().isEmpty(), "checking a code signs nobody in: the ticket does");
        assertTrue(citizens.redeemTicket(check.ticket()));
        assertEquals(memberId, currentUser.requireCitizen().panelMemberId());
        SecurityContextHolder.clearContext();
        assertFalse(citizens.redeemTicket(check.ticket()), "a ticket works once");
        assertTrue(currentUser.citizen().isEmpty());

        String wrong = code.substring(0, 5) + (code.charAt(5) == 'A' ? "BBBB" : "AAAA").substring(0, 4);
        for (int i = 1; i < PanelMember.MAX_CODE_FAILURES; i++) {
            assertEquals(CodeSignInResult.INVALID, citizens.checkCode(wrong).result(), "attempt " + i);
        }
        assertEquals(CodeSignInResult.LOCKED, citizens.checkCode(wrong).result());
        CitizenAccessService.CodeCheck locked = citizens.checkCode(code);
        assertEquals(CodeSignInResult.LOCKED, locked.result(), "locked even for the right code");
        assertEquals(null, locked.ticket());
        assertTrue(currentUser.citizen().isEmpty(), "nobody was signed in");
        // The lock is stored with the member, so it holds across servers and restarts.
        assertTrue(jdbc.queryForObject("SELECT code_locked_until IS NOT NULL FROM panel_member WHERE id = ?",
                Boolean.class, memberId));
    }

    @Test
    void malformedInputIsRefusedCalmly() {
        assertFalse(citizens.signInWithToken(null));
        assertFalse(citizens.signInWithToken("short"));
        assertFalse(citizens.signInWithToken("'; DROP TABLE panel_member; --xxxxxxxxxxxxxxxx"));
        assertEquals(CodeSignInResult.INVALID, citizens.checkCode("").result());
        assertEquals(CodeSignInResult.INVALID, citizens.checkCode("<script>alert(1)</script>").result());
        assertEquals(CodeSignInResult.INVALID, citizens.checkCode("ZZZZ-ZZZZ").result());
        assertFalse(citizens.redeemTicket("made-up-ticket"));
        assertFalse(citizens.redeemTicket(null));
        ValidationException blank = assertThrows(ValidationException.class,
                () -> signIn.facilitator(() -> panel.addPanelMember(processId, "   ")));
        assertEquals("displayName", blank.problems().getFirst().field());
    }

    @Test
    void aFacilitatorOfAnotherProcessCannotTouchThisPanel() {
        String other = signIn.newStaff("panelfac", StaffRole.FACILITATOR);
        UserFacingException refused = assertThrows(UserFacingException.class,
                () -> signIn.as(other, () -> panel.issueAccess(memberId)));
        assertEquals("process.not-found", refused.messageKey());
        assertThrows(UserFacingException.class, () -> signIn.as(other, () -> panel.listPanel(processId)));
        assertThrows(AuthorizationDeniedException.class,
                () -> signIn.official(() -> panel.issueAccess(memberId)), "officials never issue access");
    }
}
