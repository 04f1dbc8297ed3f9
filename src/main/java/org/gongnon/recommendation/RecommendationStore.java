package org.gongnon.recommendation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.gongnon.algorithms.stats.SupportThresholds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Items, their append-only versions, minority opinions and thresholds, in plain SQL. A version row is written
 * once and never updated; the item row only says which version is current, where it stands in the list and
 * whether it was deleted.
 */
@Repository
class RecommendationStore {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcTemplate jdbc;

    RecommendationStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** An item row with its current version. */
    record Row(long itemId, long processId, int position, ItemVersion current) {
    }

    private static final String ROW_SELECT = "SELECT i.id, i.process_id, i.position, v.version_no, v.title, v.body, "
            + "v.rationale, v.options, v.vote_wave_id, v.vote_question_code, v.rule_kind, v.rule_min, v.rule_options, "
            + "v.change_note, v.author_name, v.created_at FROM recommendation_item i "
            + "JOIN recommendation_item_version v ON v.item_id = i.id AND v.version_no = i.current_version ";

    /** The process's items that are not deleted, in list order. */
    List<Row> items(long processId) {
        return jdbc.query(ROW_SELECT + "WHERE i.process_id = ? AND i.deleted_at IS NULL ORDER BY i.position, i.id",
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), version(rs, 4)), processId);
    }

    /** An item that is not deleted. */
    Optional<Row> item(long itemId) {
        return jdbc.query(ROW_SELECT + "WHERE i.id = ? AND i.deleted_at IS NULL",
                (rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getInt(3), version(rs, 4)), itemId)
                .stream().findFirst();
    }

    /** The process of an item (deleted or not), to check access before saying anything else about it. */
    Optional<Long> processOf(long itemId) {
        return jdbc.queryForList("SELECT process_id FROM recommendation_item WHERE id = ?", Long.class, itemId)
                .stream().findFirst();
    }

    List<ItemVersion> versions(long itemId) {
        return jdbc.query("SELECT version_no, title, body, rationale, options, vote_wave_id, vote_question_code, "
                        + "rule_kind, rule_min, rule_options, change_note, author_name, created_at "
                        + "FROM recommendation_item_version WHERE item_id = ? ORDER BY version_no",
                (rs, n) -> version(rs, 1), itemId);
    }

    long insertItem(long processId) {
        Integer last = jdbc.queryForObject("SELECT MAX(position) FROM recommendation_item WHERE process_id = ?",
                Integer.class, processId);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        int position = last == null ? 1 : last + 1;
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO recommendation_item (process_id, position, current_version) "
                    + "VALUES (?, ?, 1)", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, processId);
            ps.setInt(2, position);
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    /** Points the item at its next version, if it is still at {@code expected}: false when someone else was first. */
    boolean advance(long itemId, int expected) {
        return jdbc.update("UPDATE recommendation_item SET current_version = ? WHERE id = ? AND current_version = ? "
                + "AND deleted_at IS NULL", expected + 1, itemId, expected) == 1;
    }

    void insertVersion(long itemId, int versionNo, ItemVersion v, Long authorAccountId) {
        SupportRule rule = v.rule();
        jdbc.update("INSERT INTO recommendation_item_version (item_id, version_no, title, body, rationale, options, "
                        + "vote_wave_id, vote_question_code, rule_kind, rule_min, rule_options, change_note, "
                        + "author_account_id, author_name, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                itemId, versionNo, v.title(), v.text(), v.rationale(), JSON.writeValueAsString(v.options()),
                v.voteWaveId(), v.voteQuestionCode(), rule == null ? null : rule.kind().name(),
                rule == null ? null : rule.min(),
                rule == null || rule.optionCodes().isEmpty() ? null : String.join(",", rule.optionCodes()),
                v.changeNote(), authorAccountId, v.author(), ts(v.createdAt()));
    }

    boolean markDeleted(long itemId, Instant now, String actor) {
        return jdbc.update("UPDATE recommendation_item SET deleted_at = ?, deleted_by = ? WHERE id = ? "
                + "AND deleted_at IS NULL", ts(now), actor, itemId) == 1;
    }

    void setPosition(long itemId, int position) {
        jdbc.update("UPDATE recommendation_item SET position = ? WHERE id = ?", position, itemId);
    }

    /** Locks the process's item rows, so two moves at once cannot interleave their swaps. */
    void lockItems(long processId) {
        jdbc.query("SELECT id FROM recommendation_item WHERE process_id = ? FOR UPDATE", rs -> { }, processId);
    }

    // --- minority opinions ----------------------------------------------------------------------------------

    /** An opinion with the item it belongs to. */
    record OpinionRow(long itemId, ItemResult.MinorityOpinion opinion) {
    }

    List<ItemResult.MinorityOpinion> opinions(long itemId) {
        return jdbc.query("SELECT id, position, reasons, holders, recorded_by, recorded_at FROM minority_opinion "
                + "WHERE item_id = ? ORDER BY id", (rs, n) -> opinion(rs), itemId);
    }

    Optional<OpinionRow> opinion(long opinionId) {
        return jdbc.query("SELECT id, position, reasons, holders, recorded_by, recorded_at, item_id "
                        + "FROM minority_opinion WHERE id = ?", (rs, n) -> new OpinionRow(rs.getLong(7), opinion(rs)),
                opinionId).stream().findFirst();
    }

    long insertOpinion(long itemId, String position, String reasons, int holders, String actor, Instant now) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(c -> {
            var ps = c.prepareStatement("INSERT INTO minority_opinion (item_id, position, reasons, holders, "
                    + "recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS);
            ps.setLong(1, itemId);
            ps.setString(2, position);
            ps.setString(3, reasons);
            ps.setInt(4, holders);
            ps.setString(5, actor);
            ps.setTimestamp(6, ts(now));
            return ps;
        }, key);
        return key.getKey().longValue();
    }

    void updateOpinion(long opinionId, String position, String reasons, int holders, String actor, Instant now) {
        jdbc.update("UPDATE minority_opinion SET position = ?, reasons = ?, holders = ?, recorded_by = ?, "
                + "recorded_at = ? WHERE id = ?", position, reasons, holders, actor, ts(now), opinionId);
    }

    void deleteOpinion(long opinionId) {
        jdbc.update("DELETE FROM minority_opinion WHERE id = ?", opinionId);
    }

    // --- thresholds -----------------------------------------------------------------------------------------

    Optional<SupportThresholds> thresholds(long processId) {
        return jdbc.query("SELECT adopt_threshold, reservations_threshold FROM recommendation_settings "
                        + "WHERE process_id = ?",
                (rs, n) -> new SupportThresholds(rs.getBigDecimal(1).doubleValue(), rs.getBigDecimal(2).doubleValue()),
                processId).stream().findFirst();
    }

    void saveThresholds(long processId, SupportThresholds t, String actor, Instant now) {
        jdbc.update("INSERT INTO recommendation_settings (process_id, adopt_threshold, reservations_threshold, "
                        + "updated_at, updated_by) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE "
                        + "adopt_threshold = VALUES(adopt_threshold), "
                        + "reservations_threshold = VALUES(reservations_threshold), updated_at = VALUES(updated_at), "
                        + "updated_by = VALUES(updated_by)",
                processId, fraction(t.adopt()), fraction(t.reservations()), ts(now), actor);
    }

    /** Ten decimals: 2/3 stored as 0.6666666667 still lets 2 of 3 meet it (SupportShare allows 1e-9 per voter). */
    private static BigDecimal fraction(double value) {
        return BigDecimal.valueOf(value).setScale(10, RoundingMode.HALF_UP);
    }

    // --- mapping --------------------------------------------------------------------------------------------

    private static ItemVersion version(ResultSet rs, int from) throws SQLException {
        long wave = rs.getLong(from + 5);
        Long waveId = rs.wasNull() ? null : wave;
        String kind = rs.getString(from + 7);
        int min = rs.getInt(from + 8);
        Integer ruleMin = rs.wasNull() ? null : min;
        String options = rs.getString(from + 9);
        SupportRule rule = kind == null ? null : new SupportRule(RuleKind.valueOf(kind), ruleMin,
                options == null ? List.of() : Arrays.asList(options.split(",")));
        return new ItemVersion(rs.getInt(from), rs.getString(from + 1), rs.getString(from + 2), rs.getString(from + 3),
                Arrays.asList(JSON.readValue(rs.getString(from + 4), ItemOption[].class)), waveId,
                rs.getString(from + 6), rule, rs.getString(from + 10), rs.getString(from + 11),
                rs.getTimestamp(from + 12).toInstant());
    }

    private static ItemResult.MinorityOpinion opinion(ResultSet rs) throws SQLException {
        return new ItemResult.MinorityOpinion(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                rs.getString(5), rs.getTimestamp(6).toInstant());
    }

    private static Timestamp ts(Instant instant) {
        return Timestamp.from(instant.truncatedTo(ChronoUnit.MICROS));
    }
}
