package org.gongnon.security;

/** What an admin enters to create a staff account. */
public record NewStaffAccount(String username, String displayName, StaffRole role, String password) {
}
