package org.gongnon.base.crypto;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At startup, once Liquibase has run: checks that the data key is the one the database was encrypted with
 * (refusing to start otherwise, instead of failing on the first read), then rewrites, encrypted, every value
 * of the declared {@link EncryptedColumn}s still in plaintext (a database from before encryption).
 */
@Component
@DependsOnDatabaseInitialization
public class EncryptedColumns implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(EncryptedColumns.class);
    static final String KEY_CHECK = "gongnon data key check";

    private final JdbcTemplate jdbc;
    private final DataCipher cipher;
    private final List<EncryptedColumn> columns;
    private final TransactionTemplate transactions;

    EncryptedColumns(JdbcTemplate jdbc, DataCipher cipher, List<EncryptedColumn> columns,
                     TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.columns = List.copyOf(columns);
        this.transactions = transactions;
    }

    @Override
    public void afterPropertiesSet() {
        verifyKey(jdbc, cipher);
        transactions.executeWithoutResult(status -> {
            for (EncryptedColumn c : columns) {
                int rewritten = encryptPlaintext(c);
                if (rewritten > 0) {
                    log.info("Encrypted {} plaintext value(s) of {}.{}", rewritten, c.table(), c.column());
                }
            }
        });
    }

    /**
     * The first start stores a known text encrypted; every later start must decrypt it, so a wrong or lost
     * key is reported at once.
     */
    public static void verifyKey(JdbcTemplate jdbc, DataCipher cipher) {
        List<String> stored = jdbc.queryForList("SELECT check_value FROM data_key_check WHERE id = 1", String.class);
        if (stored.isEmpty()) {
            jdbc.update("INSERT INTO data_key_check (id, check_value) VALUES (1, ?)", cipher.encrypt(KEY_CHECK));
            return;
        }
        String decrypted;
        try {
            decrypted = cipher.decrypt(stored.getFirst());
        } catch (DataCipher.DataDecryptionException e) {
            throw new IllegalStateException("The data key (GONGNON_DATA_KEY) is not the key this database's personal "
                    + "data was encrypted with; refusing to start. Set the original key.", e);
        }
        if (!KEY_CHECK.equals(decrypted)) {
            throw new IllegalStateException("The database's data key check holds an unexpected value");
        }
    }

    /** Rewrites the column's plaintext values encrypted; returns how many. */
    int encryptPlaintext(EncryptedColumn c) {
        String select = "SELECT " + c.idColumn() + ", " + c.column() + " FROM " + c.table() + " WHERE "
                + c.column() + " IS NOT NULL AND " + c.column() + " NOT LIKE 'v1:%'";
        String update = "UPDATE " + c.table() + " SET " + c.column() + " = ? WHERE " + c.idColumn() + " = ?";
        List<Map<String, Object>> rows = jdbc.queryForList(select);
        jdbc.batchUpdate(update, rows, 500, (PreparedStatement ps, Map<String, Object> row) -> {
            Object value = row.get(c.column());
            if (c.binary()) {
                ps.setBytes(1, cipher.encrypt((byte[]) value));
            } else {
                ps.setString(1, cipher.encrypt((String) value));
            }
            ps.setLong(2, ((Number) row.get(c.idColumn())).longValue());
        });
        return rows.size();
    }
}
