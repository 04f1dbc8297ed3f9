package org.gongnon.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** The dispatcher runs on its own at the configured interval, and not at all with an interval of 0. */
class OutboxSchedulingTest {

    static final class CountingDispatcher extends OutboxDispatcher {
        final AtomicInteger runs = new AtomicInteger();
        final CountDownLatch threeRuns = new CountDownLatch(3);

        CountingDispatcher() {
            super(null, new MessageSenders(List.of()), new DataSourceTransactionManager(), Clock.systemUTC());
        }

        @Override
        public synchronized int dispatchNow() {
            runs.incrementAndGet();
            threeRuns.countDown();
            return 0;
        }
    }

    @Test
    void theIntervalIsTakenFromTheSettings() throws Exception {
        CountingDispatcher dispatcher = new CountingDispatcher();
        new ApplicationContextRunner()
                .withBean(OutboxDispatcher.class, () -> dispatcher)
                .withUserConfiguration(OutboxScheduling.class)
                .withPropertyValues("gongnon.outbox.dispatch-interval=50ms")
                .run(context -> assertTrue(dispatcher.threeRuns.await(5, TimeUnit.SECONDS),
                        "three runs 50 ms apart within 5 s; ran " + dispatcher.runs.get()));
    }

    @Test
    void anIntervalOfZeroSchedulesNothing() throws Exception {
        CountingDispatcher dispatcher = new CountingDispatcher();
        new ApplicationContextRunner()
                .withBean(OutboxDispatcher.class, () -> dispatcher)
                .withUserConfiguration(OutboxScheduling.class)
                .withPropertyValues("gongnon.outbox.dispatch-interval=0")
                .run(context -> Thread.sleep(300));
        assertEquals(0, dispatcher.runs.get());
    }
}
