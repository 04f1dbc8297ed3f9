package org.gongnon.algorithms.sortition.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.commons.statistics.distribution.BetaDistribution;
import org.gongnon.algorithms.sortition.FeatureTypes;
import org.gongnon.algorithms.sortition.LegacyGreedy;
import org.gongnon.algorithms.sortition.Leximin;
import org.gongnon.algorithms.sortition.Lottery;
import org.gongnon.algorithms.sortition.Person;
import org.gongnon.algorithms.sortition.SelectionProblem;
import org.gongnon.algorithms.sortition.SortitionFiles;

/**
 * Runs LEGACY, maximin and LEXIMIN on the two public examples and the generated pools and prints a
 * Markdown table: wall-clock time in this process and the minimum selection probability. Not a test:
 * run it with {@code bench/sortition.sh} (see docs/benchmarks.md).
 *
 * <p>Options: {@code --instances=name,...} (default: all), {@code --algorithms=legacy,maximin,leximin},
 * {@code --export=DIR} (write the instances as DIR/name/features.csv and people.csv for the command, then stop),
 * {@code --legacy-draws=N} (default 10,000, as in the paper), {@code --legacy-seconds=S} (default 60:
 * LEGACY stops drawing after this long, and the table says how many draws it made).
 *
 * <p>LEGACY gives no probabilities, so its minimum is estimated as in the paper: the smallest selection
 * frequency over N seeded draws, with a 99 % Jeffreys upper bound for that person. Its time is one draw.
 */
public final class SortitionBenchmark {

    private static final List<String> EXAMPLES = List.of("example_small_20", "example_large_200");

    private SortitionBenchmark() {
    }

    record Row(String instance, int pool, int panel, int types, String algorithm, String time, String minimum) {
    }

    public static void main(String[] args) throws java.io.IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        List<String> algorithms = List.of(options.getOrDefault("algorithms", "legacy,maximin,leximin").split(","));
        int legacyDraws = Integer.parseInt(options.getOrDefault("legacy-draws", "10000"));
        double legacySeconds = Double.parseDouble(options.getOrDefault("legacy-seconds", "60"));
        List<String> wanted = options.containsKey("instances") ? List.of(options.get("instances").split(",")) : null;

        if (options.containsKey("export")) {
            // Writes the instances as the command's files (features.csv, people.csv), to time the command itself.
            for (Map.Entry<String, Supplier<SelectionProblem>> instance : instances().entrySet()) {
                if (wanted == null || wanted.contains(instance.getKey())) {
                    export(instance.getValue().get(), java.nio.file.Path.of(options.get("export"), instance.getKey()));
                }
            }
            return;
        }
        long start = System.nanoTime();
        org.gongnon.algorithms.sortition.NativeSolvers.load();
        double nativeLoad = seconds(start);

        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Supplier<SelectionProblem>> instance : instances().entrySet()) {
            if (wanted != null && !wanted.contains(instance.getKey())) {
                continue;
            }
            SelectionProblem problem = instance.getValue().get();
            int types = FeatureTypes.of(problem).types().size();
            for (String algorithm : algorithms) {
                System.err.printf("%s: %s ...%n", instance.getKey(), algorithm);
                String[] result = switch (algorithm) {
                    case "legacy" -> legacy(problem, legacyDraws, legacySeconds);
                    case "maximin" -> exact(() -> Leximin.maximin(problem));
                    case "leximin" -> exact(() -> Leximin.leximin(problem));
                    default -> throw new IllegalArgumentException("unknown algorithm " + algorithm);
                };
                Row row = new Row(instance.getKey(), problem.pool().size(), problem.panelSize(), types, algorithm,
                        result[0], result[1]);
                System.err.println("  " + row);
                rows.add(row);
            }
        }
        print(rows, nativeLoad);
    }

    /** The examples (read from the test resources) and the generated pools, in table order. */
    static Map<String, Supplier<SelectionProblem>> instances() {
        Map<String, Supplier<SelectionProblem>> instances = new java.util.LinkedHashMap<>();
        for (String example : EXAMPLES) {
            instances.put(example, () -> example(example));
        }
        for (GeneratedPools.Instance generated : GeneratedPools.all()) {
            instances.put(generated.name(), generated::problem);
        }
        // Generated only when asked for (the pools are large); their names are fixed here.
        instances.put("national-20000-500", () -> GeneratedPools.national20000().problem());
        instances.put("national-60000-1000", () -> GeneratedPools.national60000().problem());
        return instances;
    }

    static void export(SelectionProblem problem, java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Files.createDirectories(dir);
        StringBuilder features = new StringBuilder("feature,value,min,max\n");
        problem.quotas().forEach(q -> features.append(q.feature()).append(',').append(q.value()).append(',')
                .append(q.min()).append(',').append(q.max()).append('\n'));
        java.nio.file.Files.writeString(dir.resolve("features.csv"), features);
        List<String> names = problem.features();
        StringBuilder people = new StringBuilder("id," + String.join(",", names) + "\n");
        for (org.gongnon.algorithms.sortition.Person p : problem.pool()) {
            people.append(p.id());
            names.forEach(f -> people.append(',').append(p.value(f)));
            people.append('\n');
        }
        java.nio.file.Files.writeString(dir.resolve("people.csv"), people);
        System.err.println(dir + ": " + problem.pool().size() + " people, panel " + problem.panelSize());
    }

    /** A public example; its panel size is the number after the last underscore of its name. */
    static SelectionProblem example(String name) {
        String base = "/sortition-examples/" + name + "/";
        try (InputStream categories = SortitionBenchmark.class.getResourceAsStream(base + "categories.csv");
             InputStream respondents = SortitionBenchmark.class.getResourceAsStream(base + "respondents.csv")) {
            if (categories == null || respondents == null) {
                throw new IllegalArgumentException("no example " + name + " on the classpath");
            }
            int panelSize = Integer.parseInt(name.substring(name.lastIndexOf('_') + 1));
            return new SelectionProblem(
                    SortitionFiles.readPeople(new InputStreamReader(respondents, StandardCharsets.UTF_8)),
                    SortitionFiles.readQuotas(new InputStreamReader(categories, StandardCharsets.UTF_8)), panelSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String[] exact(Supplier<Lottery> algorithm) {
        long start = System.nanoTime();
        Lottery lottery = algorithm.get();
        double time = seconds(start);
        return new String[] {String.format(Locale.ROOT, "%.2f s", time),
                String.format(Locale.ROOT, "%.4f %% (%d panels)", 100 * lottery.minimumProbability(),
                        lottery.panels().size())};
    }

    private static String[] legacy(SelectionProblem problem, int maxDraws, double maxSeconds) {
        Map<String, Integer> counts = new HashMap<>();
        long start = System.nanoTime();
        int failures = 0;
        int draws = 0;
        for (long seed = 0; seed < maxDraws && (seed == 0 || seconds(start) < maxSeconds); seed++) {
            draws++;
            List<Person> panel = LegacyGreedy.draw(problem, seed).orElse(null);
            if (panel == null) {
                failures++;
                continue;
            }
            panel.forEach(p -> counts.merge(p.id(), 1, Integer::sum));
        }
        double perDraw = seconds(start) / draws;
        int fewest = problem.pool().stream().mapToInt(p -> counts.getOrDefault(p.id(), 0)).min().orElseThrow();
        // Jeffreys interval, as in the paper: Beta(x + 1/2, n - x + 1/2).
        double upper = BetaDistribution.of(fewest + 0.5, draws - fewest + 0.5).inverseCumulativeProbability(0.99);
        String minimum = String.format(Locale.ROOT, "≈ %.2f %% (≤ %.2f %%, %,d draws)", 100.0 * fewest / draws,
                100 * upper, draws);
        if (failures > 0) {
            minimum += ", " + failures + " draws failed";
        }
        return new String[] {String.format(Locale.ROOT, "%.2f ms per draw", perDraw * 1000), minimum};
    }

    private static void print(List<Row> rows, double nativeLoad) {
        System.out.println("| instance | pool | panel | types | algorithm | time (in process) | minimum probability |");
        System.out.println("|---|---:|---:|---:|---|---:|---|");
        for (Row r : rows) {
            System.out.printf(Locale.ROOT, "| %s | %,d | %d | %,d | %s | %s | %s |%n", r.instance(), r.pool(), r.panel(),
                    r.types(), r.algorithm(), r.time(), r.minimum());
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "Java %s (%s), %d processors, %s %s; OR-Tools natives loaded in %.2f s "
                        + "(before the timings). LEGACY: time per draw; minimum selection frequency over the draws "
                        + "(99 %% Jeffreys upper bound).%n",
                System.getProperty("java.version"), System.getProperty("java.vm.name"),
                Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"), System.getProperty("os.arch"),
                nativeLoad);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
