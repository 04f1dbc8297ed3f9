package org.gongnon.algorithms.tables;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The people to seat as arrays for the search: person i (ascending id), their value "slot" for each weighted
 * feature (the slots of all features numbered together, -1 when missing), each slot's weight and overall
 * share, and the earlier meetings as sorted neighbour lists.
 */
final class Encoding {

    final long[] ids;
    final Map<Long, Integer> index;
    final int n;
    final int tables;
    /** The weighted features, in name order. */
    final List<String> features;
    /** slots[i][f]: the slot of person i's value for feature f, or -1. */
    final int[][] slots;
    final int slotCount;
    final double[] weight;
    final double[] share;
    /** How many people have each value slot. */
    final int[] valueCount;
    /** floor[s * slotCount + k], ceil[...]: the band of a table of s people for slot k. */
    final int[] floor;
    final int[] ceil;
    final double bandWeight;
    /** The feature of each slot, and the slots of each feature (first, end). */
    final int[] featureOfSlot;
    final int[] firstSlot;
    final double encounterWeight;
    /** neighbours[i]: the people i met before, ascending; meetings[i][k] how often with neighbours[i][k]. */
    final int[][] neighbours;
    final int[][] meetings;
    final boolean anyMeetings;

    /** @param people the people to seat, sorted by id, no duplicates */
    Encoding(List<Participant> people, int tables, EarlierMeetings earlier, TableObjective objective) {
        this.n = people.size();
        this.tables = tables;
        this.ids = new long[n];
        this.index = new HashMap<>();
        for (int i = 0; i < n; i++) {
            ids[i] = people.get(i).id();
            index.put(ids[i], i);
        }

        TreeMap<String, TreeSet<String>> valuesByFeature = new TreeMap<>();
        for (Participant p : people) {
            p.features().forEach((f, v) -> valuesByFeature.computeIfAbsent(f, k -> new TreeSet<>()).add(v));
        }
        features = valuesByFeature.keySet().stream().filter(f -> objective.weightOf(f) > 0).toList();
        firstSlot = new int[features.size() + 1];
        List<Map<String, Integer>> slotOfValue = new ArrayList<>();
        int next = 0;
        for (int f = 0; f < features.size(); f++) {
            firstSlot[f] = next;
            Map<String, Integer> map = new HashMap<>();
            for (String v : valuesByFeature.get(features.get(f))) {
                map.put(v, next++);
            }
            slotOfValue.add(map);
        }
        firstSlot[features.size()] = next;
        slotCount = next;
        weight = new double[slotCount];
        share = new double[slotCount];
        valueCount = new int[slotCount];
        featureOfSlot = new int[slotCount];
        slots = new int[n][features.size()];
        for (int f = 0; f < features.size(); f++) {
            double w = objective.weightOf(features.get(f));
            for (int k = firstSlot[f]; k < firstSlot[f + 1]; k++) {
                weight[k] = w;
                featureOfSlot[k] = f;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int f = 0; f < features.size(); f++) {
                String v = people.get(i).value(features.get(f));
                int k = v == null ? -1 : slotOfValue.get(f).get(v);
                slots[i][f] = k;
                if (k >= 0) {
                    valueCount[k]++;
                }
            }
        }
        floor = new int[(n + 2) * slotCount];
        ceil = new int[(n + 2) * slotCount];
        for (int k = 0; k < slotCount; k++) {
            share[k] = (double) valueCount[k] / n;
            for (int s = 0; s <= n + 1; s++) {
                long exact = (long) s * valueCount[k]; // the share of s people is exact / n
                floor[s * slotCount + k] = (int) (exact / n);
                ceil[s * slotCount + k] = (int) ((exact + n - 1) / n);
            }
        }
        bandWeight = objective.bandWeight();

        encounterWeight = objective.encounterWeight();
        List<List<int[]>> lists = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            lists.add(new ArrayList<>());
        }
        boolean any = false;
        for (EarlierMeetings.Meeting m : earlier.meetings()) {
            Integer a = index.get(m.first());
            Integer b = index.get(m.second());
            if (a != null && b != null) {
                lists.get(a).add(new int[] {b, m.count()});
                lists.get(b).add(new int[] {a, m.count()});
                any = true;
            }
        }
        anyMeetings = any;
        neighbours = new int[n][];
        meetings = new int[n][];
        for (int i = 0; i < n; i++) {
            List<int[]> list = lists.get(i);
            list.sort((x, y) -> Integer.compare(x[0], y[0]));
            neighbours[i] = list.stream().mapToInt(x -> x[0]).toArray();
            meetings[i] = list.stream().mapToInt(x -> x[1]).toArray();
        }
    }

    /**
     * The cost of slot k at a table of {@code size} people with {@code count} of them having it: the squared
     * deviation from the proportional share, plus the band weight times the squared distance outside
     * [floor, ceil] of that share.
     */
    double cell(int k, int count, int size) {
        double d = count - size * share[k];
        int lo = floor[size * slotCount + k];
        int hi = ceil[size * slotCount + k];
        int out = count < lo ? lo - count : count > hi ? count - hi : 0;
        return weight[k] * (d * d + bandWeight * out * out);
    }

    /** The squared deviation part of {@link #cell} alone (weighted). */
    double deviation(int k, int count, int size) {
        double d = count - size * share[k];
        return weight[k] * d * d;
    }

    /** The band part of {@link #cell} alone (weighted, without the band weight). */
    double outside(int k, int count, int size) {
        int lo = floor[size * slotCount + k];
        int hi = ceil[size * slotCount + k];
        int out = count < lo ? lo - count : count > hi ? count - hi : 0;
        return weight[k] * out * out;
    }

    /** How often persons i and j met before. */
    int met(int i, int j) {
        int k = Arrays.binarySearch(neighbours[i], j);
        return k >= 0 ? meetings[i][k] : 0;
    }
}
