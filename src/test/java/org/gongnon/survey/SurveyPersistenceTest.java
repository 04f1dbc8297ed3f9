package org.gongnon.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import org.gongnon.base.IdNumbers;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.OutboxService;
import org.gongnon.process.PanelService;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/** Waves, consent, autosaved answers and the one-response-per-citizen rule, on the real embedded MariaDB. */
@SpringBootTest
class SurveyPersistenceTest {

    private static Long sharedProcessId;

    @Autowired
    TestWaves testWaves;
    @Autowired
    SignIn signIn;
    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    PanelService panel;
    @Autowired
    SurveyService surveys;
    @Autowired
    CitizenSurveyService citizenSurveys;
    @Autowired
    OutboxService outbox;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    @Autowired
    org.gongnon.scheduling.ProgrammeService programme;
    @Autowired
    org.gongnon.scheduling.AttendanceService attendance;

    long processId;
    PanelRoster roster;

    @BeforeEach
    void processWithPanel() {
        // One seated panel for the class (a draw takes seconds); each test makes its own waves.
        if (sharedProcessId == null) {
            sharedProcessId = seatedPanels.newProcessWithPanel(TestNames.unique("설문 시험"), 40, 300);
        }
        processId = sharedProcessId;
        roster = signIn.facilitator(() -> seating.roster(processId));
    }

    long openWave(Questionnaire questionnaire) {
        return testWaves.open(processId, questionnaire, null);
    }

    long draftWave(Questionnaire questionnaire) {
        return testWaves.draft(processId, questionnaire, null);
    }

    IssuedAccess access(int nth) {
        return signIn.facilitator(() -> panel.issueAccess(roster.members().get(nth).panelMemberId()));
    }

    <T> T citizen(IssuedAccess access, Supplier<T> work) {
        return signIn.citizen(access, work);
    }

    long submittedRows(long waveId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ? "
                + "AND submitted_at IS NOT NULL", Long.class, waveId);
    }

    @Test
    void waveSettingsAreValidatedAsAWhole() {
        WaveForm defaults = signIn.facilitator(() -> surveys.newWaveForm(processId));
        WaveForm bad = new WaveForm(defaults.number(), defaults.kind(), LocalText.of(" ", ""),
                defaults.opensAt(), defaults.opensAt().minusDays(1), WaveAudience.SESSION_ATTENDEES, null,
                LocalText.of("", ""), defaults.retention(), null);
        ValidationException e = assertThrows(ValidationException.class, () -> signIn.facilitator(() -> surveys.saveWave(processId, null, bad)));
        List<String> fields = e.problems().stream().map(ValidationException.FieldProblem::field).toList();
        assertEquals(List.of("title", "closesAt", "audienceSession", "purpose"), fields);
        assertEquals(0, signIn.facilitator(() -> surveys.waves(processId)).stream().filter(w -> w.number() == defaults.number()).count(),
                "nothing saved");

        long waveId = draftWave(Questionnaires.everyKind());
        WaveForm stored = signIn.facilitator(() -> surveys.wave(waveId).form());
        signIn.facilitator(() -> surveys.saveWave(processId, waveId, stored));
        UserFacingException conflict = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> surveys.saveWave(processId, waveId, stored)));
        assertEquals("survey.concurrent-edit", conflict.messageKey());
        WaveForm taken = signIn.facilitator(() -> surveys.wave(waveId).form());
        long other = draftWave(Questionnaires.everyKind());
        WaveForm otherForm = signIn.facilitator(() -> surveys.wave(other).form());
        ValidationException numberTaken = assertThrows(ValidationException.class, () -> signIn.facilitator(() -> surveys.saveWave(
                processId, other, new WaveForm(taken.number(), otherForm.kind(), otherForm.title(), otherForm.opensAt(),
                        otherForm.closesAt(), otherForm.audience(), null, otherForm.purpose(), otherForm.retention(),
                        otherForm.version()))));
        assertEquals("survey.wave.number-taken", numberTaken.problems().getFirst().messageKey());
    }

    @Test
    void aCitizenConsentsAnswersAndSubmitsExactlyOnce() {
        long waveId = openWave(Questionnaires.everyKind());
        IssuedAccess me = access(0);
        citizen(me, () -> {
            assertTrue(citizenSurveys.myWaves().stream()
                    .anyMatch(w -> w.waveId() == waveId && w.state() == MyWave.State.NOT_STARTED));
            CitizenSurvey form = citizenSurveys.open(waveId);
            assertFalse(form.consented());
            assertTrue(form.acceptingAnswers());
            assertEquals("survey.citizen.consent-first", key(() -> citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("4"))));
            citizenSurveys.consent(waveId);
            citizenSurveys.consent(waveId); // a second tab: harmless
            citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("4"));
            assertEquals("survey.answer.not-on-scale", key(() -> citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("9"))));
            assertEquals("survey.answer.unknown-question", key(() -> citizenSurveys.saveAnswer(waveId, "NOPE", List.of("1"))));
            assertEquals("survey.answer.too-long",
                    key(() -> citizenSurveys.saveAnswer(waveId, "Q6", List.of("x".repeat(201)))));
            citizenSurveys.saveAnswer(waveId, "SOURCES", List.of("tv", "friends"));
            citizenSurveys.saveAnswer(waveId, "RANK", List.of("park", "fee", "jobs"));
            citizenSurveys.saveProgress(waveId, 1);

            CitizenSurvey resumed = citizenSurveys.open(waveId);
            assertTrue(resumed.consented());
            assertEquals(1, resumed.currentSection());
            assertEquals(Map.of("SUPPORT", List.of("4"), "SOURCES", List.of("tv", "friends"),
                    "RANK", List.of("park", "fee", "jobs")), resumed.answers(), "the refused answers changed nothing");

            ValidationException missing = assertThrows(ValidationException.class, () -> citizenSurveys.submit(waveId));
            assertEquals(List.of("Q1"), missing.problems().stream().map(ValidationException.FieldProblem::field).toList());
            citizenSurveys.saveAnswer(waveId, "Q1", List.of("yes"));
            ValidationException conditional = assertThrows(ValidationException.class, () -> citizenSurveys.submit(waveId));
            assertEquals(List.of("Q6"), conditional.problems().stream().map(ValidationException.FieldProblem::field).toList(),
                    "the follow-up question is required once shown");
            citizenSurveys.saveAnswer(waveId, "Q6", List.of("소음, 냄새"));
            citizenSurveys.saveAnswer(waveId, "SOURCES", List.of());

            SubmitResult first = citizenSurveys.submit(waveId);
            SubmitResult again = citizenSurveys.submit(waveId);
            assertFalse(first.alreadySubmitted());
            assertTrue(again.alreadySubmitted());
            assertEquals(first.submittedAt(), again.submittedAt());
            assertEquals("survey.citizen.already-submitted",
                    key(() -> citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("1"))));
            CitizenSurvey done = citizenSurveys.open(waveId);
            assertTrue(done.submitted());
            assertEquals(List.of("4"), done.answers().get("SUPPORT"));
            assertNull(done.answers().get("SOURCES"), "a cleared answer is gone");
            assertTrue(citizenSurveys.myWaves().stream()
                    .anyMatch(w -> w.waveId() == waveId && w.state() == MyWave.State.SUBMITTED));
            return null;
        });
        assertEquals(1, submittedRows(waveId));
        assertEquals(4L, jdbc.queryForObject("SELECT COUNT(*) FROM survey_answer a JOIN survey_participation p "
                + "ON p.id = a.participation_id WHERE p.wave_id = ?", Long.class, waveId));
    }

    @Test
    void anIdNumberInAnOpenAnswerIsRefusedAndTheEarlierAnswerStays() {
        long waveId = openWave(Questionnaires.everyKind());
        citizen(access(2), () -> {
            citizenSurveys.consent(waveId);
            citizenSurveys.saveAnswer(waveId, "Q1", List.of("yes"));
            citizenSurveys.saveAnswer(waveId, "Q6", List.of("소음"));
            assertEquals(IdNumbers.REFUSED, key(() -> citizenSurveys.saveAnswer(waveId, "Q6",
                    List.of("제 주민번호는 850302-1234567 입니다"))));
            assertEquals(IdNumbers.REFUSED, key(() -> citizenSurveys.saveAnswer(waveId, "Q6",
                    List.of("8503022234567"))));
            assertEquals(List.of("소음"), citizenSurveys.open(waveId).answers().get("Q6"), "the earlier answer stays");
            citizenSurveys.saveAnswer(waveId, "Q6", List.of("연락은 010-1234-5678로"));
            return null;
        });
        String stored = String.join("|", jdbc.queryForList("SELECT a.answer_value FROM survey_answer a "
                + "JOIN survey_participation p ON p.id = a.participation_id WHERE p.wave_id = ?", String.class, waveId));
        assertTrue(stored.contains("010-1234-5678"), stored);
        assertFalse(stored.contains("1234567 "), stored);
        assertFalse(stored.contains("850302"), stored);
    }

    @Test
    void theDatabaseItselfRefusesASecondResponse() {
        long waveId = openWave(Questionnaires.everyKind());
        IssuedAccess me = access(1);
        citizen(me, () -> {
            citizenSurveys.consent(waveId);
            return null;
        });
        Map<String, Object> row = jdbc.queryForMap("SELECT participant_id, consented_at FROM survey_participation "
                + "WHERE wave_id = ?", waveId);
        assertThrows(DataIntegrityViolationException.class, () -> jdbc.update(
                "INSERT INTO survey_participation (wave_id, participant_id, consented_at, consent_version, "
                        + "current_section, last_saved_at) VALUES (?, ?, ?, 1, 0, ?)", waveId,
                row.get("participant_id"), row.get("consented_at"), row.get("consented_at")));
    }

    @Test
    void concurrentSubmitsOfOneCitizenLeaveOneResponse() throws Exception {
        long waveId = openWave(Questionnaires.everyKind());
        IssuedAccess me = access(2);
        citizen(me, () -> {
            citizenSurveys.consent(waveId);
            citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("2"));
            citizenSurveys.saveAnswer(waveId, "Q1", List.of("no"));
            return null;
        });
        int tabs = 8;
        CountDownLatch ready = new CountDownLatch(tabs);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(tabs);
        try {
            List<Future<SubmitResult>> results = new ArrayList<>();
            for (int i = 0; i < tabs; i++) {
                results.add(pool.submit(() -> citizen(me, () -> {
                    ready.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return citizenSurveys.submit(waveId);
                })));
            }
            ready.await();
            go.countDown();
            int firsts = 0;
            for (Future<SubmitResult> result : results) {
                if (!result.get().alreadySubmitted()) {
                    firsts++;
                }
            }
            assertEquals(1, firsts, "exactly one request submitted; the others saw it done");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, submittedRows(waveId));
    }

    @Test
    void draftsAreInvisibleAndAClosedWaveRefusesAnswers() {
        long draft = draftWave(Questionnaires.everyKind());
        long waveId = openWave(Questionnaires.everyKind());
        IssuedAccess me = access(3);
        citizen(me, () -> {
            assertEquals("survey.wave.not-found", key(() -> citizenSurveys.open(draft)));
            citizenSurveys.consent(waveId);
            citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("3"));
            return null;
        });
        assertEquals("survey.wave.questions-frozen",
                key(() -> signIn.facilitator(() -> surveys.saveQuestionnaire(waveId, Questionnaires.everyKind(), 0))));
        signIn.facilitator(() -> {
            surveys.close(waveId);
            return null;
        });
        citizen(me, () -> {
            assertEquals("survey.citizen.wave-closed", key(() -> citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("5"))));
            assertEquals("survey.citizen.wave-closed", key(() -> citizenSurveys.submit(waveId)));
            assertFalse(citizenSurveys.open(waveId).acceptingAnswers());
            assertTrue(citizenSurveys.myWaves().stream()
                    .anyMatch(w -> w.waveId() == waveId && w.state() == MyWave.State.CLOSED));
            return null;
        });
        assertEquals("survey.wave.has-answers", key(() -> signIn.facilitator(() -> {
            surveys.deleteWave(waveId);
            return null;
        })));
        assertEquals(0, submittedRows(waveId));
    }

    @Test
    void changedConsentTextsNeedConsentAgain() {
        long waveId = openWave(Questionnaires.everyKind());
        IssuedAccess me = access(4);
        citizen(me, () -> {
            citizenSurveys.consent(waveId);
            citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("3"));
            return null;
        });
        signIn.facilitator(() -> {
            WaveForm f = surveys.wave(waveId).form();
            return surveys.saveWave(processId, waveId, new WaveForm(f.number(), f.kind(), f.title(), f.opensAt(),
                    f.closesAt(), f.audience(), null, LocalText.of(f.purpose().ko() + " 추가 안내.", f.purpose().en()),
                    f.retention(), f.version()));
        });
        citizen(me, () -> {
            assertFalse(citizenSurveys.open(waveId).consented());
            assertEquals("survey.citizen.consent-changed",
                    key(() -> citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("4"))));
            citizenSurveys.consent(waveId);
            citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("4"));
            assertEquals(List.of("4"), citizenSurveys.open(waveId).answers().get("SUPPORT"));
            return null;
        });
    }

    @Test
    void completionPerStratumAndRemindersThroughTheOutbox() {
        long waveId = openWave(Questionnaires.everyKind());
        for (int i = 5; i < 8; i++) {
            citizen(access(i), () -> {
                citizenSurveys.consent(waveId);
                citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("5"));
                citizenSurveys.saveAnswer(waveId, "Q1", List.of("no"));
                return citizenSurveys.submit(waveId);
            });
        }
        citizen(access(8), () -> {
            citizenSurveys.consent(waveId);
            return null;
        });
        Completion completion = signIn.facilitator(() -> surveys.completion(waveId));
        assertEquals(roster.members().size(), completion.audience());
        assertEquals(4, completion.started());
        assertEquals(3, completion.submitted());
        for (String feature : roster.features()) {
            List<Completion.StratumCompletion> rows = completion.strata().stream()
                    .filter(s -> s.feature().equals(feature)).toList();
            assertEquals(roster.members().size(), rows.stream().mapToLong(Completion.StratumCompletion::audience).sum(),
                    feature);
            assertEquals(3, rows.stream().mapToLong(Completion.StratumCompletion::submitted).sum(), feature);
        }
        long before = signIn.facilitator(() -> outbox.list(processId, null)).stream().filter(m -> m.purpose().equals("survey-reminder")).count();
        ReminderResult reminders = signIn.facilitator(() -> surveys.sendReminders(waveId));
        assertEquals(roster.members().size() - 3, reminders.queued() + reminders.withoutContact());
        long after = signIn.facilitator(() -> outbox.list(processId, null)).stream().filter(m -> m.purpose().equals("survey-reminder")).count();
        assertEquals(reminders.queued(), after - before);
    }

    @Test
    void questionnairesCopyExportAndImportBetweenWaves() {
        long from = draftWave(Questionnaires.everyKind());
        long to = draftWave(new Questionnaire(List.of(new Section("S", LocalText.of("부분", ""), null,
                List.of(Questionnaires.question("X", QuestionType.TEXT, "임시", List.of()))))));
        signIn.facilitator(() -> surveys.copyQuestionnaire(from, to));
        assertEquals(Questionnaires.everyKind(), signIn.facilitator(() -> surveys.wave(to).questionnaire()));
        String file = signIn.facilitator(() -> surveys.exportQuestionnaire(from));
        long third = draftWave(new Questionnaire(List.of(new Section("S", LocalText.of("부분", ""), null,
                List.of(Questionnaires.question("X", QuestionType.TEXT, "임시", List.of()))))));
        assertEquals("survey.import.not-a-questionnaire", key(() -> signIn.facilitator(() -> surveys.importQuestionnaire(third, "{}"))));
        assertEquals("X", signIn.facilitator(() -> surveys.wave(third).questionnaire()).questions().getFirst().code(), "nothing changed");
        signIn.facilitator(() -> surveys.importQuestionnaire(third, file));
        assertEquals(Questionnaires.everyKind(), signIn.facilitator(() -> surveys.wave(third).questionnaire()));
        LocalDateTime now = LocalDateTime.now(clock);
        assertTrue(signIn.facilitator(() -> surveys.wave(third)).form().opensAt().isBefore(now));
    }

    @Test
    void aWaveForTheAttendeesOfOneSessionReachesOnlyThem() {
        long sessionId = signIn.facilitator(() -> {
            long roundId = programme.saveRound(new org.gongnon.scheduling.RoundForm(null, 0, processId, "전문가 토론회",
                    org.gongnon.scheduling.RoundKind.EXPERT_FORUM)).id();
            java.time.LocalDate today = java.time.LocalDate.now(clock);
            var form = new org.gongnon.scheduling.SessionForm(null, 0, processId, roundId, "온라인 전문가 토론회", today,
                    java.time.LocalTime.of(0, 0), java.time.LocalTime.of(0, 30), null, "https://meet.example.org/gn",
                    null, null, true, "", false, List.of());
            return programme.saveSession(form, true).id();
        });
        long attendee = roster.members().get(10).panelMemberId();
        signIn.facilitator(() -> attendance.checkIn(sessionId, attendee, false));
        long waveId = signIn.facilitator(() -> {
            WaveForm f = surveys.newWaveForm(processId);
            long id = surveys.saveWave(processId, null, new WaveForm(f.number(), WaveKind.MID, LocalText.of("토론회 직후", ""),
                    f.opensAt().minusHours(1), f.closesAt(), WaveAudience.SESSION_ATTENDEES, sessionId, f.purpose(),
                    f.retention(), null));
            surveys.saveQuestionnaire(id, Questionnaires.everyKind(), surveys.wave(id).form().version());
            surveys.open(id);
            return id;
        });
        assertEquals(1, signIn.facilitator(() -> surveys.completion(waveId)).audience());
        citizen(access(10), () -> {
            assertTrue(citizenSurveys.myWaves().stream().anyMatch(w -> w.waveId() == waveId));
            citizenSurveys.consent(waveId);
            return null;
        });
        citizen(access(11), () -> {
            assertTrue(citizenSurveys.myWaves().stream().noneMatch(w -> w.waveId() == waveId));
            assertEquals("survey.citizen.not-in-audience", key(() -> citizenSurveys.open(waveId)));
            assertEquals("survey.citizen.not-in-audience", key(() -> citizenSurveys.consent(waveId)));
            return null;
        });
    }

    private static String key(Runnable r) {
        return assertThrows(UserFacingException.class, r::run).messageKey();
    }
}
