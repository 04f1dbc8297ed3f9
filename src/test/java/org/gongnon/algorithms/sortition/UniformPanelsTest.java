package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongnon.algorithms.sortition.benchmark.GeneratedPools;
import org.gongnon.algorithms.sortition.corpus.PoolCorpus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The uniform lottery over M published panels, checked from the list itself: every panel meets every quota with
 * distinct pool members, each person's stated share is how often they appear, members of one type appear equally
 * often (within one), and the smallest chance stays close to LEXIMIN's.
 */
class UniformPanelsTest {

    @Test
    void aThousandPanelsOfAThousandToThreeHundredLoseAtMostHalfAPercentPoint() {
        SelectionProblem problem = GeneratedPools.uniform1000().problem();
        SortitionRun.UniformList list = SortitionRun.uniformList(problem, 1000, 60);
        UniformPanels panels = list.panels();
        assertEquals(1000, panels.count());
        checkList(problem, list.lottery(), panels);
        assertTrue(panels.loss() <= 0.005, "loss " + panels.loss() + " against LEXIMIN's " + panels.lotteryMinimum());
        assertTrue(panels.loss() >= -1e-12, "the rounding cannot beat LEXIMIN's minimum: " + panels.loss());

        SortitionRun.UniformList again = SortitionRun.uniformList(problem, 1000, 60);
        assertEquals(list.fingerprint(), again.fingerprint());
        assertEquals(panels.panels(), again.panels().panels(), "the same inputs, the same published list");
        assertNotEquals(list.fingerprint(), SortitionRun.uniformList(problem, 999, 60).fingerprint(),
                "M is part of the inputs");
    }

    @Test
    void theNumberDrawnPicksThatPanelAndItsReserves() {
        SelectionProblem problem = SortitionExamples.load("example_large_200");
        SortitionRun.UniformList list = SortitionRun.uniformList(problem, 1000, 40);
        SortitionResult drawn = SortitionRun.drawUniform(list, 417);
        assertEquals(list.panels().panels().get(416), drawn.panel());
        assertEquals(40, drawn.reserves().size());
        Set<String> seated = new HashSet<>(drawn.panel());
        assertTrue(drawn.reserves().stream().noneMatch(seated::contains));
        assertEquals(drawn.reserves(), SortitionRun.drawUniform(list, 417).reserves(), "reserves follow from the number");
        assertEquals(list.panels().shares(), drawn.probabilities());
        assertThrows(IllegalArgumentException.class, () -> SortitionRun.drawUniform(list, 0));
        assertThrows(IllegalArgumentException.class, () -> SortitionRun.drawUniform(list, 1001));
        int fromSeed = SortitionRun.numberFromSeed(20261207L, 1000);
        assertTrue(fromSeed >= 1 && fromSeed <= 1000);
        assertEquals(fromSeed, SortitionRun.numberFromSeed(20261207L, 1000));
    }

    @Test
    void oneOrAFewPanelsStillMeetTheQuotas() {
        SelectionProblem problem = SortitionExamples.load("example_small_20");
        for (int m : new int[] {1, 2, 7}) {
            SortitionRun.UniformList list = SortitionRun.uniformList(problem, m, 4);
            assertEquals(m, list.panels().count());
            checkList(problem, list.lottery(), list.panels());
        }
        assertThrows(IllegalArgumentException.class, () -> SortitionRun.uniformList(problem, 0, 4));
    }

    @ParameterizedTest(name = "corpus pool {0}")
    @ValueSource(ints = {6, 1, 2, 33, 5, 53})
    void corpusPoolsRoundToSoundLists(int index) {
        SelectionProblem problem = PoolCorpus.pool(index).problem();
        Lottery lottery = Leximin.leximin(problem);
        UniformPanels panels = UniformPanels.round(lottery, 1000, index);
        checkList(problem, lottery, panels);
        // Flooring alone loses up to 1/M per type; the rounding then adds little.
        assertTrue(panels.loss() <= 0.01, PoolCorpus.pool(index).name() + ": loss " + panels.loss());
    }

    /** Checks a list against the problem alone (quotas counted from the people's values, shares recounted). */
    static void checkList(SelectionProblem problem, Lottery lottery, UniformPanels panels) {
        Map<String, Person> byId = new HashMap<>();
        problem.pool().forEach(p -> byId.put(p.id(), p));
        Map<String, Integer> appearances = new HashMap<>();
        for (List<String> panel : panels.panels()) {
            assertEquals(problem.panelSize(), panel.size());
            assertEquals(panel.size(), new HashSet<>(panel).size(), "no one twice on a panel");
            for (Quota q : problem.quotas()) {
                long count = panel.stream().map(byId::get).filter(p -> q.value().equals(p.value(q.feature()))).count();
                assertTrue(count >= q.min() && count <= q.max(), q + " has " + count);
            }
            panel.forEach(id -> appearances.merge(id, 1, Integer::sum));
        }
        double sum = 0;
        for (Person p : problem.pool()) {
            double share = appearances.getOrDefault(p.id(), 0) / (double) panels.count();
            assertEquals(share, panels.shares().get(p.id()), 1e-12, p.id());
            sum += share;
        }
        assertEquals(problem.panelSize(), sum, 1e-9);
        // Members of one type (the same values of every quota feature) appear equally often, within one.
        Map<List<String>, List<Integer>> byType = new HashMap<>();
        for (Person p : problem.pool()) {
            List<String> key = new ArrayList<>();
            problem.features().forEach(f -> key.add(p.value(f)));
            byType.computeIfAbsent(key, k -> new ArrayList<>()).add(appearances.getOrDefault(p.id(), 0));
        }
        byType.forEach((type, counts) -> {
            int spread = counts.stream().mapToInt(Integer::intValue).max().orElseThrow()
                    - counts.stream().mapToInt(Integer::intValue).min().orElseThrow();
            assertTrue(spread <= 1, type + " appear " + counts);
        });
        assertEquals(lottery.minimumProbability(), panels.lotteryMinimum(), 0);
    }
}
