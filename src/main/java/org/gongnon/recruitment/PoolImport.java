package org.gongnon.recruitment;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import org.gongnon.base.crypto.EncryptedBytes;

/** One upload of the pool file: who imported it, how many rows went in and which were rejected. */
@Entity
@Table(name = "pool_import")
class PoolImport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "imported_at", nullable = false)
    private Instant importedAt;

    @Column(name = "imported_by", nullable = false, length = 100)
    private String importedBy;

    @Column(name = "accepted_rows", nullable = false)
    private int acceptedRows;

    @Column(name = "rejected_rows", nullable = false)
    private int rejectedRows;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    // The rejected rows still hold their phone numbers and e-mail addresses: encrypted at rest.
    @Convert(converter = EncryptedBytes.class)
    @Column(name = "rejected_csv", columnDefinition = "LONGBLOB")
    private byte[] rejectedCsv;

    protected PoolImport() {
    }

    PoolImport(long processId, String fileName, Instant importedAt, String importedBy, int acceptedRows,
               int rejectedRows, byte[] rejectedCsv) {
        this.processId = processId;
        this.fileName = fileName;
        this.importedAt = importedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.importedBy = importedBy;
        this.acceptedRows = acceptedRows;
        this.rejectedRows = rejectedRows;
        this.rejectedCsv = rejectedCsv;
    }

    Long getId() {
        return id;
    }

    long getProcessId() {
        return processId;
    }

    int getRejectedRows() {
        return rejectedRows;
    }

    byte[] getRejectedCsv() {
        return rejectedCsv;
    }

    PoolImportSummary toSummary() {
        return new PoolImportSummary(id, fileName, importedAt, importedBy, acceptedRows, rejectedRows);
    }
}
