package org.gongnon.security;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: admins create them, enable or disable them and reset their passwords. */
@Service
public class StaffAccountService {

    static final int MIN_PASSWORD_LENGTH = 10;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");

    private final StaffAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentUser currentUser;
    private final Clock clock;

    StaffAccountService(StaffAccountRepository accounts, PasswordEncoder passwordEncoder, CurrentUser currentUser,
                        Clock clock) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional(readOnly = true)
    public List<StaffAccountSummary> listAccounts() {
        return accounts.findAllByOrderByUsernameAsc().stream().map(StaffAccount::toSummary).toList();
    }

    /** Staff who can be assigned to processes, for facilitators and admins putting a team together. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<StaffAccountSummary> listAssignableStaff() {
        return accounts.findAllByOrderByUsernameAsc().stream()
                .filter(StaffAccount::isEnabled)
                .filter(a -> a.getRole() != StaffRole.ADMIN)
                .map(StaffAccount::toSummary).toList();
    }

    @PreAuthorize(Roles.HAS_STAFF)
    @Transactional(readOnly = true)
    public Optional<StaffAccountSummary> findAccount(long id) {
        return accounts.findById(id).map(StaffAccount::toSummary);
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public StaffAccountSummary createAccount(NewStaffAccount input) {
        Problems problems = new Problems();
        String username = input.username() == null ? "" : input.username().strip().toLowerCase();
        if (username.isEmpty()) {
            problems.add("username", "validation.required");
        } else if (!USERNAME.matcher(username).matches()) {
            problems.add("username", "account.validation.username-format");
        } else if (accounts.existsByUsernameIgnoreCase(username)) {
            problems.add("username", "account.validation.username-taken");
        }
        String displayName = problems.requireText("displayName", input.displayName(), 100);
        if (input.role() == null) {
            problems.add("role", "validation.required");
        }
        checkPassword(problems, input.password());
        problems.throwIfAny();
        StaffAccount account = new StaffAccount(username, displayName, passwordEncoder.encode(input.password()),
                input.role(), clock.instant());
        return accounts.save(account).toSummary();
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public StaffAccountSummary setEnabled(long accountId, boolean enabled) {
        StaffAccount account = accounts.findById(accountId)
                .orElseThrow(() -> new UserFacingException("account.not-found"));
        if (!enabled && currentUser.staff().map(u -> u.accountId() == accountId).orElse(false)) {
            throw new UserFacingException("account.cannot-disable-self");
        }
        account.setEnabled(enabled);
        return account.toSummary();
    }

    @PreAuthorize(Roles.HAS_ADMIN)
    @Transactional
    public void resetPassword(long accountId, String newPassword) {
        Problems problems = new Problems();
        checkPassword(problems, newPassword);
        problems.throwIfAny();
        StaffAccount account = accounts.findById(accountId)
                .orElseThrow(() -> new UserFacingException("account.not-found"));
        account.setPasswordHash(passwordEncoder.encode(newPassword));
    }

    private static void checkPassword(Problems problems, String password) {
        if (password == null || password.isEmpty()) {
            problems.add("password", "validation.required");
        } else if (password.length() < MIN_PASSWORD_LENGTH) {
            problems.add("password", "account.validation.password-short", MIN_PASSWORD_LENGTH);
        } else if (password.length() > 128) {
            problems.add("password", "validation.too-long", 128);
        }
    }
}
