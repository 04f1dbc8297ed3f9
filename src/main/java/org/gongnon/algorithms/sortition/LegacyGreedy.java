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
        int[][] quotasOf = quotasOf(problem);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<List<Person>> panel = attempt(problem, quotasOf, random.split());
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
        int[][] quotasOf = quotasOf(problem);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<List<Person>> panel = attempt(problem, quotasOf, random);
            if (panel.isPresent()) {
                return panel;
            }
        }
        return Optional.empty();
    }

    /** For each person (by pool position), the quotas their values count towards. */
    private static int[][] quotasOf(SelectionProblem problem) {
        List<Quota> quotas = problem.quotas();
        int[][] quotasOf = new int[problem.pool().size()][];
        for (int i = 0; i < quotasOf.length; i++) {
            Person p = problem.pool().get(i);
            quotasOf[i] = java.util.stream.IntStream.range(0, quotas.size())
                    .filter(q -> quotas.get(q).value().equals(p.value(quotas.get(q).feature()))).toArray();
        }
        return quotasOf;
    }

    /**
     * One pass of the greedy. Counts per quota are kept up to date instead of recounted for every seat
     * (the same choices as counting afresh: the same random stream picks from the same ordered candidates).
     */
    private static Optional<List<Person>> attempt(SelectionProblem problem, int[][] quotasOf, RandomGenerator random) {
        List<Quota> quotas = problem.quotas();
        int q = quotas.size();
        // Eligible people by pool position, in pool order.
        int[] eligible = java.util.stream.IntStream.range(0, problem.pool().size()).toArray();
        int eligibleCount = eligible.length;
        int[] available = new int[q];
        for (int[] of : quotasOf) {
            for (int quota : of) {
                available[quota]++;
            }
        }
        int[] seated = new int[q];
        boolean[] full = new boolean[q];
        List<Person> panel = new ArrayList<>();
        while (panel.size() < problem.panelSize()) {
            int neediest = -1;
            double worst = -1;
            for (int quota = 0; quota < q; quota++) {
                int missing = quotas.get(quota).min() - seated[quota];
                if (missing <= 0) {
                    continue;
                }
                if (available[quota] < missing) {
                    return Optional.empty();
                }
                double ratio = missing / (double) available[quota];
                if (ratio > worst) {
                    worst = ratio;
                    neediest = quota;
                }
            }
            int candidates = neediest < 0 ? eligibleCount : available[neediest];
            if (candidates == 0) {
                return Optional.empty();
            }
            int pick = random.nextInt(candidates);
            int position = -1;
            for (int i = 0; i < eligibleCount; i++) {
                if (neediest < 0 || counts(quotasOf[eligible[i]], neediest)) {
                    if (pick-- == 0) {
                        position = i;
                        break;
                    }
                }
            }
            int chosen = eligible[position];
            panel.add(problem.pool().get(chosen));
            eligibleCount = removeWhere(eligible, eligibleCount, quotasOf, available, person -> person == chosen);
            for (int quota : quotasOf[chosen]) {
                seated[quota]++;
            }
            // Whoever would now exceed a maximum can no longer be seated.
            for (int quota = 0; quota < q; quota++) {
                if (!full[quota] && seated[quota] >= quotas.get(quota).max()) {
                    full[quota] = true;
                    int filled = quota;
                    eligibleCount = removeWhere(eligible, eligibleCount, quotasOf, available,
                            person -> counts(quotasOf[person], filled));
                }
            }
        }
        for (int quota = 0; quota < q; quota++) {
            if (seated[quota] < quotas.get(quota).min()) {
                return Optional.empty();
            }
        }
        return Optional.of(panel);
    }

    private static boolean counts(int[] quotasOfPerson, int quota) {
        for (int of : quotasOfPerson) {
            if (of == quota) {
                return true;
            }
        }
        return false;
    }

    /** Removes matching people from the eligible prefix, keeping order and the quota counts; returns the new count. */
    private static int removeWhere(int[] eligible, int count, int[][] quotasOf, int[] available,
                                   java.util.function.IntPredicate remove) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            int person = eligible[i];
            if (remove.test(person)) {
                for (int quota : quotasOf[person]) {
                    available[quota]--;
                }
            } else {
                eligible[kept++] = person;
            }
        }
        return kept;
    }
}
