package org.gongnon.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Entity
@Table(name = "attendance")
class Attendance {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "panel_member_id", nullable = false)
    private long panelMemberId;

    @Column(name = "checked_in_at", nullable = false)
    private Instant checkedInAt;

    @Column(name = "checked_in_by", nullable = false, length = 100)
    private String checkedInBy;

    @Column(nullable = false)
    private boolean late;

    @Column(name = "left_early_at")
    private Instant leftEarlyAt;

    protected Attendance() {
    }

    Attendance(long sessionId, long panelMemberId, Instant now, String by, boolean late) {
        this.sessionId = sessionId;
        this.panelMemberId = panelMemberId;
        this.checkedInAt = now.truncatedTo(ChronoUnit.MICROS);
        this.checkedInBy = by;
        this.late = late;
    }

    void markLate(boolean late) {
        this.late = late;
    }

    void markLeftEarly(boolean leftEarly, Instant now) {
        this.leftEarlyAt = leftEarly ? now.truncatedTo(ChronoUnit.MICROS) : null;
    }

    long getSessionId() {
        return sessionId;
    }

    long getPanelMemberId() {
        return panelMemberId;
    }

    Instant getCheckedInAt() {
        return checkedInAt;
    }

    boolean isLate() {
        return late;
    }

    boolean hasLeftEarly() {
        return leftEarlyAt != null;
    }
}
