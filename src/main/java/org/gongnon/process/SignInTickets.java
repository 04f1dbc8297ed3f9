package org.gongnon.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.gongnon.security.CitizenPrincipal;
import org.springframework.stereotype.Component;

/**
 * One-time tickets that carry a checked code over to the sign-in request: random, single-use, valid
 * for {@link #VALIDITY}, kept (hashed) in memory only. A lost ticket just means typing the code again.
 */
@Component
class SignInTickets {

    static final Duration VALIDITY = Duration.ofMinutes(1);

    private final Map<String, Ticket> tickets = new ConcurrentHashMap<>();
    private final Clock clock;

    SignInTickets(Clock clock) {
        this.clock = clock;
    }

    String issue(CitizenPrincipal citizen) {
        Instant now = clock.instant();
        tickets.values().removeIf(t -> t.expires().isBefore(now));
        String ticket = AccessSecrets.newToken();
        tickets.put(AccessSecrets.sha256(ticket), new Ticket(citizen, now.plus(VALIDITY)));
        return ticket;
    }

    Optional<CitizenPrincipal> redeem(String ticket) {
        if (ticket == null || ticket.length() > 100) {
            return Optional.empty();
        }
        Ticket found = tickets.remove(AccessSecrets.sha256(ticket));
        if (found == null || found.expires().isBefore(clock.instant())) {
            return Optional.empty();
        }
        return Optional.of(found.citizen());
    }

    private record Ticket(CitizenPrincipal citizen, Instant expires) {
    }
}
