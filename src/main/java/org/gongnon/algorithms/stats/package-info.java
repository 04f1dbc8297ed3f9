/**
 * Representativeness: how the pool, the panel and (later) the attendees compare with the population,
 * value by value, with a χ² goodness-of-fit test per group. Plain Java plus Commons Statistics: no
 * Spring, no Vaadin.
 */
package org.gongnon.algorithms.stats;
