package org.gongnon.recommendation;

import java.time.Instant;
import java.util.List;

/**
 * A recommendation item in its current version, as the editor loads it.
 *
 * @param number    its number in the list (1, 2, …)
 * @param version   the current version's number (what a save names as expected)
 * @param voteLabel where its vote comes from, for people ("5차 · 권고안 투표 · R1"); null when not linked
 */
public record RecommendationItem(long itemId, long processId, int number, int version, String title, String text,
                                 String rationale, List<ItemOption> options, Long voteWaveId,
                                 String voteQuestionCode, SupportRule rule, String voteLabel, String changeNote,
                                 String changedBy, Instant changedAt) {

    public RecommendationItem {
        options = List.copyOf(options);
    }

    /** The form that edits this version (a save with it unchanged writes nothing). */
    public ItemForm toForm() {
        return new ItemForm(processId, itemId, version, title, text, rationale, options, voteWaveId,
                voteQuestionCode, rule, null);
    }
}
