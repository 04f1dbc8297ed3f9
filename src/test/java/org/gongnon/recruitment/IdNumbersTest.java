package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdNumbersTest {

    @Test
    void findsResidentAndAlienRegistrationNumbers() {
        assertTrue(IdNumbers.contains("850302-1234567"));
        assertTrue(IdNumbers.contains("8503022234567"));
        assertTrue(IdNumbers.contains("850302 1234567"));
        assertTrue(IdNumbers.contains("주민번호: 050302-3234567 입니다"));
        assertTrue(IdNumbers.contains("910101-5123456")); // alien registration number
        assertTrue(IdNumbers.contains("850302-1******")); // half-masked still gives birth date and sex
        assertTrue(IdNumbers.contains("503023234567"));  // born 2005, stored as a number: leading 0 lost
    }

    @Test
    void findsDriverLicenceNumbers() {
        assertTrue(IdNumbers.contains("11-23-456789-01"));
        assertTrue(IdNumbers.contains("서울 23-456789-01"));
    }

    @Test
    void leavesOtherNumbersAlone() {
        assertFalse(IdNumbers.contains("010-1234-5678"));
        assertFalse(IdNumbers.contains("0505-1234-5678"));
        assertFalse(IdNumbers.contains("1985-03-02"));
        assertFalse(IdNumbers.contains("2024031512345"));   // a 13-digit timestamp-like id: month 31 is no date
        assertFalse(IdNumbers.contains("850302-9234567"));  // 9 is no sex/century digit in use
        assertFalse(IdNumbers.contains("18503021234567"));  // 14 digits
        assertFalse(IdNumbers.contains("123456789012"));    // 12 digits that are no date once a 0 is added
        assertFalse(IdNumbers.contains("M12345678"));       // passports are deliberately not looked for
        assertFalse(IdNumbers.contains(null));
        assertFalse(IdNumbers.contains("hong@example.com"));
    }

    @Test
    void masksEveryDigitOfTheNumberAndNothingElse() {
        assertEquals("******-*******", IdNumbers.mask("850302-1234567"));
        assertEquals("주민번호 ****** ******* 확인", IdNumbers.mask("주민번호 850302 1234567 확인"));
        assertEquals("a *************, b ******-*******", IdNumbers.mask("a 8503021234567, b 910101-5123456"));
        assertEquals("** **-******-**", IdNumbers.mask("서울 23-456789-01"));
        assertEquals("************", IdNumbers.mask("503023234567"));
        assertEquals("010-1234-5678", IdNumbers.mask("010-1234-5678"));
    }
}
