package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgeBandTest {

    /** Ages are counted on 1 June 2025. */
    private static final FeatureSpec AGE = SeoulDefaults.ageBand(LocalDate.of(2025, 6, 1));

    private static String band(String cell) {
        Derivation.Result result = AGE.derive(cell);
        assertEquals(null, result.messageKey(), cell + " gave " + result);
        return result.value();
    }

    private static Derivation.Result problem(String cell) {
        Derivation.Result result = AGE.derive(cell);
        assertEquals(null, result.value(), cell + " should be refused");
        return result;
    }

    @Test
    void placesAgesAtTheBandBoundaries() {
        Map<String, String> expected = Map.ofEntries(
                Map.entry("18", "18-29"), Map.entry("29", "18-29"), Map.entry("30", "30-39"),
                Map.entry("39", "30-39"), Map.entry("40", "40-49"), Map.entry("49", "40-49"),
                Map.entry("50", "50-59"), Map.entry("59", "50-59"), Map.entry("60", "60-69"),
                Map.entry("69", "60-69"), Map.entry("70", "70+"), Map.entry("120", "70+"));
        expected.forEach((age, label) -> assertEquals(label, band(age), age));
    }

    @Test
    void readsAgesWrittenInKorean() {
        assertEquals("40-49", band("45세"));
        assertEquals("40-49", band("만 45세"));
        assertEquals("40-49", band("45살"));
        assertEquals("40-49", band("45.0"));
    }

    @Test
    void refusesAgesOutsideTheBandsNamingTheAge() {
        Derivation.Result young = problem("17");
        assertEquals("recruitment.import.problem.age-out-of-range", young.messageKey());
        assertEquals(List.of("17", "17", "18", "120"), young.args());
        assertEquals(List.of("121", "121", "18", "120"), problem("121").args());
    }

    @Test
    void countsTheAgeFromABirthYearAsTheAgeReachedThatYear() {
        assertEquals("18-29", band("2007"));  // turns 18 in 2025
        assertEquals("18-29", band("1996"));  // 29
        assertEquals("30-39", band("1995"));  // 30
        assertEquals("60-69", band("1956년생"));
        assertEquals("70+", band("1955년"));
        assertEquals("40-49", band("85년생"));
        assertEquals("18-29", band("05년생"));
        Derivation.Result tooYoung = problem("2008");
        assertEquals("recruitment.import.problem.age-out-of-range", tooYoung.messageKey());
        assertEquals(List.of("2008", "17", "18", "120"), tooYoung.args());
        assertEquals("recruitment.import.problem.bad-age", problem("2030").messageKey());
        assertEquals("recruitment.import.problem.bad-age", problem("1899").messageKey());
    }

    @Test
    void countsTheExactAgeFromABirthDate() {
        // 18 on 1 June 2025 only when born on or before 1 June 2007.
        assertEquals("18-29", band("2007-06-01"));
        assertEquals("recruitment.import.problem.age-out-of-range", problem("2007-06-02").messageKey());
        assertEquals("30-39", band("1995-06-01"));
        assertEquals("18-29", band("1995-06-02"));   // still 29
        assertEquals("30-39", band("1995.06.01"));
        assertEquals("30-39", band("1995/6/1"));
        assertEquals("30-39", band("19950601"));
        assertEquals("30-39", band("1995년 6월 1일"));
        assertEquals("30-39", band("1995-06-01 00:00"));
        assertEquals("recruitment.import.problem.bad-age", problem("1995-02-30").messageKey());
        assertEquals("recruitment.import.problem.bad-age", problem("2026-01-01").messageKey());
    }

    @Test
    void acceptsBandsAndDecadesThatFitInOneBand() {
        assertEquals("18-29", band("18-29"));
        assertEquals("70+", band("70+"));
        assertEquals("18-29", band("18~29세"));
        assertEquals("18-29", band("20대"));
        assertEquals("30-39", band("30대"));
        assertEquals("70+", band("70대"));
        assertEquals("70+", band("80대"));
        assertEquals("70+", band("70세 이상"));
        Derivation.Result teens = problem("10대");
        assertEquals("recruitment.import.problem.unknown-value", teens.messageKey());
        assertEquals(List.of("10대", "연령대", "18-29, 30-39, 40-49, 50-59, 60-69, 70+"), teens.args());
        assertEquals("recruitment.import.problem.unknown-value", problem("60대 이상").messageKey());
    }

    @Test
    void refusesWhatIsNoAge() {
        assertEquals("recruitment.import.problem.bad-age", problem("중년").messageKey());
        assertEquals(List.of("중년"), problem("중년").args());
        assertEquals("recruitment.import.problem.missing-value", problem("").messageKey());
        assertEquals(List.of("연령대"), problem("  ").args());
    }

    @Test
    void bandsMustBeOrderedWithoutOverlapAndMatchTheValues() {
        LocalDate day = LocalDate.of(2025, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> new Derivation.AgeBand(List.of(
                new Derivation.AgeBand.Band("18-40", 18, 40), new Derivation.AgeBand.Band("30+", 30, null)), day));
        Derivation.AgeBand bands = new Derivation.AgeBand(Derivation.AgeBand.fromLowerBounds(18, 40), day);
        assertEquals(List.of("18-39", "40+"), bands.labels());
        assertThrows(IllegalArgumentException.class,
                () -> new FeatureSpec("연령", List.of("청년", "장년"), Map.of(), bands));
    }
}
