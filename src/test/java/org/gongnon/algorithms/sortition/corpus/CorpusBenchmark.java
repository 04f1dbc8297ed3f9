package org.gongnon.algorithms.sortition.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.gongnon.algorithms.sortition.FeatureTypes;
import org.gongnon.algorithms.sortition.Leximin;
import org.gongnon.algorithms.sortition.Lottery;
import org.gongnon.algorithms.sortition.LotteryAudit;
import org.gongnon.algorithms.sortition.RelaxationBound;

/**
 * Runs LEXIMIN on the pools of {@link PoolCorpus}, audits every lottery ({@link LotteryAudit}) and prints a Markdown
 * table: pools, failures (exceptions, checker problems, timeouts, minimums below what whole panels can reach),
 * median and worst time, worst gap to the independent relaxation bound, per style; then the failing, the slow and
 * the below-the-bound pools by name. Progress goes to stderr. Not a test: run it with {@code bench/corpus.sh} (see
 * docs/benchmarks.md).
 *
 * <p>Options: {@code --from=N --to=M} (pools N to M-1; default the whole corpus), {@code --step=S} (every S-th pool of
 * the range), {@code --pools=3,17,...} (instead of a range), {@code --time-limit=60} (seconds per pool; the engine
 * has no time limit of its own, so it runs in a worker thread that is abandoned after this long and counted as a
 * timeout), {@code --certificate-seconds=30} (time to decide a gap below the bound), {@code --slow=10} (pools slower
 * than this are listed), {@code --results=FILE} (one tab-separated line per pool, appended as it goes; pools already
 * in it are skipped, so a run can be resumed), {@code --exit-on-timeout} (after recording a timeout, exit with code
 * 3 so that the abandoned computation does not slow the next pools down; {@code bench/corpus.sh} then starts a fresh
 * JVM that resumes), {@code --report-only} (print the table from the results file).
 *
 * <p>Only the engine's call is timed; generating the pool and auditing the lottery are not.
 */
public final class CorpusBenchmark {

    /** Exit code after a timeout with {@code --exit-on-timeout}. */
    static final int EXIT_AFTER_TIMEOUT = 3;
    private static final String HEADER = "index\tname\tstyle\trule\tpool\tpanel\tfeatures\ttypes\twidened\tstatus\tseconds"
            + "\tminimum\tbound\tgap\toptimum\tdetail";

    private CorpusBenchmark() {
    }

    /** One pool's outcome, as a line of the results file. */
    record Row(int index, String name, String style, String rule, int pool, int panel, int features, int types,
               int widened, String status, double seconds, double minimum, double bound, double optimum,
               String detail) {

        double gap() {
            return bound - minimum;
        }

        boolean finished() {
            return !status.equals("timeout") && !status.equals("exception");
        }

        boolean failed() {
            return !status.equals(LotteryAudit.Verdict.REACHES_BOUND.name())
                    && !status.equals(LotteryAudit.Verdict.BOUND_UNREACHABLE.name());
        }

        String line() {
            return String.join("\t", String.valueOf(index), name, style, rule, String.valueOf(pool),
                    String.valueOf(panel), String.valueOf(features), String.valueOf(types), String.valueOf(widened),
                    status, number(seconds), number(minimum), number(bound), number(gap()), number(optimum),
                    detail.replaceAll("[\t\r\n]+", " "));
        }

        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            return new Row(Integer.parseInt(f[0]), f[1], f[2], f[3], Integer.parseInt(f[4]), Integer.parseInt(f[5]),
                    Integer.parseInt(f[6]), Integer.parseInt(f[7]), Integer.parseInt(f[8]), f[9],
                    Double.parseDouble(f[10]), Double.parseDouble(f[11]), Double.parseDouble(f[12]),
                    Double.parseDouble(f[14]), f[15]);
        }

        private static String number(double x) {
            return Double.isNaN(x) ? "NaN" : String.format(Locale.ROOT, "%.12g", x);
        }
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        List<Integer> indices = selection(options);
        double timeLimit = Double.parseDouble(options.getOrDefault("time-limit", "60"));
        double certificateSeconds = Double.parseDouble(options.getOrDefault("certificate-seconds", "30"));
        double slow = Double.parseDouble(options.getOrDefault("slow", "10"));
        boolean exitOnTimeout = options.containsKey("exit-on-timeout");
        Path results = options.containsKey("results") ? Path.of(options.get("results")) : null;

        Map<Integer, Row> rows = new LinkedHashMap<>();
        if (results != null && Files.exists(results)) {
            for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.startsWith("index\t")) {
                    Row row = Row.parse(line);
                    rows.put(row.index(), row);
                }
            }
        } else if (results != null) {
            Files.createDirectories(results.toAbsolutePath().getParent());
            Files.writeString(results, HEADER + "\n", StandardCharsets.UTF_8);
        }

        long start = System.nanoTime();
        org.gongnon.algorithms.sortition.NativeSolvers.load();
        double nativeLoad = (System.nanoTime() - start) / 1e9;
        if (!options.containsKey("report-only")) {
            int done = 0;
            for (int index : indices) {
                done++;
                if (rows.containsKey(index)) {
                    continue;
                }
                Row row = run(index, timeLimit, certificateSeconds);
                rows.put(index, row);
                System.err.printf(Locale.ROOT, "[%d/%d] %s: %s in %.2f s%s%n", done, indices.size(), row.name(),
                        row.status(), row.seconds(), row.detail().isEmpty() ? "" : " (" + row.detail() + ")");
                if (results != null) {
                    Files.writeString(results, row.line() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
                }
                if (row.status().equals("timeout")) {
                    if (exitOnTimeout) {
                        System.err.println("exiting after a timeout; a fresh JVM resumes from the results file");
                        System.exit(EXIT_AFTER_TIMEOUT);
                    }
                    System.err.println("  (the abandoned computation keeps running and may slow the next pools)");
                }
            }
        }
        List<Row> selected = indices.stream().filter(rows::containsKey).map(rows::get).toList();
        print(selected, indices.size(), timeLimit, slow, nativeLoad);
        System.exit(0);
    }

    private static List<Integer> selection(Map<String, String> options) {
        List<Integer> indices = new ArrayList<>();
        if (options.containsKey("pools")) {
            for (String p : options.get("pools").split(",")) {
                indices.add(Integer.parseInt(p.trim().replaceFirst("^p", "").replaceFirst("-.*", "")));
            }
            return indices;
        }
        int from = Integer.parseInt(options.getOrDefault("from", "0"));
        int to = Math.min(PoolCorpus.SIZE, Integer.parseInt(options.getOrDefault("to", String.valueOf(PoolCorpus.SIZE))));
        int step = Integer.parseInt(options.getOrDefault("step", "1"));
        for (int i = from; i < to; i += step) {
            indices.add(i);
        }
        return indices;
    }

    /** Generates pool {@code index}, runs LEXIMIN in a worker thread with the time limit, and audits the result. */
    static Row run(int index, double timeLimit, double certificateSeconds) {
        PoolCorpus.Pool pool = PoolCorpus.pool(index);
        PoolCorpus.Spec spec = pool.spec();
        int types = FeatureTypes.of(pool.problem()).types().size();
        System.err.printf(Locale.ROOT, "%s: %d types, %s ...%n", spec.name(), types, spec.description());
        FutureTask<Lottery> task = new FutureTask<>(() -> Leximin.leximin(pool.problem()));
        Thread worker = new Thread(task, "leximin-" + spec.name());
        worker.setDaemon(true);
        long start = System.nanoTime();
        worker.start();
        Lottery lottery;
        String status;
        String detail = "";
        try {
            lottery = task.get((long) (timeLimit * 1000), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // Where the engine was when abandoned: a hint for whoever makes it faster.
            String where = whereIs(worker);
            worker.interrupt();
            return new Row(index, spec.name(), spec.style().label(), spec.rule(), spec.poolSize(), spec.panelSize(),
                    spec.features().size(), types, pool.widened(), "timeout", timeLimit, Double.NaN, Double.NaN,
                    Double.NaN, "no lottery after " + timeLimit + " s; was in " + where);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            return new Row(index, spec.name(), spec.style().label(), spec.rule(), spec.poolSize(), spec.panelSize(),
                    spec.features().size(), types, pool.widened(), "exception", (System.nanoTime() - start) / 1e9,
                    Double.NaN, Double.NaN, Double.NaN, cause.getClass().getSimpleName() + ": " + cause.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        LotteryAudit.Result audit;
        try {
            audit = LotteryAudit.audit(pool.problem(), lottery, certificateSeconds);
        } catch (RuntimeException e) {
            // The independent solvers failing is not the engine's failure, but the pool is not checked either.
            return new Row(index, spec.name(), spec.style().label(), spec.rule(), spec.poolSize(), spec.panelSize(),
                    spec.features().size(), types, pool.widened(), "unchecked", seconds, lottery.minimumProbability(),
                    Double.NaN, Double.NaN, "audit failed: " + e);
        }
        status = audit.verdict().name();
        if (!audit.problems().isEmpty()) {
            detail = audit.problems().size() + " problem(s), first: " + audit.problems().getFirst();
        } else if (audit.verdict() != LotteryAudit.Verdict.REACHES_BOUND) {
            detail = audit.summary();
        }
        return new Row(index, spec.name(), spec.style().label(), spec.rule(), spec.poolSize(), spec.panelSize(),
                spec.features().size(), types, pool.widened(), status, seconds, audit.minimum(), audit.bound(),
                audit.optimum(), detail);
    }

    /** The innermost frame and the engine's innermost methods, e.g. "MPSolver.solve < PanelSearch.exact < FaceWalk.decompose". */
    private static String whereIs(Thread worker) {
        StackTraceElement[] stack = worker.getStackTrace();
        List<String> frames = new ArrayList<>();
        for (StackTraceElement frame : stack) {
            String cls = frame.getClassName();
            String name = cls.substring(cls.lastIndexOf('.') + 1) + "." + frame.getMethodName();
            boolean engine = cls.startsWith("org.gongnon.algorithms.sortition.");
            if ((frames.isEmpty() || engine) && !frames.contains(name)) {
                frames.add(name);
            }
            if (frames.size() == 5) {
                break;
            }
        }
        return frames.isEmpty() ? "?" : String.join(" < ", frames);
    }

    private static void print(List<Row> rows, int selected, double timeLimit, double slow, double nativeLoad) {
        System.out.println("| style | pools | failures | exceptions | checker problems | timeouts | below optimum or undecided "
                + "| median time | worst time | worst gap, bound reached | bound unreachable: pools, worst gap |");
        System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Map<String, List<Row>> byStyle = new LinkedHashMap<>();
        for (PoolCorpus.Style style : PoolCorpus.Style.values()) {
            byStyle.put(style.label(), new ArrayList<>());
        }
        for (Row row : rows) {
            byStyle.get(row.style()).add(row);
        }
        byStyle.forEach((style, group) -> printRow(style, group, timeLimit));
        printRow("**all**", rows, timeLimit);
        System.out.println();
        System.out.printf(Locale.ROOT, "%d of %d selected pools run; LEXIMIN, time limit %.0f s per pool (a timeout "
                        + "counts as a failure); gaps against the person-level LP bound (%s), tolerance %.0e. Java %s, "
                        + "%d processors, OR-Tools natives loaded in %.2f s.%n", rows.size(), selected, timeLimit,
                RelaxationBound.SOLVER, LotteryAudit.GAP_TOLERANCE, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), nativeLoad);

        List<Row> failing = rows.stream().filter(Row::failed).toList();
        System.out.println();
        System.out.println("Failing pools (" + failing.size() + "):");
        System.out.println();
        for (Row row : failing) {
            System.out.printf(Locale.ROOT, "- `%s` (%,d types; %s; %d quotas widened): %s after %.1f s%s%n",
                    row.name(), row.types(), PoolCorpus.spec(row.index()).description(), row.widened(), row.status(),
                    row.seconds(), row.detail().isEmpty() ? "" : " — " + row.detail());
        }
        List<Row> unreachable = rows.stream()
                .filter(r -> r.status().equals(LotteryAudit.Verdict.BOUND_UNREACHABLE.name()))
                .sorted(Comparator.comparingDouble(Row::gap).reversed()).toList();
        System.out.println();
        System.out.println("Below the relaxation bound, certified optimal over whole panels (" + unreachable.size() + "):");
        System.out.println();
        for (Row row : unreachable) {
            System.out.printf(Locale.ROOT, "- `%s` (%,d types, %s): minimum %.6f, bound %.6f, gap %.2e%n", row.name(),
                    row.types(), row.rule(), row.minimum(), row.bound(), row.gap());
        }
        List<Row> slowRows = rows.stream().filter(r -> r.finished() && r.seconds() > slow)
                .sorted(Comparator.comparingDouble(Row::seconds).reversed()).toList();
        System.out.println();
        System.out.printf(Locale.ROOT, "Slower than %.0f s but within the limit (%d):%n%n", slow, slowRows.size());
        for (Row row : slowRows) {
            System.out.printf(Locale.ROOT, "- `%s` (%,d types, %s): %.1f s%n", row.name(), row.types(), row.rule(),
                    row.seconds());
        }
    }

    private static void printRow(String label, List<Row> rows, double timeLimit) {
        long failures = rows.stream().filter(Row::failed).count();
        long exceptions = rows.stream().filter(r -> r.status().equals("exception")).count();
        long unsound = rows.stream().filter(r -> r.status().equals(LotteryAudit.Verdict.UNSOUND.name())
                || r.status().equals("unchecked")).count();
        long timeouts = rows.stream().filter(r -> r.status().equals("timeout")).count();
        long belowOptimum = rows.stream().filter(r -> r.status().equals(LotteryAudit.Verdict.BELOW_OPTIMUM.name())
                || r.status().equals(LotteryAudit.Verdict.UNDECIDED.name())).count();
        double[] times = rows.stream().filter(Row::finished).mapToDouble(Row::seconds).sorted().toArray();
        String median = times.length == 0 ? "–" : String.format(Locale.ROOT, "%.2f s", median(times));
        String worst = timeouts > 0 ? String.format(Locale.ROOT, "> %.0f s", timeLimit)
                : times.length == 0 ? "–" : String.format(Locale.ROOT, "%.2f s", times[times.length - 1]);
        double reachedGap = rows.stream().filter(r -> r.status().equals(LotteryAudit.Verdict.REACHES_BOUND.name()))
                .mapToDouble(Row::gap).max().orElse(Double.NaN);
        List<Row> unreachable = rows.stream()
                .filter(r -> r.status().equals(LotteryAudit.Verdict.BOUND_UNREACHABLE.name())).toList();
        double unreachableGap = unreachable.stream().mapToDouble(Row::gap).max().orElse(Double.NaN);
        System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d | %s | %s | %s | %s |%n", label, rows.size(),
                failures, exceptions, unsound, timeouts, belowOptimum, median, worst,
                Double.isNaN(reachedGap) ? "–" : String.format(Locale.ROOT, "%.1e", reachedGap),
                unreachable.isEmpty() ? "0" : String.format(Locale.ROOT, "%d, %.1e", unreachable.size(), unreachableGap));
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
