package org.gongnon.algorithms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PostStratificationTest {

    /** The 95 % normal quantile, from tables: 1.959964. */
    private static final double Z = 1.959964;

    private static Map<String, Double> population(Object... cellsAndShares) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < cellsAndShares.length; i += 2) {
            map.put((String) cellsAndShares[i], ((Number) cellsAndShares[i + 1]).doubleValue());
        }
        return map;
    }

    private static List<String> sample(Object... cellsAndCounts) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < cellsAndCounts.length; i += 2) {
            cells.addAll(Collections.nCopies((Integer) cellsAndCounts[i + 1], (String) cellsAndCounts[i]));
        }
        return cells;
    }

    @Test
    void fiftyFiftyPopulationThirtySeventySample() {
        // By hand: population 50/50 (given in percent, so normalisation is exercised), sample 30 women / 70
        // men. w(women) = 0.5 / 0.3 = 5/3 = 1.667, w(men) = 0.5 / 0.7 = 5/7 = 0.714. Σw = 30·5/3 + 70·5/7 =
        // 50 + 50 = 100 (mean 1 already); Σw² = 30·25/9 + 70·25/49 = 250/3 + 250/7 = 2500/21, so Kish's
        // n_eff = 100² / (2500/21) = 84.
        StratificationWeights result = PostStratification.weights(population("여성", 50, "남성", 50),
                sample("여성", 30, "남성", 70));
        double[] weights = result.weights();
        assertEquals(100, weights.length);
        assertEquals(5.0 / 3, weights[0], 1e-12);
        assertEquals(1.667, weights[29], 5e-4);
        assertEquals(5.0 / 7, weights[30], 1e-12);
        assertEquals(0.714, weights[99], 5e-4);
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        assertEquals(100.0, sum, 1e-9);
        assertEquals(84.0, result.effectiveSampleSize(), 1e-9);
        assertEquals(List.of(), result.emptyCells());
        assertTrue(result.coversPopulation());
    }

    @Test
    void aSampleThatMatchesThePopulationNeedsNoWeights() {
        StratificationWeights result = PostStratification.weights(population("a", 0.2, "b", 0.8),
                sample("b", 4, "a", 1));
        for (double w : result.weights()) {
            assertEquals(1.0, w, 1e-12);
        }
        assertEquals(5.0, result.effectiveSampleSize(), 1e-12);
    }

    @Test
    void emptyCellsAreNamedAndTheRestRenormalised() {
        // Population 40/40/20, nobody from C. Renormalised over A and B: 0.5/0.5. Sample 2 A, 6 B:
        // w(A) = 0.5 / (2/8) = 2, w(B) = 0.5 / (6/8) = 2/3; mean (2·2 + 6·2/3)/8 = 1.
        // n_eff = 8² / (2·4 + 6·4/9) = 64 / (32/3) = 6.
        StratificationWeights result = PostStratification.weights(population("A", 0.4, "B", 0.4, "C", 0.2),
                sample("A", 2, "B", 6));
        double[] weights = result.weights();
        assertEquals(2.0, weights[0], 1e-12);
        assertEquals(2.0 / 3, weights[2], 1e-12);
        assertEquals(List.of("C"), result.emptyCells());
        assertFalse(result.coversPopulation());
        assertEquals(6.0, result.effectiveSampleSize(), 1e-12);
    }

    @Test
    void aRespondentInACellWithNoPopulationShareWeighsNothing() {
        // Cell X has share 0 (e.g. a category the census does not count): the respondent gets weight 0 and
        // the others, 2 A and 2 B against 50/50, carry it all: w = 0.5 / (2/5) = 5/4 each, Σw = 5, mean 1.
        // n_eff = 5² / (4 · 25/16) = 4.
        StratificationWeights result = PostStratification.weights(population("A", 1, "B", 1, "X", 0),
                List.of("A", "X", "B", "A", "B"));
        double[] weights = result.weights();
        assertEquals(0.0, weights[1]);
        assertEquals(5.0 / 4, weights[0], 1e-12);
        assertEquals(5.0 / 4, weights[2], 1e-12);
        assertEquals(List.of(), result.emptyCells());
        assertEquals(4.0, result.effectiveSampleSize(), 1e-12);
    }

    @Test
    void noRespondentsGiveNoWeightsAndEveryCellEmpty() {
        StratificationWeights result = PostStratification.weights(population("A", 1, "B", 0, "C", 2), List.of());
        assertEquals(0, result.weights().length);
        assertEquals(List.of("A", "C"), result.emptyCells());
        assertEquals(0.0, result.effectiveSampleSize());
    }

    @Test
    void rejectsUnknownCellsAndBadShares() {
        assertThrows(IllegalArgumentException.class,
                () -> PostStratification.weights(population("A", 1), List.of("A", "B")));
        assertThrows(IllegalArgumentException.class,
                () -> PostStratification.weights(population("A", 1), Collections.singletonList(null)));
        assertThrows(IllegalArgumentException.class,
                () -> PostStratification.weights(population("A", -1, "B", 2), List.of("A")));
        assertThrows(IllegalArgumentException.class,
                () -> PostStratification.weights(population("A", Double.NaN), List.of("A")));
        assertThrows(IllegalArgumentException.class,
                () -> PostStratification.weights(population("A", 0, "B", 0), List.of("A")));
        assertThrows(IllegalArgumentException.class,
                () -> PostStratification.weights(population("A", 0, "B", 1), List.of("A")));
    }

    @Test
    void theWeightsCannotBeChangedFromOutside() {
        StratificationWeights result = PostStratification.weights(population("A", 1, "B", 1), sample("A", 1, "B", 3));
        result.weights()[0] = 99;
        assertEquals(2.0, result.weights()[0], 1e-12);
        assertEquals(result, PostStratification.weights(population("A", 1, "B", 1), sample("A", 1, "B", 3)));
    }

    @Test
    void weightedMeanOfTheFiftyFiftyExample() {
        // The 30 women all answer 1, the 70 men 0. Weighted mean = 50·1 / 100 = 0.5 (unweighted 0.3).
        // By hand: Σw(x − 0.5)² / Σw = (50·0.25 + 50·0.25)/100 = 0.25, times n_eff/(n_eff − 1) = 84/83;
        // SE = √(0.25 · 84/83 / 84) = √(0.25/83) = 0.0548821, so the interval is 0.5 ± 1.959964 · 0.0548821
        // = 0.5 ± 0.107567 = [0.392433, 0.607567].
        double[] values = new double[100];
        for (int i = 0; i < 30; i++) {
            values[i] = 1;
        }
        double[] weights = PostStratification.weights(population("여성", 1, "남성", 1),
                sample("여성", 30, "남성", 70)).weights();
        WeightedMean mean = PostStratification.weightedMean(values, weights);
        assertEquals(0.5, mean.mean(), 1e-12);
        assertEquals(84.0, mean.effectiveN(), 1e-9);
        assertEquals(0.392433, mean.ciLow(), 5e-6);
        assertEquals(0.607567, mean.ciHigh(), 5e-6);
        assertEquals(0.5 - Z * Math.sqrt(0.25 / 83), mean.ciLow(), 1e-6);
        assertTrue(mean.hasInterval());
    }

    @Test
    void equalWeightsGiveTheTextbookInterval() {
        // 1, 2, 3, 4, 5: mean 3, sample sd √2.5 = 1.581139, SE = 1.581139/√5 = 0.707107,
        // 3 ± 1.959964 · 0.707107 = 3 ± 1.385904.
        WeightedMean mean = PostStratification.weightedMean(new double[] {1, 2, 3, 4, 5},
                new double[] {2, 2, 2, 2, 2});
        assertEquals(3.0, mean.mean(), 1e-12);
        assertEquals(5.0, mean.effectiveN(), 1e-12);
        assertEquals(1.614096, mean.ciLow(), 5e-6);
        assertEquals(4.385904, mean.ciHigh(), 5e-6);
    }

    @Test
    void degenerateWeightedMeans() {
        WeightedMean empty = PostStratification.weightedMean(new double[0], new double[0]);
        assertTrue(Double.isNaN(empty.mean()));
        assertEquals(0.0, empty.effectiveN());
        assertFalse(empty.hasInterval());

        WeightedMean noWeight = PostStratification.weightedMean(new double[] {1, 2}, new double[] {0, 0});
        assertTrue(Double.isNaN(noWeight.mean()));
        assertEquals(0.0, noWeight.effectiveN());

        // All the weight on one respondent: n_eff = 1, a mean but no interval.
        WeightedMean one = PostStratification.weightedMean(new double[] {4, 7}, new double[] {0, 3});
        assertEquals(7.0, one.mean(), 1e-12);
        assertEquals(1.0, one.effectiveN(), 1e-12);
        assertFalse(one.hasInterval());
        assertTrue(Double.isNaN(one.ciHigh()));
    }

    @Test
    void weightedMeanRejectsBadInput() {
        assertThrows(IllegalArgumentException.class,
                () -> PostStratification.weightedMean(new double[] {1}, new double[] {1, 1}));
        assertThrows(IllegalArgumentException.class,
                () -> PostStratification.weightedMean(new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> PostStratification.weightedMean(new double[] {1}, new double[] {-1}));
        assertThrows(IllegalArgumentException.class,
                () -> PostStratification.weightedMean(new double[] {1}, new double[] {Double.NaN}));
    }
}
