package org.gongnon.recruitment;

import java.time.Instant;

/** The draw whose panel a process seated, when and by whom. */
public record SeatingRecord(long processId, long drawId, Instant seatedAt, String seatedBy) {
}
