package org.gongnon.algorithms.sortition.benchmark;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.gongnon.algorithms.sortition.FeatureTypes;
import org.gongnon.algorithms.sortition.SelectionProblem;
import org.gongnon.algorithms.sortition.SortitionExamples;
import org.gongnon.algorithms.sortition.SortitionResult;
import org.gongnon.algorithms.sortition.SortitionRun;

/**
 * One benchmark measurement: runs one algorithm on one instance, as {@code java -jar gongnon.jar sortition}
 * would ({@link SortitionRun#run}: feasibility check, lottery, draw, reserves), and prints one line
 * {@code instance,algorithm,pool,panel,types,seconds,min_probability}. {@code bench/sortition.sh} runs every
 * pair in a fresh JVM (so a case that runs too long can be stopped) and adds the time including JVM start.
 */
public final class SortitionBenchmark {

    static final Map<String, Supplier<SelectionProblem>> INSTANCES = new LinkedHashMap<>();

    static {
        INSTANCES.put("example_small_20", () -> SortitionExamples.load("example_small_20"));
        INSTANCES.put("example_large_200", () -> SortitionExamples.load("example_large_200"));
        for (GeneratedPools.Instance instance : GeneratedPools.all()) {
            INSTANCES.put(instance.name(), instance::problem);
        }
    }

    private SortitionBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length != 2 || !INSTANCES.containsKey(args[0])) {
            System.err.println("usage: SortitionBenchmark INSTANCE leximin|maximin|legacy; instances: " + INSTANCES.keySet());
            System.exit(2);
        }
        SelectionProblem problem = INSTANCES.get(args[0]).get();
        SortitionRun.Algorithm algorithm = SortitionRun.Algorithm.parse(args[1]);
        int types = FeatureTypes.of(problem).types().size();
        long start = System.nanoTime();
        SortitionResult result = SortitionRun.run(problem, algorithm, 1L, 0);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.println(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.2f,%.4f", args[0], algorithm.label(),
                problem.pool().size(), problem.panelSize(), types, seconds, result.minimumProbability()));
    }
}
