package org.gongnon.algorithms.stats;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.statistics.inference.ChiSquareTest;
import org.apache.commons.statistics.inference.SignificanceResult;

/**
 * Compares the make-up of the pool, the panel and the attendees with the population, one feature at a
 * time: shares per value, the difference in percentage points, and a χ² goodness-of-fit test per group.
 */
public final class Representativeness {

    private Representativeness() {
    }

    /** Pool and panel against the population; a value missing from a count map counts 0. */
    public static FeatureComparison compare(String feature, List<String> values, Map<String, Double> populationShares,
                                            Map<String, Long> poolCounts, Map<String, Long> panelCounts) {
        Map<Group, Map<String, Long>> counts = new EnumMap<>(Group.class);
        counts.put(Group.POOL, poolCounts);
        counts.put(Group.PANEL, panelCounts);
        return compare(feature, values, populationShares, counts);
    }

    /**
     * Any groups against the population.
     *
     * @param values           the feature's values in display order; each needs a population share
     * @param populationShares share per value, on any non-negative scale (proportions, percentages or head
     *                         counts): normalised here so they sum to 1
     * @param counts           per group, people per value; a value missing from a group's map counts 0, a
     *                         value not in {@code values} is an error (it would silently drop people)
     */
    public static FeatureComparison compare(String feature, List<String> values, Map<String, Double> populationShares,
                                            Map<Group, Map<String, Long>> counts) {
        Map<String, Double> population = normalisedShares(feature, values, populationShares);
        Map<Group, Map<String, Long>> groups = new EnumMap<>(Group.class);
        counts.forEach((group, byValue) -> groups.put(group, checkedCounts(feature, group, values, byValue)));

        List<ValueComparison> rows = new ArrayList<>();
        for (String value : values) {
            Map<Group, GroupShare> cells = new EnumMap<>(Group.class);
            groups.forEach((group, byValue) -> {
                long size = total(byValue);
                long count = byValue.getOrDefault(value, 0L);
                double share = size == 0 ? Double.NaN : (double) count / size;
                cells.put(group, new GroupShare(count, share, (share - population.get(value)) * 100));
            });
            rows.add(new ValueComparison(value, population.get(value), cells));
        }
        Map<Group, FitTest> tests = new EnumMap<>(Group.class);
        groups.forEach((group, byValue) -> tests.put(group, goodnessOfFit(group, values, population, byValue)));
        return new FeatureComparison(feature, List.copyOf(groups.keySet()), rows, tests);
    }

    private static FitTest goodnessOfFit(Group group, List<String> values, Map<String, Double> population,
                                         Map<String, Long> byValue) {
        // A value with no population share has expected count 0: (o − 0)² / 0 is undefined, so it is left
        // out and named; the remaining expected counts are scaled to the people left in the test.
        List<String> excluded = new ArrayList<>();
        List<String> tested = new ArrayList<>();
        long excludedCount = 0;
        long testedCount = 0;
        for (String value : values) {
            long count = byValue.getOrDefault(value, 0L);
            if (population.get(value) == 0) {
                excluded.add(value);
                excludedCount += count;
            } else {
                tested.add(value);
                testedCount += count;
            }
        }
        if (testedCount == 0) {
            return FitTest.notTested(group, FitOutcome.EMPTY_GROUP, 0, excluded, excludedCount);
        }
        if (tested.size() < 2) {
            return FitTest.notTested(group, FitOutcome.SINGLE_CATEGORY, testedCount, excluded, excludedCount);
        }
        double testedShare = tested.stream().mapToDouble(population::get).sum();
        double[] expectedShares = new double[tested.size()];
        long[] observed = new long[tested.size()];
        List<String> sparse = new ArrayList<>();
        for (int i = 0; i < tested.size(); i++) {
            String value = tested.get(i);
            expectedShares[i] = population.get(value) / testedShare;
            observed[i] = byValue.getOrDefault(value, 0L);
            if (expectedShares[i] * testedCount < FitTest.SPARSE_EXPECTED_COUNT) {
                sparse.add(value);
            }
        }
        // Commons Statistics rescales the expected shares to the observed total.
        SignificanceResult result = ChiSquareTest.withDefaults().test(expectedShares, observed);
        return new FitTest(group, FitOutcome.TESTED, testedCount, result.getStatistic(), tested.size() - 1,
                result.getPValue(), excluded, excludedCount, sparse);
    }

    private static Map<String, Double> normalisedShares(String feature, List<String> values,
                                                        Map<String, Double> shares) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException(feature + ": no values to compare");
        }
        Set<String> seen = new HashSet<>();
        double total = 0;
        for (String value : values) {
            if (!seen.add(value)) {
                throw new IllegalArgumentException(feature + ": value " + value + " is listed twice");
            }
            Double share = shares.get(value);
            if (share == null || share < 0 || share.isNaN() || share.isInfinite()) {
                throw new IllegalArgumentException(feature + "=" + value + " needs a non-negative population share");
            }
            total += share;
        }
        for (String value : shares.keySet()) {
            if (!seen.contains(value)) {
                throw new IllegalArgumentException(feature + ": population share for unlisted value " + value);
            }
        }
        if (total <= 0) {
            throw new IllegalArgumentException(feature + ": the population shares add up to zero");
        }
        Map<String, Double> normalised = new LinkedHashMap<>();
        for (String value : values) {
            normalised.put(value, shares.get(value) / total);
        }
        return normalised;
    }

    private static Map<String, Long> checkedCounts(String feature, Group group, List<String> values,
                                                   Map<String, Long> counts) {
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (!values.contains(e.getKey())) {
                throw new IllegalArgumentException(feature + ": " + group + " counts people with unlisted value "
                        + e.getKey());
            }
            if (e.getValue() == null || e.getValue() < 0) {
                throw new IllegalArgumentException(feature + "=" + e.getKey() + ": " + group
                        + " needs a non-negative count");
            }
        }
        return counts;
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** An unmodifiable copy that iterates in {@link Group} order. */
    static <V> Map<Group, V> inGroupOrder(Map<Group, V> map) {
        return map.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(map));
    }
}
