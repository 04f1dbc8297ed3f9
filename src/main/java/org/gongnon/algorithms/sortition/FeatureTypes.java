package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pool grouped by feature vector. People with identical values for every quota feature are
 * interchangeable for every quota, so the lottery can be solved over types (often a few dozen) instead
 * of individuals (often thousands), and the seats of a type spread evenly over its members.
 */
public final class FeatureTypes {

    private final List<String> features;
    private final List<Type> types;

    private FeatureTypes(List<String> features, List<Type> types) {
        this.features = features;
        this.types = types;
    }

    public static FeatureTypes of(SelectionProblem problem) {
        List<String> features = problem.features();
        Map<List<String>, List<Person>> groups = new LinkedHashMap<>();
        for (Person p : problem.pool()) {
            List<String> key = features.stream().map(p::value).toList();
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        List<Type> types = new ArrayList<>();
        groups.forEach((values, members) -> types.add(new Type(types.size(), values, List.copyOf(members))));
        return new FeatureTypes(List.copyOf(features), Collections.unmodifiableList(types));
    }

    public List<String> features() {
        return features;
    }

    public List<Type> types() {
        return types;
    }

    /** True if members of this type count towards the quota. */
    public boolean counts(Type type, Quota quota) {
        int i = features.indexOf(quota.feature());
        return i >= 0 && type.values().get(i).equals(quota.value());
    }

    /** A group of interchangeable people: their shared values (in {@link #features()} order) and who they are. */
    public record Type(int index, List<String> values, List<Person> members) {

        public int size() {
            return members.size();
        }
    }
}
