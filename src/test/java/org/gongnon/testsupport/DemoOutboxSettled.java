package org.gongnon.testsupport;

import org.gongnon.process.OutboxDispatcher;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tests run without the outbox schedule (each test dispatches its own messages), so without this the demo's
 * invitations would stay queued until the first test that dispatches, and the demo would look different to the
 * tests before it and after it. Once the application is ready, one dispatch does what the schedule does within
 * seconds of a real start: with no gateway or mail server configured, the demo's messages are kept as not sent.
 */
@Component
class DemoOutboxSettled {

    private final OutboxDispatcher dispatcher;

    DemoOutboxSettled(OutboxDispatcher dispatcher) {
        this.dispatcher = dispatcher;
    }

    @EventListener(ApplicationReadyEvent.class)
    void settle() {
        dispatcher.dispatchNow();
    }
}
