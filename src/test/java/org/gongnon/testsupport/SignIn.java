package org.gongnon.testsupport;

import java.util.function.Supplier;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.security.NewStaffAccount;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffRole;
import org.gongnon.security.SystemAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * Signing in, in tests: as one of the demo's staff accounts, as a new staff account made for the test, or as a
 * citizen through their real personal link. Each call runs a piece of work signed in and restores who was signed
 * in before. A bean in test contexts, so tests inject it instead of the services it needs; after every test nobody
 * is signed in ({@link TestFixturesListener}).
 */
@Component
public class SignIn {

    private final UserDetailsService users;
    private final StaffAccountService accounts;
    private final CitizenAccessService citizens;

    SignIn(UserDetailsService users, StaffAccountService accounts, CitizenAccessService citizens) {
        this.users = users;
        this.accounts = accounts;
        this.citizens = citizens;
    }

    public <T> T as(String username, Supplier<T> work) {
        return SignedIn.as(users, username, work);
    }

    public void as(String username, Runnable work) {
        SignedIn.run(users, username, work);
    }

    public <T> T facilitator(Supplier<T> work) {
        return as("facilitator", work);
    }

    public void facilitator(Runnable work) {
        as("facilitator", work);
    }

    public <T> T admin(Supplier<T> work) {
        return as("admin", work);
    }

    public void admin(Runnable work) {
        as("admin", work);
    }

    public <T> T official(Supplier<T> work) {
        return as("official", work);
    }

    public void official(Runnable work) {
        as("official", work);
    }

    /** As a citizen, through the personal link of {@code access}. */
    public <T> T citizen(IssuedAccess access, Supplier<T> work) {
        return AsCitizen.as(citizens, access, work);
    }

    public void citizen(IssuedAccess access, Runnable work) {
        AsCitizen.run(citizens, access, work);
    }

    /**
     * A new staff account of this role for the test alone (on no process yet), with a unique username starting
     * with {@code prefix}; returns the username.
     */
    public String newStaff(String prefix, StaffRole role) {
        String username = TestNames.username(prefix);
        SystemAuthority.runAsSystem(() -> accounts.createAccount(new NewStaffAccount(username,
                prefix + " 계정", role, "a-long-password-1")));
        return username;
    }
}
