package org.gongnon.algorithms.tables;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One citizen to seat: a stable id and their value for each feature (e.g. 권역, 성별, 연령대, 사전의견).
 * A feature may be missing (absent key, or a blank value): the person then counts toward no value of it.
 */
public record Participant(long id, Map<String, String> features) {

    public Participant {
        TreeMap<String, String> known = new TreeMap<>();
        if (features != null) {
            features.forEach((feature, value) -> {
                if (feature != null && value != null && !value.isBlank()) {
                    known.put(feature, value);
                }
            });
        }
        features = Collections.unmodifiableMap(known);
    }

    /** The value for a feature, or null when it is missing. */
    public String value(String feature) {
        return features.get(feature);
    }
}
