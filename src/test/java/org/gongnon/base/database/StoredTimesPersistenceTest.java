package org.gongnon.base.database;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RoundForm;
import org.gongnon.scheduling.RoundKind;
import org.gongnon.scheduling.SessionForm;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the database holds is what was meant, whatever the server's time zone: a date stays that date, a time of day
 * that time, and an instant is stored in UTC. Read back here with plain SQL, as a report, a backup or a second
 * application would read it, not through the entity mapping that wrote it (which would undo its own shift). Run by
 * {@code .ci/repeat} under UTC, Asia/Seoul and Pacific/Kiritimati.
 */
@SpringBootTest
class StoredTimesPersistenceTest {

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    ProgrammeService programme;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    @Test
    void datesTimesAndInstantsAreStoredAsMeant() {
        LocalDate day = LocalDate.now(clock).plusDays(40);
        long sessionId = signIn.facilitator(() -> {
            long pid = processes.createProcess(ProcessTestForms.titled(TestNames.unique("시간 저장")));
            long round = programme.saveRound(new RoundForm(null, 0, pid, "1차", RoundKind.REGIONAL_DELIBERATION)).id();
            return programme.saveSession(new SessionForm(null, 0, pid, round, "저녁 회의", day, LocalTime.of(19, 30),
                    LocalTime.of(21, 0), null, "https://meet.example.org/a", null, null, false, "", false, List.of()),
                    true).id();
        });
        Map<String, Object> row = jdbc.queryForMap("SELECT DATE_FORMAT(session_date, '%Y-%m-%d') AS d, "
                + "TIME_FORMAT(starts_at, '%H:%i') AS s, TIME_FORMAT(ends_at, '%H:%i') AS e, "
                + "DATE_FORMAT(updated_at, '%Y-%m-%dT%H:%i:%s.%f') AS u FROM deliberation_session WHERE id = ?",
                sessionId);
        assertEquals(day.toString(), row.get("d"), "the date as typed");
        assertEquals("19:30", row.get("s"), "the start as typed");
        assertEquals("21:00", row.get("e"), "the end as typed");
        // The instant in UTC: within a minute of now (the application's clock) as UTC wall time.
        Instant updated = java.time.LocalDateTime.parse((String) row.get("u")).toInstant(ZoneOffset.UTC);
        Instant now = clock.instant();
        assertEquals(0, Math.abs(now.getEpochSecond() - updated.getEpochSecond()) / 60,
                "updated_at " + row.get("u") + " is UTC of " + DateTimeFormatter.ISO_INSTANT.format(now));

        // And the way back: a date and a time written with plain SQL are read by the application as written.
        jdbc.update("UPDATE deliberation_session SET session_date = ?, starts_at = '08:15:00' WHERE id = ?",
                day.plusDays(1).toString(), sessionId);
        SessionForm read = signIn.facilitator(() -> programme.session(sessionId));
        assertEquals(day.plusDays(1), read.date());
        assertEquals(LocalTime.of(8, 15), read.start());
    }
}
