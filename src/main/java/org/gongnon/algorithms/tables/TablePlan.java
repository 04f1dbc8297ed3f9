package org.gongnon.algorithms.tables;

import java.util.List;

/** The result of {@link TableAssigner#assign}: the seating, its score and a profile of every table. */
public record TablePlan(TableAssignment assignment, TableScore score, List<TableProfile> profiles, long seed) {

    public TablePlan {
        profiles = List.copyOf(profiles);
    }
}
