package org.gongnon.recruitment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The panel as the later steps see it: the active members with their features, the features in the order of
 * the targets, each feature's values in display order, and the seating it came from (empty when the panel
 * was entered by hand).
 */
public record PanelRoster(Optional<SeatingRecord> seating, List<String> features, Map<String, List<String>> values,
                          List<RosterMember> members) {

    public PanelRoster {
        features = List.copyOf(features);
        values = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(values));
        members = List.copyOf(members);
    }

    public Optional<RosterMember> member(long panelMemberId) {
        return members.stream().filter(m -> m.panelMemberId() == panelMemberId).findFirst();
    }
}
