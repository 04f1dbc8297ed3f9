package org.gongnon.algorithms.tables;

import java.util.List;

/**
 * The result of {@link TableAssigner#rebalance}.
 *
 * @param assignment    the new seating of the present participants; table indices are kept, closed tables are empty
 * @param score         its objective parts
 * @param profiles      a profile of every table (closed ones with size 0)
 * @param moves         who changes table, ordered by id
 * @param seated        participants who had no seat before (late arrivals), with {@code from = NOT_SEATED}
 * @param closedTables  tables closed because too few people remained
 */
public record RebalancePlan(TableAssignment assignment, TableScore score, List<TableProfile> profiles,
        List<TableMove> moves, List<TableMove> seated, List<Integer> closedTables) {

    public RebalancePlan {
        profiles = List.copyOf(profiles);
        moves = List.copyOf(moves);
        seated = List.copyOf(seated);
        closedTables = List.copyOf(closedTables);
    }
}
