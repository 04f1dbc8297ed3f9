package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gongnon.algorithms.sortition.Certificate;
import org.junit.jupiter.api.Test;

/** A certificate survives the draw record's columns whole, what closed its levels included. */
class StoredCertificateTest {

    @Test
    void everyPartOfTheCertificateComesBack() {
        Certificate exact = new Certificate(Certificate.Method.EXACT_PRICING, 0.125, 3e-9, "GLOP; CLP",
                "relaxation bound, CP-SAT", "9.14.6206");
        assertEquals(exact, StoredCertificate.of(exact).certificate().orElseThrow());
        Certificate relaxation = new Certificate(Certificate.Method.RELAXATION_REACHED, 0.0874, 4e-10, "GLOP", "",
                "9.14.6206");
        assertEquals(relaxation, StoredCertificate.of(relaxation).certificate().orElseThrow());
    }

    @Test
    void lotteriesWithoutACertificateStoreNone() {
        StoredCertificate none = StoredCertificate.of(null);
        assertTrue(none.certificate().isEmpty());
    }

    @Test
    void aCertificateFromBeforeChangelog016HasNoLevelsClosedBy() throws Exception {
        StoredCertificate old = StoredCertificate.of(new Certificate(Certificate.Method.EXACT_PRICING, 0.1, 0, "GLOP",
                "CP-SAT", "9.14.6206"));
        var column = StoredCertificate.class.getDeclaredField("levelsClosedBy");
        column.setAccessible(true);
        column.set(old, null); // as Liquibase's new column reads for rows written before it
        assertNull(old.certificate().orElseThrow().levelsClosedBy());
    }
}
