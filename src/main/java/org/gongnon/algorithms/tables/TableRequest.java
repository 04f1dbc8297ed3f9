package org.gongnon.algorithms.tables;

import java.util.List;
import java.util.Map;

/**
 * A request to seat a session's citizens at tables (facilitators are seated outside this).
 *
 * @param participants     the people to seat, each once
 * @param sizing           a target size or a table count
 * @param pins             id -> table index for people who must sit at a given table
 * @param earlierMeetings  who sat together in earlier rounds
 * @param objective        the weights of the objective
 * @param limits           bounds on the local search
 * @param seed             the seed of every random choice: the same request gives the same plan
 */
public record TableRequest(List<Participant> participants, TableSizing sizing, Map<Long, Integer> pins,
        EarlierMeetings earlierMeetings, TableObjective objective, SearchLimits limits, long seed) {

    public TableRequest {
        participants = List.copyOf(participants);
        pins = Map.copyOf(pins == null ? Map.of() : pins);
        earlierMeetings = earlierMeetings == null ? EarlierMeetings.NONE : earlierMeetings;
        objective = objective == null ? TableObjective.DEFAULT : objective;
        limits = limits == null ? SearchLimits.DEFAULT : limits;
    }

    /** No pins, no earlier rounds, default weights and limits. */
    public static TableRequest of(List<Participant> participants, TableSizing sizing, long seed) {
        return new TableRequest(participants, sizing, Map.of(), EarlierMeetings.NONE, TableObjective.DEFAULT,
                SearchLimits.DEFAULT, seed);
    }

    public TableRequest withPins(Map<Long, Integer> newPins) {
        return new TableRequest(participants, sizing, newPins, earlierMeetings, objective, limits, seed);
    }

    public TableRequest withEarlierMeetings(EarlierMeetings meetings) {
        return new TableRequest(participants, sizing, pins, meetings, objective, limits, seed);
    }

    public TableRequest withObjective(TableObjective newObjective) {
        return new TableRequest(participants, sizing, pins, earlierMeetings, newObjective, limits, seed);
    }

    public TableRequest withLimits(SearchLimits newLimits) {
        return new TableRequest(participants, sizing, pins, earlierMeetings, objective, newLimits, seed);
    }

    public TableRequest withSeed(long newSeed) {
        return new TableRequest(participants, sizing, pins, earlierMeetings, objective, limits, newSeed);
    }
}
