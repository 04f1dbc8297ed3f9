package org.gongnon.algorithms.tables;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Prints how long table assignment and rebalancing take (not a test: run its main method, e.g. from the IDE
 * or {@code java -cp target/classes:target/test-classes org.gongnon.algorithms.tables.TablesBenchmark}).
 * Three rounds per case after a warm-up, each round passing the earlier ones as meetings to avoid; then a
 * rebalance after 10% no-shows. Wall-clock and CPU milliseconds (CPU time is steadier on a shared machine).
 */
public final class TablesBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private TablesBenchmark() {
    }

    public static void main(String[] args) {
        run(300, 10);
        run(300, 8);
        run(1000, 10);
    }

    private static void run(int n, int size) {
        List<Participant> people = Panels.panel(n, 7);
        for (int w = 0; w < 3; w++) {
            TableAssigner.assign(TableRequest.of(people, TableSizing.targetSize(size), w)); // warm-up
        }
        EarlierMeetings earlier = EarlierMeetings.NONE;
        TablePlan plan = null;
        for (int round = 1; round <= 3; round++) {
            TableRequest request = TableRequest.of(people, TableSizing.targetSize(size), 100 + round)
                    .withEarlierMeetings(earlier);
            long wall = System.nanoTime();
            long cpu = THREADS.getCurrentThreadCpuTime();
            plan = TableAssigner.assign(request);
            System.out.printf("%4d people, size %2d, round %d: %3d tables, %6.1f ms wall, %6.1f ms CPU;"
                    + " squared deviation %.2f, outside band %.0f, repeat pairs %d%n", n, size, round,
                    plan.assignment().tableCount(), (System.nanoTime() - wall) / 1e6,
                    (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6, plan.score().diversityPenalty(),
                    plan.score().outsideBand(), plan.score().repeatPairs());
            earlier = earlier.plus(EarlierMeetings.fromAssignments(List.of(plan.assignment())));
        }
        Set<Long> absent = new HashSet<>();
        for (int i = 3; i < n; i += 10) {
            absent.add(people.get(i).id());
        }
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        RebalancePlan rebalanced = TableAssigner.rebalance(RebalanceRequest.of(people, plan.assignment(), absent, 5)
                .withEarlierMeetings(earlier));
        System.out.printf("%4d people, size %2d, rebalance after %d no-shows: %6.1f ms wall, %6.1f ms CPU; %d moves%n",
                n, size, absent.size(), (System.nanoTime() - wall) / 1e6,
                (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6, rebalanced.moves().size());
    }
}
