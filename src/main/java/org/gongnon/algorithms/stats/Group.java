package org.gongnon.algorithms.stats;

/**
 * The groups of people compared with the population, in the order of the recruitment: everyone who
 * volunteered (pool), those drawn (panel), those who actually came (attendees). The population itself is
 * the reference, given as shares rather than counts, so it is not a group here.
 */
public enum Group {
    POOL,
    PANEL,
    ATTENDEES
}
