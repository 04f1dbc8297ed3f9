package org.gongnon.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
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

    @Test
    void findsIdNumbersInsideFreeText() {
        assertTrue(IdNumbers.contains("제 번호는 850302-1234567 입니다"));
        assertTrue(IdNumbers.contains("연락처 대신 8503022234567 남깁니다"));  // 13 digits, no hyphen
        assertTrue(IdNumbers.contains("생년월일 850302-2******"));          // half-masked: birth date and sex
        assertTrue(IdNumbers.contains("(000229-3123456)"));                   // born 2000, brackets around
    }

    @Test
    void leavesOtherNumbersInFreeTextAlone() {
        assertFalse(IdNumbers.contains("문의 010-1234-5678 또는 01012345678"));
        assertFalse(IdNumbers.contains("02-123-4567, 0505-123-4567"));
        assertFalse(IdNumbers.contains("2024-03-15부터 2024-12-31까지"));
        assertFalse(IdNumbers.contains("ISBN 9788936434120"));     // month 88: no birth date
        assertFalse(IdNumbers.contains("850302-0234567"));         // 7th digit 0: no sex/century digit
        assertFalse(IdNumbers.contains("사업자 123-45-67890"));
        assertFalse(IdNumbers.contains("계좌 110-123-456789"));
        assertFalse(IdNumbers.contains("예산 1,234,567,890원"));
        assertFalse(IdNumbers.contains("123456789012345"));        // 15 digits in a row
    }

    @Test
    void freeTextWithAnIdNumberIsRefusedWithOneMessage() {
        UserFacingException e = assertThrows(UserFacingException.class, () -> IdNumbers.refuse("850302-1234567"));
        assertEquals(IdNumbers.REFUSED, e.messageKey());
        IdNumbers.refuse("010-1234-5678"); // no exception
        IdNumbers.refuse(null);

        Problems problems = new Problems();
        problems.requireText("title", "제목 850302-1234567", 100);
        problems.optionalText("note", "8503021234567", 100);
        problems.optionalText("other", "괜찮은 글 010-1234-5678", 100);
        ValidationException refused = assertThrows(ValidationException.class, problems::throwIfAny);
        assertEquals(List.of("title", "note"), refused.problems().stream().map(ValidationException.FieldProblem::field)
                .toList());
        assertTrue(refused.problems().stream().allMatch(p -> p.messageKey().equals(IdNumbers.REFUSED)));
    }
}
