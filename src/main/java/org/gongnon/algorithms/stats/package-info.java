/**
 * Statistics for the process, in plain Java plus Commons Statistics (no Spring, no Vaadin):
 * <ul>
 * <li>Representativeness: how the pool, the panel and the attendees compare with the population, value by
 *     value, with a χ² goodness-of-fit test per group.</li>
 * <li>Opinion change across survey waves: {@link org.gongnon.algorithms.stats.PairedComparison} (paired
 *     t test, Wilcoxon signed-rank test, Cohen's d<sub>z</sub>),
 *     {@link org.gongnon.algorithms.stats.PositionChanges} (who moved up or down, with a Wilson interval,
 *     and the before × after table) and {@link org.gongnon.algorithms.stats.Distributions} (answer shares,
 *     plain or weighted).</li>
 * <li>{@link org.gongnon.algorithms.stats.PostStratification}: weights that match a wave to the population,
 *     Kish's effective sample size and weighted means.</li>
 * </ul>
 * All intervals are two-sided 95 %.
 */
package org.gongnon.algorithms.stats;
