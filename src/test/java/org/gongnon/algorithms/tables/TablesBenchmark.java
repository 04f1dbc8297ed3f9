package org.gongnon.algorithms.tables;

import java.util.List;

/**
 * Prints how long table assignment takes (not a test: run its main method). Each case is run a few times
 * after a warm-up; the figures are wall-clock milliseconds on the current machine.
 */
public final class TablesBenchmark {

    private TablesBenchmark() {
    }

    public static void main(String[] args) {
        run(300, 10, 3);
        run(300, 8, 3);
        run(1000, 10, 3);
    }

    private static void run(int n, int size, int rounds) {
        List<Participant> people = Panels.panel(n, 7);
        TableAssigner.assign(TableRequest.of(people, TableSizing.targetSize(size), 1)); // warm-up
        long assignNanos = 0;
        long rebalanceNanos = 0;
        EarlierMeetings earlier = EarlierMeetings.NONE;
        TablePlan plan = null;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            plan = TableAssigner.assign(TableRequest.of(people, TableSizing.targetSize(size), 100 + r)
                    .withEarlierMeetings(earlier));
            assignNanos += System.nanoTime() - t0;
            System.out.printf("  %d people / size %d, round %d: %d tables, %.1f ms, diversity %.2f, repeat pairs %d%n",
                    n, size, r + 1, plan.assignment().tableCount(), (System.nanoTime() - t0) / 1e6,
                    plan.score().diversityPenalty(), plan.score().repeatPairs());
            earlier = earlier.plus(EarlierMeetings.fromAssignments(List.of(plan.assignment())));
        }
        java.util.Set<Long> absent = new java.util.HashSet<>();
        for (int i = 0; i < n / 10; i++) {
            absent.add(people.get(i * 10 + 3).id());
        }
        long t0 = System.nanoTime();
        RebalancePlan rebalanced = TableAssigner.rebalance(RebalanceRequest.of(people, plan.assignment(), absent, 5)
                .withEarlierMeetings(earlier));
        rebalanceNanos += System.nanoTime() - t0;
        System.out.printf("%d people, target size %d: assign %.1f ms per round (mean of %d), rebalance after %d no-shows "
                + "%.1f ms (%d moves)%n", n, size, assignNanos / 1e6 / rounds, rounds, absent.size(),
                rebalanceNanos / 1e6, rebalanced.moves().size());
    }
}
