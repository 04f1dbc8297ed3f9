package org.gongnon.recommendation;

/** What a save did: the item, its current version, and whether a new version was written (false: nothing changed). */
public record ItemSaved(long itemId, int version, boolean changed) {
}
