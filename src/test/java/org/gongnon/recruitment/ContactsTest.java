package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ContactsTest {

    private static void phone(String expected, String raw) {
        assertEquals(Optional.of(expected), Contacts.phone(raw), raw);
    }

    private static void notAPhone(String raw) {
        assertTrue(Contacts.phone(raw).isEmpty(), raw + " should be refused");
    }

    @Test
    void writesMobileNumbersOneWay() {
        phone("010-1234-5678", "010-1234-5678");
        phone("010-1234-5678", "01012345678");
        phone("010-1234-5678", " 010 1234 5678 ");
        phone("010-1234-5678", "010.1234.5678");
        phone("010-1234-5678", "(010) 1234-5678");
        phone("010-1234-5678", "０１０－１２３４－５６７８"); // full-width, as some Korean keyboards type it
        phone("011-234-5678", "011-234-5678");
        phone("019-1234-5678", "0191234-5678");
    }

    @Test
    void acceptsLandlinesInternetPhonesAndVirtualNumbers() {
        phone("02-123-4567", "02-123-4567");
        phone("02-1234-5678", "0212345678");
        phone("031-123-4567", "031 123 4567");
        phone("064-1234-5678", "06412345678");
        phone("070-1234-5678", "070-1234-5678");
        phone("0505-1234-5678", "050512345678");
        phone("0505-123-4567", "0505-123-4567");
    }

    @Test
    void turnsTheCountryCodeIntoTheLeadingZero() {
        phone("010-1234-5678", "+82 10-1234-5678");
        phone("010-1234-5678", "+82-010-1234-5678");
        phone("02-123-4567", "+82 2 123 4567");
        phone("010-1234-5678", "821012345678");
        notAPhone("+1 415 555 0100");
    }

    @Test
    void putsBackTheZeroASpreadsheetNumberLost() {
        phone("010-1234-5678", "1012345678");
        phone("02-123-4567", "21234567");
        notAPhone("12345");
    }

    @Test
    void refusesWhatIsNotAKoreanPhoneNumber() {
        notAPhone("");
        notAPhone("   ");
        notAPhone(null);
        notAPhone("010-1234-567");      // a digit short
        notAPhone("010-1234-56789");    // a digit too many
        notAPhone("020-1234-5678");     // no such prefix
        notAPhone("039-123-4567");      // no such area code
        notAPhone("010-1234-5678 내선 3"); // text
        notAPhone("전화 없음");
        notAPhone("010-12ab-5678");
    }

    @Test
    void checksEmailAddressesAndLowersTheDomain() {
        assertEquals(Optional.of("Hong.Gildong@example.com"), Contacts.email(" Hong.Gildong@Example.COM "));
        assertEquals(Optional.of("a+poll@mail.example.co.kr"), Contacts.email("a+poll@mail.example.co.kr"));
        assertEquals(Optional.of("hong@example.com"), Contacts.email("ｈｏｎｇ＠example.com"));
        for (String bad : new String[] {"", "hong", "hong@", "@example.com", "hong@example", "hong@@example.com",
                "hong gil@example.com", "hong@exa mple.com", "hong..gil@example.com", "hong@-example.com",
                "홍길동@example.com", "x".repeat(65) + "@example.com"}) {
            assertTrue(Contacts.email(bad).isEmpty(), bad + " should be refused");
        }
    }
}
