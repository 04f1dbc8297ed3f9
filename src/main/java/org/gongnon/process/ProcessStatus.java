package org.gongnon.process;

public enum ProcessStatus {
    /** Being prepared; not yet public. */
    DRAFT,
    /** Running. */
    ACTIVE,
    /** Finished; kept for the record until the retention date. */
    CLOSED;

    public String messageKey() {
        return "status." + name().toLowerCase();
    }
}
