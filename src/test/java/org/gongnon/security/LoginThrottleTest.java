package org.gongnon.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final LoginThrottle throttle = new LoginThrottle(clock);

    @Test
    void locksAnAccountNameAfterRepeatedFailures() {
        for (int i = 1; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure("Facilitator");
            assertFalse(throttle.isLocked("facilitator"), "not yet after " + i);
        }
        throttle.recordFailure("facilitator ");
        assertTrue(throttle.isLocked("FACILITATOR"), "names are compared case- and space-insensitively");
        assertFalse(throttle.isLocked("admin"), "other accounts are not affected");
    }

    @Test
    void theLockExpires() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure("admin");
        }
        assertTrue(throttle.isLocked("admin"));
        clock.advance(LoginThrottle.LOCK.plusSeconds(1));
        assertFalse(throttle.isLocked("admin"));
    }

    @Test
    void failuresOutsideTheWindowDoNotAddUp() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.recordFailure("official");
        }
        clock.advance(LoginThrottle.WINDOW.plusMinutes(1));
        throttle.recordFailure("official");
        assertFalse(throttle.isLocked("official"));
    }

    @Test
    void successClearsFailures() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES - 1; i++) {
            throttle.recordFailure("admin");
        }
        throttle.recordSuccess("admin");
        throttle.recordFailure("admin");
        assertFalse(throttle.isLocked("admin"));
    }

    @Test
    void unknownNamesAreThrottledLikeKnownOnes() {
        for (int i = 0; i < LoginThrottle.MAX_FAILURES; i++) {
            throttle.recordFailure("nobody-" + 1);
        }
        assertTrue(throttle.isLocked("nobody-1"));
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
