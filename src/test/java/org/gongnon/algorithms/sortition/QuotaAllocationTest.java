package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QuotaAllocationTest {

    private static Map<String, Double> shares(Object... valueShare) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < valueShare.length; i += 2) {
            shares.put((String) valueShare[i], ((Number) valueShare[i + 1]).doubleValue());
        }
        return shares;
    }

    @Test
    void seatsFollowTheLargestRemainders() {
        // Exact: 도심권 14.7, 동북권 97.2, 서북권 35.7, 서남권 96.9, 동남권 55.5 of 300; the floors sum to 297,
        // and the three seats left go to the largest remainders: 서남권 (.9), 도심권 (.7), 서북권 (.7).
        Map<String, Integer> seats = QuotaAllocation.largestRemainder(
                shares("도심권", 4.9, "동북권", 32.4, "서북권", 11.9, "서남권", 32.3, "동남권", 18.5), 300);
        assertEquals(Map.of("도심권", 15, "동북권", 97, "서북권", 36, "서남권", 97, "동남권", 55), seats);
        assertEquals(300, seats.values().stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void sharesOnAnyScaleAreNormalisedAndTiesGoToTheFirstListed() {
        assertEquals(Map.of("남성", 2, "여성", 1), QuotaAllocation.largestRemainder(shares("남성", 1, "여성", 1), 3));
        assertEquals(Map.of("a", 1, "b", 1, "c", 1), QuotaAllocation.largestRemainder(shares("a", 5, "b", 5, "c", 5), 3));
    }

    @Test
    void toleranceWidensQuotasWithinTheirBounds() {
        List<Quota> bySeats = QuotaAllocation.withSeatTolerance("성별", Map.of("남성", 1), 2, 300);
        assertEquals(new Quota("성별", "남성", 0, 3), bySeats.getFirst());
        List<Quota> byPercent = QuotaAllocation.withPercentTolerance("권역", new LinkedHashMap<>(Map.of("동북권", 97)), 5, 300);
        assertEquals(new Quota("권역", "동북권", 92, 102), byPercent.getFirst(), "5 % of 97 is 4.85, rounded out to 5");
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QuotaAllocation.largestRemainder(shares("a", 0), 10));
        assertThrows(IllegalArgumentException.class, () -> QuotaAllocation.largestRemainder(shares("a", -1, "b", 2), 10));
        assertThrows(IllegalArgumentException.class, () -> QuotaAllocation.largestRemainder(shares("a", 1), -1));
        assertThrows(IllegalArgumentException.class, () -> new Quota("성별", "남성", 5, 4));
    }
}
