package org.gongnon.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.gongnon.base.TransientRetry;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Faults on the citizen's save path, on the real MariaDB: another transaction holds the row lock of the citizen's
 * participation (as a slow submit or a deadlock partner would), with InnoDB's lock wait cut to one second. Released
 * after the first attempt gave up, the save goes through on a retry and is stored once; held through every
 * attempt, the citizen is told the system is busy and nothing is stored. A real deadlock's loser is run again.
 * And a closed wave refuses consent, answers, progress and submit with one message.
 */
@SpringBootTest
class SurveyFaultsPersistenceTest {

    /** The default of gongnon.retry.attempts. */
    private static final int ATTEMPTS = 3;
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
    TransientRetry retry;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    PlatformTransactionManager transactionManager;

    long processId;
    PanelRoster roster;
    Integer lockWaitBefore;

    @BeforeEach
    void processWithPanel() {
        if (sharedProcessId == null) {
            sharedProcessId = seatedPanels.newProcessWithPanel(TestNames.unique("설문 장애"), 30, 300);
        }
        processId = sharedProcessId;
        roster = signIn.facilitator(() -> seating.roster(processId));
    }

    @AfterEach
    void restore() {
        SecurityContextHolder.clearContext();
        if (lockWaitBefore != null) {
            jdbc.execute("SET GLOBAL innodb_lock_wait_timeout = " + lockWaitBefore);
            pool().getHikariPoolMXBean().softEvictConnections();
            lockWaitBefore = null;
        }
    }

    long openWave() {
        return testWaves.open(processId, Questionnaires.everyKind(), null);
    }

    IssuedAccess access(int nth) {
        return signIn.facilitator(() -> panel.issueAccess(roster.members().get(nth).panelMemberId()));
    }

    HikariDataSource pool() {
        try {
            return dataSource.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * InnoDB waits one second for a row lock instead of fifty, for the app's connections: the global value is
     * what new sessions start with, so the pool's connections are replaced. Restored after the test.
     */
    void shortLockWaits() {
        lockWaitBefore = jdbc.queryForObject("SELECT @@GLOBAL.innodb_lock_wait_timeout", Integer.class);
        jdbc.execute("SET GLOBAL innodb_lock_wait_timeout = 1");
        pool().getHikariPoolMXBean().softEvictConnections();
        assertEquals(1, jdbc.queryForObject("SELECT @@SESSION.innodb_lock_wait_timeout", Integer.class),
                "the app's connections wait one second");
    }

    /** A transaction on a connection of its own (not from the app's pool) holding a participation's row lock. */
    final class RowLock implements AutoCloseable {

        private final Connection connection;

        RowLock(long participationId) throws SQLException {
            HikariDataSource pool = pool();
            connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id FROM survey_participation WHERE id = ? FOR UPDATE")) {
                select.setLong(1, participationId);
                try (ResultSet rs = select.executeQuery()) {
                    assertTrue(rs.next(), "the participation exists and is locked");
                }
            }
        }

        @Override
        public void close() throws SQLException {
            connection.rollback();
            connection.close();
        }
    }

    long participationOf(long waveId, IssuedAccess access) {
        return jdbc.queryForObject("SELECT p.id FROM survey_participation p JOIN survey_participant s "
                + "ON s.id = p.participant_id WHERE p.wave_id = ? AND s.panel_member_id = ?", Long.class, waveId,
                access.panelMemberId());
    }

    Map<String, String> storedAnswers(long participationId) {
        Map<String, String> answers = new LinkedHashMap<>();
        jdbc.query("SELECT question_code, answer_value FROM survey_answer WHERE participation_id = ? ORDER BY id",
                rs -> {
                    answers.put(rs.getString(1), rs.getString(2));
                }, participationId);
        return answers;
    }

    /** What a save, a page change or a submit would change on the participation row. */
    record ParticipationRow(int currentSection, Instant lastSavedAt, Instant submittedAt) {
    }

    ParticipationRow participationRow(long participationId) {
        return jdbc.queryForObject("SELECT current_section, last_saved_at, submitted_at FROM survey_participation "
                + "WHERE id = ?", (rs, i) -> new ParticipationRow(rs.getInt(1), instant(rs.getTimestamp(2)),
                instant(rs.getTimestamp(3))), participationId);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static String key(Runnable work) {
        try {
            work.run();
        } catch (UserFacingException e) {
            return e.messageKey();
        }
        return fail("expected a refusal");
    }

    void awaitRetries(long atLeast) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (retry.retries() < atLeast) {
            if (System.nanoTime() > deadline) {
                fail("no retry within 30 s");
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aSaveThatMeetsALockedRowIsRetriedAndStoredOnce() throws Exception {
        long waveId = openWave();
        IssuedAccess me = access(0);
        signIn.citizen(me, () -> citizenSurveys.consent(waveId));
        long participation = participationOf(waveId, me);
        shortLockWaits();
        long retriesBefore = retry.retries();
        ExecutorService tab = Executors.newSingleThreadExecutor();
        try {
            Future<Instant> save;
            try (RowLock lock = new RowLock(participation)) {
                save = tab.submit(() -> signIn.citizen(me,
                        () -> citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("4"))));
                // The first attempt waits a second for the lock, gives up and is retried; then the lock goes.
                awaitRetries(retriesBefore + 1);
                assertFalse(save.isDone(), "still waiting for the lock, not refused");
            }
            Instant savedAt = save.get(30, TimeUnit.SECONDS);
            assertEquals(Map.of("SUPPORT", "4"), storedAnswers(participation));
            assertEquals(1L, jdbc.queryForObject("SELECT COUNT(*) FROM survey_answer WHERE participation_id = ? "
                    + "AND question_code = 'SUPPORT'", Long.class, participation), "stored once");
            assertEquals(savedAt, participationRow(participation).lastSavedAt());
        } finally {
            tab.shutdownNow();
        }
    }

    @Test
    void aRowLockedThroughEveryAttemptIsReportedAndNothingIsStored() throws Exception {
        long waveId = openWave();
        IssuedAccess me = access(1);
        signIn.citizen(me, () -> {
            citizenSurveys.consent(waveId);
            citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("2"));
        });
        long participation = participationOf(waveId, me);
        ParticipationRow before = participationRow(participation);
        shortLockWaits();
        long retriesBefore = retry.retries();
        try (RowLock lock = new RowLock(participation)) {
            signIn.citizen(me, () -> {
                assertEquals(CitizenSurveyService.BUSY,
                        key(() -> citizenSurveys.saveAnswer(waveId, "Q1", List.of("no"))), "a new answer");
                assertEquals(CitizenSurveyService.BUSY,
                        key(() -> citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("5"))), "a changed answer");
                assertEquals(CitizenSurveyService.BUSY, key(() -> citizenSurveys.saveProgress(waveId, 1)), "progress");
                assertEquals(CitizenSurveyService.BUSY, key(() -> citizenSurveys.submit(waveId)), "submit");
            });
        }
        assertEquals(4 * (ATTEMPTS - 1), retry.retries() - retriesBefore, "every call ran all its attempts");
        assertEquals(Map.of("SUPPORT", "2"), storedAnswers(participation), "nothing half-saved");
        assertEquals(before, participationRow(participation), "not submitted, nor marked as saved or moved on");

        // Once the lock is gone the same citizen goes on as usual.
        signIn.citizen(me, () -> {
            citizenSurveys.saveAnswer(waveId, "Q1", List.of("no"));
            assertFalse(citizenSurveys.submit(waveId).alreadySubmitted());
        });
        assertEquals(Map.of("SUPPORT", "2", "Q1", "no"), storedAnswers(participation));
    }

    @Test
    void theLoserOfARealDeadlockIsRunAgain() throws Exception {
        long waveId = openWave();
        IssuedAccess one = access(5);
        IssuedAccess two = access(6);
        for (IssuedAccess citizen : List.of(one, two)) {
            signIn.citizen(citizen, () -> citizenSurveys.consent(waveId));
        }
        long first = participationOf(waveId, one);
        long second = participationOf(waveId, two);
        long retriesBefore = retry.retries();
        // Two transactions take the same two row locks in opposite order; both hold their first lock before
        // asking for the second, so InnoDB must pick a loser (error 1213), which is rolled back and run again.
        CyclicBarrier bothHoldOne = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Future<?> a = threads.submit(() -> lockBothInOrder(first, second, 1, bothHoldOne));
            Future<?> b = threads.submit(() -> lockBothInOrder(second, first, 2, bothHoldOne));
            a.get(60, TimeUnit.SECONDS);
            b.get(60, TimeUnit.SECONDS);
        } finally {
            threads.shutdownNow();
        }
        assertTrue(retry.retries() > retriesBefore, "the deadlock's loser was run again");
        int firstSection = participationRow(first).currentSection();
        assertTrue(firstSection == 1 || firstSection == 2);
        assertEquals(firstSection, participationRow(second).currentSection(),
                "each transaction wrote both rows or neither: the one committed last wins both");
    }

    /** Writes section into both rows in the given order, in one retried transaction; waits for the other once. */
    private void lockBothInOrder(long firstRow, long secondRow, int section, CyclicBarrier bothHoldOne) {
        boolean[] firstAttempt = {true};
        retry.runInTransaction(CitizenSurveyService.BUSY, () -> {
            jdbc.update("UPDATE survey_participation SET current_section = ? WHERE id = ?", section, firstRow);
            if (firstAttempt[0]) {
                firstAttempt[0] = false;
                try {
                    bothHoldOne.await(30, TimeUnit.SECONDS);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            jdbc.update("UPDATE survey_participation SET current_section = ? WHERE id = ?", section, secondRow);
        });
    }

    @Test
    void insideARunningTransactionTheWorkRunsOnceAndTheFailurePassesThrough() {
        long retriesBefore = retry.retries();
        int[] runs = {0};
        CannotAcquireLockException lockFailure = new CannotAcquireLockException("held elsewhere");
        CannotAcquireLockException thrown = assertThrows(CannotAcquireLockException.class,
                () -> new TransactionTemplate(transactionManager).executeWithoutResult(status ->
                        retry.runInTransaction(CitizenSurveyService.BUSY, () -> {
                            runs[0]++;
                            throw lockFailure;
                        })));
        assertSame(lockFailure, thrown, "the outer transaction is the one to roll back and retry");
        assertEquals(1, runs[0]);
        assertEquals(retriesBefore, retry.retries());
    }

    @Test
    void aClosedWaveRefusesConsentAnswersProgressAndSubmitAlike() {
        long waveId = openWave();
        IssuedAccess started = access(2);
        IssuedAccess submitted = access(3);
        IssuedAccess notStarted = access(4);
        signIn.citizen(started, () -> {
            citizenSurveys.consent(waveId);
            citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("3"));
        });
        SubmitResult first = signIn.citizen(submitted, () -> {
            citizenSurveys.consent(waveId);
            citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of("5"));
            citizenSurveys.saveAnswer(waveId, "Q1", List.of("no"));
            return citizenSurveys.submit(waveId);
        });
        long startedRow = participationOf(waveId, started);
        long submittedRow = participationOf(waveId, submitted);
        ParticipationRow startedBefore = participationRow(startedRow);
        ParticipationRow submittedBefore = participationRow(submittedRow);
        signIn.facilitator(() -> {
            surveys.close(waveId);
            return null;
        });

        String closed = "survey.citizen.wave-closed";
        for (IssuedAccess citizen : List.of(started, notStarted)) {
            signIn.citizen(citizen, () -> {
                assertEquals(closed, key(() -> citizenSurveys.consent(waveId)), "consent");
                assertEquals(closed, key(() -> citizenSurveys.saveAnswer(waveId, "Q1", List.of("no"))), "answer");
                assertEquals(closed, key(() -> citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of())), "clearing");
                assertEquals(closed, key(() -> citizenSurveys.saveProgress(waveId, 1)), "progress");
                assertEquals(closed, key(() -> citizenSurveys.submit(waveId)), "submit");
            });
        }
        signIn.citizen(submitted, () -> {
            assertEquals(closed, key(() -> citizenSurveys.saveAnswer(waveId, "Q1", List.of("yes"))), "answer");
            assertEquals(closed, key(() -> citizenSurveys.saveProgress(waveId, 1)), "progress");
            // Submitting again is not an answer: it still tells the first submit's time, as before closing.
            SubmitResult again = citizenSurveys.submit(waveId);
            assertTrue(again.alreadySubmitted());
            assertEquals(first.submittedAt(), again.submittedAt());
        });

        assertEquals(Map.of("SUPPORT", "3"), storedAnswers(startedRow));
        assertEquals(startedBefore, participationRow(startedRow));
        assertNull(participationRow(startedRow).submittedAt());
        assertEquals(Map.of("SUPPORT", "5", "Q1", "no"), storedAnswers(submittedRow));
        assertEquals(submittedBefore, participationRow(submittedRow));
        assertEquals(0L, jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation p JOIN survey_participant s "
                + "ON s.id = p.participant_id WHERE p.wave_id = ? AND s.panel_member_id = ?", Long.class, waveId,
                notStarted.panelMemberId()), "no response was started");
    }
}
