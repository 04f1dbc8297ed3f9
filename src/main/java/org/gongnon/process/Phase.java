package org.gongnon.process;

/** The phases of a public deliberation, in the order they happen. */
public enum Phase {
    AGENDA_SETTING,
    OPINION_POLL,
    PANEL_RECRUITMENT,
    ORIENTATION,
    EXPERT_FORUM,
    DELIBERATION_ROUNDS,
    FINAL_SURVEY,
    RECOMMENDATION,
    GOVERNMENT_RESPONSE;

    public String messageKey() {
        return "phase." + name().toLowerCase().replace('_', '-');
    }
}
