package org.gongnon.algorithms.tables;

/**
 * The objective of an assignment, in parts.
 *
 * @param diversityPenalty  the weighted sum of squared deviations from the proportional shares
 * @param outsideBand       the weighted sum of squared distances of counts outside [floor, ceil] of their share
 *                          (0 when every table's count of every value is at the floor or ceiling of its share)
 * @param repeatPairs       how many pairs sitting together met before (each pair once)
 * @param repeatEncounters  the same weighted by how often each pair met before
 * @param total             {@code diversityPenalty + bandWeight * outsideBand + encounterWeight * repeatEncounters}:
 *                          what is minimised
 */
public record TableScore(double diversityPenalty, double outsideBand, int repeatPairs, int repeatEncounters,
        double total) {
}
