package org.gongnon.scheduling;

import java.util.List;

/** What re-balancing after no-shows did: people moved, late arrivals seated, tables closed (by number). */
public record RebalanceOutcome(int moved, int seatedLate, int removedAbsent, List<Integer> closedTables) {

    public RebalanceOutcome {
        closedTables = List.copyOf(closedTables);
    }
}
