package org.gongnon.algorithms.stats;

import java.util.List;
import java.util.Map;

/**
 * One feature (e.g. 성별) compared across the population and the groups.
 *
 * @param groups the groups compared, in {@link Group} order
 * @param values one entry per value, in the order the caller listed the values
 * @param tests  the χ² goodness-of-fit test of each group against the population
 */
public record FeatureComparison(String feature, List<Group> groups, List<ValueComparison> values,
                                Map<Group, FitTest> tests) {

    public FeatureComparison {
        groups = List.copyOf(groups);
        values = List.copyOf(values);
        tests = Representativeness.inGroupOrder(tests);
    }

    public ValueComparison value(String value) {
        return values.stream().filter(v -> v.value().equals(value)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(feature + " has no value " + value));
    }

    public FitTest test(Group group) {
        FitTest test = tests.get(group);
        if (test == null) {
            throw new IllegalArgumentException("group " + group + " was not compared");
        }
        return test;
    }
}
