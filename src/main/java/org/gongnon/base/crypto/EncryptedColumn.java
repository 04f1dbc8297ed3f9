package org.gongnon.base.crypto;

/**
 * A column a feature stores encrypted, declared as a bean so that {@link EncryptedColumns} can rewrite values
 * written before encryption existed.
 *
 * @param binary true for a BLOB column (encrypted as bytes), false for text
 */
public record EncryptedColumn(String table, String idColumn, String column, boolean binary) {

    public EncryptedColumn {
        for (String name : new String[] {table, idColumn, column}) {
            if (!name.matches("[a-z_]+")) {
                throw new IllegalArgumentException("not a plain column name: " + name);
            }
        }
    }
}
