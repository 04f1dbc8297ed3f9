package org.gongnon.recruitment;

/** What a draw made of a pool member. */
public enum DrawOutcome {
    PANEL,
    RESERVE,
    POOL
}
