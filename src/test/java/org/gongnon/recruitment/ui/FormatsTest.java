package org.gongnon.recruitment.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.vaadin.flow.component.html.Div;
import java.util.Locale;
import org.gongnon.algorithms.sortition.Certificate;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;

/** The numbers and proofs the draw pages put into words. */
class FormatsTest extends ViewTestBase {

    @Test
    void aDifferenceOfChancesReadsInPercentagePoints() {
        assertEquals("5.16", Formats.points(Locale.KOREAN, 0.0516));
        assertEquals("0.04", Formats.points(Locale.ENGLISH, 0.000412587));
    }

    @Test
    void anExactPricingProofNamesWhatClosedTheLevels() {
        Certificate exact = new Certificate(Certificate.Method.EXACT_PRICING, 1.0 / 6, 0, "GLOP", "CP-SAT",
                "9.14.6206");
        String text = Formats.certificate(new Div(), Locale.KOREAN, exact);
        assertEquals(ko("recruitment.result.certificate.pricing", "16.67%", "0.0e+00", "GLOP", "9.14.6206", "CP-SAT"),
                text);

        Certificate recordedBefore = new Certificate(Certificate.Method.EXACT_PRICING, 1.0 / 6, 0, "GLOP", null,
                "9.14.6206");
        assertEquals(ko("recruitment.result.certificate.pricing", "16.67%", "0.0e+00", "GLOP", "9.14.6206",
                ko("recruitment.result.certificate.closed-by-unrecorded")),
                Formats.certificate(new Div(), Locale.KOREAN, recordedBefore));
    }
}
