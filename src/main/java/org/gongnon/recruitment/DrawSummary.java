package org.gongnon.recruitment;

import java.time.Instant;

/** One draw in the history: when and by whom, how (algorithm, seed, fingerprint) and what it gave. */
public record DrawSummary(long id, long processId, Instant drawnAt, String drawnBy, String algorithm, String algorithmVersion,
                          long seed, String fingerprint, int panelSize, int reserveCount, double minProbability,
                          long durationMs, int replacements) {
}
