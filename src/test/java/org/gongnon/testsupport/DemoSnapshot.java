package org.gongnon.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.gongnon.demo.DemoData;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the demo process holds, table by table (a row count and a checksum of the columns that say what a row
 * is), so a test that changes the shared demo is caught ({@link TestFixturesListener}). Tests read the demo; a
 * test that writes makes its own process.
 *
 * <p>Left out on purpose: a member's credentials (issuing a fresh link to a demo citizen is how tests sign in as
 * one) and name (stored encrypted, so its bytes change whenever the row is saved), check-in codes (made when a
 * citizen first opens their page), a published report's files (rendered once, at the first download: the same
 * bytes whoever asks first), and the access and download logs (reading is logged; tests of the logs compare with
 * what was there before).
 */
record DemoSnapshot(long processId, Map<String, String> tables) {

    /** Table → the rows of the demo process it holds: {@code FROM … WHERE …} with {@code ?} for the process id. */
    private static final Map<String, String[]> OWNED = new LinkedHashMap<>();

    static {
        own("deliberation_process", "FROM deliberation_process WHERE id = ?", "version", "title", "public_question",
                "description", "organiser", "status", "retention_date", "personal_data_deleted_at");
        own("process_phase", "FROM process_phase WHERE process_id = ?", "phase", "planned_start", "planned_end");
        own("process_membership", "FROM process_membership WHERE process_id = ?", "account_id", "role");
        // The demo's staff accounts, which every test signs in with (the process id only keeps the query's shape).
        own("staff_account", "FROM staff_account WHERE username IN ('admin', 'facilitator', 'official') AND ? > 0",
                "id", "version", "username", "display_name", "password_hash", "role", "enabled");
        own("panel_member", "FROM panel_member WHERE process_id = ?", "id", "pool_member_id", "withdrawn_at");
        own("recruitment_plan", "FROM recruitment_plan WHERE process_id = ?", "version", "updated_at");
        own("recruitment_feature", "FROM recruitment_feature WHERE process_id = ?", "id", "position", "name",
                "derivation");
        own("recruitment_feature_value", "FROM recruitment_feature_value v JOIN recruitment_feature f "
                + "ON f.id = v.feature_id WHERE f.process_id = ?", "v.feature_id", "v.position", "v.value_label",
                "v.population_share", "v.quota_min", "v.quota_max");
        own("pool_import", "FROM pool_import WHERE process_id = ?", "id", "accepted_rows", "rejected_rows");
        own("pool_member", "FROM pool_member WHERE process_id = ?", "id", "import_id", "source_row");
        own("sortition_draw", "FROM sortition_draw WHERE process_id = ?", "id", "seed", "fingerprint");
        own("draw_entry", "FROM draw_entry e JOIN sortition_draw d ON d.id = e.draw_id WHERE d.process_id = ?",
                "e.pool_member_id", "e.outcome", "e.position");
        own("draw_replacement", "FROM draw_replacement r JOIN sortition_draw d ON d.id = r.draw_id "
                + "WHERE d.process_id = ?", "r.id", "r.declined_member_id", "r.replacement_member_id");
        own("panel_seating", "FROM panel_seating WHERE process_id = ?", "draw_id", "seated_at");
        own("venue", "FROM venue WHERE process_id = ?", "id", "version");
        own("deliberation_round", "FROM deliberation_round WHERE process_id = ?", "id", "version");
        own("deliberation_session", "FROM deliberation_session WHERE process_id = ?", "id", "version");
        own("agenda_item", "FROM agenda_item a JOIN deliberation_session s ON s.id = a.session_id "
                + "WHERE s.process_id = ?", "a.id", "a.starts_at", "a.ends_at", "a.kind", "a.title");
        own("programme_settings", "FROM programme_settings WHERE process_id = ?", "version");
        own("invitation", "FROM invitation i JOIN deliberation_session s ON s.id = i.session_id "
                + "WHERE s.process_id = ?", "i.id", "i.version", "i.status");
        own("attendance", "FROM attendance a JOIN deliberation_session s ON s.id = a.session_id "
                + "WHERE s.process_id = ?", "a.id", "a.version", "a.late", "a.left_early_at");
        own("table_plan", "FROM table_plan t JOIN deliberation_session s ON s.id = t.session_id "
                + "WHERE s.process_id = ?", "t.id", "t.version");
        own("table_seat", "FROM table_seat t JOIN table_plan p ON p.id = t.plan_id JOIN deliberation_session s "
                + "ON s.id = p.session_id WHERE s.process_id = ?", "t.plan_id", "t.panel_member_id", "t.table_no",
                "t.pinned");
        own("table_host", "FROM table_host t JOIN table_plan p ON p.id = t.plan_id JOIN deliberation_session s "
                + "ON s.id = p.session_id WHERE s.process_id = ?", "t.plan_id", "t.table_no", "t.facilitator");
        own("outbox_message", "FROM outbox_message WHERE process_id = ?", "id", "status", "attempts");
        own("survey_wave", "FROM survey_wave WHERE process_id = ?", "id", "version", "status");
        own("survey_participant", "FROM survey_participant WHERE process_id = ?", "id", "panel_member_id");
        own("survey_participation", "FROM survey_participation p JOIN survey_wave w ON w.id = p.wave_id "
                + "WHERE w.process_id = ?", "p.id", "p.consented_at", "p.current_section", "p.submitted_at");
        own("survey_answer", "FROM survey_answer a JOIN survey_participation p ON p.id = a.participation_id "
                + "JOIN survey_wave w ON w.id = p.wave_id WHERE w.process_id = ?", "a.id", "a.answer_value",
                "a.saved_at");
        own("recommendation_settings", "FROM recommendation_settings WHERE process_id = ?", "adopt_threshold",
                "reservations_threshold", "updated_at");
        own("recommendation_item", "FROM recommendation_item WHERE process_id = ?", "id", "position",
                "current_version", "deleted_at");
        own("recommendation_item_version", "FROM recommendation_item_version v JOIN recommendation_item i "
                + "ON i.id = v.item_id WHERE i.process_id = ?", "v.id");
        own("minority_opinion", "FROM minority_opinion m JOIN recommendation_item i ON i.id = m.item_id "
                + "WHERE i.process_id = ?", "m.id", "m.reasons", "m.holders", "m.recorded_at");
        own("report_version", "FROM report_version WHERE process_id = ?", "id", "version", "status");
        own("government_response", "FROM government_response g JOIN report_version r ON r.id = g.report_id "
                + "WHERE r.process_id = ?", "g.id", "g.revision", "g.status");
        own("government_response_history", "FROM government_response_history h JOIN government_response g "
                + "ON g.id = h.response_id JOIN report_version r ON r.id = g.report_id WHERE r.process_id = ?",
                "h.id");
    }

    private static void own(String table, String from, String... columns) {
        OWNED.put(table, new String[] {from, String.join(", ", columns)});
    }

    /** The demo process as it is now, or null when this database has none. */
    static DemoSnapshot take(JdbcTemplate jdbc) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM deliberation_process WHERE title = ? ORDER BY id",
                Long.class, DemoData.PROCESS_TITLE);
        return ids.isEmpty() ? null : take(jdbc, ids.getFirst());
    }

    static DemoSnapshot take(JdbcTemplate jdbc, long processId) {
        Map<String, String> tables = new LinkedHashMap<>();
        OWNED.forEach((table, q) -> tables.put(table, jdbc.queryForObject(
                "SELECT CONCAT(COUNT(*), ' rows, checksum ', COALESCE(SUM(CRC32(CONCAT_WS('|', " + q[1] + "))), 0)) "
                        + q[0], String.class, processId)));
        return new DemoSnapshot(processId, tables);
    }

    /** What changed since {@code before}, one line a table; empty when nothing did. */
    List<String> changesSince(DemoSnapshot before) {
        return tables.keySet().stream().filter(t -> !Objects.equals(before.tables.get(t), tables.get(t)))
                .map(t -> t + ": " + before.tables.get(t) + " → " + tables.get(t)).toList();
    }
}
