package org.gongnon.security;

/**
 * The one place where role names live. View annotations use the plain names
 * ({@code @RolesAllowed(Roles.ADMIN)}); service annotations use the {@code HAS_…} expressions.
 */
public final class Roles {

    public static final String ADMIN = "ADMIN";
    public static final String FACILITATOR = "FACILITATOR";
    public static final String OFFICIAL = "OFFICIAL";
    public static final String CITIZEN = "CITIZEN";

    public static final String HAS_ADMIN = "hasRole('ADMIN')";
    public static final String HAS_STAFF = "hasAnyRole('ADMIN','FACILITATOR','OFFICIAL')";
    public static final String HAS_ORGANISER = "hasAnyRole('ADMIN','FACILITATOR')";
    public static final String HAS_CITIZEN = "hasRole('CITIZEN')";
    public static final String ANYONE = "permitAll()";

    private Roles() {
    }
}
