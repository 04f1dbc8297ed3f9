package org.gongnon.algorithms.tables;

/** A table request that cannot be met; {@link #reason()} says why in a form a caller can translate. */
public class TableAssignmentException extends RuntimeException {

    /** Why a request was refused. */
    public enum Reason {
        /** Fewer than 2 people would sit at some table (or nobody is left to seat). */
        TOO_FEW_PARTICIPANTS,
        /** The target table size is below 2. */
        SIZE_OUT_OF_RANGE,
        /** The table count is below 1. */
        TABLE_COUNT_OUT_OF_RANGE,
        /** More people are pinned to a table than it can hold with sizes within one of each other. */
        PINS_OVERFILL_TABLE,
        /** A pin names a table index that does not exist. */
        PIN_TO_UNKNOWN_TABLE,
        /** A pin names a person who is not among the participants. */
        PIN_TO_UNKNOWN_PARTICIPANT,
        /** The same id appears twice among the participants (or twice in an assignment). */
        DUPLICATE_PARTICIPANT,
        /** An existing assignment seats someone who is neither a participant nor reported absent. */
        UNKNOWN_PARTICIPANT,
        /** A feature weight, encounter weight, minimum size or search limit is negative or not a number. */
        INVALID_SETTING
    }

    private final Reason reason;

    public TableAssignmentException(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
