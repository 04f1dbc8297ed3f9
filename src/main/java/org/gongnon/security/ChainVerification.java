package org.gongnon.security;

/**
 * The result of walking the access log's hash chain: intact, or the first row (sequence number) where it breaks
 * and why. A deleted row shows as a gap at the row after it; deleted last rows as a head mismatch.
 */
public record ChainVerification(boolean intact, long rowsChecked, Long firstBrokenSeq, String reason) {

    static ChainVerification ok(long rows) {
        return new ChainVerification(true, rows, null, null);
    }

    static ChainVerification broken(long rows, long seq, String reason) {
        return new ChainVerification(false, rows, seq, reason);
    }
}
