package org.gongnon.recruitment;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.LinkedHashMap;
import java.util.Map;
import org.gongnon.base.crypto.EncryptedString;

/** A poll respondent who may be drawn: contact details and a value for each of the process's features. */
@Entity
@Table(name = "pool_member")
class PoolMember {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(name = "import_id", nullable = false)
    private long importId;

    @Column(name = "source_row", nullable = false)
    private int sourceRow;

    // Name, phone and e-mail are encrypted at rest (AES-256-GCM); PoolService's batch insert encrypts the same way.
    @Convert(converter = EncryptedString.class)
    @Column(nullable = false, length = 600)
    private String name;

    @Convert(converter = EncryptedString.class)
    @Column(length = 100)
    private String phone;

    @Convert(converter = EncryptedString.class)
    @Column(length = 400)
    private String email;

    @Column(length = 20)
    private String district;

    @Column(name = "feature_values", nullable = false, length = 1000)
    private String featureValues;

    protected PoolMember() {
    }

    Long getId() {
        return id;
    }

    long getProcessId() {
        return processId;
    }

    PoolMemberRow toRow() {
        return new PoolMemberRow(id, sourceRow, name, phone, email, district, decode(featureValues));
    }

    /** Feature values as "feature=value" lines: names and values never hold a line break or an equals sign. */
    static String encode(Map<String, String> values) {
        StringBuilder s = new StringBuilder();
        values.forEach((feature, value) -> s.append(feature).append('=').append(value).append('\n'));
        return s.toString();
    }

    static Map<String, String> decode(String encoded) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : encoded.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                values.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return values;
    }
}
