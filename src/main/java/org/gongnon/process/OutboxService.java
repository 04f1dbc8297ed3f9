package org.gongnon.process;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.gongnon.base.Problems;
import org.gongnon.base.UserFacingException;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.PersonalDataAccessLog;
import org.gongnon.security.PersonalDataAction;
import org.gongnon.security.Roles;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A process's outbox: later steps (invitations, reminders) queue their messages here, and the
 * {@link OutboxDispatcher} sends them in the background. Facilitators see every message with its status
 * and can retry the ones that failed or could not be sent.
 */
@Service
public class OutboxService {

    static final int MAX_RECIPIENT = 200;
    static final int MAX_SUBJECT = 200;
    static final int MAX_BODY = 2000;
    static final int MAX_PURPOSE = 50;

    private final OutboxMessageRepository messages;
    private final PanelMemberRepository members;
    private final ProcessAccess access;
    private final CurrentUser currentUser;
    private final MessageSenders senders;
    private final Clock clock;

    private final PersonalDataAccessLog accessLog;

    OutboxService(OutboxMessageRepository messages, PanelMemberRepository members, ProcessAccess access,
                  CurrentUser currentUser, MessageSenders senders, Clock clock, PersonalDataAccessLog accessLog) {
        this.messages = messages;
        this.members = members;
        this.access = access;
        this.currentUser = currentUser;
        this.senders = senders;
        this.clock = clock;
        this.accessLog = accessLog;
    }

    /**
     * Queues the messages, all or none: when any message is malformed (no or a malformed recipient for its
     * channel, an empty or too long body, a too long subject, no purpose, a panel member of another process),
     * a {@link org.gongnon.base.ValidationException} lists every problem, numbered from 1, and nothing is stored.
     *
     * @return how many messages were queued
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public int enqueue(long processId, List<OutgoingMessage> outgoing) {
        access.requireEdit(processId);
        Problems problems = new Problems();
        for (int i = 0; i < outgoing.size(); i++) {
            check(processId, i, outgoing.get(i), problems);
        }
        problems.throwIfAny();
        Instant now = clock.instant();
        String by = currentUser.actorName();
        List<OutboxMessage> queued = new ArrayList<>(outgoing.size());
        for (OutgoingMessage m : outgoing) {
            queued.add(new OutboxMessage(tidy(m), now, by));
        }
        messages.saveAll(queued);
        return queued.size();
    }

    /** The process's messages, newest first; only those in {@code statusOrNull} when it is given. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public List<OutboxMessageRow> list(long processId, MessageStatus statusOrNull) {
        access.requireEdit(processId);
        List<OutboxMessage> found = statusOrNull == null
                ? messages.findByProcessIdOrderByCreatedAtDescIdDesc(processId)
                : messages.findByProcessIdAndStatusOrderByCreatedAtDescIdDesc(processId, statusOrNull);
        accessLog.record(processId, PersonalDataAction.VIEW, "outbox of process " + processId, found.size());
        return found.stream().map(OutboxMessage::toRow).toList();
    }

    /**
     * Records that the signed-in organiser chose to see the full recipients of {@code people} messages, which the
     * outbox list otherwise shows masked.
     */
    @PreAuthorize(Roles.HAS_ORGANISER)
    public void contactsShown(long processId, int people) {
        access.requireEdit(processId);
        accessLog.record(processId, PersonalDataAction.VIEW, "contacts of outbox of process " + processId, people);
    }

    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional(readOnly = true)
    public OutboxOverview overview(long processId) {
        access.requireEdit(processId);
        Map<MessageStatus, Long> counts = new EnumMap<>(MessageStatus.class);
        for (MessageStatus status : MessageStatus.values()) {
            counts.put(status, 0L);
        }
        for (Object[] row : messages.countByStatus(processId)) {
            counts.put((MessageStatus) row[0], ((Number) row[1]).longValue());
        }
        return new OutboxOverview(counts, senders.isConfigured(MessageChannel.EMAIL),
                senders.isConfigured(MessageChannel.SMS));
    }

    /** Puts a failed or unsent message back in the queue, with its attempts counted from zero again. */
    @PreAuthorize(Roles.HAS_ORGANISER)
    @Transactional
    public void retry(long messageId) {
        OutboxMessage message = messages.findAndLock(messageId)
                .orElseThrow(() -> new UserFacingException("outbox.message-not-found"));
        access.requireEdit(message.getProcessId());
        if (message.getStatus() != MessageStatus.FAILED && message.getStatus() != MessageStatus.NOT_SENT) {
            throw new UserFacingException("outbox.retry-not-possible");
        }
        message.requeue();
    }

    private void check(long processId, int index, OutgoingMessage m, Problems problems) {
        int n = index + 1;
        String field = "messages[" + index + "].";
        if (m == null) {
            problems.add("messages[" + index + "]", "outbox.validation.missing", n);
            return;
        }
        if (m.processId() != processId) {
            problems.add(field + "processId", "outbox.validation.other-process", n);
        }
        if (m.panelMemberId() != null && members.findById(m.panelMemberId())
                .filter(member -> member.getProcessId() == processId).isEmpty()) {
            problems.add(field + "panelMemberId", "outbox.validation.member-not-in-process", n);
        }
        String recipient = m.recipient() == null ? "" : m.recipient().strip();
        if (m.channel() == null) {
            problems.add(field + "channel", "outbox.validation.channel-required", n);
        } else if (recipient.isEmpty()) {
            problems.add(field + "recipient", "outbox.validation.recipient-required", n);
        } else if (recipient.length() > MAX_RECIPIENT || !Recipients.isValid(m.channel(), recipient)) {
            problems.add(field + "recipient", m.channel() == MessageChannel.EMAIL
                    ? "outbox.validation.bad-email" : "outbox.validation.bad-mobile", n, recipient);
        }
        if (m.subject() != null && m.subject().strip().length() > MAX_SUBJECT) {
            problems.add(field + "subject", "outbox.validation.subject-too-long", n, MAX_SUBJECT);
        } else if (m.subject() != null && (m.subject().indexOf('\n') >= 0 || m.subject().indexOf('\r') >= 0)) {
            problems.add(field + "subject", "outbox.validation.subject-one-line", n);
        }
        if (m.body() == null || m.body().isBlank()) {
            problems.add(field + "body", "outbox.validation.body-required", n);
        } else if (m.body().length() > MAX_BODY) {
            problems.add(field + "body", "outbox.validation.body-too-long", n, MAX_BODY);
        }
        String purpose = m.purpose() == null ? "" : m.purpose().strip();
        if (purpose.isEmpty()) {
            problems.add(field + "purpose", "outbox.validation.purpose-required", n);
        } else if (purpose.length() > MAX_PURPOSE) {
            problems.add(field + "purpose", "outbox.validation.purpose-too-long", n, MAX_PURPOSE);
        }
    }

    /** Stored as checked: recipient, subject and purpose without surrounding spaces, an empty subject as none. */
    private static OutgoingMessage tidy(OutgoingMessage m) {
        String subject = m.subject() == null || m.subject().isBlank() ? null : m.subject().strip();
        return new OutgoingMessage(m.processId(), m.panelMemberId(), m.channel(), m.recipient().strip(), subject,
                m.body(), m.purpose().strip());
    }
}
