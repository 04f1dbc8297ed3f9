package org.gongnon.scheduling;

import java.time.Instant;
import java.util.Map;

/** One expected member of a session and where their invitation stands ({@code status} empty if not invited). */
public record InvitationRow(long panelMemberId, String displayName, Map<String, String> features,
                            InvitationStatus status, Instant respondedAt) {

    public InvitationRow {
        features = Map.copyOf(features);
    }
}
