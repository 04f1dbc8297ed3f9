package org.gongnon.algorithms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RepresentativenessTest {

    private static final List<String> GENDERS = List.of("남성", "여성");
    private static final List<String> REGIONS = List.of("도심권", "동북권", "서북권", "서남권", "동남권");

    private static Map<String, Double> shares(List<String> values, double... shares) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < shares.length; i++) {
            map.put(values.get(i), shares[i]);
        }
        return map;
    }

    private static Map<String, Long> counts(List<String> values, long... counts) {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < counts.length; i++) {
            map.put(values.get(i), counts[i]);
        }
        return map;
    }

    /** Pearson's statistic by its definition, Σ (o − e)² / e with e = n × share. */
    private static double pearson(long[] observed, double[] shares) {
        long n = 0;
        double shareSum = 0;
        for (int i = 0; i < observed.length; i++) {
            n += observed[i];
            shareSum += shares[i];
        }
        double statistic = 0;
        for (int i = 0; i < observed.length; i++) {
            double expected = n * shares[i] / shareSum;
            statistic += (observed[i] - expected) * (observed[i] - expected) / expected;
        }
        return statistic;
    }

    @Test
    void theTextbookCriticalValueGivesPFivePercent() {
        // 1,248 men and 1,152 women against 50/50: (1248 − 1200)²/1200 × 2 = 3.84, the 5 % critical value for
        // one degree of freedom (tables: 3.841).
        FeatureComparison gender = Representativeness.compare("성별", GENDERS, shares(GENDERS, 0.5, 0.5),
                counts(GENDERS, 600, 400), counts(GENDERS, 1248, 1152));
        FitTest panel = gender.test(Group.PANEL);
        assertEquals(FitOutcome.TESTED, panel.outcome());
        assertEquals(3.84, panel.statistic(), 1e-12);
        assertEquals(1, panel.degreesOfFreedom());
        assertEquals(0.05, panel.pValue(), 0.0005);
        assertEquals(2400, panel.testedCount());

        // 600/400 of 1,000 against 50/50: χ² = 2 × 100²/500 = 40.
        FitTest pool = gender.test(Group.POOL);
        assertEquals(40.0, pool.statistic(), 1e-12);
        assertTrue(pool.pValue() < 1e-9, "600 men of 1,000 is far from half: " + pool.pValue());
        assertTrue(pool.rejectsAt(0.05));
        assertFalse(panel.rejectsAt(0.01));
    }

    @Test
    void oneDegreeOfFreedomMatchesTheNormalTail() {
        // 60/40 of 100 against 50/50: χ² = 4 = 2², so p = P(|Z| > 2) = 0.0455003 (normal table).
        FitTest panel = Representativeness.compare("성별", GENDERS, shares(GENDERS, 1, 1),
                counts(GENDERS, 50, 50), counts(GENDERS, 60, 40)).test(Group.PANEL);
        assertEquals(4.0, panel.statistic(), 1e-12);
        assertEquals(0.0455003, panel.pValue(), 1e-6);
    }

    @Test
    void fiveRegionsSharesDifferencesAndTest() {
        // Population shares in percent (normalised by the comparison), a pool skewed to the south, a panel
        // close to the population.
        Map<String, Double> population = shares(REGIONS, 5.1, 30.5, 12.1, 30.4, 21.9);
        long[] pool = {30, 270, 100, 330, 270};
        long[] panel = {15, 92, 36, 91, 66};
        FeatureComparison regions = Representativeness.compare("권역", REGIONS, population,
                counts(REGIONS, pool), counts(REGIONS, panel));

        assertEquals(List.of(Group.POOL, Group.PANEL), regions.groups());
        assertEquals(REGIONS, regions.values().stream().map(ValueComparison::value).toList());
        ValueComparison southEast = regions.value("동남권");
        assertEquals(0.219, southEast.populationShare(), 1e-12);
        assertEquals(270, southEast.in(Group.POOL).count());
        assertEquals(0.27, southEast.in(Group.POOL).share(), 1e-12);
        assertEquals(5.1, southEast.in(Group.POOL).differencePoints(), 1e-9);
        assertEquals(66, southEast.in(Group.PANEL).count());
        assertEquals(0.22, southEast.in(Group.PANEL).share(), 1e-12);
        assertEquals(0.1, southEast.in(Group.PANEL).differencePoints(), 1e-9);
        assertEquals(-2.1, regions.value("도심권").in(Group.POOL).differencePoints(), 1e-9);

        double[] expectedShares = {5.1, 30.5, 12.1, 30.4, 21.9};
        for (Group group : List.of(Group.POOL, Group.PANEL)) {
            long[] observed = group == Group.POOL ? pool : panel;
            FitTest test = regions.test(group);
            double statistic = pearson(observed, expectedShares);
            assertEquals(statistic, test.statistic(), 1e-9, group.name());
            assertEquals(4, test.degreesOfFreedom());
            // For four degrees of freedom the χ² tail has a closed form: p = e^(−x/2) (1 + x/2).
            assertEquals(Math.exp(-statistic / 2) * (1 + statistic / 2), test.pValue(), 1e-12, group.name());
            assertEquals(List.of(), test.excludedValues());
            assertEquals(List.of(), test.sparseValues());
        }
        // The figures themselves: the pool is clearly skewed, the panel is not.
        assertTrue(regions.test(Group.POOL).pValue() < 0.01, "pool p = " + regions.test(Group.POOL).pValue());
        assertTrue(regions.test(Group.PANEL).pValue() > 0.5, "panel p = " + regions.test(Group.PANEL).pValue());
    }

    @Test
    void twoDegreesOfFreedomMatchTheExponentialTail() {
        List<String> opinions = List.of("찬성", "반대", "유보");
        long[] panel = {110, 120, 70};
        FitTest test = Representativeness.compare("사전의견", opinions, shares(opinions, 0.4, 0.35, 0.25),
                counts(opinions, 400, 350, 250), counts(opinions, panel)).test(Group.PANEL);
        // e = 120, 105, 75: χ² = 100/120 + 225/105 + 25/75
        double statistic = 100.0 / 120 + 225.0 / 105 + 25.0 / 75;
        assertEquals(statistic, test.statistic(), 1e-12);
        assertEquals(pearson(panel, new double[] {0.4, 0.35, 0.25}), test.statistic(), 1e-12);
        assertEquals(2, test.degreesOfFreedom());
        // For two degrees of freedom the χ² tail is exactly e^(−x/2).
        assertEquals(Math.exp(-statistic / 2), test.pValue(), 1e-12);
    }

    @Test
    void aValueWithNoPopulationShareIsLeftOutAndNamed() {
        List<String> values = List.of("A", "B", "C");
        FeatureComparison c = Representativeness.compare("f", values, shares(values, 0.5, 0.5, 0.0),
                counts(values, 50, 50, 0), counts(values, 60, 40, 3));
        FitTest panel = c.test(Group.PANEL);
        assertEquals(FitOutcome.TESTED, panel.outcome());
        assertEquals(List.of("C"), panel.excludedValues());
        assertEquals(3, panel.excludedCount());
        assertEquals(100, panel.testedCount());
        assertEquals(1, panel.degreesOfFreedom());
        assertEquals(4.0, panel.statistic(), 1e-12); // 60/40 of the 100 in A and B against 50/50
        // The shares still count everyone: 3 of 103 have C, 3 points more than the population's 0.
        assertEquals(3.0 / 103, c.value("C").in(Group.PANEL).share(), 1e-12);
        assertEquals(300.0 / 103, c.value("C").in(Group.PANEL).differencePoints(), 1e-9);
        assertEquals(List.of("C"), c.test(Group.POOL).excludedValues());
        assertEquals(0, c.test(Group.POOL).excludedCount());
        assertEquals(0.0, c.test(Group.POOL).statistic(), 1e-12);
        assertEquals(1.0, c.test(Group.POOL).pValue(), 1e-12);
    }

    @Test
    void exclusionsThatLeaveOneValueMeanNoTest() {
        List<String> values = List.of("A", "B");
        FitTest test = Representativeness.compare("f", values, shares(values, 1, 0),
                counts(values, 10, 2), counts(values, 5, 0)).test(Group.POOL);
        assertEquals(FitOutcome.SINGLE_CATEGORY, test.outcome());
        assertEquals(List.of("B"), test.excludedValues());
        assertEquals(2, test.excludedCount());
        assertTrue(Double.isNaN(test.pValue()));
        assertFalse(test.rejectsAt(0.05));
    }

    @Test
    void aSingleValueHasSharesButNoTest() {
        List<String> seoul = List.of("서울");
        FeatureComparison c = Representativeness.compare("시도", seoul, shares(seoul, 1.0),
                counts(seoul, 1000), counts(seoul, 300));
        for (Group group : List.of(Group.POOL, Group.PANEL)) {
            FitTest test = c.test(group);
            assertEquals(FitOutcome.SINGLE_CATEGORY, test.outcome());
            assertFalse(test.tested());
            assertTrue(Double.isNaN(test.statistic()));
            assertTrue(Double.isNaN(test.pValue()));
            assertEquals(0, test.degreesOfFreedom());
        }
        assertEquals(1.0, c.value("서울").in(Group.PANEL).share(), 1e-12);
        assertEquals(0.0, c.value("서울").in(Group.PANEL).differencePoints(), 1e-12);
    }

    @Test
    void anEmptyPanelHasNoSharesAndNoTestWhileThePoolIsStillTested() {
        FeatureComparison c = Representativeness.compare("성별", GENDERS, shares(GENDERS, 0.5, 0.5),
                counts(GENDERS, 60, 40), Map.of());
        FitTest panel = c.test(Group.PANEL);
        assertEquals(FitOutcome.EMPTY_GROUP, panel.outcome());
        assertEquals(0, panel.testedCount());
        GroupShare men = c.value("남성").in(Group.PANEL);
        assertEquals(0, men.count());
        assertFalse(men.hasShare());
        assertTrue(Double.isNaN(men.differencePoints()));
        assertEquals(4.0, c.test(Group.POOL).statistic(), 1e-12);
    }

    @Test
    void aValueMissingFromTheCountsCountsZeroAndSmallExpectedCountsAreFlagged() {
        FeatureComparison c = Representativeness.compare("권역", REGIONS, shares(REGIONS, 5, 30, 12, 31, 22),
                counts(REGIONS, 10, 60, 24, 62, 44), Map.of("동북권", 20L, "서남권", 20L));
        ValueComparison centre = c.value("도심권");
        assertEquals(0, centre.in(Group.PANEL).count());
        assertEquals(-5.0, centre.in(Group.PANEL).differencePoints(), 1e-9);
        // Panel of 40: expected 2.0 (도심권), 4.8 (서북권) are below 5; 12, 12.4, 8.8 are not.
        FitTest panel = c.test(Group.PANEL);
        assertEquals(List.of("도심권", "서북권"), panel.sparseValues());
        assertEquals(pearson(new long[] {0, 20, 0, 20, 0}, new double[] {5, 30, 12, 31, 22}), panel.statistic(),
                1e-9);
        assertEquals(List.of(), c.test(Group.POOL).sparseValues()); // pool of 200: 도심권 expects 10
        assertEquals(0.0, c.test(Group.POOL).statistic(), 1e-12);
    }

    @Test
    void attendeesAreOneMoreGroup() {
        Map<Group, Map<String, Long>> byGroup = new LinkedHashMap<>();
        byGroup.put(Group.ATTENDEES, counts(GENDERS, 60, 40));
        byGroup.put(Group.PANEL, counts(GENDERS, 150, 150));
        FeatureComparison c = Representativeness.compare("성별", GENDERS, shares(GENDERS, 0.5, 0.5), byGroup);
        assertEquals(List.of(Group.PANEL, Group.ATTENDEES), c.groups(), "groups in recruitment order");
        assertEquals(List.of(Group.PANEL, Group.ATTENDEES), List.copyOf(c.tests().keySet()));
        assertEquals(0.6, c.value("남성").in(Group.ATTENDEES).share(), 1e-12);
        assertEquals(4.0, c.test(Group.ATTENDEES).statistic(), 1e-12);
        assertEquals(0.0, c.test(Group.PANEL).statistic(), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> c.test(Group.POOL));
        assertThrows(IllegalArgumentException.class, () -> c.value("남성").in(Group.POOL));
    }

    @Test
    void inconsistentInputIsRefused() {
        Map<String, Double> half = shares(GENDERS, 0.5, 0.5);
        Map<String, Long> ok = counts(GENDERS, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> Representativeness.compare("성별", GENDERS,
                Map.of("남성", 0.5), ok, ok), "a value without a population share");
        assertThrows(IllegalArgumentException.class, () -> Representativeness.compare("성별", List.of("남성"),
                half, Map.of("남성", 1L), Map.of("남성", 1L)), "a share for a value not listed");
        assertThrows(IllegalArgumentException.class, () -> Representativeness.compare("성별", GENDERS, half,
                Map.of("기타", 1L), ok), "people with a value not listed");
        assertThrows(IllegalArgumentException.class, () -> Representativeness.compare("성별", GENDERS, half,
                Map.of("남성", -1L), ok), "a negative count");
        assertThrows(IllegalArgumentException.class, () -> Representativeness.compare("성별", GENDERS,
                shares(GENDERS, 0, 0), ok, ok), "shares summing to zero");
        assertThrows(IllegalArgumentException.class, () -> Representativeness.compare("성별", GENDERS,
                shares(GENDERS, -0.5, 1.5), ok, ok), "a negative share");
        assertThrows(IllegalArgumentException.class, () -> Representativeness.compare("성별",
                List.of("남성", "남성"), half, ok, ok), "a value listed twice");
        assertThrows(IllegalArgumentException.class, () -> Representativeness.compare("성별", List.of(),
                Map.of(), Map.of(), Map.of()), "no values");
    }
}
