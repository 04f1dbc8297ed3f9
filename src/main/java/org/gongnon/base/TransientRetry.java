package org.gongnon.base;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs a whole transaction again when the database gave up on it for a reason that passes: a lock wait timeout
 * or being chosen as the victim of a deadlock ({@link PessimisticLockingFailureException}). The database has
 * rolled the attempt back, so running it again from the start is safe; after the last attempt the user is told
 * to try again in a moment, and nothing of the attempts is kept.
 *
 * <p>The retry has to sit outside the transaction: an attempt that failed inside one has left it unusable.
 * Called inside a transaction that is already running, the work runs once, without retries.
 */
@Component
public class TransientRetry {

    private static final Logger log = LoggerFactory.getLogger(TransientRetry.class);

    private final TransactionTemplate transactions;
    private final int attempts;
    private final Duration backoff;
    private final AtomicLong retries = new AtomicLong();

    TransientRetry(PlatformTransactionManager transactionManager,
                   @Value("${gongnon.retry.attempts:3}") int attempts,
                   @Value("${gongnon.retry.backoff:100ms}") Duration backoff) {
        if (attempts < 1) {
            throw new IllegalArgumentException("gongnon.retry.attempts must be at least 1");
        }
        this.transactions = new TransactionTemplate(transactionManager);
        this.attempts = attempts;
        this.backoff = backoff;
    }

    /**
     * Runs the work in a transaction of its own, up to the configured number of attempts; when every attempt
     * met a lock, throws a {@link UserFacingException} with {@code busyKey}. Other exceptions pass through at
     * once (and roll the attempt back).
     */
    public <T> T inTransaction(String busyKey, Supplier<T> work) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return transactions.execute(status -> work.get());
            } catch (PessimisticLockingFailureException e) {
                if (attempt >= attempts) {
                    log.warn("Gave up after {} attempts on a locked row: {}", attempts,
                            e.getMostSpecificCause().getMessage());
                    throw new UserFacingException(busyKey);
                }
                retries.incrementAndGet();
                log.info("Attempt {} of {} met a locked row ({}); trying again", attempt, attempts,
                        e.getMostSpecificCause().getMessage());
                if (!pause(attempt)) {
                    throw new UserFacingException(busyKey);
                }
            }
        }
    }

    /** Like {@link #inTransaction(String, Supplier)} for work without a result. */
    public void runInTransaction(String busyKey, Runnable work) {
        inTransaction(busyKey, () -> {
            work.run();
            return null;
        });
    }

    /** How many attempts have been run again since the start (for monitoring and tests). */
    public long retries() {
        return retries.get();
    }

    /**
     * Waits before the next attempt; false when interrupted. The pause grows with each attempt and has jitter,
     * so two requests that deadlocked each other do not meet again in step.
     */
    private boolean pause(int attempt) {
        long base = backoff.toMillis() * attempt;
        long millis = base + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            // Shutting down: stop retrying and tell the user as if the row had stayed locked.
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
