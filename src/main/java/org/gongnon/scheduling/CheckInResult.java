package org.gongnon.scheduling;

/**
 * The outcome of a check-in, for the person at the door: who it was, whether they were already in, whether
 * they were invited to this session at all, and their table if tables are set.
 */
public record CheckInResult(long panelMemberId, String displayName, boolean alreadyCheckedIn, boolean invited,
                            Integer tableNo) {
}
