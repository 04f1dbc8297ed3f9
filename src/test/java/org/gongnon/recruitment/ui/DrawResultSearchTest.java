package org.gongnon.recruitment.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The draw result's person search finds a whole phone number but no part of one (phones are not shown there). */
class DrawResultSearchTest {

    @Test
    void wholeNumberMatchesWithOrWithoutSeparators() {
        assertTrue(DrawResultView.samePhone("010-1234-5678", "010-1234-5678"));
        assertTrue(DrawResultView.samePhone("010-1234-5678", "01012345678"));
        assertTrue(DrawResultView.samePhone("010-1234-5678", " 010 1234 5678 "));
    }

    @Test
    void partsDoNotMatch() {
        assertFalse(DrawResultView.samePhone("010-1234-5678", "010-12"));
        assertFalse(DrawResultView.samePhone("010-1234-5678", "5678"));
        assertFalse(DrawResultView.samePhone("010-1234-5678", "1234-5678"));
        assertFalse(DrawResultView.samePhone(null, "01012345678"));
        assertFalse(DrawResultView.samePhone("010-1234-5678", "김"));
    }
}
