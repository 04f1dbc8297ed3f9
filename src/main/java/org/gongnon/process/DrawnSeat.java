package org.gongnon.process;

/** One seat of a drawn panel, as recruitment hands it over: the pool member and the name they go by. */
public record DrawnSeat(long poolMemberId, String displayName) {
}
