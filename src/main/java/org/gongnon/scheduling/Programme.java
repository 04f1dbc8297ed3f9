package org.gongnon.scheduling;

import java.util.List;
import java.util.Map;

/**
 * A process's whole programme: its rounds, sessions in date order, venues, and the audiences a session can
 * have (each feature of the panel with its values, e.g. 권역 → 도심권, 동북권, …).
 */
public record Programme(long processId, List<RoundRow> rounds, List<SessionSummary> sessions, List<VenueRow> venues,
                        Map<String, List<String>> audienceOptions, int panelSize, boolean canEdit) {

    public Programme {
        rounds = List.copyOf(rounds);
        sessions = List.copyOf(sessions);
        venues = List.copyOf(venues);
        // In the targets' order (권역, 성별, 연령대, …), not alphabetical.
        audienceOptions = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(audienceOptions));
    }
}
