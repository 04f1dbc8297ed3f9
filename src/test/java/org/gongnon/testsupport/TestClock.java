package org.gongnon.testsupport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The application's clock in tests: the one clock every test reads "now" and "today" from, and the one
 * the application under test runs on (it replaces the application's {@code Clock} bean, see
 * {@link TestClockConfiguration}).
 *
 * <p>By default it is the real time in the deliberation's zone (Seoul). The whole suite can be run with it
 * pinned, by the system property {@value #PROPERTY}: an ISO date-time with offset
 * ({@code 2026-12-07T23:59:00+09:00}), a local date-time read in the clock's zone ({@code 2026-12-07T23:59}),
 * or {@code before-midnight} / {@code after-midnight} (23:59 and 00:01 of today in the clock's zone). A test
 * that depends on the time of day pins it itself with {@link PinnedClock}; after every test the clock goes
 * back to the suite's setting.
 *
 * <p>A pinned clock stays at its instant, except that every reading is one microsecond after the one
 * before (the database keeps microseconds): it would take sixty million readings to leave the minute, yet
 * two things done one after the other are never recorded as simultaneous, as on a real clock.
 */
public final class TestClock extends Clock {

    public static final String PROPERTY = "gongnon.test.clock";

    private final ZoneId zone;
    private final Instant suitePin;
    private volatile Instant pin;
    private final AtomicLong readings = new AtomicLong();

    private TestClock(ZoneId zone, Instant suitePin) {
        this.zone = zone;
        this.suitePin = suitePin;
        this.pin = suitePin;
    }

    /** The clock as the suite was started: pinned if {@value #PROPERTY} says so, else the real time. */
    public static TestClock forSuite(ZoneId zone) {
        return new TestClock(zone, parse(System.getProperty(PROPERTY), zone, Clock.system(zone)));
    }

    /**
     * Reads a pin: null or blank is no pin. Throws with the accepted forms when the value is none of them, so a
     * mistyped setting fails the run instead of silently testing the real time.
     */
    static Instant parse(String value, ZoneId zone, Clock real) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        LocalDate today = LocalDate.now(real.withZone(zone));
        switch (v) {
            case "before-midnight":
                return today.atTime(LocalTime.of(23, 59)).atZone(zone).toInstant();
            case "after-midnight":
                return today.atTime(LocalTime.of(0, 1)).atZone(zone).toInstant();
            default:
                break;
        }
        try {
            return OffsetDateTime.parse(v).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return LocalDateTime.parse(v).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(PROPERTY + "=" + value + " is none of: before-midnight, "
                        + "after-midnight, 2026-12-07T23:59:00+09:00, 2026-12-07T23:59", e);
            }
        }
    }

    /** Stops the clock at this instant (it then moves a microsecond per reading). */
    public void pin(Instant instant) {
        readings.set(0);
        pin = instant;
    }

    /** Moves a pinned clock on, e.g. past a lock's expiry. */
    public void advance(java.time.Duration by) {
        Instant current = pin;
        if (current == null) {
            throw new IllegalStateException("only a pinned clock can be moved on");
        }
        pin(current.plus(by).plusNanos(readings.get() * 1_000));
    }

    /** Back to the suite's setting: after each test, so a test's pin never reaches the next one. */
    public void reset() {
        pin(suitePin);
    }

    public boolean isPinned() {
        return pin != null;
    }

    /** The suite's pin, or null when the suite runs on the real time. */
    public Instant suitePin() {
        return suitePin;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        // A view in another zone of the same instants; pinning this clock pins the view too.
        TestClock self = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return other;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return self.withZone(zone);
            }

            @Override
            public Instant instant() {
                return self.instant();
            }
        };
    }

    @Override
    public Instant instant() {
        Instant current = pin;
        if (current == null) {
            return Instant.now();
        }
        return current.plusNanos(readings.getAndIncrement() * 1_000);
    }

    @Override
    public String toString() {
        Instant current = pin;
        return current == null ? "TestClock[real time, " + zone + "]" : "TestClock[pinned at " + current + ", " + zone + "]";
    }
}
