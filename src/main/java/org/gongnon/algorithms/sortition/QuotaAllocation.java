package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Seats per feature value from population shares, by the largest-remainder (Hamilton) method: each
 * value gets the whole part of its exact share of the panel, and the seats left over go to the largest
 * remainders. Ties go to the value listed first, so the result is deterministic.
 */
public final class QuotaAllocation {

    private QuotaAllocation() {
    }

    /**
     * @param shares population share per value of one feature (any positive scale; normalised here), in a
     *               stable order
     * @return seats per value, summing to {@code panelSize}
     */
    public static Map<String, Integer> largestRemainder(Map<String, Double> shares, int panelSize) {
        if (panelSize < 0) {
            throw new IllegalArgumentException("panel size must not be negative");
        }
        double total = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            if (e.getValue() == null || e.getValue() < 0 || e.getValue().isNaN() || e.getValue().isInfinite()) {
                throw new IllegalArgumentException("share of " + e.getKey() + " must be a non-negative number");
            }
            total += e.getValue();
        }
        if (total <= 0) {
            throw new IllegalArgumentException("the shares add up to zero");
        }
        Map<String, Integer> seats = new LinkedHashMap<>();
        List<Remainder> remainders = new ArrayList<>();
        int given = 0;
        int order = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            double exact = e.getValue() / total * panelSize;
            int whole = (int) Math.floor(exact);
            seats.put(e.getKey(), whole);
            given += whole;
            remainders.add(new Remainder(e.getKey(), exact - whole, order++));
        }
        remainders.sort(Comparator.comparingDouble(Remainder::fraction).reversed()
                .thenComparingInt(Remainder::order));
        for (int i = 0; i < panelSize - given; i++) {
            seats.merge(remainders.get(i).value(), 1, Integer::sum);
        }
        return seats;
    }

    /** Quotas around the allocated seats, widened by a tolerance of ± seats (never below 0 or above the panel). */
    public static List<Quota> withSeatTolerance(String feature, Map<String, Integer> seats, int tolerance,
                                                int panelSize) {
        if (tolerance < 0) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        List<Quota> quotas = new ArrayList<>();
        seats.forEach((value, n) -> quotas.add(new Quota(feature, value, Math.max(0, n - tolerance),
                Math.min(panelSize, n + tolerance))));
        return quotas;
    }

    /** Quotas around the allocated seats, widened by ± a percentage of each value's seats, rounded outwards. */
    public static List<Quota> withPercentTolerance(String feature, Map<String, Integer> seats, double percent,
                                                   int panelSize) {
        if (percent < 0 || Double.isNaN(percent)) {
            throw new IllegalArgumentException("tolerance must not be negative");
        }
        List<Quota> quotas = new ArrayList<>();
        seats.forEach((value, n) -> {
            int slack = (int) Math.ceil(n * percent / 100.0 - 1e-9);
            quotas.add(new Quota(feature, value, Math.max(0, n - slack), Math.min(panelSize, n + slack)));
        });
        return quotas;
    }

    private record Remainder(String value, double fraction, int order) {
    }
}
