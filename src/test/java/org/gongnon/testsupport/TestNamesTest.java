package org.gongnon.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.gongnon.base.IdNumbers;
import org.junit.jupiter.api.Test;

class TestNamesTest {

    /** Every label the suite puts in front of a token, and a few shapes of its own. */
    private static final List<String> LABELS = List.of("일정 시험", "여의도 한강공원 야간 소음 공론화", "Process",
            "850302", "주민번호 850302-", "서울 23-456789-", "010-1234-", "");

    @Test
    void namesAreNeverTakenForAnIdNumberAndNeverRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200_000; i++) {
            String token = TestNames.token();
            assertTrue(token.matches("[a-z]{6,}"), token);
            assertTrue(seen.add(token), "repeated: " + token);
            // The token alone, and after each label with the label's own digits: never an ID number unless
            // the label already was one (it is not, in any of these).
            for (String label : LABELS) {
                String name = label + " " + token;
                assertFalse(IdNumbers.contains(name), name);
                assertFalse(IdNumbers.contains(label + token), label + token);
            }
        }
        assertEquals(200_000, seen.size());
    }

    @Test
    void titlesUsernamesAndAddressesCarryTheToken() {
        assertTrue(TestNames.unique("분임 시험").matches("분임 시험 [a-z]{6,}"));
        assertTrue(TestNames.username("fac").matches("fac[a-z]{6,}"));
        assertTrue(TestNames.email("refused").matches("refused-[a-z]{6,}@example\\.org"));
    }

    @Test
    void theCounterIsWrittenInBase26() {
        assertEquals("aaa", TestNames.lettersOf(0, 3));
        assertEquals("aab", TestNames.lettersOf(1, 3));
        assertEquals("aaz", TestNames.lettersOf(25, 3));
        assertEquals("aba", TestNames.lettersOf(26, 3));
        assertEquals("zzz", TestNames.lettersOf(26 * 26 * 26 - 1, 3));
        assertEquals("baaa", TestNames.lettersOf(26 * 26 * 26, 3));
    }

    /** The old way, for the record: a machine up 58 minutes makes titles the ID-number rule rightly refuses. */
    @Test
    void uptimeInNanosecondsCanLookLikeAnIdNumber() {
        assertTrue(IdNumbers.contains("여의도 한강공원 야간 소음 공론화 " + 5_803_291_371_005L));
    }
}
