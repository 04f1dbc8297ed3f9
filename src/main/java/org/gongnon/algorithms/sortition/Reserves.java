package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The ordered reserve list drawn after the panel, for replacing people who decline or drop out.
 *
 * <p>Each stratum (a {@link FeatureTypes.Type}: the same value for every quota feature) has its own queue:
 * its members not on the panel, in the order the strata list them, shuffled by Fisher–Yates with the
 * generator that drew the panel (for i from the last index down to 1, swap i with {@code nextInt(i + 1)}).
 * Strata are shuffled one after the other in {@link FeatureTypes#types()} order.
 *
 * <p>The queues are then interleaved by the Sainte-Laguë rule on the panel's seats: each next reserve
 * comes from the stratum with the largest {@code seats / (2 · reservesSoFar + 1)} among those with
 * someone left, ties to the stratum listed first. Reserves thus follow the panel's make-up, as dropouts
 * do, so a same-stratum replacement is usually at hand; strata with no seat come last.
 */
public final class Reserves {

    private Reserves() {
    }

    /**
     * @param count how many reserves are wanted; fewer come back when the pool runs out
     */
    public static List<Person> order(FeatureTypes types, Collection<String> panelIds, RandomGenerator random,
                                     int count) {
        if (count < 0) {
            throw new IllegalArgumentException("the number of reserves must not be negative");
        }
        Set<String> onPanel = new HashSet<>(panelIds);
        List<FeatureTypes.Type> strata = types.types();
        List<List<Person>> queues = new ArrayList<>();
        long[] seats = new long[strata.size()];
        for (FeatureTypes.Type t : strata) {
            List<Person> queue = new ArrayList<>();
            for (Person p : t.members()) {
                if (onPanel.contains(p.id())) {
                    seats[t.index()]++;
                } else {
                    queue.add(p);
                }
            }
            shuffle(queue, random);
            queues.add(queue);
        }
        int[] taken = new int[strata.size()];
        List<Person> reserves = new ArrayList<>();
        while (reserves.size() < count) {
            int next = -1;
            for (int t = 0; t < strata.size(); t++) {
                if (taken[t] < queues.get(t).size() && (next < 0 || ahead(seats[t], taken[t], seats[next], taken[next]))) {
                    next = t;
                }
            }
            if (next < 0) {
                break;
            }
            reserves.add(queues.get(next).get(taken[next]++));
        }
        return reserves;
    }

    /** Sainte-Laguë: a / (2x + 1) > b / (2y + 1), in whole numbers. Strictly, so ties stay with the earlier stratum. */
    private static boolean ahead(long a, int x, long b, int y) {
        return a * (2L * y + 1) > b * (2L * x + 1);
    }

    static <T> void shuffle(List<T> list, RandomGenerator random) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            T swap = list.get(i);
            list.set(i, list.get(j));
            list.set(j, swap);
        }
    }
}
