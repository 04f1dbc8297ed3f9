package org.gongnon.scheduling;

/**
 * The honorarium rule (every required session, or at least {@code minSessions}), whether arriving late or
 * leaving early still counts as attending, and whether citizens see the first names of their table.
 * {@code version} is -1 while the process still uses the defaults.
 */
public record SettingsForm(long processId, long version, HonorariumRule honorariumRule, int minSessions,
                           boolean lateCounts, boolean leftEarlyCounts, boolean tableNamesVisible) {
}
