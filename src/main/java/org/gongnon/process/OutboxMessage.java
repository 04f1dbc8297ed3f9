package org.gongnon.process;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.gongnon.base.crypto.EncryptedString;

/** One message in a process's outbox, from the moment it is queued until it is sent or given up on. */
@Entity
@Table(name = "outbox_message")
class OutboxMessage {

    static final int MAX_ERROR = 500;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "process_id", nullable = false)
    private long processId;

    @Column(name = "panel_member_id")
    private Long panelMemberId;

    @Enumerated(EnumType.STRING)
    @Column(name = "channel", nullable = false, length = 10)
    private MessageChannel channel;

    // An e-mail address or phone number: encrypted at rest.
    @Convert(converter = EncryptedString.class)
    @Column(name = "recipient", nullable = false, length = 1200)
    private String recipient;

    @Column(name = "subject", length = 200)
    private String subject;

    @Column(name = "body", nullable = false, length = 2000)
    private String body;

    @Column(name = "purpose", nullable = false, length = 50)
    private String purpose;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, length = 10)
    private MessageStatus status;

    @Column(name = "attempts", nullable = false)
    private int attempts;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "created_by", nullable = false, length = 100)
    private String createdBy;

    protected OutboxMessage() {
    }

    OutboxMessage(OutgoingMessage valid, Instant now, String createdBy) {
        this.processId = valid.processId();
        this.panelMemberId = valid.panelMemberId();
        this.channel = valid.channel();
        this.recipient = valid.recipient();
        this.subject = valid.subject();
        this.body = valid.body();
        this.purpose = valid.purpose();
        this.status = MessageStatus.QUEUED;
        this.createdAt = micros(now);
        this.createdBy = createdBy;
    }

    void markSent(Instant now) {
        attempts++;
        status = MessageStatus.SENT;
        sentAt = micros(now);
        lastError = null;
    }

    /** A refused attempt: queued again for the next run, or failed once {@code maxAttempts} are used up. */
    void markAttemptFailed(String reason, int maxAttempts) {
        attempts++;
        lastError = shorten(reason);
        status = attempts >= maxAttempts ? MessageStatus.FAILED : MessageStatus.QUEUED;
    }

    /** Nothing can send it here: kept, with the reason, until someone retries it. */
    void markNotSent(String reason) {
        status = MessageStatus.NOT_SENT;
        lastError = shorten(reason);
    }

    void requeue() {
        status = MessageStatus.QUEUED;
        attempts = 0;
        lastError = null;
    }

    static String shorten(String reason) {
        String text = reason == null || reason.isBlank() ? "unknown error" : reason.strip();
        int lineEnd = text.indexOf('\n');
        if (lineEnd >= 0) {
            text = text.substring(0, lineEnd).strip();
        }
        return text.length() <= MAX_ERROR ? text : text.substring(0, MAX_ERROR - 1) + "…";
    }

    // The database keeps microseconds; keep the same here so a reloaded value compares equal.
    private static Instant micros(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS);
    }

    Long getId() {
        return id;
    }

    long getProcessId() {
        return processId;
    }

    MessageChannel getChannel() {
        return channel;
    }

    MessageStatus getStatus() {
        return status;
    }

    OutgoingMessage toOutgoing() {
        return new OutgoingMessage(processId, panelMemberId, channel, recipient, subject, body, purpose);
    }

    OutboxMessageRow toRow() {
        return new OutboxMessageRow(id, processId, panelMemberId, channel, recipient, subject, body, purpose, status,
                attempts, lastError, createdAt, sentAt, createdBy);
    }
}
