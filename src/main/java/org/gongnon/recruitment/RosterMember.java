package org.gongnon.recruitment;

import java.util.Map;

/**
 * A seated panel member with the feature values they were drawn with (권역, 성별, 연령대, …): what invitations
 * are counted by and tables are balanced on. No contact details.
 */
public record RosterMember(long panelMemberId, String displayName, Long poolMemberId, Map<String, String> features) {

    public RosterMember {
        features = Map.copyOf(features);
    }

    public String value(String feature) {
        return features.getOrDefault(feature, "");
    }
}
