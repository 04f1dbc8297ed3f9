package org.gongnon.algorithms.sortition.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongnon.algorithms.sortition.Feasibility;
import org.gongnon.algorithms.sortition.Leximin;
import org.gongnon.algorithms.sortition.Lottery;
import org.gongnon.algorithms.sortition.LotteryAudit;
import org.gongnon.algorithms.sortition.SelectionProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The corpus's fast subset: a fixed selection of pools that spans the styles (and pool sizes from 150 to 17,000), each
 * solved with LEXIMIN and audited apart from the engine. The whole corpus is a benchmark ({@code bench/corpus.sh});
 * the selection keeps to pools the engine solves in seconds, so this class stays within about two minutes on a
 * loaded two-core machine.
 */
class PoolCorpusTest {

    @ParameterizedTest(name = "pool {0}")
    @ValueSource(ints = {
            6, 18, 36, // exact: 197/42, 5,124/40, 5,688/48
            1, 73, // floor-ceiling: 304/20 (2 features), 7,045/50 (5 features)
            2, 20, 26, // one seat: 2,861/192, 2,540/283, 17,335/405
            33, 39, // five percent: 152/24, 1,845/53
            190, // sparse: 270 people in 226 strata, 6 features
            4, // sparse: 130 people in 129 strata, 7 features (past 60 s before pricing by CP-SAT)
            5, 17, 53, // edge, every quota exact at a reference panel: 3,303/51, 1,392/22 (5 features), 234/65
            287, 59}) // edge, all of each scarce value demanded: 1,828/144, 6,779/311
    void leximinLotteryIsSoundAndAsGoodAsWholePanelsAllow(int index) {
        PoolCorpus.Pool pool = PoolCorpus.pool(index);
        SelectionProblem problem = pool.problem();
        Lottery lottery = Leximin.leximin(problem);
        LotteryAudit.Result audit = LotteryAudit.audit(problem, lottery, 30);
        String context = pool.name() + " (" + pool.spec().description() + "): " + audit.summary();
        assertEquals(List.of(), audit.problems().subList(0, Math.min(5, audit.problems().size())), context);
        assertTrue(audit.minimum() >= 0, context);
        // Either the relaxation bound is reached, or the certificate proved no lottery of whole panels does better.
        assertTrue(audit.verdict().acceptable(), context);
        if (audit.verdict() == LotteryAudit.Verdict.BOUND_UNREACHABLE) {
            System.out.println(context);
        }
    }

    @Test
    void theSelectedPoolsHaveQuotaPanelsAsTheGeneratorPromises() {
        for (int index : new int[] {6, 1, 33, 190, 5, 287, 4, 11}) {
            PoolCorpus.Pool pool = PoolCorpus.pool(index);
            assertTrue(Feasibility.check(pool.problem()).feasible(), pool.name());
        }
    }

    @Test
    void aPoolIsMadeFromItsIndexAlone() {
        for (int index : new int[] {0, 7, 250, PoolCorpus.SIZE - 1}) {
            PoolCorpus.Pool first = PoolCorpus.pool(index);
            PoolCorpus.Pool again = PoolCorpus.pool(index);
            assertEquals(first.problem(), again.problem(), first.name());
            assertEquals(first.name(), again.name());
        }
        // A fingerprint, so that a change to the generator shows (docs/benchmarks.md was measured on these pools).
        PoolCorpus.Pool pool = PoolCorpus.pool(6);
        assertEquals("p006-exact-197-42-f4", pool.name());
        assertEquals(Map.of("gender", "female", "age", "age-05", "housing", "housing-01", "household", "household-02"),
                pool.problem().pool().getFirst().features());
    }

    @Test
    void theCorpusSpansWhatTheIssueAsksFor() {
        Map<PoolCorpus.Style, Integer> perStyle = new EnumMap<>(PoolCorpus.Style.class);
        Set<String> names = new HashSet<>();
        int smallestPool = Integer.MAX_VALUE;
        int largestPool = 0;
        int mostValues = 0;
        int fewestFeatures = Integer.MAX_VALUE;
        int mostFeatures = 0;
        for (int index = 0; index < PoolCorpus.SIZE; index++) {
            PoolCorpus.Spec spec = PoolCorpus.spec(index);
            perStyle.merge(spec.style(), 1, Integer::sum);
            assertTrue(names.add(spec.name()), "unique name " + spec.name());
            assertTrue(spec.poolSize() >= 100 && spec.poolSize() <= 20_000, spec.name());
            assertTrue(spec.panelSize() >= 20 && spec.panelSize() <= 1000 && spec.panelSize() <= spec.poolSize(),
                    spec.name());
            assertTrue(spec.features().size() >= 2 && spec.features().size() <= 9, spec.name());
            for (var feature : spec.features()) {
                assertTrue(feature.values().size() >= 2 && feature.values().size() <= 25, spec.name());
                mostValues = Math.max(mostValues, feature.values().size());
            }
            smallestPool = Math.min(smallestPool, spec.poolSize());
            largestPool = Math.max(largestPool, spec.poolSize());
            fewestFeatures = Math.min(fewestFeatures, spec.features().size());
            mostFeatures = Math.max(mostFeatures, spec.features().size());
        }
        assertTrue(PoolCorpus.SIZE >= 500);
        for (PoolCorpus.Style style : PoolCorpus.Style.values()) {
            assertEquals(PoolCorpus.SIZE / PoolCorpus.Style.values().length, perStyle.get(style), style.label());
        }
        assertTrue(smallestPool < 150 && largestPool > 15_000, smallestPool + " to " + largestPool);
        assertEquals(2, fewestFeatures);
        assertEquals(9, mostFeatures);
        assertEquals(25, mostValues);
    }
}
