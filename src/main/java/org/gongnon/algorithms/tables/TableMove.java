package org.gongnon.algorithms.tables;

/** One person changing table when the tables are rebalanced; {@code from} is {@link #NOT_SEATED} for a newcomer. */
public record TableMove(long id, int from, int to) {

    public static final int NOT_SEATED = -1;
}
