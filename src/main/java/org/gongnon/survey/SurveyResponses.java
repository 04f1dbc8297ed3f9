package org.gongnon.survey;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Participations and answers, in plain SQL: the hall's busiest path (300 people saving answers within minutes)
 * is a handful of indexed single-row statements, and "insert if absent" races are settled by the unique keys
 * with INSERT IGNORE instead of by catching exceptions.
 */
@Repository
class SurveyResponses {

    private static final char[] KEY_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;

    SurveyResponses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A participation as the citizen's form needs it. */
    record Participation(long id, long participantId, Instant consentedAt, int consentVersion, int currentSection,
                         Instant submittedAt) {

        boolean submitted() {
            return submittedAt != null;
        }
    }

    /** The member's pseudonymous participant id in the process, created on first use. */
    long participantId(long processId, long panelMemberId) {
        for (int attempt = 0; attempt < 5; attempt++) {
            Optional<Long> existing = jdbc.queryForList(
                    "SELECT id FROM survey_participant WHERE process_id = ? AND panel_member_id = ?", Long.class,
                    processId, panelMemberId).stream().findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
            // Ignored when another request created it first (or, very rarely, the random key collides: retried).
            jdbc.update("INSERT IGNORE INTO survey_participant (process_id, panel_member_id, participant_key) "
                    + "VALUES (?, ?, ?)", processId, panelMemberId, newKey());
        }
        throw new IllegalStateException("could not create a participant key");
    }

    /**
     * The pseudonymous participant ids of many members at once (created where missing), by panel member id:
     * one batch instead of a round trip per member, for recorded and synthetic responses.
     */
    Map<Long, Long> participantIds(long processId, java.util.Collection<Long> panelMemberIds) {
        Map<Long, Long> ids = new HashMap<>();
        for (int attempt = 0; attempt < 5; attempt++) {
            ids.clear();
            jdbc.query("SELECT panel_member_id, id FROM survey_participant WHERE process_id = ? "
                    + "AND panel_member_id IS NOT NULL", rs -> {
                        ids.put(rs.getLong(1), rs.getLong(2));
                    }, processId);
            List<Object[]> missing = panelMemberIds.stream().filter(m -> !ids.containsKey(m)).distinct()
                    .map(m -> new Object[] {processId, m, newKey()}).toList();
            if (missing.isEmpty()) {
                return ids;
            }
            // As in participantId: a row another request created first, or a colliding key, is ignored and retried.
            jdbc.batchUpdate("INSERT IGNORE INTO survey_participant (process_id, panel_member_id, participant_key) "
                    + "VALUES (?, ?, ?)", missing);
        }
        throw new IllegalStateException("could not create participant keys");
    }

    /** A participation written in one go: consent, answers as stored, and (unless null) the time of submitting. */
    record Recorded(long participantId, int consentVersion, Instant consentedAt, Instant lastSavedAt,
                    Instant submittedAt, Map<String, String> answers) {
    }

    /**
     * Writes whole participations and their answers in two JDBC batches. The unique keys still hold: a participant
     * who already has a participation in the wave makes the whole batch fail (the caller's transaction rolls back).
     */
    void insertRecorded(long waveId, List<Recorded> recorded) {
        jdbc.batchUpdate("INSERT INTO survey_participation (wave_id, participant_id, consented_at, consent_version, "
                        + "current_section, last_saved_at, submitted_at) VALUES (?, ?, ?, ?, 0, ?, ?)",
                recorded.stream().map(r -> new Object[] {waveId, r.participantId(), ts(r.consentedAt()),
                        r.consentVersion(), ts(r.lastSavedAt()), r.submittedAt() == null ? null : ts(r.submittedAt())})
                        .toList());
        Map<Long, Long> participations = new HashMap<>();
        jdbc.query("SELECT participant_id, id FROM survey_participation WHERE wave_id = ?", rs -> {
            participations.put(rs.getLong(1), rs.getLong(2));
        }, waveId);
        List<Object[]> answers = new ArrayList<>();
        for (Recorded r : recorded) {
            long participation = participations.get(r.participantId());
            r.answers().forEach((code, value) -> answers.add(new Object[] {participation, code, value,
                    ts(r.lastSavedAt())}));
        }
        jdbc.batchUpdate("INSERT INTO survey_answer (participation_id, question_code, answer_value, saved_at) "
                + "VALUES (?, ?, ?, ?)", answers);
    }

    static String newKey() {
        StringBuilder key = new StringBuilder("P");
        for (int i = 0; i < 10; i++) {
            key.append(KEY_ALPHABET[RANDOM.nextInt(KEY_ALPHABET.length)]);
        }
        return key.toString();
    }

    Optional<Participation> participation(long waveId, long participantId) {
        return jdbc.query("SELECT id, participant_id, consented_at, consent_version, current_section, submitted_at "
                        + "FROM survey_participation WHERE wave_id = ? AND participant_id = ?",
                (rs, i) -> new Participation(rs.getLong(1), rs.getLong(2), instant(rs.getTimestamp(3)), rs.getInt(4),
                        rs.getInt(5), instant(rs.getTimestamp(6))), waveId, participantId).stream().findFirst();
    }

    /** Records consent and starts the participation; a second call (another tab) keeps the first one's row. */
    Participation start(long waveId, long participantId, int consentVersion, Instant now) {
        // A consent given again after the texts changed replaces the older one (not after submitting).
        jdbc.update("INSERT INTO survey_participation (wave_id, participant_id, consented_at, consent_version, "
                        + "current_section, last_saved_at) VALUES (?, ?, ?, ?, 0, ?) ON DUPLICATE KEY UPDATE "
                        + "consented_at = IF(submitted_at IS NULL AND consent_version <> VALUES(consent_version), "
                        + "VALUES(consented_at), consented_at), "
                        + "consent_version = IF(submitted_at IS NULL, VALUES(consent_version), consent_version)",
                waveId, participantId, ts(now), consentVersion, ts(now));
        return participation(waveId, participantId).orElseThrow();
    }

    /**
     * Marks the participation as just saved, if not yet submitted. The row lock this takes orders the save
     * against a concurrent submit: an answer can never be added to a response after it was submitted.
     */
    boolean lockOpen(long participationId, Instant now) {
        return jdbc.update("UPDATE survey_participation SET last_saved_at = ? WHERE id = ? AND submitted_at IS NULL",
                ts(now), participationId) == 1;
    }

    void saveAnswer(long participationId, String questionCode, String value, Instant now) {
        jdbc.update("INSERT INTO survey_answer (participation_id, question_code, answer_value, saved_at) "
                        + "VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE answer_value = VALUES(answer_value), "
                        + "saved_at = VALUES(saved_at)", participationId, questionCode, value, ts(now));
    }

    void deleteAnswer(long participationId, String questionCode) {
        jdbc.update("DELETE FROM survey_answer WHERE participation_id = ? AND question_code = ?", participationId,
                questionCode);
    }

    void setSection(long participationId, int section) {
        jdbc.update("UPDATE survey_participation SET current_section = ? WHERE id = ? AND submitted_at IS NULL",
                section, participationId);
    }

    /** Answers as stored, by question code. */
    Map<String, String> answers(long participationId) {
        Map<String, String> answers = new LinkedHashMap<>();
        jdbc.query("SELECT question_code, answer_value FROM survey_answer WHERE participation_id = ? ORDER BY id",
                rs -> {
                    answers.put(rs.getString(1), rs.getString(2));
                }, participationId);
        return answers;
    }

    /** True only for the call that submitted; a repeat (double click, second tab, replay) gets false. */
    boolean markSubmitted(long participationId, Instant now) {
        return jdbc.update("UPDATE survey_participation SET submitted_at = ? WHERE id = ? AND submitted_at IS NULL",
                ts(now), participationId) == 1;
    }

    /**
     * The participation's submit time as last committed. A locking read: under REPEATABLE READ a plain SELECT
     * would show this transaction's snapshot, taken before a concurrent submit that the failed UPDATE has just
     * waited for, and so a time of null.
     */
    Instant latestSubmittedAt(long participationId) {
        return jdbc.query("SELECT submitted_at FROM survey_participation WHERE id = ? FOR UPDATE",
                (rs, i) -> instant(rs.getTimestamp(1)), participationId).stream().findFirst().orElse(null);
    }

    long participations(long waveId) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ?", Long.class,
                waveId);
        return count == null ? 0 : count;
    }

    /** Per wave of the process: {started, submitted}. */
    Map<Long, long[]> counts(long processId) {
        Map<Long, long[]> counts = new HashMap<>();
        jdbc.query("SELECT p.wave_id, COUNT(*), SUM(CASE WHEN p.submitted_at IS NULL THEN 0 ELSE 1 END) "
                        + "FROM survey_participation p JOIN survey_wave w ON w.id = p.wave_id "
                        + "WHERE w.process_id = ? GROUP BY p.wave_id",
                rs -> {
                    counts.put(rs.getLong(1), new long[] {rs.getLong(2), rs.getLong(3)});
                }, processId);
        return counts;
    }

    /** Per panel member who started the wave: whether they have submitted. */
    Map<Long, Boolean> progressByMember(long waveId) {
        Map<Long, Boolean> progress = new HashMap<>();
        jdbc.query("SELECT s.panel_member_id, p.submitted_at FROM survey_participation p "
                        + "JOIN survey_participant s ON s.id = p.participant_id "
                        + "WHERE p.wave_id = ? AND s.panel_member_id IS NOT NULL",
                rs -> {
                    progress.put(rs.getLong(1), rs.getTimestamp(2) != null);
                }, waveId);
        return progress;
    }

    /** The submitted responses of a wave with their raw answers, in submission order. */
    List<RawResponse> submitted(long waveId) {
        Map<Long, RawResponse> responses = new LinkedHashMap<>();
        jdbc.query("SELECT p.id, s.id, s.participant_key, s.panel_member_id, p.submitted_at, a.question_code, "
                        + "a.answer_value, s.strata FROM survey_participation p "
                        + "JOIN survey_participant s ON s.id = p.participant_id "
                        + "LEFT JOIN survey_answer a ON a.participation_id = p.id "
                        + "WHERE p.wave_id = ? AND p.submitted_at IS NOT NULL ORDER BY p.submitted_at, p.id, a.id",
                rs -> {
                    long participationId = rs.getLong(1);
                    RawResponse response = responses.get(participationId);
                    if (response == null) {
                        long member = rs.getLong(4);
                        Long memberOrNull = rs.wasNull() ? null : member;
                        if (memberOrNull == null && rs.getString(8) != null) {
                            memberOrNull = strataKey(rs.getLong(2)); // link cut by retention, strata kept
                        }
                        response = new RawResponse(rs.getLong(2), rs.getString(3), memberOrNull,
                                instant(rs.getTimestamp(5)), new LinkedHashMap<>());
                        responses.put(participationId, response);
                    }
                    String code = rs.getString(6);
                    if (code != null) {
                        response.answers().put(code, rs.getString(7));
                    }
                }, waveId);
        return new ArrayList<>(responses.values());
    }

    /**
     * After the retention job has cut a participant's link to their panel member, the participant's kept strata
     * stand in for the roster: responses carry this negative "member id", and {@link #keptStrata} maps it to them.
     */
    static long strataKey(long participantId) {
        return -participantId;
    }

    /** The strata kept on participants whose link to the panel was cut, by {@link #strataKey}. */
    Map<Long, Map<String, String>> keptStrata(long processId) {
        Map<Long, Map<String, String>> kept = new HashMap<>();
        jdbc.query("SELECT id, strata FROM survey_participant WHERE process_id = ? AND panel_member_id IS NULL "
                + "AND strata IS NOT NULL", rs -> {
                    Map<String, String> values = new LinkedHashMap<>();
                    for (String line : rs.getString(2).split("\n")) {
                        int eq = line.indexOf('=');
                        if (eq > 0) {
                            values.put(line.substring(0, eq), line.substring(eq + 1));
                        }
                    }
                    kept.put(strataKey(rs.getLong(1)), values);
                }, processId);
        return kept;
    }

    /** A submitted response with answers as stored (decoded by the caller, who knows the questions). */
    record RawResponse(long participantId, String participantKey, Long panelMemberId, Instant submittedAt,
                       Map<String, String> answers) {
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
