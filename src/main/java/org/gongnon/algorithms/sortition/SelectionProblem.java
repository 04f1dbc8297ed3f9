package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a lottery must satisfy: choose {@code panelSize} people from the pool so that every quota holds.
 * Checked when built: ids are unique, every person has a value for every quota feature, and every
 * value a person has is one the quotas know (an unknown value could never be placed).
 */
public record SelectionProblem(List<Person> pool, List<Quota> quotas, int panelSize) {

    public SelectionProblem {
        pool = List.copyOf(pool);
        quotas = List.copyOf(quotas);
        if (panelSize <= 0) {
            throw new IllegalArgumentException("the panel needs at least one seat");
        }
        if (panelSize > pool.size()) {
            throw new IllegalArgumentException("the panel (" + panelSize + ") is larger than the pool (" + pool.size() + ")");
        }
        Set<String> ids = new HashSet<>();
        for (Person p : pool) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("person id " + p.id() + " appears twice");
            }
        }
        Map<String, Set<String>> values = valuesByFeature(quotas);
        Set<String> seen = new HashSet<>();
        for (Quota q : quotas) {
            if (!seen.add(q.feature() + "\u0000" + q.value())) {
                throw new IllegalArgumentException("two quotas for " + q.feature() + "=" + q.value());
            }
        }
        for (Person p : pool) {
            for (Map.Entry<String, Set<String>> f : values.entrySet()) {
                String v = p.value(f.getKey());
                if (v == null) {
                    throw new IllegalArgumentException("person " + p.id() + " has no value for " + f.getKey());
                }
                if (!f.getValue().contains(v)) {
                    throw new IllegalArgumentException("person " + p.id() + " has " + f.getKey() + "=" + v
                            + ", which no quota names");
                }
            }
        }
    }

    /** The features in the order the quotas first name them. */
    public List<String> features() {
        return new ArrayList<>(valuesByFeature(quotas).keySet());
    }

    /** The values of each feature, in quota order. */
    public Map<String, Set<String>> values() {
        return valuesByFeature(quotas);
    }

    private static Map<String, Set<String>> valuesByFeature(List<Quota> quotas) {
        Map<String, Set<String>> values = new LinkedHashMap<>();
        for (Quota q : quotas) {
            values.computeIfAbsent(q.feature(), f -> new LinkedHashSet<>()).add(q.value());
        }
        return values;
    }
}
