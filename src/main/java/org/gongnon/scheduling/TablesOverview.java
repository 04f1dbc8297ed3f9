package org.gongnon.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A session's small-group tables as facilitators see them. Without a plan, {@code tables} is empty and
 * {@code participants} says how many would be seated: those checked in once anyone is, before that everyone
 * invited who has not declined.
 */
public record TablesOverview(long sessionId, String sessionTitle, int participants, boolean fromCheckIns,
                             int tableSize, Long seed, Instant updatedAt, String updatedBy, List<Table> tables,
                             double diversityPenalty, int repeatPairs, int seatedAbsent, int presentUnseated,
                             List<String> features) {

    public TablesOverview {
        tables = List.copyOf(tables);
        features = List.copyOf(features);
    }

    public boolean hasPlan() {
        return !tables.isEmpty();
    }

    /** One table: its number (from 1), facilitator, people, and how many hold each value of each feature. */
    public record Table(int number, String facilitator, List<Seat> seats, Map<String, Map<String, Integer>> counts) {

        public Table {
            seats = List.copyOf(seats);
            counts = Map.copyOf(counts);
        }
    }

    /** A person at a table: pinned there by hand or not, and whether they have checked in. */
    public record Seat(long panelMemberId, String displayName, Map<String, String> features, boolean pinned,
                       boolean present) {

        public Seat {
            features = Map.copyOf(features);
        }
    }
}
