package org.gongnon.scheduling;

/** What a round of the programme is for. */
public enum RoundKind {
    ORIENTATION,
    EXPERT_FORUM,
    REGIONAL_DELIBERATION,
    GRAND_DELIBERATION,
    OTHER;

    public String messageKey() {
        return "scheduling.round-kind." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
