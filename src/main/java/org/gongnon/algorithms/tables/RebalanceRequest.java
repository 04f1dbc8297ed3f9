package org.gongnon.algorithms.tables;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A request to even out tables after no-shows (or late arrivals).
 *
 * @param participants     everyone who may sit (absent people may be listed too; they are left out);
 *                         someone not seated in {@code current} is a late arrival and gets a seat
 * @param current          the seating planned before; its table count is kept unless tables are closed
 * @param absent           ids of people who did not come
 * @param pins             id -> table index for people who must sit at a given table (pins of absent people are ignored)
 * @param minTableSize     tables are closed (the emptiest first, never one with a pinned person) while the
 *                         smallest table would have fewer people than this (and always below 2 people; pins
 *                         win over this minimum: a table with a pinned person stays open)
 * @param earlierMeetings  who sat together in earlier rounds
 * @param objective        the weights of the objective
 * @param limits           bounds on the local search
 * @param seed             the seed of every random choice
 */
public record RebalanceRequest(List<Participant> participants, TableAssignment current, Set<Long> absent,
        Map<Long, Integer> pins, int minTableSize, EarlierMeetings earlierMeetings, TableObjective objective,
        SearchLimits limits, long seed) {

    public RebalanceRequest {
        participants = List.copyOf(participants);
        absent = Set.copyOf(absent == null ? Set.of() : absent);
        pins = Map.copyOf(pins == null ? Map.of() : pins);
        earlierMeetings = earlierMeetings == null ? EarlierMeetings.NONE : earlierMeetings;
        objective = objective == null ? TableObjective.DEFAULT : objective;
        limits = limits == null ? SearchLimits.DEFAULT : limits;
        if (minTableSize < 0) {
            throw new TableAssignmentException(TableAssignmentException.Reason.INVALID_SETTING,
                    "the minimum table size cannot be negative, got " + minTableSize);
        }
    }

    /** No pins, no earlier rounds, default weights and limits; tables are closed only below 2 people. */
    public static RebalanceRequest of(List<Participant> participants, TableAssignment current, Set<Long> absent,
            long seed) {
        return new RebalanceRequest(participants, current, absent, Map.of(), 2, EarlierMeetings.NONE,
                TableObjective.DEFAULT, SearchLimits.DEFAULT, seed);
    }

    public RebalanceRequest withPins(Map<Long, Integer> newPins) {
        return new RebalanceRequest(participants, current, absent, newPins, minTableSize, earlierMeetings, objective,
                limits, seed);
    }

    public RebalanceRequest withMinTableSize(int size) {
        return new RebalanceRequest(participants, current, absent, pins, size, earlierMeetings, objective, limits,
                seed);
    }

    public RebalanceRequest withEarlierMeetings(EarlierMeetings meetings) {
        return new RebalanceRequest(participants, current, absent, pins, minTableSize, meetings, objective, limits,
                seed);
    }

    public RebalanceRequest withObjective(TableObjective newObjective) {
        return new RebalanceRequest(participants, current, absent, pins, minTableSize, earlierMeetings, newObjective,
                limits, seed);
    }

    public RebalanceRequest withLimits(SearchLimits newLimits) {
        return new RebalanceRequest(participants, current, absent, pins, minTableSize, earlierMeetings, objective,
                newLimits, seed);
    }
}
