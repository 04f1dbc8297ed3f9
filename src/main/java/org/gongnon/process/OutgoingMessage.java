package org.gongnon.process;

/**
 * A message to put in a process's outbox: to a panel member (or, with no member id, to anyone the process
 * writes to), by SMS or e-mail. {@code subject} is used for e-mail only; {@code purpose} says why it is sent
 * (e.g. "invitation", "reminder"), for the list and for later features to find their own messages.
 */
public record OutgoingMessage(long processId, Long panelMemberId, MessageChannel channel, String recipient,
                              String subject, String body, String purpose) {
}
