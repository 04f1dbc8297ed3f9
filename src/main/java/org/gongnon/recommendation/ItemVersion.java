package org.gongnon.recommendation;

import java.time.Instant;
import java.util.List;

/** One version of an item as it was written: what it said, its vote link, who wrote it, when, and why. */
public record ItemVersion(int version, String title, String text, String rationale, List<ItemOption> options,
                          Long voteWaveId, String voteQuestionCode, SupportRule rule, String changeNote,
                          String author, Instant createdAt) {

    public ItemVersion {
        options = List.copyOf(options);
    }
}
