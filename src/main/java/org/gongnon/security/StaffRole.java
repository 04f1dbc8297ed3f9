package org.gongnon.security;

/** The roles of staff accounts, who sign in with a username and password. Citizens have no account. */
public enum StaffRole {
    ADMIN(Roles.ADMIN),
    FACILITATOR(Roles.FACILITATOR),
    OFFICIAL(Roles.OFFICIAL);

    private final String roleName;

    StaffRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    public String messageKey() {
        return "role." + name().toLowerCase();
    }
}
