package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

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

    /**
     * One panel drawn with the given generator (e.g. a {@link SeededRandom}, whose numbers are the same on
     * every JDK); a failed attempt goes on with the same stream. Empty when every attempt ran into a dead end.
     */
    public static Optional<List<Person>> draw(SelectionProblem problem, RandomGenerator random) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<List<Person>> panel = attempt(problem, random);
            if (panel.isPresent()) {
                return panel;
            }
        }
        return Optional.empty();
    }

    /**
     * One greedy pass. People and quotas are numbered once so each step is plain array work (a stream per
     * person made a 2,000-person pool take ~90 ms per panel); the choices, their order and the random
     * numbers used are those of the straightforward version: the neediest quota is the first with the
     * largest missing/eligible ratio, and the chosen person is {@code nextInt(n)}-th among the eligible
     * people with its value, in pool order.
     */
    private static Optional<List<Person>> attempt(SelectionProblem problem, RandomGenerator random) {
        List<Person> pool = problem.pool();
        List<Quota> quotas = problem.quotas();
        int q = quotas.size();
        boolean[][] has = new boolean[pool.size()][q];
        for (int p = 0; p < pool.size(); p++) {
            for (int i = 0; i < q; i++) {
                Quota quota = quotas.get(i);
                has[p][i] = quota.value().equals(pool.get(p).value(quota.feature()));
            }
        }
        // Eligible people by pool index, kept in pool order.
        int[] eligible = new int[pool.size()];
        int eligibleCount = pool.size();
        for (int p = 0; p < eligibleCount; p++) {
            eligible[p] = p;
        }
        int[] seated = new int[q];
        int[] available = new int[q];
        int[] candidates = new int[pool.size()];
        List<Person> panel = new ArrayList<>();
        while (panel.size() < problem.panelSize()) {
            java.util.Arrays.fill(available, 0);
            for (int e = 0; e < eligibleCount; e++) {
                boolean[] row = has[eligible[e]];
                for (int i = 0; i < q; i++) {
                    if (row[i]) {
                        available[i]++;
                    }
                }
            }
            int target = -1;
            double worst = -1;
            for (int i = 0; i < q; i++) {
                int missing = quotas.get(i).min() - seated[i];
                if (missing <= 0) {
                    continue;
                }
                if (available[i] < missing) {
                    return Optional.empty();
                }
                double ratio = missing / (double) available[i];
                if (ratio > worst) {
                    worst = ratio;
                    target = i;
                }
            }
            int candidateCount = 0;
            for (int e = 0; e < eligibleCount; e++) {
                if (target < 0 || has[eligible[e]][target]) {
                    candidates[candidateCount++] = e;
                }
            }
            if (candidateCount == 0) {
                return Optional.empty();
            }
            int chosenSlot = candidates[random.nextInt(candidateCount)];
            int chosen = eligible[chosenSlot];
            panel.add(pool.get(chosen));
            System.arraycopy(eligible, chosenSlot + 1, eligible, chosenSlot, eligibleCount - chosenSlot - 1);
            eligibleCount--;
            for (int i = 0; i < q; i++) {
                if (has[chosen][i]) {
                    seated[i]++;
                }
            }
            // Whoever would now exceed a maximum can no longer be seated.
            int kept = 0;
            for (int e = 0; e < eligibleCount; e++) {
                boolean[] row = has[eligible[e]];
                boolean full = false;
                for (int i = 0; i < q && !full; i++) {
                    full = row[i] && seated[i] >= quotas.get(i).max();
                }
                if (!full) {
                    eligible[kept++] = eligible[e];
                }
            }
            eligibleCount = kept;
        }
        for (int i = 0; i < q; i++) {
            if (seated[i] < quotas.get(i).min()) {
                return Optional.empty();
            }
        }
        return Optional.of(panel);
    }
}
