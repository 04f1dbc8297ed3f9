package org.gongnon.process;

/** Where a message in the outbox stands. Every message ends in one of these; none is silently dropped. */
public enum MessageStatus {
    /** Waiting for the dispatcher. */
    QUEUED,
    /** Handed to the mail server or gateway. */
    SENT,
    /** Tried {@link OutboxDispatcher#MAX_ATTEMPTS} times and refused each time; can be retried by hand. */
    FAILED,
    /** Nothing could send it (no mail server or SMS gateway configured); kept here, can be retried later. */
    NOT_SENT;

    public String messageKey() {
        return "outbox.status." + name().toLowerCase().replace('_', '-');
    }
}
