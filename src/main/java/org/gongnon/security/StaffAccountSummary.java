package org.gongnon.security;

/** A staff account as other features and views see it: never with its password hash. */
public record StaffAccountSummary(long id, String username, String displayName, StaffRole role, boolean enabled) {
}
