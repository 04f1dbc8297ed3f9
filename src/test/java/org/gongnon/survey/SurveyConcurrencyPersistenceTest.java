package org.gongnon.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.security.SystemAuthority;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Many requests at the same moment on the real database: one citizen's twenty simultaneous submits leave one
 * response; fifty citizens answering and submitting at once all get theirs stored, every answer as given. Also
 * the demo's bulk writer: all or nothing.
 */
@SpringBootTest
class SurveyConcurrencyPersistenceTest {

    private static Long sharedProcessId;

    @Autowired
    TestWaves testWaves;
    @Autowired
    SignIn signIn;
    /** The application's clock: "today" is Seoul's today, whatever the machine's zone. */
    @Autowired
    java.time.Clock clock;
    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    PanelService panel;
    @Autowired
    CitizenAccessService citizens;
    @Autowired
    SurveyService surveys;
    @Autowired
    CitizenSurveyService citizenSurveys;
    @Autowired
    SyntheticResponseService synthetic;
    @Autowired
    JdbcTemplate jdbc;

    long processId;
    PanelRoster roster;

    @BeforeEach
    void processWithPanel() {
        if (sharedProcessId == null) {
            sharedProcessId = seatedPanels.newProcessWithPanel(TestNames.unique("설문 동시성"), 60, 300);
        }
        processId = sharedProcessId;
        roster = signIn.facilitator(() -> seating.roster(processId));
    }

    long openWave() {
        return testWaves.open(processId, Questionnaires.everyKind(), null);
    }

    IssuedAccess access(int nth) {
        return signIn.facilitator(() -> panel.issueAccess(roster.members().get(nth).panelMemberId()));
    }

    /** Runs the tasks on their own threads, all released at the same instant; returns their results in order. */
    static <T> List<T> allAtOnce(List<Callable<T>> tasks) throws Exception {
        CountDownLatch ready = new CountDownLatch(tasks.size());
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(tasks.size());
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> task : tasks) {
                futures.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    return task.call();
                }));
            }
            ready.await();
            go.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void twentySimultaneousSubmitsOfOneCitizenLeaveOneResponse() throws Exception {
        long waveId = openWave();
        IssuedAccess me = access(0);
        signIn.citizen(me, () -> {
            citizenSurveys.consent(waveId);
            citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("3"));
            citizenSurveys.saveAnswer(waveId, "Q1", List.of("no"));
        });
        List<Callable<SubmitResult>> tabs = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            tabs.add(() -> signIn.citizen(me, () -> citizenSurveys.submit(waveId)));
        }
        List<SubmitResult> results = allAtOnce(tabs);
        assertEquals(1, results.stream().filter(r -> !r.alreadySubmitted()).count(), "exactly one submitted");
        Set<Instant> times = results.stream().map(SubmitResult::submittedAt).collect(Collectors.toSet());
        assertEquals(1, times.size(), "every tab was told the same time: " + times);
        assertEquals(1L, jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ?",
                Long.class, waveId));
        assertEquals(times.iterator().next(), jdbc.queryForObject("SELECT submitted_at FROM survey_participation "
                + "WHERE wave_id = ?", java.sql.Timestamp.class, waveId).toInstant());
    }

    @Test
    void fiftyCitizensAnsweringAndSubmittingAtOnceAreAllStored() throws Exception {
        long waveId = openWave();
        int people = 50;
        List<IssuedAccess> accesses = new ArrayList<>();
        List<Map<String, List<String>>> given = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            accesses.add(access(i + 1));
            Map<String, List<String>> a = new LinkedHashMap<>();
            a.put("SUPPORT", List.of(String.valueOf(1 + i % 5)));
            a.put("Q1", List.of(i % 2 == 0 ? "yes" : "no"));
            a.put("SOURCES", i % 3 == 0 ? List.of("tv") : List.of("web", "friends"));
            a.put("NEARBY", List.of(String.valueOf(i % 11)));
            a.put("YEARS", List.of(String.valueOf(i)));
            if (i % 2 == 0) {
                a.put("Q6", List.of("참가자 " + i + "의 의견, 쉼표 포함"));
            }
            a.put("RANK", i % 2 == 0 ? List.of("fee", "park", "jobs") : List.of("jobs", "fee", "park"));
            a.put("K1", List.of(i % 4 == 0 ? "dk" : "y2026"));
            a.put("TRUST", List.of(String.valueOf(1 + i % 7)));
            given.add(a);
        }
        List<Callable<SubmitResult>> citizensAtOnce = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            IssuedAccess access = accesses.get(i);
            Map<String, List<String>> answers = given.get(i);
            citizensAtOnce.add(() -> signIn.citizen(access, () -> {
                citizenSurveys.consent(waveId);
                answers.forEach((code, value) -> citizenSurveys.saveAnswer(waveId, code, value));
                return citizenSurveys.submit(waveId);
            }));
        }
        List<SubmitResult> results = allAtOnce(citizensAtOnce);
        assertTrue(results.stream().noneMatch(SubmitResult::alreadySubmitted));
        assertEquals((long) people, jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ? "
                + "AND submitted_at IS NOT NULL", Long.class, waveId));
        Map<Long, Map<String, String>> stored = new HashMap<>();
        jdbc.query("SELECT s.panel_member_id, a.question_code, a.answer_value FROM survey_answer a "
                + "JOIN survey_participation p ON p.id = a.participation_id "
                + "JOIN survey_participant s ON s.id = p.participant_id WHERE p.wave_id = ?", rs -> {
                    stored.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getString(3));
                }, waveId);
        assertEquals(people, stored.size());
        Questionnaire q = Questionnaires.everyKind();
        for (int i = 0; i < people; i++) {
            Map<String, String> expected = new HashMap<>();
            given.get(i).forEach((code, value) -> expected.put(code, AnswerCodec.encode(q.question(code).orElseThrow(),
                    value)));
            assertEquals(expected, stored.get(accesses.get(i).panelMemberId()), "citizen " + i);
        }
    }

    @Test
    void theBulkWriterIsAllOrNothing() {
        long waveId = openWave();
        long first = roster.members().get(55).panelMemberId();
        long second = roster.members().get(56).panelMemberId();
        Instant now = clock.instant();
        Map<String, List<String>> fine = Map.of("SUPPORT", List.of("4"), "Q1", List.of("no"));
        assertEquals("survey.answer.not-on-scale", assertThrows(UserFacingException.class,
                () -> SystemAuthority.runAsSystem(() -> synthetic.record(waveId, List.of(
                        new SyntheticResponse(first, now, now, fine),
                        new SyntheticResponse(second, now, now, Map.of("SUPPORT", List.of("8"), "Q1",
                                List.of("no"))))))).messageKey());
        assertThrows(IllegalArgumentException.class, () -> SystemAuthority.runAsSystem(() -> synthetic.record(waveId,
                List.of(new SyntheticResponse(first, now, now, Map.of("Q1", List.of("no")))))),
                "a submitted response lacks the required SUPPORT");
        assertThrows(IllegalArgumentException.class, () -> SystemAuthority.runAsSystem(() -> synthetic.record(waveId,
                List.of(new SyntheticResponse(first, now, now, fine), new SyntheticResponse(first, now, now, fine)))),
                "the same member twice");
        assertEquals(0L, jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ?", Long.class,
                waveId), "nothing written");
        assertThrows(org.springframework.security.access.AccessDeniedException.class,
                () -> signIn.facilitator(() -> synthetic.record(waveId, List.of(new SyntheticResponse(first, now, now, fine)))),
                "facilitators cannot write made-up responses");

        assertEquals(2, SystemAuthority.runAsSystem(() -> synthetic.record(waveId, List.of(
                new SyntheticResponse(first, now, now, fine), new SyntheticResponse(second, now, null,
                        Map.of("SOURCES", List.of("web", "tv")))))));
        Completion completion = signIn.facilitator(() -> surveys.completion(waveId));
        assertEquals(2, completion.started());
        assertEquals(1, completion.submitted());
        assertEquals("web,tv", jdbc.queryForObject("SELECT a.answer_value FROM survey_answer a JOIN survey_participation p "
                + "ON p.id = a.participation_id JOIN survey_participant s ON s.id = p.participant_id "
                + "WHERE p.wave_id = ? AND s.panel_member_id = ? AND a.question_code = 'SOURCES'", String.class,
                waveId, second), "stored as the form stores it");
    }
}
