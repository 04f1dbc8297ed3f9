package org.gongnon.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing per account name (never per IP address: a hall of tablets shares one).
 * After {@link #MAX_FAILURES} failures within {@link #WINDOW} the name is locked for {@link #LOCK};
 * unknown names are treated exactly like known ones so the lock reveals nothing.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCK = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    public boolean isLocked(String username) {
        Failures f = failures.get(key(username));
        return f != null && f.lockedUntil != null && clock.instant().isBefore(f.lockedUntil);
    }

    public void recordFailure(String username) {
        if (failures.size() > MAX_TRACKED) {
            forgetExpired();
        }
        Instant now = clock.instant();
        failures.compute(key(username), (k, f) -> {
            Failures next = f == null || f.windowStart.plus(WINDOW).isBefore(now) ? new Failures(now, 0, null) : f;
            int count = next.count + 1;
            return new Failures(next.windowStart, count, count >= MAX_FAILURES ? now.plus(LOCK) : next.lockedUntil);
        });
    }

    public void recordSuccess(String username) {
        failures.remove(key(username));
    }

    private void forgetExpired() {
        Instant now = clock.instant();
        failures.entrySet().removeIf(e -> e.getValue().windowStart.plus(WINDOW).isBefore(now)
                && (e.getValue().lockedUntil == null || e.getValue().lockedUntil.isBefore(now)));
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    private record Failures(Instant windowStart, int count, Instant lockedUntil) {
    }
}
