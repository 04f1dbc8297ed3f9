package org.gongnon.recommendation;

import java.util.List;

/**
 * A new recommendation item ({@code itemId} null) or a new version of one: its text, the options it chooses
 * between, and the vote it is decided by (wave and question, and the rule for support; all null: no vote yet).
 *
 * @param expectedVersion the version the editor started from (null for a new item): a save on top of someone
 *                        else's newer version is refused
 * @param changeNote      what changed and why, for the history (optional)
 */
public record ItemForm(long processId, Long itemId, Integer expectedVersion, String title, String text,
                       String rationale, List<ItemOption> options, Long voteWaveId, String voteQuestionCode,
                       SupportRule rule, String changeNote) {

    public ItemForm {
        options = options == null ? List.of() : List.copyOf(options);
    }

    /** A new item with text only. */
    public static ItemForm newItem(long processId, String title, String text) {
        return new ItemForm(processId, null, null, title, text, null, List.of(), null, null, null, null);
    }
}
