package org.gongnon.algorithms.stats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Post-stratification: weights that make a wave's respondents match the population on one stratifying
 * variable (or a crossing of several, given as one cell label such as "여성|30대|동남권"), and weighted means
 * with an approximate interval.
 */
public final class PostStratification {

    private PostStratification() {
    }

    /**
     * The weight of respondent i is populationShare(cell) / sampleShare(cell), so that each cell weighs in
     * the weighted sample what it weighs in the population.
     * <ul>
     * <li>Population shares may be on any non-negative scale (proportions, percentages, head counts): they
     *     are normalised to sum to 1.</li>
     * <li>A population cell with a positive share but no respondent cannot be represented by anyone. It is
     *     listed in {@link StratificationWeights#emptyCells()} and the shares of the cells that do have
     *     respondents are renormalised to sum to 1, i.e. the weighted sample stands for the population
     *     <em>less</em> the empty cells. Callers should show the empty cells next to any weighted figure
     *     (or merge cells and weight again).</li>
     * <li>A respondent whose cell has population share 0 gets weight 0 (the population has nobody like
     *     them).</li>
     * <li>The weights are then scaled so their mean is 1; they sum to the number of respondents.</li>
     * </ul>
     *
     * @param populationShares     share per cell; every cell a respondent is in must be present
     * @param cellOfEachRespondent each respondent's cell, in the order the weights are wanted
     * @throws IllegalArgumentException when a share is negative, NaN or infinite, the shares add up to 0, a
     *                                  respondent's cell is missing from the population (or null), or every
     *                                  respondent is in a cell with population share 0
     */
    public static StratificationWeights weights(Map<String, Double> populationShares,
                                                List<String> cellOfEachRespondent) {
        Map<String, Double> population = normalised(populationShares);
        Objects.requireNonNull(cellOfEachRespondent, "cellOfEachRespondent");
        Map<String, Integer> sampleCounts = new HashMap<>();
        for (String cell : cellOfEachRespondent) {
            if (cell == null || !population.containsKey(cell)) {
                throw new IllegalArgumentException("respondent cell " + cell + " has no population share "
                        + "(cells: " + population.keySet() + ")");
            }
            sampleCounts.merge(cell, 1, Integer::sum);
        }
        List<String> emptyCells = new ArrayList<>();
        double coveredShare = 0;
        for (Map.Entry<String, Double> e : population.entrySet()) {
            if (sampleCounts.containsKey(e.getKey())) {
                coveredShare += e.getValue();
            } else if (e.getValue() > 0) {
                emptyCells.add(e.getKey());
            }
        }
        int n = cellOfEachRespondent.size();
        if (n == 0) {
            return new StratificationWeights(new double[0], emptyCells, 0);
        }
        if (coveredShare == 0) {
            throw new IllegalArgumentException("every respondent is in a cell with population share 0");
        }
        double[] weights = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            String cell = cellOfEachRespondent.get(i);
            double sampleShare = (double) sampleCounts.get(cell) / n;
            weights[i] = population.get(cell) / coveredShare / sampleShare;
            sum += weights[i];
        }
        // The raw weights already average 1 in exact arithmetic; rescaling removes the rounding drift.
        double scale = n / sum;
        for (int i = 0; i < n; i++) {
            weights[i] *= scale;
        }
        return new StratificationWeights(weights, emptyCells, kish(weights));
    }

    /**
     * A weighted mean with a normal-approximation 95 % interval based on Kish's effective sample size:
     * <pre>
     *   mean  = Σ w·x / Σ w
     *   n_eff = (Σ w)² / Σ w²
     *   s²    = Σ w·(x − mean)² / Σ w · n_eff / (n_eff − 1)    (the unbiased variance for reliability weights)
     *   CI    = mean ± z<sub>0.975</sub> · s / √n_eff
     * </pre>
     * With equal weights this is the usual mean ± 1.96·sd/√n. It is an approximation: it treats the weights
     * as fixed and charges the full design effect n / n_eff of unequal weighting, but ignores the variance
     * that post-stratification removes when the cells explain the answer (a linearisation estimator would be
     * narrower then), and uses z rather than t, so for small effective samples it is too narrow. Read it as a
     * guide, not an exact interval.
     *
     * <p>Degenerate cases: no respondents or all weights 0 → mean NaN and effectiveN 0; effectiveN ≤ 1 (e.g.
     * one respondent, or all the weight on one) → interval NaN.
     *
     * @throws IllegalArgumentException when the lengths differ, a value is NaN or infinite, or a weight is
     *                                  negative, NaN or infinite
     */
    public static WeightedMean weightedMean(double[] values, double[] weights) {
        Objects.requireNonNull(values, "values");
        Objects.requireNonNull(weights, "weights");
        if (values.length != weights.length) {
            throw new IllegalArgumentException(values.length + " values but " + weights.length + " weights");
        }
        double sumW = 0;
        double sumWX = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException("value " + values[i] + " of respondent " + i + " is not finite");
            }
            Distributions.checkWeight(weights[i], i);
            sumW += weights[i];
            sumWX += weights[i] * values[i];
        }
        if (sumW == 0) {
            return new WeightedMean(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        double mean = sumWX / sumW;
        double effectiveN = kish(weights);
        if (effectiveN <= 1) {
            return new WeightedMean(mean, Double.NaN, Double.NaN, effectiveN);
        }
        double squares = 0;
        for (int i = 0; i < values.length; i++) {
            double deviation = values[i] - mean;
            squares += weights[i] * deviation * deviation;
        }
        double variance = squares / sumW * effectiveN / (effectiveN - 1);
        double halfWidth = Intervals.Z95 * Math.sqrt(variance / effectiveN);
        return new WeightedMean(mean, mean - halfWidth, mean + halfWidth, effectiveN);
    }

    /** Kish's effective sample size (Σw)² / Σw²; 0 when there is no weight. */
    static double kish(double[] weights) {
        double sum = 0;
        double sumOfSquares = 0;
        for (double w : weights) {
            sum += w;
            sumOfSquares += w * w;
        }
        return sumOfSquares == 0 ? 0 : sum * sum / sumOfSquares;
    }

    private static Map<String, Double> normalised(Map<String, Double> shares) {
        Objects.requireNonNull(shares, "populationShares");
        double total = 0;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            Double share = e.getValue();
            if (e.getKey() == null || share == null || !Double.isFinite(share) || share < 0) {
                throw new IllegalArgumentException("cell " + e.getKey() + " needs a finite, non-negative "
                        + "population share, got " + share);
            }
            total += share;
        }
        if (total <= 0) {
            throw new IllegalArgumentException("the population shares add up to zero");
        }
        Map<String, Double> normalised = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            normalised.put(e.getKey(), e.getValue() / total);
        }
        return normalised;
    }
}
