package org.gongnon.recommendation;

import java.util.List;
import org.gongnon.algorithms.stats.SupportThresholds;

/**
 * Every current recommendation item of a process with the panel's vote on it, as the report freezes it.
 *
 * @param thresholds the process's thresholds for adopted / with reservations
 * @param items      the items in their order (deleted items left out)
 */
public record RecommendationResults(long processId, SupportThresholds thresholds, List<ItemResult> items) {

    public RecommendationResults {
        items = List.copyOf(items);
    }

    /** Items whose support fell short and that still have no minority opinion recorded. */
    public List<ItemResult> missingMinorityOpinions() {
        return items.stream().filter(ItemResult::needsMinorityOpinion).toList();
    }
}
