package org.gongnon.process;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends what the outbox holds. Every run walks the queued messages once, in batches, and gives each one
 * its own transaction: the row is locked, handed to the sender for its channel, and marked
 * {@link MessageStatus#SENT}; a refusal is counted, and after {@link #MAX_ATTEMPTS} the message is
 * {@link MessageStatus#FAILED} (with the short reason). When nothing can send a channel (no SMS gateway,
 * no mail server) the message is marked {@link MessageStatus#NOT_SENT} at once, with the reason, so
 * nothing waits forever or disappears unseen.
 *
 * <p>Runs on a schedule ({@link OutboxScheduling}); tests call {@link #dispatchNow()}. It is internal work,
 * not a user's request: it uses the repository directly and checks no roles.
 */
@Component
public class OutboxDispatcher {

    public static final int MAX_ATTEMPTS = 3;
    public static final String NO_SMS_GATEWAY = "no SMS gateway configured";
    public static final String NO_MAIL_SERVER = "no e-mail server configured";
    static final int BATCH = 50;

    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

    private final OutboxMessageRepository messages;
    private final MessageSenders senders;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @Autowired
    OutboxDispatcher(OutboxMessageRepository messages, MessageSenders senders,
                     PlatformTransactionManager transactionManager, Clock clock) {
        this.messages = messages;
        this.senders = senders;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /**
     * One pass over the queue: every message queued when it reaches it is tried once (a refused one waits for
     * the next run). Two dispatchers (two servers, or a test beside the schedule) never send the same message:
     * each row is locked and its status checked again before sending.
     *
     * @return how many messages this pass handled (sent, refused or marked not sent)
     */
    public synchronized int dispatchNow() {
        int handled = 0;
        long after = 0;
        while (true) {
            long from = after;
            List<Long> ids = transactions.execute(tx ->
                    messages.findIdsByStatusAfter(MessageStatus.QUEUED, from, PageRequest.of(0, BATCH)));
            if (ids == null || ids.isEmpty()) {
                break;
            }
            for (long id : ids) {
                Boolean done = transactions.execute(tx -> dispatchOne(id));
                if (Boolean.TRUE.equals(done)) {
                    handled++;
                }
            }
            after = ids.getLast();
        }
        if (handled > 0) {
            log.info("Outbox: {} message(s) handled", handled);
        }
        return handled;
    }

    private boolean dispatchOne(long id) {
        Optional<OutboxMessage> locked = messages.findAndLock(id);
        if (locked.isEmpty() || locked.get().getStatus() != MessageStatus.QUEUED) {
            return false; // another dispatcher got there first, or someone removed it
        }
        OutboxMessage message = locked.get();
        Optional<MessageSender> sender = senders.forChannel(message.getChannel());
        if (sender.isEmpty()) {
            message.markNotSent(message.getChannel() == MessageChannel.SMS ? NO_SMS_GATEWAY : NO_MAIL_SERVER);
            return true;
        }
        try {
            sender.get().send(message.toOutgoing());
            message.markSent(clock.instant());
        } catch (MessageDeliveryException e) {
            log.warn("Outbox message {} ({}) not accepted: {}", id, message.getChannel(), e.getMessage());
            message.markAttemptFailed(e.getMessage(), MAX_ATTEMPTS);
        } catch (RuntimeException e) {
            // A sender's bug must not stop the queue: count it as a failed attempt, keep the trace in the log.
            log.error("Outbox message {} ({}): sender failed unexpectedly", id, message.getChannel(), e);
            message.markAttemptFailed("sender error: " + e.getClass().getSimpleName(), MAX_ATTEMPTS);
        }
        return true;
    }
}
