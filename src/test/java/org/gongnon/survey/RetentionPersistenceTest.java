package org.gongnon.survey;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.MessageChannel;
import org.gongnon.process.OutboxService;
import org.gongnon.process.OutgoingMessage;
import org.gongnon.process.PanelService;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The retention job on the real database: a process past its retention date loses names, contacts, messages,
 * citizen access and the survey link, while its survey answers, analysis and export stay the same; a process
 * before its date is untouched; a second run changes nothing.
 */
@SpringBootTest
class RetentionPersistenceTest {

    @Autowired
    AnalysisFixture analysisFixture;
    @Autowired
    SignIn signIn;
    @Autowired
    SeatedPanels seatedPanels;
    @Autowired
    SurveyService surveys;
    @Autowired
    PanelService panel;
    @Autowired
    CitizenAccessService citizens;
    @Autowired
    SurveyAnalysisService analysis;
    @Autowired
    SurveyExportService exports;
    @Autowired
    OutboxService outbox;
    @Autowired
    RetentionService retention;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    /** Everything personal or linking of one process, as one comparable snapshot. */
    Map<String, Object> personalData(long processId) {
        return Map.of(
                "pool", jdbc.queryForList("SELECT name, phone, email FROM pool_member WHERE process_id = ? ORDER BY id",
                        processId),
                "panel", jdbc.queryForList("SELECT display_name, token_hash, code_id FROM panel_member "
                        + "WHERE process_id = ? ORDER BY id", processId),
                "outbox", jdbc.queryForList("SELECT recipient, body FROM outbox_message WHERE process_id = ? "
                        + "ORDER BY id", processId),
                "links", jdbc.queryForList("SELECT panel_member_id FROM survey_participant WHERE process_id = ? "
                        + "ORDER BY id", processId));
    }

    long count(String sql, long processId) {
        return jdbc.queryForObject(sql, Long.class, processId);
    }

    @Test
    void pastItsDateAProcessLosesContactsAndLinksButKeepsItsResearchData() {
        AnalysisFixture.Built built = analysisFixture.build();
        long expired = built.processId();
        long current = seatedPanels.newProcessWithPanel(TestNames.unique("보존 기간 전"), 20, 120);
        signIn.as("facilitator", () -> panel.issueAccess(signIn.as("facilitator", () -> panel.listPanel(current)).getFirst().id()));
        for (long processId : List.of(expired, current)) {
            signIn.as("facilitator", () -> outbox.enqueue(processId, List.of(new OutgoingMessage(processId, null,
                    MessageChannel.EMAIL, "someone@example.org", "초대", "홍길동 님, 초대합니다", "test"))));
        }
        jdbc.update("UPDATE deliberation_process SET retention_date = ? WHERE id = ?",
                java.sql.Date.valueOf(LocalDate.now(clock).minusDays(1)), expired);
        jdbc.update("UPDATE deliberation_process SET retention_date = ? WHERE id = ?",
                java.sql.Date.valueOf(LocalDate.now(clock)), current); // due only after today

        assertTrue(count("SELECT COUNT(*) FROM pool_member WHERE process_id = ? AND phone IS NOT NULL", expired) > 0);
        assertTrue(count("SELECT COUNT(*) FROM panel_member WHERE process_id = ? AND token_hash IS NOT NULL",
                expired) > 0, "the fixture's citizens have personal links");
        long answers = count("SELECT COUNT(*) FROM survey_answer a JOIN survey_participation p "
                + "ON p.id = a.participation_id JOIN survey_wave w ON w.id = p.wave_id WHERE w.process_id = ?", expired);
        SurveyAnalysis analysisBefore = signIn.as("facilitator", () -> analysis.analysis(expired, null, null, null));
        byte[] exportBefore = signIn.as("facilitator", () -> exports.processResponses(expired, ExportFormat.CSV)).content();
        Map<String, Object> currentBefore = personalData(current);

        List<Long> done = signIn.as("admin", () -> retention.applyDueRetention());

        assertTrue(done.contains(expired));
        assertFalse(done.contains(current));
        assertEquals(0, count("SELECT COUNT(*) FROM pool_member WHERE process_id = ? AND (phone IS NOT NULL "
                + "OR email IS NOT NULL OR name <> CONCAT('#', id))", expired));
        assertEquals(0, count("SELECT COUNT(*) FROM panel_member WHERE process_id = ? AND (display_name <> "
                + "CONCAT('#', id) OR token_hash IS NOT NULL OR code_id IS NOT NULL OR code_secret_hash IS NOT NULL)",
                expired));
        assertEquals(0, count("SELECT COUNT(*) FROM checkin_pass c JOIN panel_member m ON m.id = c.panel_member_id "
                + "WHERE m.process_id = ?", expired));
        assertEquals(0, count("SELECT COUNT(*) FROM outbox_message WHERE process_id = ? AND (recipient <> '' "
                + "OR body <> '')", expired));
        assertEquals(0, count("SELECT COUNT(*) FROM survey_participant WHERE process_id = ? "
                + "AND (panel_member_id IS NOT NULL OR strata IS NULL)", expired), "links cut, strata kept");
        assertEquals(answers, count("SELECT COUNT(*) FROM survey_answer a JOIN survey_participation p "
                + "ON p.id = a.participation_id JOIN survey_wave w ON w.id = p.wave_id WHERE w.process_id = ?",
                expired), "every answer stays");

        // The analysis, strata included, and the export read the same as before from the kept strata.
        assertEquals(analysisBefore, signIn.as("facilitator", () -> analysis.analysis(expired, null, null, null)));
        assertArrayEquals(exportBefore,
                signIn.as("facilitator", () -> exports.processResponses(expired, ExportFormat.CSV)).content());

        assertEquals(currentBefore, personalData(current), "a process before its date is untouched");
        assertFalse(signIn.as("admin", () -> retention.applyDueRetention()).contains(expired), "done once");
        assertEquals(0, count("SELECT COUNT(*) FROM personal_data_access WHERE process_id = ? AND action = 'DELETE' "
                + "AND subject LIKE '%retention%'", current));
        assertEquals(1, count("SELECT COUNT(*) FROM personal_data_access WHERE process_id = ? AND action = 'DELETE'",
                expired), "the deletion is in the access log");

        // The scheduled run works with nobody signed in (as the system), here for the other process once it is due.
        jdbc.update("UPDATE deliberation_process SET retention_date = ? WHERE id = ?",
                java.sql.Date.valueOf(LocalDate.now(clock).minusDays(1)), current);
        SecurityContextHolder.clearContext();
        retention.scheduledRun();
        assertEquals(0, count("SELECT COUNT(*) FROM pool_member WHERE process_id = ? AND (phone IS NOT NULL "
                + "OR email IS NOT NULL)", current));
        assertTrue(count("SELECT COUNT(*) FROM pool_member WHERE process_id = ?", current) > 0);
    }
}
