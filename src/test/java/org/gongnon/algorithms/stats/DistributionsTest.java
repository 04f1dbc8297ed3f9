package org.gongnon.algorithms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DistributionsTest {

    private static final List<String> OPINIONS = List.of("찬성", "반대", "유보");

    @Test
    void sharesOverTheAnswersGivenInCategoryOrder() {
        List<String> answers = List.of("반대", "찬성", "찬성", "유보", "찬성", "반대", "찬성", "찬성");
        List<CategoryShare> shares = Distributions.of(OPINIONS, answers);
        assertEquals(List.of(new CategoryShare("찬성", 5, 5 / 8.0), new CategoryShare("반대", 2, 2 / 8.0),
                new CategoryShare("유보", 1, 1 / 8.0)), shares);
    }

    @Test
    void aCategoryNobodyChoseIsListedWithZero() {
        List<CategoryShare> shares = Distributions.of(OPINIONS, Set.of("찬성"));
        assertEquals(new CategoryShare("반대", 0, 0.0), shares.get(1));
        assertEquals(1.0, shares.get(0).share());
    }

    @Test
    void noAnswersHaveNoShares() {
        List<CategoryShare> shares = Distributions.of(OPINIONS, List.of());
        assertEquals(3, shares.size());
        assertTrue(shares.stream().allMatch(s -> s.count() == 0 && !s.hasShare()));

        List<WeightedShare> weighted = Distributions.weighted(OPINIONS, List.of("찬성"), new double[] {0});
        assertEquals(0.0, weighted.get(0).weightedCount());
        assertFalse(weighted.get(0).hasShare());
    }

    @Test
    void weightedSharesUseTheWeightsOfThePostStratificationExample() {
        // Population 50/50 women/men, sample 30 women and 70 men → weights 5/3 and 5/7 (see
        // PostStratificationTest). 24 of the 30 women and 21 of the 70 men agree. Unweighted 45 % agree;
        // weighted, each half of the population counts equally: 0.5 · 24/30 + 0.5 · 21/70 = 0.4 + 0.15 = 0.55.
        List<String> cells = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            cells.add("여성");
            answers.add(i < 24 ? "찬성" : "반대");
        }
        for (int i = 0; i < 70; i++) {
            cells.add("남성");
            answers.add(i < 21 ? "찬성" : "반대");
        }
        Map<String, Double> population = new LinkedHashMap<>();
        population.put("여성", 0.5);
        population.put("남성", 0.5);
        double[] weights = PostStratification.weights(population, cells).weights();

        List<WeightedShare> shares = Distributions.weighted(OPINIONS, answers, weights);
        assertEquals("찬성", shares.get(0).category());
        // Weighted count: 24 · 5/3 + 21 · 5/7 = 40 + 15 = 55 of a total weight of 100.
        assertEquals(55.0, shares.get(0).weightedCount(), 1e-9);
        assertEquals(0.55, shares.get(0).share(), 1e-12);
        assertEquals(45.0, shares.get(1).weightedCount(), 1e-9);
        assertEquals(0.45, shares.get(1).share(), 1e-12);
        assertEquals(new WeightedShare("유보", 0.0, 0.0), shares.get(2));

        assertEquals(0.45, Distributions.of(OPINIONS, answers).get(0).share(), 1e-12);
    }

    @Test
    void unitWeightsGiveTheUnweightedShares() {
        List<String> answers = List.of("반대", "찬성", "유보", "찬성");
        double[] ones = new double[answers.size()];
        Arrays.fill(ones, 1.0);
        List<WeightedShare> weighted = Distributions.weighted(OPINIONS, answers, ones);
        List<CategoryShare> plain = Distributions.of(OPINIONS, answers);
        for (int i = 0; i < OPINIONS.size(); i++) {
            assertEquals(plain.get(i).count(), weighted.get(i).weightedCount(), 0.0);
            assertEquals(plain.get(i).share(), weighted.get(i).share(), 0.0);
        }
    }

    @Test
    void rejectsUnknownAnswersDuplicateCategoriesAndBadWeights() {
        assertThrows(IllegalArgumentException.class, () -> Distributions.of(OPINIONS, List.of("찬성", "모름")));
        assertThrows(IllegalArgumentException.class,
                () -> Distributions.of(OPINIONS, Collections.singletonList(null)));
        assertThrows(IllegalArgumentException.class, () -> Distributions.of(List.of("a", "a"), List.of("a")));
        assertThrows(IllegalArgumentException.class,
                () -> Distributions.weighted(OPINIONS, List.of("모름"), new double[] {1}));
        assertThrows(IllegalArgumentException.class,
                () -> Distributions.weighted(OPINIONS, List.of("찬성"), new double[] {1, 2}));
        assertThrows(IllegalArgumentException.class,
                () -> Distributions.weighted(OPINIONS, List.of("찬성"), new double[] {-1}));
        assertThrows(IllegalArgumentException.class,
                () -> Distributions.weighted(OPINIONS, List.of("찬성"), new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class,
                () -> Distributions.weighted(OPINIONS, List.of("찬성"), new double[] {Double.POSITIVE_INFINITY}));
    }
}
