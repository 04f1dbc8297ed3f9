package org.gongnon.algorithms.stats;

/** Where a recommendation item's support puts it, given the process's thresholds. */
public enum SupportStatus {
    /** Support at or above the adoption threshold (e.g. two thirds). */
    ADOPTED,
    /** Below adoption but at or above the reservations threshold (e.g. a simple majority). */
    WITH_RESERVATIONS,
    /** Below both: the item is not adopted, and its minority opinion is kept in the report. */
    NOT_ADOPTED
}
