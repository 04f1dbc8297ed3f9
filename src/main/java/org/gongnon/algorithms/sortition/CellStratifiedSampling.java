package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Korean public-deliberation practice: seats allocated to cells (e.g. 권역 × 성별 × 연령대) in
 * proportion to the population, then a simple random sample within each cell.
 */
public final class CellStratifiedSampling {

    private CellStratifiedSampling() {
    }

    /** Seats per cell by the largest-remainder method; cells are keyed by their values in feature order. */
    public static Map<List<String>, Integer> allocate(Map<List<String>, Double> cellShares, int panelSize) {
        Map<String, Double> byKey = new LinkedHashMap<>();
        Map<String, List<String>> cells = new LinkedHashMap<>();
        cellShares.forEach((cell, share) -> {
            String key = String.join("\u0000", cell);
            byKey.put(key, share);
            cells.put(key, List.copyOf(cell));
        });
        Map<List<String>, Integer> seats = new LinkedHashMap<>();
        QuotaAllocation.largestRemainder(byKey, panelSize).forEach((key, n) -> seats.put(cells.get(key), n));
        return seats;
    }

    /**
     * Draws the panel: in each cell, {@code seats} people uniformly at random. The same pool, seats and
     * seed always give the same panel.
     *
     * @throws IllegalArgumentException naming every cell whose pool is smaller than its seats
     */
    public static List<Person> draw(List<Person> pool, List<String> features, Map<List<String>, Integer> seats,
                                    long seed) {
        Map<List<String>, List<Person>> byCell = new LinkedHashMap<>();
        for (Person p : pool) {
            byCell.computeIfAbsent(features.stream().map(p::value).toList(), c -> new ArrayList<>()).add(p);
        }
        List<String> shortfalls = new ArrayList<>();
        seats.forEach((cell, n) -> {
            int available = byCell.getOrDefault(cell, List.of()).size();
            if (available < n) {
                shortfalls.add(String.join(" ", cell) + ": pool has " + available + ", the cell needs " + n);
            }
        });
        if (!shortfalls.isEmpty()) {
            throw new IllegalArgumentException("not enough people in some cells: " + String.join("; ", shortfalls));
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<Person> panel = new ArrayList<>();
        seats.forEach((cell, n) -> {
            List<Person> members = new ArrayList<>(byCell.getOrDefault(cell, List.of()));
            for (int i = members.size() - 1; i > 0; i--) {
                Collections.swap(members, i, random.nextInt(i + 1));
            }
            panel.addAll(members.subList(0, n));
        });
        return panel;
    }
}
