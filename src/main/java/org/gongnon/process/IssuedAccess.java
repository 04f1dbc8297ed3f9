package org.gongnon.process;

/**
 * A freshly issued personal link and code. Shown once: only hashes are stored, so a lost link is
 * re-issued, never looked up.
 */
public record IssuedAccess(long panelMemberId, String displayName, String link, String code) {
}
