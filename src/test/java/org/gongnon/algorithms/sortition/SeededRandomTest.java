package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeededRandomTest {

    @Test
    void theSequenceIsSplitMix64() {
        // The reference outputs of SplitMix64 from seed 0 (also recomputed independently in Python).
        SeededRandom random = new SeededRandom(0);
        assertEquals(0xe220a8397b1dcdafL, random.nextLong());
        assertEquals(0x6e789e6aa1b965f4L, random.nextLong());
        assertEquals(0x06c45d188009454fL, random.nextLong());
        assertEquals(0xf88bb8a8724c81ecL, random.nextLong());
    }

    @Test
    void boundedIntsAndDoublesAreDerivedAsDocumented() {
        // 0xe220a8397b1dcdaf >>> 33 = 1896895516, below the rejection limit for 10 (2147483640): 6.
        assertEquals(6, new SeededRandom(0).nextInt(10));
        assertEquals((0x6e789e6aa1b965f4L >>> 11) * 0x1.0p-53, skip(new SeededRandom(0), 1).nextDouble());
        assertThrows(IllegalArgumentException.class, () -> new SeededRandom(1).nextInt(0));
    }

    @Test
    void boundedIntsCoverTheRangeEvenly() {
        SeededRandom random = new SeededRandom(20261122L);
        int[] counts = new int[7];
        for (int i = 0; i < 70_000; i++) {
            counts[random.nextInt(7)]++;
        }
        for (int c : counts) {
            // 10,000 expected per value; 5 standard deviations is about ±470.
            assertTrue(Math.abs(c - 10_000) < 470, "counts " + java.util.Arrays.toString(counts));
        }
    }

    private static SeededRandom skip(SeededRandom random, int n) {
        for (int i = 0; i < n; i++) {
            random.nextLong();
        }
        return random;
    }
}
