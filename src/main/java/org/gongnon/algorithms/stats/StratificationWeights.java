package org.gongnon.algorithms.stats;

import java.util.Arrays;
import java.util.List;

/**
 * Post-stratification weights for the respondents of one wave. Built by
 * {@link PostStratification#weights(java.util.Map, List)}.
 *
 * @param weights             one weight per respondent, in the order given, scaled so their mean is 1 (a
 *                            weight of 2 means "counts as two average respondents"); empty when there were
 *                            no respondents
 * @param emptyCells          population cells with a positive share but no respondent, in the population
 *                            map's iteration order: nobody can stand in for them, so the weighted results
 *                            describe the population <em>without</em> these cells
 * @param effectiveSampleSize Kish's effective sample size (Σw)² / Σw²: how many unweighted respondents the
 *                            weighted sample is worth; equals the number of respondents when all weights
 *                            are equal and shrinks as they spread; 0 without respondents
 */
public record StratificationWeights(double[] weights, List<String> emptyCells, double effectiveSampleSize) {

    public StratificationWeights {
        weights = weights.clone();
        emptyCells = List.copyOf(emptyCells);
    }

    /** A copy: the record stays immutable. */
    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** True when every population cell with a positive share has at least one respondent. */
    public boolean coversPopulation() {
        return emptyCells.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StratificationWeights other && Arrays.equals(weights, other.weights)
                && emptyCells.equals(other.emptyCells)
                && Double.compare(effectiveSampleSize, other.effectiveSampleSize) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(weights) + emptyCells.hashCode()) + Double.hashCode(effectiveSampleSize);
    }

    @Override
    public String toString() {
        return "StratificationWeights[weights=" + Arrays.toString(weights) + ", emptyCells=" + emptyCells
                + ", effectiveSampleSize=" + effectiveSampleSize + "]";
    }
}
