package org.gongnon.recruitment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/** A selected person who declined or dropped out, and the reserve who took their seat (if any could). */
@Entity
@Immutable
@Table(name = "draw_replacement")
class DrawReplacement {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "draw_id", nullable = false)
    private long drawId;

    @Column(name = "declined_member_id", nullable = false)
    private long declinedMemberId;

    @Column(name = "replacement_member_id")
    private Long replacementMemberId;

    @Column(name = "same_stratum", nullable = false)
    private boolean sameStratum;

    @Column(length = 500)
    private String reason;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Column(name = "recorded_by", nullable = false, length = 100)
    private String recordedBy;

    protected DrawReplacement() {
    }

    DrawReplacement(long drawId, long declinedMemberId, Long replacementMemberId, boolean sameStratum, String reason,
                    Instant recordedAt, String recordedBy) {
        this.drawId = drawId;
        this.declinedMemberId = declinedMemberId;
        this.replacementMemberId = replacementMemberId;
        this.sameStratum = sameStratum;
        this.reason = reason;
        this.recordedAt = recordedAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        this.recordedBy = recordedBy;
    }

    long getDeclinedMemberId() {
        return declinedMemberId;
    }

    Long getReplacementMemberId() {
        return replacementMemberId;
    }

    boolean isSameStratum() {
        return sameStratum;
    }

    String getReason() {
        return reason;
    }

    Instant getRecordedAt() {
        return recordedAt;
    }

    String getRecordedBy() {
        return recordedBy;
    }
}
