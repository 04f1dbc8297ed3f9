package org.gongnon.scheduling;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A session as edited: new when {@code id} is null; {@code version} guards against overwriting someone
 * else's change. The audience is the whole panel, or the members holding one value of a feature (e.g. 권역 =
 * 동북권) when both audience fields are set. A date in the past is refused unless {@code recordingPast} says the
 * facilitator is recording a session that already took place.
 */
public record SessionForm(Long id, long version, long processId, Long roundId, String title, LocalDate date,
                          LocalTime start, LocalTime end, Long venueId, String onlineUrl, String audienceFeature,
                          String audienceValue, boolean required, String whatToBring, boolean recordingPast,
                          List<AgendaItemForm> agenda) {

    public SessionForm {
        agenda = agenda == null ? List.of() : List.copyOf(agenda);
    }

    public boolean wholePanel() {
        return audienceFeature == null || audienceFeature.isBlank();
    }
}
