package org.gongnon.algorithms.stats;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Movement on an ordinal item between two waves: the raw scale value (1..5) or a coded position such as
 * −1 disagree / 0 neutral / +1 agree. Only the order of the codes matters for "up" and "down".
 */
public final class PositionChanges {

    private PositionChanges() {
    }

    /**
     * Counts who moved up, down or not at all, and the share who moved with its 95 % Wilson score
     * interval (Wilson 1927; Newcombe 1998, method 3: no continuity correction).
     *
     * @param before each person's position in the first wave
     * @param after  the same people's positions in the second wave, in the same order
     * @throws IllegalArgumentException when the arrays differ in length
     */
    public static ShareChange of(int[] before, int[] after) {
        checkPaired(before, after);
        int increased = 0;
        int decreased = 0;
        for (int i = 0; i < before.length; i++) {
            if (after[i] > before[i]) {
                increased++;
            } else if (after[i] < before[i]) {
                decreased++;
            }
        }
        int n = before.length;
        int changed = increased + decreased;
        double[] ci = Intervals.wilson(changed, n);
        double share = n == 0 ? Double.NaN : (double) changed / n;
        return new ShareChange(n, increased, decreased, n - changed, share, ci[0], ci[1]);
    }

    /**
     * The before × after cross-table: {@code table[i][j]} counts the people whose position was
     * {@code categories[i]} in the first wave and {@code categories[j]} in the second. The diagonal holds
     * those who stayed.
     *
     * @param categories the positions in display order (e.g. {@code {-1, 0, 1}}); each listed once
     * @throws IllegalArgumentException when the arrays differ in length, a category is listed twice, or a
     *                                  position is not among the categories (it would silently drop people)
     */
    public static int[][] transitions(int[] before, int[] after, int[] categories) {
        checkPaired(before, after);
        Objects.requireNonNull(categories, "categories");
        Map<Integer, Integer> index = new HashMap<>();
        for (int i = 0; i < categories.length; i++) {
            if (index.put(categories[i], i) != null) {
                throw new IllegalArgumentException("category " + categories[i] + " is listed twice");
            }
        }
        int[][] table = new int[categories.length][categories.length];
        for (int i = 0; i < before.length; i++) {
            table[indexOf(index, before[i], "before", i)][indexOf(index, after[i], "after", i)]++;
        }
        return table;
    }

    private static int indexOf(Map<Integer, Integer> index, int position, String wave, int person) {
        Integer i = index.get(position);
        if (i == null) {
            throw new IllegalArgumentException(wave + " position " + position + " of person " + person
                    + " is not among the categories");
        }
        return i;
    }

    private static void checkPaired(int[] before, int[] after) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        if (before.length != after.length) {
            throw new IllegalArgumentException("before has " + before.length + " positions, after has "
                    + after.length + ": the waves must be paired person by person");
        }
    }
}
