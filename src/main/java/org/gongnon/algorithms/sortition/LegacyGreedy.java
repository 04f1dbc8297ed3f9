package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The Sortition Foundation's original ("legacy") greedy lottery, kept as a baseline and fallback: while
 * seats are left, take the quota whose unmet minimum is largest relative to the people still eligible
 * for it, and seat a random eligible person with that value; people who would break a maximum become
 * ineligible. It can fail where a panel exists (then it retries with the next random stream) and it
 * gives no guarantee on anyone's selection probability.
 */
public final class LegacyGreedy {

    static final int ATTEMPTS = 100;

    private LegacyGreedy() {
    }

    /** One panel, or empty when every attempt ran into a dead end. The same seed gives the same result. */
    public static Optional<List<Person>> draw(SelectionProblem problem, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<List<Person>> panel = attempt(problem, random.split());
            if (panel.isPresent()) {
                return panel;
            }
        }
        return Optional.empty();
    }

    private static Optional<List<Person>> attempt(SelectionProblem problem, SplittableRandom random) {
        List<Person> eligible = new ArrayList<>(problem.pool());
        Map<Quota, Integer> seated = new HashMap<>();
        problem.quotas().forEach(q -> seated.put(q, 0));
        List<Person> panel = new ArrayList<>();
        while (panel.size() < problem.panelSize()) {
            Quota neediest = null;
            double worst = -1;
            for (Quota q : problem.quotas()) {
                int missing = q.min() - seated.get(q);
                if (missing <= 0) {
                    continue;
                }
                long available = eligible.stream().filter(p -> q.value().equals(p.value(q.feature()))).count();
                if (available < missing) {
                    return Optional.empty();
                }
                double ratio = missing / (double) available;
                if (ratio > worst) {
                    worst = ratio;
                    neediest = q;
                }
            }
            Quota target = neediest;
            List<Person> candidates = target == null ? eligible
                    : eligible.stream().filter(p -> target.value().equals(p.value(target.feature()))).toList();
            if (candidates.isEmpty()) {
                return Optional.empty();
            }
            Person chosen = candidates.get(random.nextInt(candidates.size()));
            panel.add(chosen);
            eligible.remove(chosen);
            for (Quota q : problem.quotas()) {
                if (q.value().equals(chosen.value(q.feature()))) {
                    seated.merge(q, 1, Integer::sum);
                }
            }
            // Whoever would now exceed a maximum can no longer be seated.
            eligible.removeIf(p -> problem.quotas().stream().anyMatch(q ->
                    q.value().equals(p.value(q.feature())) && seated.get(q) >= q.max()));
        }
        boolean meetsMinimums = problem.quotas().stream().allMatch(q -> seated.get(q) >= q.min());
        return meetsMinimums ? Optional.of(panel) : Optional.empty();
    }
}
