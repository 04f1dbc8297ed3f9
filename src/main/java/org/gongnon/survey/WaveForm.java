package org.gongnon.survey;

import java.time.LocalDateTime;

/**
 * A wave's settings as a facilitator edits them. Times are local to the process's time zone (the app clock's).
 *
 * @param version the version the editor started from (optimistic locking); null for a new wave
 */
public record WaveForm(int number, WaveKind kind, LocalText title, LocalDateTime opensAt, LocalDateTime closesAt,
                       WaveAudience audience, Long audienceSessionId, LocalText purpose, LocalText retention,
                       Long version) {

    public WaveForm withVersion(Long newVersion) {
        return new WaveForm(number, kind, title, opensAt, closesAt, audience, audienceSessionId, purpose, retention,
                newVersion);
    }
}
