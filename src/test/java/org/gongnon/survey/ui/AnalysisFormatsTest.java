package org.gongnon.survey.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** How statistics are written: per locale, p-values below 0.001 as such, dashes for missing figures. */
class AnalysisFormatsTest {

    @Test
    void pValues() {
        assertEquals("< 0.001", AnalysisFormats.p(Locale.KOREAN, 0.0004));
        assertEquals("< 0.001", AnalysisFormats.p(Locale.ENGLISH, 1e-12));
        assertEquals("0.001", AnalysisFormats.p(Locale.ENGLISH, 0.001));
        assertEquals("0.042", AnalysisFormats.p(Locale.KOREAN, 0.0421));
        assertEquals("< 0,001", AnalysisFormats.p(Locale.GERMAN, 0.0001), "the locale's decimal sign");
        assertEquals("1.000", AnalysisFormats.p(Locale.ENGLISH, 1.0));
        assertEquals("–", AnalysisFormats.p(Locale.ENGLISH, Double.NaN));
    }

    @Test
    void numbersIntervalsAndShares() {
        assertEquals("3.14", AnalysisFormats.number(Locale.ENGLISH, Math.PI, 2));
        assertEquals("1,234.5", AnalysisFormats.number(Locale.ENGLISH, 1234.5, 1));
        assertEquals("–", AnalysisFormats.number(Locale.ENGLISH, Double.NaN, 2));
        assertEquals("−1.50", AnalysisFormats.number(Locale.KOREAN, -1.5, 2), "a true minus sign");
        assertEquals("0.00", AnalysisFormats.number(Locale.ENGLISH, -0.0001, 2));
        assertEquals("[−0.12, 0.85]", AnalysisFormats.interval(Locale.ENGLISH, -0.1234, 0.849, 2));
        assertEquals("–", AnalysisFormats.interval(Locale.ENGLISH, Double.NaN, 1, 2));
        assertEquals("+0.45", AnalysisFormats.signed(Locale.ENGLISH, 0.449, 2));
        assertEquals("−0.20", AnalysisFormats.signed(Locale.ENGLISH, -0.2, 2));
        assertEquals("0.00", AnalysisFormats.signed(Locale.ENGLISH, -0.001, 2), "no sign on what rounds to zero");
        assertEquals("42.9%", AnalysisFormats.percent(Locale.ENGLISH, 3 / 7.0));
        assertEquals("[10.0%, 50.0%]", AnalysisFormats.percentInterval(Locale.ENGLISH, 0.1, 0.5));
    }
}
