package org.gongnon.recruitment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One draw in full: its record, the quotas it met, every pool member's selection probability and outcome,
 * the panel as it stands after replacements, the reserves, and the replacements made.
 */
public record DrawDetails(DrawSummary summary, List<DrawQuota> quotas, List<Selection> pool,
                          List<ReplacementRecord> replacements, List<String> features) {

    public DrawDetails {
        quotas = List.copyOf(quotas);
        pool = List.copyOf(pool);
        replacements = List.copyOf(replacements);
        features = List.copyOf(features);
    }

    /** The current panel: drawn or brought in as a replacement, minus those who declined. */
    public List<Selection> currentPanel() {
        return pool.stream().filter(s -> s.status() == SeatStatus.SEATED || s.status() == SeatStatus.REPLACEMENT)
                .toList();
    }

    public List<Selection> reserves() {
        return pool.stream().filter(s -> s.outcome() == DrawOutcome.RESERVE)
                .sorted(java.util.Comparator.comparing(Selection::position)).toList();
    }

    public Optional<Selection> member(long poolMemberId) {
        return pool.stream().filter(s -> s.member().id() == poolMemberId).findFirst();
    }

    /** A quota the draw met: its bounds, and how many hold the value in the pool, the panel as drawn and now. */
    public record DrawQuota(String feature, String value, int min, int max, int inPool, int drawn, int now) {
    }

    /** Where a pool member stands after the draw and any replacements. */
    public enum SeatStatus {
        /** Drawn onto the panel and still on it. */
        SEATED,
        /** Drawn, then declined or dropped out. */
        DECLINED,
        /** A reserve who took a seat. */
        REPLACEMENT,
        /** A reserve still waiting. */
        WAITING,
        /** Neither drawn nor reserved. */
        NOT_DRAWN
    }

    /** A pool member in this draw: their probability, what the draw made of them, and where they stand now. */
    public record Selection(PoolMemberRow member, double probability, DrawOutcome outcome, Integer position,
                            SeatStatus status) {
    }

    /** Who declined, who took the seat (if anyone could), whether from the same stratum, when and by whom. */
    public record ReplacementRecord(PoolMemberRow declined, Optional<PoolMemberRow> replacement, boolean sameStratum,
                                    String reason, Instant recordedAt, String recordedBy) {
    }
}
