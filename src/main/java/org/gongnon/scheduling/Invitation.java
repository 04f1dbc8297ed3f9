package org.gongnon.scheduling;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Entity
@Table(name = "invitation")
class Invitation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Version
    private long version;

    @Column(name = "session_id", nullable = false)
    private long sessionId;

    @Column(name = "panel_member_id", nullable = false)
    private long panelMemberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private InvitationStatus status;

    @Column(name = "invited_at", nullable = false)
    private Instant invitedAt;

    @Column(name = "responded_at")
    private Instant respondedAt;

    protected Invitation() {
    }

    Invitation(long sessionId, long panelMemberId, Instant now) {
        this.sessionId = sessionId;
        this.panelMemberId = panelMemberId;
        this.status = InvitationStatus.INVITED;
        this.invitedAt = now.truncatedTo(ChronoUnit.MICROS);
    }

    void respond(InvitationStatus answer, Instant now) {
        this.status = answer;
        this.respondedAt = answer == InvitationStatus.INVITED ? null : now.truncatedTo(ChronoUnit.MICROS);
    }

    long getSessionId() {
        return sessionId;
    }

    long getPanelMemberId() {
        return panelMemberId;
    }

    InvitationStatus getStatus() {
        return status;
    }

    Instant getRespondedAt() {
        return respondedAt;
    }
}
