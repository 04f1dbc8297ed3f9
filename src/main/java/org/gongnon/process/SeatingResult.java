package org.gongnon.process;

/** What seating a drawn panel changed: new members, members who withdrew, members who came back. */
public record SeatingResult(int added, int withdrawn, int rejoined, int unchanged) {
}
