package org.gongnon.recruitment;

import java.time.Instant;
import java.util.Optional;
import org.gongnon.algorithms.sortition.Certificate;

/**
 * One draw in the history: when and by whom, how (algorithm, seed, fingerprint) and what it gave, with the
 * certificate of its optimality (LEXIMIN and maximin draws) and, for a draw from a published list of panels, the
 * list and the number drawn (then {@code seed} is that number).
 */
public record DrawSummary(long id, long processId, Instant drawnAt, String drawnBy, String algorithm, String algorithmVersion,
                          long seed, String fingerprint, int panelSize, int reserveCount, double minProbability,
                          long durationMs, int replacements, Optional<Certificate> certificate,
                          Optional<ListDraw> fromList) {

    /** A draw that took panel {@code number} of published list {@code listId} (of {@code panelCount} panels). */
    public record ListDraw(long listId, int number, int panelCount) {
    }
}
