package org.gongnon.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.List;
import javax.sql.DataSource;
import org.gongnon.base.IdNumbers;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffAccountSummary;
import org.gongnon.security.StaffRole;
import org.gongnon.security.SystemAuthority;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;

/** Processes on the real embedded MariaDB, through Connector/J and the Liquibase schema. */
@SpringBootTest
class ProcessPersistenceTest {

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theSchemaComesFromLiquibaseOnARealMariaDbThroughConnectorJ() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            DatabaseMetaData meta = c.getMetaData();
            assertTrue(meta.getDriverName().contains("MySQL Connector/J"), meta.getDriverName());
            assertTrue(meta.getURL().startsWith("jdbc:mysql://"), meta.getURL());
        }
        String version = jdbc.queryForObject("SELECT VERSION()", String.class);
        assertTrue(version.contains("MariaDB"), version);
        List<String> changeSets = jdbc.queryForList("SELECT ID FROM DATABASECHANGELOG ORDER BY ORDEREXECUTED", String.class);
        assertEquals(List.of("001-staff-account", "002-deliberation-process", "003-panel-member",
                "004-recruitment-plan", "004-pool", "004-draws", "005-panel-seating",
                "005-programme", "005-invitations-attendance", "005-tables", "006-outbox",
                "007-survey-waves", "007-survey-participants", "008-recommendations",
                "009-report-versions", "009-report-files", "009-government-responses",
                "010-contact-encryption", "010-data-key-check",
                "011-personal-data-access", "011-retention", "012-panel-name-encryption",
                "013-draw-certificate", "014-draw-people", "015-published-panel-list",
                "016-levels-closed-by"), changeSets);
        assertEquals("utf8mb4", jdbc.queryForObject(
                "SELECT CHARACTER_SET_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
                        + "AND TABLE_NAME = 'deliberation_process' AND COLUMN_NAME = 'title'", String.class));
    }

    @Test
    void aFacilitatorCreatesAProcessThatSurvivesTheRoundTripAndRunsIt() {
        String title = TestNames.unique("광역 자원회수시설 공론화");
        ProcessForm form = withTitle(ProcessValidationTest.valid(), title);
        long id = signIn.facilitator(() -> processes.createProcess(form));

        ProcessDetails loaded = signIn.facilitator(() -> processes.getProcess(id));
        assertEquals(title, loaded.form().title());
        assertEquals("어디에 지을 것인가", loaded.form().publicQuestion());
        assertEquals(form.retentionDate(), loaded.form().retentionDate());
        assertEquals(ProcessValidationTest.weeklyPhases(), loaded.timeline().phases());
        assertTrue(loaded.canEdit());
        assertTrue(loaded.team().stream().anyMatch(m -> m.username().equals("facilitator")
                && m.role() == ProcessRole.FACILITATOR), "the creator runs the process");
        assertTrue(signIn.facilitator(processes::listMyProcesses).stream()
                .anyMatch(p -> p.id() == id));
    }

    @Test
    void aStaleVersionIsRefusedInsteadOfOverwritingSomeoneElsesChange() {
        long id = signIn.facilitator(() -> processes.createProcess(
                withTitle(ProcessValidationTest.valid(), TestNames.unique("동시 편집"))));
        ProcessForm first = signIn.facilitator(() -> processes.getProcess(id).form());
        ProcessForm second = first; // a second editor loaded the same version

        signIn.facilitator(() -> processes.updateProcess(withTitle(first, "첫 번째 편집")));
        UserFacingException refused = assertThrows(UserFacingException.class, () ->
                signIn.facilitator(() -> processes.updateProcess(withTitle(second, "두 번째 편집"))));
        assertEquals("process.concurrent-edit", refused.messageKey());
        assertEquals("첫 번째 편집", signIn.facilitator(() -> processes.getProcess(id).form().title()));
    }

    @Test
    void anIdNumberInTheDescriptionOrTitleIsRefusedAndNothingIsStored() {
        String marker = TestNames.unique("식별번호");
        ProcessForm valid = withTitle(ProcessValidationTest.valid(), marker);
        ProcessForm withIdNumber = new ProcessForm(null, 0, marker, valid.publicQuestion(),
                "문의: 담당 주민 850302-1234567", valid.organiser(), valid.status(), valid.retentionDate(), valid.phases());
        ValidationException refused = assertThrows(ValidationException.class,
                () -> signIn.facilitator(() -> processes.createProcess(withIdNumber)));
        assertEquals(List.of("description"), refused.problems().stream().map(ValidationException.FieldProblem::field)
                .toList());
        assertEquals(IdNumbers.REFUSED, refused.problems().getFirst().messageKey());
        ValidationException inTitle = assertThrows(ValidationException.class, () -> signIn.as("facilitator",
                () -> processes.createProcess(withTitle(valid, marker + " 8503022234567"))));
        assertEquals(IdNumbers.REFUSED, inTitle.problems().getFirst().messageKey());
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM deliberation_process WHERE title LIKE ?",
                Integer.class, marker + "%"));
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM deliberation_process WHERE description LIKE ?",
                Integer.class, "%1234567%"));
    }

    @Test
    void invalidInputSavesNothing() {
        long id = signIn.facilitator(() -> processes.createProcess(
                withTitle(ProcessValidationTest.valid(), TestNames.unique("검증"))));
        ProcessForm loaded = signIn.facilitator(() -> processes.getProcess(id).form());
        ProcessForm broken = new ProcessForm(id, loaded.version(), "바뀐 제목", "", loaded.description(),
                loaded.organiser(), loaded.status(), loaded.retentionDate(), loaded.phases());
        assertThrows(ValidationException.class,
                () -> signIn.facilitator(() -> processes.updateProcess(broken)));
        ProcessForm after = signIn.facilitator(() -> processes.getProcess(id).form());
        assertEquals(loaded.title(), after.title());
        assertEquals(loaded.version(), after.version());
        Integer phases = jdbc.queryForObject("SELECT COUNT(*) FROM process_phase WHERE process_id = ?", Integer.class, id);
        assertEquals(Phase.values().length, phases);
    }

    @Test
    void staffSeeOnlyTheirOwnProcessesAndOfficialsCannotEdit() {
        String other = signIn.newStaff("fac", StaffRole.FACILITATOR);
        long adminsProcess = SystemAuthority.runAsSystem(() -> processes.createProcess(
                withTitle(ProcessValidationTest.valid(), TestNames.unique("관리자 과제"))));

        UserFacingException notFound = assertThrows(UserFacingException.class,
                () -> signIn.as(other, () -> processes.getProcess(adminsProcess)));
        assertEquals("process.not-found", notFound.messageKey(), "another process looks like no process at all");
        assertTrue(signIn.as(other, processes::listMyProcesses).stream()
                .noneMatch(p -> p.id() == adminsProcess));

        StaffAccountSummary official = SystemAuthority.runAsSystem(() -> accounts.listAccounts().stream()
                        .filter(a -> a.username().equals("official")).findFirst().orElseThrow());
        SystemAuthority.runAsSystem(() -> {
            processes.assignToProcess(adminsProcess, official.id(), ProcessRole.OFFICIAL);
            return null;
        });
        ProcessDetails seenByOfficial = signIn.official(() -> processes.getProcess(adminsProcess));
        assertEquals(false, seenByOfficial.canEdit());
        assertThrows(AuthorizationDeniedException.class, () -> signIn.as("official",
                () -> processes.updateProcess(seenByOfficial.form())));
        assertThrows(AuthorizationDeniedException.class, () -> signIn.as("official",
                () -> processes.createProcess(ProcessValidationTest.valid())));
    }

    @Test
    void onlyAdminsAssignTeamsAndRolesMustMatch() {
        long id = signIn.facilitator(() -> processes.createProcess(
                withTitle(ProcessValidationTest.valid(), TestNames.unique("팀"))));
        StaffAccountSummary official = SystemAuthority.runAsSystem(() -> accounts.listAccounts().stream()
                .filter(a -> a.username().equals("official")).findFirst().orElseThrow());
        assertThrows(AuthorizationDeniedException.class, () -> signIn.as("facilitator",
                () -> processes.assignToProcess(id, official.id(), ProcessRole.OFFICIAL)));
        UserFacingException mismatch = assertThrows(UserFacingException.class, () -> SystemAuthority.runAsSystem(() -> {
            processes.assignToProcess(id, official.id(), ProcessRole.FACILITATOR);
            return null;
        }));
        assertEquals("team.role-mismatch", mismatch.messageKey());
    }

    @Test
    void anonymousCallersAreRefusedByTheServiceItself() {
        assertThrows(AuthenticationCredentialsNotFoundException.class, () -> processes.listMyProcesses());
        assertThrows(AuthenticationCredentialsNotFoundException.class, () -> processes.getProcess(1));
    }

    static ProcessForm withTitle(ProcessForm f, String title) {
        return new ProcessForm(f.id(), f.version(), title, f.publicQuestion(), f.description(), f.organiser(),
                f.status(), f.retentionDate(), f.phases());
    }
}
