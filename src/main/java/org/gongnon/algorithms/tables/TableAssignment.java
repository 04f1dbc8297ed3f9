package org.gongnon.algorithms.tables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Who sits where: {@code tables.get(t)} lists the ids at table t (ascending in the plans this package
 * makes; a closed table is an empty list), and {@code tableOf} maps each id to its table.
 */
public record TableAssignment(List<List<Long>> tables, Map<Long, Integer> tableOf) {

    public TableAssignment {
        tables = tables.stream().map(List::copyOf).toList();
        Map<Long, Integer> derived = index(tables);
        if (tableOf != null && !tableOf.equals(derived)) {
            throw new IllegalArgumentException("tableOf does not match the tables");
        }
        tableOf = Collections.unmodifiableMap(derived);
    }

    /** From the lists of ids per table. */
    public static TableAssignment of(List<? extends List<Long>> tables) {
        return new TableAssignment(List.copyOf(tables), null);
    }

    /** From id -> table index; tables without anyone (up to {@code tableCount}) are empty lists. */
    public static TableAssignment fromTableOf(Map<Long, Integer> tableOf, int tableCount) {
        List<List<Long>> tables = new ArrayList<>();
        for (int t = 0; t < tableCount; t++) {
            tables.add(new ArrayList<>());
        }
        tableOf.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            int t = e.getValue();
            if (t < 0 || t >= tableCount) {
                throw new IllegalArgumentException("table " + t + " of " + e.getKey() + " is not in 0.." + (tableCount - 1));
            }
            tables.get(t).add(e.getKey());
        });
        return new TableAssignment(List.copyOf(tables), null);
    }

    public int tableCount() {
        return tables.size();
    }

    /** The table of a person, empty when they are not seated. */
    public OptionalInt tableFor(long id) {
        Integer t = tableOf.get(id);
        return t == null ? OptionalInt.empty() : OptionalInt.of(t);
    }

    /** The number of people at each table. */
    public List<Integer> sizes() {
        return tables.stream().map(List::size).toList();
    }

    private static Map<Long, Integer> index(List<List<Long>> tables) {
        Map<Long, Integer> tableOf = new HashMap<>();
        for (int t = 0; t < tables.size(); t++) {
            for (Long id : tables.get(t)) {
                if (tableOf.put(id, t) != null) {
                    throw new TableAssignmentException(TableAssignmentException.Reason.DUPLICATE_PARTICIPANT,
                            "id " + id + " is seated twice");
                }
            }
        }
        return tableOf;
    }
}
