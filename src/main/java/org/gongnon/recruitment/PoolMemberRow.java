package org.gongnon.recruitment;

import java.util.Map;

/** A pool member as facilitators see them: the file row they came from, contacts and feature values. */
public record PoolMemberRow(long id, int sourceRow, String name, String phone, String email, String district,
                            Map<String, String> featureValues) {

    public PoolMemberRow {
        featureValues = Map.copyOf(featureValues);
    }

    public String value(String feature) {
        return featureValues.getOrDefault(feature, "");
    }
}
