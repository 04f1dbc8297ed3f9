package org.gongnon.algorithms.stats;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The distribution of a categorical answer: per category, how many gave it and their share of the
 * answers given. People who did not answer are simply not passed in, so shares are over respondents to
 * the question, not over everyone invited.
 */
public final class Distributions {

    private Distributions() {
    }

    /**
     * Unweighted counts and shares, in the order of {@code categories}; a category nobody chose is listed
     * with count 0.
     *
     * @throws IllegalArgumentException when a category is listed twice or an answer is not a listed
     *                                  category (it would silently drop people)
     */
    public static List<CategoryShare> of(List<String> categories, Collection<String> answers) {
        Map<String, long[]> counts = emptyTally(categories);
        Objects.requireNonNull(answers, "answers");
        for (String answer : answers) {
            tally(counts, answer)[0]++;
        }
        long total = answers.size();
        List<CategoryShare> shares = new ArrayList<>(counts.size());
        counts.forEach((category, count) -> shares.add(
                new CategoryShare(category, count[0], total == 0 ? Double.NaN : (double) count[0] / total)));
        return List.copyOf(shares);
    }

    /**
     * Weighted counts and shares, in the order of {@code categories}: each answer counts its person's
     * weight instead of 1.
     *
     * @param answers one answer per person
     * @param weights that person's weight, in the same order; finite and non-negative
     * @throws IllegalArgumentException when a category is listed twice, an answer is not a listed category,
     *                                  the lengths differ, or a weight is negative, NaN or infinite
     */
    public static List<WeightedShare> weighted(List<String> categories, List<String> answers, double[] weights) {
        Map<String, long[]> index = emptyTally(categories);
        Objects.requireNonNull(answers, "answers");
        Objects.requireNonNull(weights, "weights");
        if (answers.size() != weights.length) {
            throw new IllegalArgumentException(answers.size() + " answers but " + weights.length + " weights");
        }
        Map<String, Double> sums = new LinkedHashMap<>();
        index.keySet().forEach(category -> sums.put(category, 0.0));
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            String answer = answers.get(i);
            tally(index, answer); // validates the answer
            checkWeight(weights[i], i);
            sums.merge(answer, weights[i], Double::sum);
            total += weights[i];
        }
        double sum = total;
        List<WeightedShare> shares = new ArrayList<>(sums.size());
        sums.forEach((category, weight) -> shares.add(
                new WeightedShare(category, weight, sum == 0 ? Double.NaN : weight / sum)));
        return List.copyOf(shares);
    }

    static void checkWeight(double weight, int person) {
        if (!Double.isFinite(weight) || weight < 0) {
            throw new IllegalArgumentException("weight " + weight + " of person " + person
                    + " must be finite and non-negative");
        }
    }

    private static Map<String, long[]> emptyTally(List<String> categories) {
        Objects.requireNonNull(categories, "categories");
        Map<String, long[]> counts = new LinkedHashMap<>();
        for (String category : categories) {
            Objects.requireNonNull(category, "category");
            if (counts.put(category, new long[1]) != null) {
                throw new IllegalArgumentException("category " + category + " is listed twice");
            }
        }
        return counts;
    }

    private static long[] tally(Map<String, long[]> counts, String answer) {
        long[] count = answer == null ? null : counts.get(answer);
        if (count == null) {
            throw new IllegalArgumentException("answer " + answer + " is not one of the categories "
                    + counts.keySet());
        }
        return count;
    }
}
