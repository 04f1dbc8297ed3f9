package org.gongnon.process;

import java.util.Map;

/**
 * A process's outbox at a glance: how many messages stand in each status (every status present, zero
 * included), and whether e-mail and SMS can actually be sent on this server.
 */
public record OutboxOverview(Map<MessageStatus, Long> counts, boolean emailConfigured, boolean smsConfigured) {

    public OutboxOverview {
        counts = Map.copyOf(counts);
    }

    public long count(MessageStatus status) {
        return counts.getOrDefault(status, 0L);
    }

    public long total() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}
