package org.gongnon.recruitment;

import java.time.Instant;
import java.util.Optional;
import org.gongnon.algorithms.sortition.Certificate;

/**
 * A list of M equally likely panels published before the ceremony: who published it and when, the fingerprint of
 * its inputs, and how much smaller its smallest chance is than the LEXIMIN lottery it rounds.
 */
public record PublishedListSummary(long id, long processId, Instant publishedAt, String publishedBy, String fingerprint,
                                   int panelCount, int panelSize, int reserveCount, double lotteryMinProbability,
                                   double minProbability, long durationMs, Optional<Certificate> certificate) {

    /** LEXIMIN's smallest chance minus the list's (never below zero but for rounding noise). */
    public double loss() {
        return Math.max(0, lotteryMinProbability - minProbability);
    }
}
