package org.gongnon.algorithms.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SupportShareTest {

    private final SupportThresholds usual = SupportThresholds.twoThirdsAndMajority();

    @Test
    void theStatusFollowsTheThresholdsIncludingExactTwoThirds() {
        assertEquals(SupportStatus.ADOPTED, SupportShare.of(200, 300, usual).status(), "exactly 2/3 is adopted");
        assertEquals(SupportStatus.WITH_RESERVATIONS, SupportShare.of(199, 300, usual).status());
        assertEquals(SupportStatus.WITH_RESERVATIONS, SupportShare.of(150, 300, usual).status(), "exactly half");
        assertEquals(SupportStatus.NOT_ADOPTED, SupportShare.of(149, 300, usual).status());
        assertEquals(SupportStatus.ADOPTED, SupportShare.of(2, 3, usual).status());
        assertEquals(SupportStatus.NOT_ADOPTED, SupportShare.of(0, 0, usual).status());
        assertTrue(Double.isNaN(SupportShare.of(0, 0, usual).share()));
    }

    @Test
    void theIntervalIsWilsonsAsPublishedByNewcombe() {
        // Newcombe (1998), Statistics in Medicine 17:857–872, Table I, method 3 (Wilson score): 81/263.
        SupportShare s = SupportShare.of(81, 263, usual);
        assertEquals(81.0 / 263, s.share(), 1e-12);
        assertEquals(0.2553, s.ciLow(), 5e-5);
        assertEquals(0.3662, s.ciHigh(), 5e-5);
        assertEquals(SupportStatus.NOT_ADOPTED, s.status());
    }

    @Test
    void thresholdsOutsideZeroToOneOrInTheWrongOrderAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new SupportThresholds(1.2, 0.5));
        assertThrows(IllegalArgumentException.class, () -> new SupportThresholds(0.6, -0.1));
        assertThrows(IllegalArgumentException.class, () -> new SupportThresholds(0.5, 0.6));
        assertThrows(IllegalArgumentException.class, () -> new SupportThresholds(Double.NaN, 0.5));
        assertThrows(IllegalArgumentException.class, () -> SupportShare.of(5, 3, usual));
        assertEquals(SupportStatus.ADOPTED, SupportShare.of(1, 2, new SupportThresholds(0.5, 0.5)).status());
    }
}
