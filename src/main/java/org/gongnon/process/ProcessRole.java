package org.gongnon.process;

/** What a staff member does in one process. Admins need no assignment: they see every process. */
public enum ProcessRole {
    FACILITATOR,
    OFFICIAL;

    public String messageKey() {
        return "process-role." + name().toLowerCase();
    }
}
