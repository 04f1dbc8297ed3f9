package org.gongnon.algorithms.stats;

/** Whether a group's χ² goodness-of-fit test could be run, and if not, why. */
public enum FitOutcome {
    /** The test ran: statistic, degrees of freedom and p-value are set. */
    TESTED,
    /** Fewer than two values are left to compare (one value only, or the others have no population share). */
    SINGLE_CATEGORY,
    /** Nobody in the group (or nobody with a value that has a population share): nothing to test. */
    EMPTY_GROUP
}
