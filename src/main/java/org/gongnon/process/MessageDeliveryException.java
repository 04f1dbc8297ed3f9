package org.gongnon.process;

/**
 * A message could not be handed over. The message is a short reason that facilitators read in the outbox
 * (e.g. "mail server refused the recipient"); details belong in the cause, which is only logged.
 */
public class MessageDeliveryException extends Exception {

    public MessageDeliveryException(String reason) {
        super(reason);
    }

    public MessageDeliveryException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
