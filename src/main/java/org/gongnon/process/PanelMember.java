package org.gongnon.process;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.gongnon.base.crypto.EncryptedString;

/**
 * A citizen on a process's panel. Their personal link and code are stored only as SHA-256 hashes;
 * the code is split into a public id (to find the member and count wrong attempts) and a secret.
 */
@Entity
@Table(name = "panel_member")
class PanelMember {

    static final int MAX_CODE_FAILURES = 5;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(name = "display_name", nullable = false, length = 600)
    @Convert(converter = EncryptedString.class)
    private String displayName;

    @Column(name = "token_hash", length = 64)
    private String tokenHash;

    @Column(name = "code_id", length = 4)
    private String codeId;

    @Column(name = "code_secret_hash", length = 64)
    private String codeSecretHash;

    @Column(name = "access_issued_at")
    private Instant accessIssuedAt;

    @Column(name = "failed_code_attempts", nullable = false)
    private int failedCodeAttempts;

    @Column(name = "code_locked_until")
    private Instant codeLockedUntil;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** The pool member this citizen was drawn as; empty for members added by hand. */
    @Column(name = "pool_member_id")
    private Long poolMemberId;

    /** Set when a drawn member declined or dropped out after being seated: kept for the record, no access. */
    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    protected PanelMember() {
    }

    PanelMember(long processId, String displayName, Instant createdAt) {
        this.processId = processId;
        this.displayName = displayName;
        this.createdAt = createdAt;
    }

    static PanelMember drawn(long processId, long poolMemberId, String displayName, Instant createdAt) {
        PanelMember member = new PanelMember(processId, displayName, createdAt);
        member.poolMemberId = poolMemberId;
        return member;
    }

    void withdraw(Instant now) {
        revokeAccess();
        withdrawnAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    void rejoin() {
        withdrawnAt = null;
    }

    boolean isWithdrawn() {
        return withdrawnAt != null;
    }

    Long getPoolMemberId() {
        return poolMemberId;
    }

    void grantAccess(String tokenHash, String codeId, String codeSecretHash, Instant now) {
        this.tokenHash = tokenHash;
        this.codeId = codeId;
        this.codeSecretHash = codeSecretHash;
        // The database keeps microseconds; keep the same here so a reloaded value still compares equal.
        this.accessIssuedAt = now.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.failedCodeAttempts = 0;
        this.codeLockedUntil = null;
    }

    void revokeAccess() {
        this.tokenHash = null;
        this.codeId = null;
        this.codeSecretHash = null;
        this.accessIssuedAt = null;
        this.failedCodeAttempts = 0;
        this.codeLockedUntil = null;
    }

    boolean isCodeLocked(Instant now) {
        return codeLockedUntil != null && now.isBefore(codeLockedUntil);
    }

    void recordCodeFailure(Instant now, java.time.Duration lock) {
        failedCodeAttempts++;
        if (failedCodeAttempts >= MAX_CODE_FAILURES) {
            codeLockedUntil = now.plus(lock);
            failedCodeAttempts = 0;
        }
    }

    void recordCodeSuccess() {
        failedCodeAttempts = 0;
        codeLockedUntil = null;
    }

    Long getId() {
        return id;
    }

    long getProcessId() {
        return processId;
    }

    String getDisplayName() {
        return displayName;
    }

    String getCodeSecretHash() {
        return codeSecretHash;
    }

    Instant getAccessIssuedAt() {
        return accessIssuedAt;
    }

    /** True while the access issued at that moment is still the valid one (not revoked or re-issued). */
    boolean hasAccessIssuedAt(Instant issuedAt) {
        return tokenHash != null && accessIssuedAt != null && accessIssuedAt.equals(issuedAt);
    }

    PanelMemberSummary toSummary() {
        return new PanelMemberSummary(id, displayName, tokenHash != null, accessIssuedAt, poolMemberId, withdrawnAt != null);
    }
}
