package org.gongnon.algorithms.sortition;

import java.util.Map;

/** One member of the pool: an id and their value for every feature. */
public record Person(String id, Map<String, String> features) {

    public Person {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a person needs an id");
        }
        features = Map.copyOf(features);
    }

    public String value(String feature) {
        return features.get(feature);
    }
}
