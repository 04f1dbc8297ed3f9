package org.gongnon.process;

import java.time.Instant;

/**
 * A message in the outbox as facilitators see it. {@code lastError} is a one-line reason (a refused
 * address, "no SMS gateway configured"), never a stack trace.
 */
public record OutboxMessageRow(long id, long processId, Long panelMemberId, MessageChannel channel, String recipient,
                               String subject, String body, String purpose, MessageStatus status, int attempts,
                               String lastError, Instant createdAt, Instant sentAt, String createdBy) {
}
