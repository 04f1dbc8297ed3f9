package org.gongnon.scheduling;

/** When a citizen has earned the honorarium. */
public enum HonorariumRule {
    ALL_REQUIRED,
    MIN_SESSIONS;

    public String messageKey() {
        return "scheduling.honorarium-rule." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
