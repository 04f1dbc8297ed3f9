package org.gongnon.scheduling;

/** A panel member's answer to an invitation. */
public enum InvitationStatus {
    INVITED,
    CONFIRMED,
    DECLINED;

    public String messageKey() {
        return "scheduling.invitation." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
