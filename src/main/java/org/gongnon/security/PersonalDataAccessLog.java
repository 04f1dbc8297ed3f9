package org.gongnon.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the tamper-evident log of who viewed, exported or used whose personal data. Features call
 * {@link #record} from their service methods; it writes in its own transaction (the caller's may be read-only,
 * and a refused or failed caller has still looked), under a lock on the head row so the chain stays linear.
 * Each row stores SHA-256(previous hash ‖ canonical content); {@link #verify} walks the chain.
 */
@Component
public class PersonalDataAccessLog {

    static final String GENESIS = "0".repeat(64);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate newTransaction;
    private final Clock clock;
    /** The server's key for the rows' HMAC; null when none is configured (the chain alone is kept then). */
    private final SecretKeySpec key;
    private final Map<String, Instant> recentViews = new ConcurrentHashMap<>();

    static final Duration VIEW_WINDOW = Duration.ofMinutes(5);

    PersonalDataAccessLog(JdbcTemplate jdbc, PlatformTransactionManager transactions, Clock clock,
                          @Value("${gongnon.access-log.key:}") String key) {
        this.key = key.isBlank() ? null : new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.jdbc = jdbc;
        this.newTransaction = new TransactionTemplate(transactions);
        this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /**
     * Records that the signed-in user did {@code action} with the personal data described by {@code subject}
     * (e.g. "pool of process 7", never the data itself) concerning {@code people} persons.
     */
    public void record(Long processId, PersonalDataAction action, String subject, int people) {
        Actor actor = actor();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (action == PersonalDataAction.VIEW && seenRecently(actor, processId, subject, at)) {
            return;
        }
        newTransaction.executeWithoutResult(status -> {
            Map<String, Object> head = jdbc.queryForMap(
                    "SELECT last_seq, last_hash FROM personal_data_access_head WHERE id = 1 FOR UPDATE");
            long seq = ((Number) head.get("last_seq")).longValue() + 1;
            String prev = (String) head.get("last_hash");
            String hash = hash(prev, canonical(seq, at, actor.id(), actor.name(), processId, action, subject, people));
            jdbc.update("INSERT INTO personal_data_access (seq, at, account_id, account_name, process_id, action, "
                            + "subject, people, prev_hash, row_hash, row_mac) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    seq, Timestamp.from(at), actor.id(), actor.name(), processId, action.name(), subject, people,
                    prev, hash, key == null ? null : mac(hash));
            jdbc.update("UPDATE personal_data_access_head SET last_seq = ?, last_hash = ? WHERE id = 1", seq, hash);
        });
    }

    /**
     * Pages that refresh themselves (the check-in tablet polls every few seconds) would fill the log with the
     * same view: the same person viewing the same list again within {@link #VIEW_WINDOW} is recorded once.
     */
    private boolean seenRecently(Actor actor, Long processId, String subject, Instant at) {
        String key = actor.name() + "\u001f" + processId + "\u001f" + subject;
        Instant last = recentViews.get(key);
        if (last != null && last.plus(VIEW_WINDOW).isAfter(at)) {
            return true;
        }
        if (recentViews.size() > 10_000) {
            recentViews.values().removeIf(t -> t.plus(VIEW_WINDOW).isBefore(at));
        }
        recentViews.put(key, at);
        return false;
    }

    /** The latest rows, newest first, optionally of one process. */
    public List<PersonalDataAccess> latest(Long processId, int limit) {
        return processId == null
                ? jdbc.query("SELECT * FROM personal_data_access ORDER BY seq DESC LIMIT ?", ROW, limit)
                : jdbc.query("SELECT * FROM personal_data_access WHERE process_id = ? ORDER BY seq DESC LIMIT ?",
                        ROW, processId, limit);
    }

    /** Walks the whole chain in order and reports the first row whose link, content or place is wrong. */
    public ChainVerification verify() {
        long[] checked = {0};
        String[] prev = {GENESIS};
        long[] expectedSeq = {1};
        ChainVerification[] broken = {null};
        boolean[] signed = {false}; // once rows are signed, every later row must be
        jdbc.query("SELECT * FROM personal_data_access ORDER BY seq", rs -> {
            if (broken[0] != null) {
                return;
            }
            PersonalDataAccess row = ROW.mapRow(rs, 0);
            checked[0]++;
            if (row.seq() != expectedSeq[0]) {
                broken[0] = ChainVerification.broken(checked[0], row.seq(),
                        "row(s) missing before this one (expected " + expectedSeq[0] + ")");
            } else if (!row.prevHash().equals(prev[0])) {
                broken[0] = ChainVerification.broken(checked[0], row.seq(), "link to the previous row does not match");
            } else if (!row.rowHash().equals(hash(row.prevHash(), canonical(row)))) {
                broken[0] = ChainVerification.broken(checked[0], row.seq(), "content does not match its hash");
            } else if (key != null) {
                String mac = rowMac(rs);
                if (mac == null && signed[0]) {
                    broken[0] = ChainVerification.broken(checked[0], row.seq(), "signature missing");
                } else if (mac != null && !mac.equals(mac(row.rowHash()))) {
                    broken[0] = ChainVerification.broken(checked[0], row.seq(), "signature does not match");
                }
                signed[0] |= mac != null;
            }
            prev[0] = row.rowHash();
            expectedSeq[0] = row.seq() + 1;
        });
        if (broken[0] != null) {
            return broken[0];
        }
        Map<String, Object> head = jdbc.queryForMap("SELECT last_seq, last_hash FROM personal_data_access_head");
        long lastSeq = ((Number) head.get("last_seq")).longValue();
        if (lastSeq != expectedSeq[0] - 1 || !prev[0].equals(head.get("last_hash"))) {
            return ChainVerification.broken(checked[0], expectedSeq[0],
                    "the log ends before its head (last " + lastSeq + "): latest row(s) deleted or changed");
        }
        return ChainVerification.ok(checked[0]);
    }

    private static final RowMapper<PersonalDataAccess> ROW = (rs, n) -> {
        long account = rs.getLong("account_id");
        Long accountId = rs.wasNull() ? null : account;
        long process = rs.getLong("process_id");
        Long processId = rs.wasNull() ? null : process;
        return new PersonalDataAccess(rs.getLong("seq"), rs.getTimestamp("at").toInstant(), accountId,
                rs.getString("account_name"), processId, PersonalDataAction.valueOf(rs.getString("action")),
                rs.getString("subject"), rs.getInt("people"), rs.getString("prev_hash"), rs.getString("row_hash"));
    };

    static String canonical(PersonalDataAccess row) {
        return canonical(row.seq(), row.at(), row.accountId(), row.accountName(), row.processId(), row.action(),
                row.subject(), row.people());
    }

    /** Fields joined by a unit separator, so no value can shift into its neighbour. */
    static String canonical(long seq, Instant at, Long accountId, String accountName, Long processId,
                            PersonalDataAction action, String subject, int people) {
        return String.join("\u001f", Long.toString(seq), at.truncatedTo(ChronoUnit.MICROS).toString(),
                String.valueOf(accountId), accountName, String.valueOf(processId), action.name(), subject,
                Integer.toString(people));
    }

    private static String rowMac(java.sql.ResultSet rs) throws java.sql.SQLException {
        return rs.getString("row_mac");
    }

    private String mac(String rowHash) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(key);
            return HexFormat.of().formatHex(hmac.doFinal(rowHash.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hash(String prev, String content) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(prev.getBytes(StandardCharsets.US_ASCII));
            sha.update((byte) '\n');
            sha.update(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Actor(Long id, String name) {
    }

    private static Actor actor() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null) {
            return new Actor(null, "system");
        }
        if (auth.getPrincipal() instanceof StaffUser staff) {
            return new Actor(staff.accountId(), staff.getUsername());
        }
        if (auth.getPrincipal() instanceof CitizenPrincipal citizen) {
            return new Actor(null, "citizen #" + citizen.panelMemberId());
        }
        return new Actor(null, auth.getName());
    }
}
