package org.gongnon.security;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The principal of a signed-in staff member. */
public class StaffUser extends User {

    private final long accountId;
    private final String displayName;
    private final StaffRole role;

    StaffUser(StaffAccount account, boolean locked) {
        super(account.getUsername(), account.getPasswordHash(), account.isEnabled(), true, true, !locked,
                List.of(new SimpleGrantedAuthority("ROLE_" + account.getRole().roleName())));
        this.accountId = account.getId();
        this.displayName = account.getDisplayName();
        this.role = account.getRole();
    }

    public long accountId() {
        return accountId;
    }

    public String displayName() {
        return displayName;
    }

    public StaffRole role() {
        return role;
    }

    public boolean isAdmin() {
        return role == StaffRole.ADMIN;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StaffUser that && that.accountId == accountId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(accountId);
    }
}
