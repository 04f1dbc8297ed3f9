package org.gongnon.recruitment;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pool as facilitators see it: its members, the process's feature names (grid columns), the count
 * per feature value, the last import, and whether a draw has used the pool (then it can no longer be replaced).
 */
public record PoolOverview(List<PoolMemberRow> members, List<String> features, Map<String, Map<String, Long>> counts,
                           Optional<PoolImportSummary> lastImport, boolean drawn) {

    public PoolOverview {
        members = List.copyOf(members);
        features = List.copyOf(features);
        counts = Map.copyOf(counts);
    }
}
