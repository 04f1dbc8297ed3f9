package org.gongnon.scheduling;

import java.time.Instant;

/** One person at the door list of a session: invited or walked in, and their check-in. */
public record AttendeeRow(long panelMemberId, String displayName, InvitationStatus invitation, boolean checkedIn,
                          Instant checkedInAt, boolean late, boolean leftEarly, Integer tableNo) {
}
