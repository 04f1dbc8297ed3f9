package org.gongnon.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.testsupport.SignedIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetailsService;

@SpringBootTest
class StaffAccountPersistenceTest {

    @Autowired
    StaffAccountService accounts;
    @Autowired
    UserDetailsService users;
    @Autowired
    ThrottledAuthenticationProvider authentication;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void adminsCreateAccountsWithHashedPasswordsThatCanSignIn() {
        String username = "new" + System.nanoTime() % 1_000_000_000L;
        StaffAccountSummary created = SignedIn.as(users, "admin", () -> accounts.createAccount(
                new NewStaffAccount(" " + username.toUpperCase() + " ", "새 진행자", StaffRole.FACILITATOR,
                        "a-long-password")));
        assertEquals(username, created.username(), "usernames are trimmed and lower-cased");
        String hash = jdbc.queryForObject("SELECT password_hash FROM staff_account WHERE id = ?", String.class, created.id());
        assertTrue(hash.startsWith("{bcrypt}"), "delegating encoder with bcrypt: " + hash);
        Authentication signedIn = authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "a-long-password"));
        assertTrue(signedIn.isAuthenticated());
        assertEquals(created.id(), ((StaffUser) signedIn.getPrincipal()).accountId());
    }

    @Test
    void badAccountInputIsReportedPerField() {
        ValidationException e = assertThrows(ValidationException.class, () -> SignedIn.run(users, "admin",
                () -> accounts.createAccount(new NewStaffAccount("Admin", "", null, "short"))));
        Map<String, String> problems = e.problems().stream().collect(Collectors.toMap(
                ValidationException.FieldProblem::field, ValidationException.FieldProblem::messageKey));
        assertEquals("account.validation.username-taken", problems.get("username"));
        assertEquals("validation.required", problems.get("displayName"));
        assertEquals("validation.required", problems.get("role"));
        assertEquals("account.validation.password-short", problems.get("password"));
        ValidationException format = assertThrows(ValidationException.class, () -> SignedIn.run(users, "admin",
                () -> accounts.createAccount(new NewStaffAccount("김 진행", "김", StaffRole.OFFICIAL, "long-enough-1"))));
        assertEquals("account.validation.username-format", format.problems().getFirst().messageKey());
    }

    @Test
    void onlyAdminsManageAccountsAndNobodyDisablesThemselves() {
        assertThrows(AuthorizationDeniedException.class, () -> SignedIn.run(users, "facilitator", accounts::listAccounts));
        long adminId = SignedIn.as(users, "admin", () -> ((StaffUser) users.loadUserByUsername("admin")).accountId());
        UserFacingException self = assertThrows(UserFacingException.class,
                () -> SignedIn.run(users, "admin", () -> accounts.setEnabled(adminId, false)));
        assertEquals("account.cannot-disable-self", self.messageKey());
    }

    @Test
    void disabledAccountsCannotSignIn() {
        String username = "gone" + System.nanoTime() % 1_000_000_000L;
        StaffAccountSummary account = SignedIn.as(users, "admin", () -> accounts.createAccount(
                new NewStaffAccount(username, "떠난 사람", StaffRole.OFFICIAL, "a-long-password")));
        SignedIn.run(users, "admin", () -> accounts.setEnabled(account.id(), false));
        assertThrows(BadCredentialsException.class, () -> authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "a-long-password")));
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWithTheSameMessageAsAnUnknownUser() {
        String username = "guess" + System.nanoTime() % 1_000_000_000L;
        SignedIn.run(users, "admin", () -> accounts.createAccount(
                new NewStaffAccount(username, "표적", StaffRole.OFFICIAL, "the-right-password")));
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            BadCredentialsException wrong = assertThrows(BadCredentialsException.class, () -> authentication
                    .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong")));
            assertEquals("Bad credentials", wrong.getMessage());
        }
        BadCredentialsException locked = assertThrows(BadCredentialsException.class, () -> authentication
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, "the-right-password")));
        BadCredentialsException unknown = assertThrows(BadCredentialsException.class, () -> authentication
                .authenticate(UsernamePasswordAuthenticationToken.unauthenticated("no-such-user", "whatever")));
        assertEquals(unknown.getMessage(), locked.getMessage(), "locked and unknown look the same");
    }
}
