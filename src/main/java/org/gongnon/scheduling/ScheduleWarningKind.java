package org.gongnon.scheduling;

/** Things a facilitator should see before saving a session, but may accept. */
public enum ScheduleWarningKind {
    PARTICIPANTS_OVERLAP,
    OVER_CAPACITY,
    OUTSIDE_DELIBERATION_PHASE;

    public String messageKey() {
        return "scheduling.warning." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
