/**
 * Panel selection by lottery: the selection problem (pool, features, quotas), quota allocation from
 * population shares, and the selection algorithms. Plain Java: no Spring, no Vaadin, so it can be
 * tested and benchmarked on its own.
 */
package org.gongnon.algorithms.sortition;
