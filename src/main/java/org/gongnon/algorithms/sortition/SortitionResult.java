package org.gongnon.algorithms.sortition;

import java.util.List;
import java.util.Map;

/**
 * One lottery run: what went in (the inputs' fingerprint, the algorithm, the seed), the lottery over panel
 * make-ups, each pool member's selection probability, the panel drawn and the ordered reserves.
 *
 * @param lottery          panels as seats per stratum with their probabilities (members are drawn uniformly
 *                         within each stratum); for LEGACY the make-ups seen in the estimation runs
 * @param probabilities    each pool member's selection probability, by id, in pool order (strata order)
 * @param estimationRuns   0 when the probabilities are exact; for LEGACY the number of seeded runs they
 *                         were estimated from
 * @param panel            the panel's ids, sorted
 * @param reserves         the reserves' ids, in reserve order
 */
public record SortitionResult(String fingerprint, SortitionRun.Algorithm algorithm, long seed, Lottery lottery,
                              Map<String, Double> probabilities, int estimationRuns, List<String> panel,
                              List<String> reserves) {

    public SortitionResult {
        probabilities = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(probabilities));
        panel = List.copyOf(panel);
        reserves = List.copyOf(reserves);
    }

    public boolean exactProbabilities() {
        return estimationRuns == 0;
    }

    public double minimumProbability() {
        return probabilities.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }
}
