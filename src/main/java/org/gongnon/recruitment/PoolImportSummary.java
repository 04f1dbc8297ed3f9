package org.gongnon.recruitment;

import java.time.Instant;

/** The pool's last import: file, time, who, rows accepted and rejected (the rejected ones downloadable). */
public record PoolImportSummary(long id, String fileName, Instant importedAt, String importedBy, int acceptedRows,
                                int rejectedRows) {
}
