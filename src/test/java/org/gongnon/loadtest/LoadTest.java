package org.gongnon.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.gongnon.survey.Questionnaire;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hall load test (issue 7): {@code N} citizens (300 by default) on phones fill in the survey of
 * {@link LoadTestFixture} at once against the packaged application, through Vaadin's own protocol, with think
 * time between answers. All of them reach the submit button, wait for the facilitator's "please submit now"
 * (when the heap is measured after a full GC, with every session active), and submit within a few seconds.
 * Afterwards the database is compared with what each form confirmed: nothing lost, nothing twice.
 *
 * <p>Run by {@code bench/load.sh}, which starts the application; see docs/benchmarks.md. Options:
 * {@code --base=URL --fixture=FILE --think-min-ms=1000 --think-max-ms=3000 --ramp-seconds=30
 * --submit-spread-seconds=5 --warmup-citizens=30 --seed=1 --out=FILE}. Before measuring, {@code --warmup-citizens}
 * fill in a separate wave, so that the server's code is compiled as on a server that has been running.
 */
public final class LoadTest {

    private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

    private final Map<String, List<Long>> timings = new ConcurrentHashMap<>();
    private final Map<String, Integer> errorCounts = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            options.put(kv[0], kv.length > 1 ? kv[1] : "true");
        }
        System.exit(new LoadTest().run(options));
    }

    @SuppressWarnings("unchecked")
    int run(Map<String, String> options) throws Exception {
        URI base = URI.create(options.getOrDefault("base", "http://localhost:8080/"));
        Map<String, Object> fixture = JsonMapper.builder().build()
                .readValue(Files.readString(Path.of(options.getOrDefault("fixture", "target/load/fixture.json"))),
                        Map.class);
        long thinkMin = Long.parseLong(options.getOrDefault("think-min-ms", "1000"));
        long thinkMax = Long.parseLong(options.getOrDefault("think-max-ms", "3000"));
        long rampMs = Long.parseLong(options.getOrDefault("ramp-seconds", "30")) * 1000;
        long spreadMs = Long.parseLong(options.getOrDefault("submit-spread-seconds", "5")) * 1000;
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        long waveId = ((Number) fixture.get("waveId")).longValue();
        long pid = ((Number) fixture.get("pid")).longValue();
        List<Map<String, Object>> citizens = (List<Map<String, Object>>) fixture.get("citizens");
        int n = citizens.size();
        Questionnaire questionnaire = LoadTestQuestionnaire.build();

        HttpClient http = VaadinClient.sharedHttpClient();
        int warmup = Math.min(n, Integer.parseInt(options.getOrDefault("warmup-citizens", "30")));
        warmUp(http, base, ((Number) fixture.get("warmupWaveId")).longValue(), citizens.subList(0, warmup),
                questionnaire);
        long heapBefore = heapAfterFullGc(pid);
        log("%d citizens, think %d–%d ms, ramp %d s; heap after full GC before: %d MB", n, thinkMin, thinkMax,
                rampMs / 1000, heapBefore / 1024);
        CountDownLatch atSubmit = new CountDownLatch(n);
        CountDownLatch submitNow = new CountDownLatch(1);
        List<CitizenRobot> robots = Collections.synchronizedList(new ArrayList<>());
        Map<CitizenRobot, Long> memberOf = new ConcurrentHashMap<>();
        Instant started = Instant.now();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                Map<String, Object> citizen = citizens.get(i);
                Random random = new Random(seed * 1_000_003 + i);
                long delay = rampMs * i / n;
                pool.submit(() -> {
                    CitizenRobot robot = new CitizenRobot(new VaadinClient(http, base), (String) citizen.get("link"),
                            waveId, questionnaire, random, recorder());
                    robots.add(robot);
                    memberOf.put(robot, ((Number) citizen.get("panelMemberId")).longValue());
                    boolean arrived = false;
                    try {
                        sleep(delay);
                        robot.signIn();
                        sleep(think(random, thinkMin, thinkMax));
                        robot.openSurvey();
                        robot.answerToTheEnd(() -> think(random, thinkMin, thinkMax));
                        atSubmit.countDown();
                        arrived = true;
                        submitNow.await();
                        sleep(random.nextLong(spreadMs + 1));
                        robot.submit();
                    } catch (InterruptedException | RuntimeException e) {
                        error("robot", e.toString());
                    } finally {
                        if (!arrived) {
                            atSubmit.countDown();
                        }
                    }
                    return null;
                });
            }
            if (!atSubmit.await(60, TimeUnit.MINUTES)) {
                log("not everyone reached the submit button within an hour");
            }
            Duration filling = Duration.between(started, Instant.now());
            long heapActive = heapAfterFullGc(pid);
            log("all at the submit button after %d s; heap after full GC with %d active sessions: %d MB",
                    filling.toSeconds(), n, heapActive / 1024);
            submitNow.countDown();
            pool.shutdown();
            pool.awaitTermination(30, TimeUnit.MINUTES);
            Duration total = Duration.between(started, Instant.now());

            Verification check = verify(fixture, waveId, robots, memberOf);
            String report = report(n, warmup, thinkMin, thinkMax, total, heapBefore, heapActive, check);
            System.out.println(report);
            if (options.containsKey("out")) {
                Files.writeString(Path.of(options.get("out")), report);
            }
            boolean met = errorCounts.isEmpty() && check.lost == 0 && check.duplicates == 0
                    && check.submitted == n && percentile(timings.getOrDefault("save (all)", List.of()), 95)
                    <= 300_000_000L;
            log(met ? "targets met" : "TARGETS MISSED");
            return met ? 0 : 1;
        }
    }

    /**
     * A server that has been running for a while has its code compiled: before measuring, some citizens fill in
     * a separate wave, four at a time, without think time. Their failures count as errors too.
     */
    private void warmUp(HttpClient http, URI base, long waveId, List<Map<String, Object>> citizens,
                        Questionnaire questionnaire) throws InterruptedException {
        long start = System.nanoTime();
        CitizenRobot.Recorder quiet = new CitizenRobot.Recorder() {
            @Override
            public void time(String step, long nanos) {
                // Not measured.
            }

            @Override
            public void error(String step, String message) {
                LoadTest.this.error("warm-up " + step, message);
            }
        };
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            for (int i = 0; i < citizens.size(); i++) {
                Map<String, Object> citizen = citizens.get(i);
                Random random = new Random(i);
                pool.submit(() -> {
                    try {
                        CitizenRobot robot = new CitizenRobot(new VaadinClient(http, base), (String) citizen.get("link"),
                                waveId, questionnaire, random, quiet);
                        robot.signIn();
                        robot.openSurvey();
                        robot.answerToTheEnd(() -> 0);
                        robot.submit();
                    } catch (InterruptedException | RuntimeException e) {
                        error("warm-up", e.toString());
                    }
                });
            }
        }
        log("warm-up: %d citizens filled in the warm-up wave in %d s", citizens.size(),
                (System.nanoTime() - start) / 1_000_000_000L);
    }

    private CitizenRobot.Recorder recorder() {
        return new CitizenRobot.Recorder() {
            @Override
            public void time(String step, long nanos) {
                timings.computeIfAbsent(step, k -> Collections.synchronizedList(new ArrayList<>())).add(nanos);
            }

            @Override
            public void error(String step, String message) {
                LoadTest.this.error(step, message);
            }
        };
    }

    private void error(String step, String message) {
        errorCounts.merge(step, 1, Integer::sum);
        if (errorSamples.size() < 20) {
            errorSamples.add(step + ": " + message);
        }
    }

    /** What the database holds for the wave, compared with what the forms confirmed. */
    record Verification(int participations, int submitted, int answers, int lost, int duplicates) {
    }

    private Verification verify(Map<String, Object> fixture, long waveId, List<CitizenRobot> robots,
                                Map<CitizenRobot, Long> memberOf) throws SQLException {
        Map<Long, Integer> participations = new HashMap<>();
        Map<Long, Boolean> submitted = new HashMap<>();
        Map<Long, Map<String, List<String>>> answers = new HashMap<>();
        int answerRows = 0;
        try (Connection db = DriverManager.getConnection((String) fixture.get("jdbcUrl"),
                (String) fixture.get("jdbcUser"), (String) fixture.get("jdbcPassword"))) {
            try (PreparedStatement st = db.prepareStatement("SELECT sp.panel_member_id, p.submitted_at "
                    + "FROM survey_participation p JOIN survey_participant sp ON sp.id = p.participant_id "
                    + "WHERE p.wave_id = ?")) {
                st.setLong(1, waveId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        participations.merge(rs.getLong(1), 1, Integer::sum);
                        submitted.put(rs.getLong(1), rs.getTimestamp(2) != null);
                    }
                }
            }
            try (PreparedStatement st = db.prepareStatement("SELECT sp.panel_member_id, a.question_code, "
                    + "a.answer_value FROM survey_answer a JOIN survey_participation p ON p.id = a.participation_id "
                    + "JOIN survey_participant sp ON sp.id = p.participant_id WHERE p.wave_id = ?")) {
                st.setLong(1, waveId);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        answerRows++;
                        answers.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
                                .computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(3));
                    }
                }
            }
        }
        int lost = 0;
        int duplicates = 0;
        int submittedCount = 0;
        for (CitizenRobot robot : robots) {
            long member = memberOf.get(robot);
            duplicates += Math.max(0, participations.getOrDefault(member, 0) - 1);
            Map<String, List<String>> stored = answers.getOrDefault(member, Map.of());
            for (Map.Entry<String, String> e : robot.saved().entrySet()) {
                List<String> values = stored.getOrDefault(e.getKey(), List.of());
                if (!values.contains(e.getValue())) {
                    lost++;
                    error("verify", "member " + member + " " + e.getKey() + ": expected '" + e.getValue()
                            + "', stored " + values);
                }
            }
            for (List<String> values : stored.values()) {
                duplicates += Math.max(0, values.size() - 1);
            }
            if (robot.submitted()) {
                if (Boolean.TRUE.equals(submitted.get(member))) {
                    submittedCount++;
                } else {
                    lost++;
                    error("verify", "member " + member + ": the form thanked, the database has no submit");
                }
            }
        }
        int total = participations.values().stream().mapToInt(Integer::intValue).sum();
        return new Verification(total, submittedCount, answerRows, lost, duplicates);
    }

    private String report(int n, int warmup, long thinkMin, long thinkMax, Duration total, long heapBefore, long heapActive,
                          Verification check) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%d citizens, %d questions each, think time %d–%d ms, %d s in all, after a warm-up of "
                        + "%d citizens; %s, %d cores%n%n", n,
                LoadTestQuestionnaire.SECTIONS * LoadTestQuestionnaire.PER_SECTION, thinkMin, thinkMax,
                total.toSeconds(), warmup, Runtime.version(), Runtime.getRuntime().availableProcessors()));
        out.append("| step | count | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
        List<String> order = List.of("sign in", "open survey", "consent", "save (choice)", "save (typed)",
                "save (all)", "next page", "submit button", "submit (confirm)");
        Map<String, List<Long>> sorted = new TreeMap<>(timings);
        List<String> steps = new ArrayList<>(order.stream().filter(sorted::containsKey).toList());
        sorted.keySet().stream().filter(k -> !order.contains(k)).forEach(steps::add);
        for (String step : steps) {
            List<Long> values = new ArrayList<>(sorted.get(step));
            Collections.sort(values);
            out.append(String.format("| %s | %,d | %s | %s | %s | %s |%n", step, values.size(), ms(percentile(values, 50)),
                    ms(percentile(values, 95)), ms(percentile(values, 99)), ms(values.getLast())));
        }
        int errors = errorCounts.values().stream().mapToInt(Integer::intValue).sum();
        out.append(String.format("%n| outcome | value |%n|---|---:|%n"));
        out.append(String.format("| errors | %d %s |%n", errors, errors == 0 ? "" : new LinkedHashMap<>(errorCounts)));
        out.append(String.format("| responses started / submitted (database) | %d / %d |%n", check.participations,
                check.submitted));
        out.append(String.format("| answers stored | %,d |%n", check.answers));
        out.append(String.format("| lost answers or submits | %d |%n", check.lost));
        out.append(String.format("| duplicate responses or answers | %d |%n", check.duplicates));
        out.append(String.format("| heap after full GC, no citizens | %,d MB |%n", heapBefore / 1024));
        out.append(String.format("| heap after full GC, %d active sessions | %,d MB |%n", n, heapActive / 1024));
        out.append(String.format("| heap per active session | %,d KB |%n", (heapActive - heapBefore) / Math.max(1, n)));
        if (!errorSamples.isEmpty()) {
            out.append("\nFirst errors:\n");
            errorSamples.forEach(e -> out.append("- ").append(e).append('\n'));
        }
        return out.toString();
    }

    private static String ms(long nanos) {
        return String.format("%,.0f", nanos / 1_000_000.0);
    }

    /** Nearest-rank percentile of a list (sorted here if it is not). */
    static long percentile(List<Long> values, int p) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    /** Used heap of the application (KB) after a full GC, asked of its JVM with jcmd. */
    static long heapAfterFullGc(long pid) throws IOException, InterruptedException {
        Path jcmd = Path.of(ProcessHandle.current().info().command().orElseThrow()).resolveSibling("jcmd");
        run(jcmd.toString(), String.valueOf(pid), "GC.run");
        String info = run(jcmd.toString(), String.valueOf(pid), "GC.heap_info");
        Matcher m = HEAP_USED.matcher(info);
        if (!m.find()) {
            throw new IllegalStateException("no heap figure in: " + info);
        }
        return Long.parseLong(m.group(1));
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    private static long think(Random random, long min, long max) {
        return min + (max > min ? random.nextLong(max - min + 1) : 0);
    }

    private static void sleep(long ms) throws InterruptedException {
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    private static void log(String format, Object... args) {
        System.err.printf("[load] " + format + "%n", args);
    }
}
