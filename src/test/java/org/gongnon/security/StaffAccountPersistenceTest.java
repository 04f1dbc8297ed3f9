package org.gongnon.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.stream.Collectors;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
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
    SignIn signIn;
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
        String username = TestNames.username("new");
        StaffAccountSummary created = signIn.admin(() -> accounts.createAccount(
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
        ValidationException e = assertThrows(ValidationException.class, () -> signIn.as("admin",
                () -> accounts.createAccount(new NewStaffAccount("Admin", "", null, "short"))));
        Map<String, String> problems = e.problems().stream().collect(Collectors.toMap(
                ValidationException.FieldProblem::field, ValidationException.FieldProblem::messageKey));
        assertEquals("account.validation.username-taken", problems.get("username"));
        assertEquals("validation.required", problems.get("displayName"));
        assertEquals("validation.required", problems.get("role"));
        assertEquals("account.validation.password-short", problems.get("password"));
        ValidationException format = assertThrows(ValidationException.class, () -> signIn.as("admin",
                () -> accounts.createAccount(new NewStaffAccount("김 진행", "김", StaffRole.OFFICIAL, "long-enough-1"))));
        assertEquals("account.validation.username-format", format.problems().getFirst().messageKey());
    }

    @Test
    void onlyAdminsManageAccountsAndNobodyDisablesThemselves() {
        assertThrows(AuthorizationDeniedException.class, () -> signIn.facilitator(accounts::listAccounts));
        long adminId = signIn.admin(() -> ((StaffUser) users.loadUserByUsername("admin")).accountId());
        UserFacingException self = assertThrows(UserFacingException.class,
                () -> signIn.admin(() -> accounts.setEnabled(adminId, false)));
        assertEquals("account.cannot-disable-self", self.messageKey());
    }

    @Test
    void disabledAccountsCannotSignIn() {
        String username = TestNames.username("gone");
        StaffAccountSummary account = signIn.admin(() -> accounts.createAccount(
                new NewStaffAccount(username, "떠난 사람", StaffRole.OFFICIAL, "a-long-password")));
        signIn.admin(() -> accounts.setEnabled(account.id(), false));
        assertThrows(BadCredentialsException.class, () -> authentication.authenticate(
                UsernamePasswordAuthenticationToken.unauthenticated(username, "a-long-password")));
    }

    @Test
    void repeatedWrongPasswordsLockTheAccountWithTheSameMessageAsAnUnknownUser() {
        String username = TestNames.username("guess");
        signIn.admin(() -> accounts.createAccount(
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
