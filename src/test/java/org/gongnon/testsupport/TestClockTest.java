package org.gongnon.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TestClockTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    /** 2026-12-07 16:30 UTC is already 2026-12-08 01:30 in Seoul. */
    static final Clock REAL = Clock.fixed(Instant.parse("2026-12-07T16:30:00Z"), ZoneOffset.UTC);

    @Test
    void readsEveryFormOfThePin() {
        assertNull(TestClock.parse(null, SEOUL, REAL));
        assertNull(TestClock.parse("  ", SEOUL, REAL));
        assertEquals(Instant.parse("2026-12-07T14:59:00Z"), TestClock.parse("2026-12-07T23:59:00+09:00", SEOUL, REAL));
        assertEquals(Instant.parse("2026-12-07T14:59:00Z"), TestClock.parse("2026-12-07T23:59", SEOUL, REAL));
        // "Today" is the clock zone's today, not the machine's: Seoul is already on the 8th.
        assertEquals(LocalDateTime.of(2026, 12, 8, 23, 59).atZone(SEOUL).toInstant(),
                TestClock.parse("before-midnight", SEOUL, REAL));
        assertEquals(LocalDateTime.of(2026, 12, 8, 0, 1).atZone(SEOUL).toInstant(),
                TestClock.parse("after-midnight", SEOUL, REAL));
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> TestClock.parse("midnight", SEOUL, REAL));
        assertTrue(wrong.getMessage().contains("before-midnight"), wrong.getMessage());
    }

    @Test
    void aPinnedClockStaysInItsMinuteButNeverRepeatsAReading() {
        TestClock clock = TestClock.forSuite(SEOUL);
        Instant pin = Instant.parse("2026-12-07T14:59:00Z");
        clock.pin(pin);
        assertTrue(clock.isPinned());
        Instant previous = clock.instant();
        assertEquals(pin, previous);
        for (int i = 0; i < 10_000; i++) {
            Instant next = clock.instant();
            assertEquals(Duration.ofNanos(1_000), Duration.between(previous, next));
            previous = next;
        }
        assertEquals(LocalDate.of(2026, 12, 7), LocalDate.now(clock), "23:59 in Seoul");
        assertEquals(LocalDate.of(2026, 12, 7), LocalDate.now(clock.withZone(ZoneOffset.UTC)));
        assertEquals(SEOUL, clock.getZone());
    }

    @Test
    void movesOnWhenToldAndGoesBackToTheSuitesSetting() {
        TestClock clock = TestClock.forSuite(SEOUL);
        Instant suite = clock.suitePin();
        clock.pin(Instant.parse("2026-12-07T14:59:00Z"));
        clock.advance(Duration.ofMinutes(2));
        assertEquals(LocalDate.of(2026, 12, 8), LocalDate.now(clock), "past midnight in Seoul");
        clock.reset();
        assertEquals(suite != null, clock.isPinned());
        if (suite == null) {
            Instant before = Instant.now();
            Instant read = clock.instant();
            assertFalse(read.isBefore(before), "the real time again");
            assertThrows(IllegalStateException.class, () -> clock.advance(Duration.ofSeconds(1)));
        }
    }
}
