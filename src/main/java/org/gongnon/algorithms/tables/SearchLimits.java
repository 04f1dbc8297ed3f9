package org.gongnon.algorithms.tables;

/**
 * Bounds on the local search: how many starts (the first from the greedy deal, the others from seeded
 * variations of it) and how many improvement passes each start may make (a pass tries, for every movable
 * person, every swap and every allowed move; the search stops earlier when a pass improves nothing), and
 * how many kicks each start may try while some table's count lies outside its floor/ceil band (a kick forces
 * one swap that repairs such a count, then improves again, and is undone if the result is worse).
 */
public record SearchLimits(int starts, int maxPasses, int maxKicks) {

    public static final SearchLimits DEFAULT = new SearchLimits(4, 60, 30);

    public SearchLimits {
        if (starts < 1 || maxPasses < 0 || maxKicks < 0) {
            throw new TableAssignmentException(TableAssignmentException.Reason.INVALID_SETTING,
                    "need at least one start and no negative pass or kick count, got " + starts + " / " + maxPasses
                            + " / " + maxKicks);
        }
    }
}
