package org.gongnon.process;

/** How a message reaches its recipient. */
public enum MessageChannel {
    /** A text message to a mobile phone; needs an SMS gateway's {@link MessageSender}. */
    SMS,
    /** E-mail, sent over SMTP when a mail server is configured. */
    EMAIL;

    public String messageKey() {
        return "outbox.channel." + name().toLowerCase();
    }
}
