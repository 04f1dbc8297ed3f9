package org.gongnon.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Issue 7 §3, through the AuthenticationManager the login form uses (not the provider alone): the lock is per
 * account and never per address, and it reads exactly like a wrong password or an unknown name.
 */
@SpringBootTest
class LoginLockoutPersistenceTest {

    /** One address for everybody, as in a hall where every tablet goes out through one router. */
    static final String HALL = "203.0.113.7";

    @Autowired
    AuthenticationConfiguration configuration;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    LoginThrottle throttle;

    static Authentication attempt(String username, String password, String address) {
        UsernamePasswordAuthenticationToken token = UsernamePasswordAuthenticationToken.unauthenticated(username, password);
        token.setDetails(new WebAuthenticationDetails(address, null));
        return token;
    }

    String newAccount(String prefix) {
        String name = prefix + TestNames.token();
        SystemAuthority.runAsSystem(() -> accounts.createAccount(
                new NewStaffAccount(name, "잠금 시험", StaffRole.FACILITATOR, "the-right-password")));
        return name;
    }

    @Test
    void manyFailuresFromOneAddressLockNobodyElse() throws Exception {
        AuthenticationManager manager = configuration.getAuthenticationManager();
        String victim = newAccount("hall");
        // Far more failures from the hall's one address than any lock allows, spread over other names.
        for (int name = 0; name < 6; name++) {
            for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
                String other = "typo" + name + "-" + victim;
                assertThrows(BadCredentialsException.class, () -> manager.authenticate(attempt(other, "x", HALL)));
            }
        }
        Authentication signedIn = manager.authenticate(attempt(victim, "the-right-password", HALL));
        assertTrue(signedIn.isAuthenticated(), "the address is not locked");
    }

    @Test
    void anAccountLocksWhateverTheAddressAndSaysNothingMoreThanAWrongPassword() throws Exception {
        AuthenticationManager manager = configuration.getAuthenticationManager();
        String target = newAccount("lock");
        String wrongPassword = assertThrows(BadCredentialsException.class,
                () -> manager.authenticate(attempt(target, "wrong", "198.51.100.1"))).getMessage();
        String unknownName = assertThrows(BadCredentialsException.class,
                () -> manager.authenticate(attempt("nobody-" + target, "wrong", "198.51.100.1"))).getMessage();
        assertEquals(wrongPassword, unknownName, "an unknown name reads like a wrong password");
        // Each further guess from a different address still counts against the account.
        for (int i = 2; i <= LoginThrottle.MAX_FAILURES; i++) {
            String address = "198.51.100." + i;
            assertThrows(BadCredentialsException.class, () -> manager.authenticate(attempt(target, "wrong", address)));
        }
        String locked = assertThrows(BadCredentialsException.class,
                () -> manager.authenticate(attempt(target, "the-right-password", "192.0.2.99"))).getMessage();
        assertEquals(wrongPassword, locked, "a locked account reads like a wrong password");
        assertTrue(throttle.isLocked(target), "refused because it is locked, not because of the password");
        // Unknown names lock the same way, so the lock does not tell which names exist.
        String ghost = "ghost-" + target;
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            assertThrows(BadCredentialsException.class, () -> manager.authenticate(attempt(ghost, "x", HALL)));
        }
        assertTrue(throttle.isLocked(ghost));
        assertEquals(wrongPassword, assertThrows(BadCredentialsException.class,
                () -> manager.authenticate(attempt(ghost, "x", HALL))).getMessage());
    }
}
