package org.gongnon.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecipientsTest {

    @Test
    void koreanMobileNumbersInTheirUsualSpellings() {
        for (String ok : new String[] {"010-1234-5678", "01012345678", "010 1234 5678", "+82 10-1234-5678",
                "+82-010-1234-5678", "011-123-4567", "019-1234-5678"}) {
            assertTrue(Recipients.isValid(MessageChannel.SMS, ok), ok);
        }
        for (String bad : new String[] {"02-123-4567", "031-123-4567", "010-123-456", "010-1234-56789",
                "+1 202 555 0100", "전화번호", "", "010-1234-5678\n"}) {
            assertFalse(Recipients.isValid(MessageChannel.SMS, bad), bad);
        }
    }

    @Test
    void emailAddresses() {
        assertTrue(Recipients.isValid(MessageChannel.EMAIL, "kim.minji+panel@example.co.kr"));
        for (String bad : new String[] {"kim@", "@example.org", "kim@example", "kim example.org",
                "kim@example.org\r\nBcc: x@example.org", "김@example.org", "a".repeat(65) + "@example.org"}) {
            assertFalse(Recipients.isValid(MessageChannel.EMAIL, bad), bad);
        }
    }
}
