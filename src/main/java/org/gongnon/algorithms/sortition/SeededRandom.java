package org.gongnon.algorithms.sortition;

import java.util.random.RandomGenerator;

/**
 * The lottery's random numbers: SplitMix64 (Steele, Lea and Flood, 2014), written out here so that a seed
 * gives the same panel on every JDK, now and when the draw is audited years later. The JDK's generators
 * are not specified bit for bit, and their bounded methods have changed between releases.
 *
 * <ul>
 *   <li>{@link #nextLong()}: {@code state += 0x9e3779b97f4a7c15}; then {@code z = state},
 *       {@code z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9}, {@code z = (z ^ (z >>> 27)) * 0x94d049bb133111eb},
 *       return {@code z ^ (z >>> 31)}. The first state is the seed.</li>
 *   <li>{@link #nextInt(int) nextInt(bound)}: {@code r = nextLong() >>> 33} (31 bits), drawn again while
 *       {@code r >= 2^31 - (2^31 mod bound)} (so every result is equally likely), then {@code r mod bound}.</li>
 *   <li>{@link #nextDouble()}: {@code (nextLong() >>> 11) * 2^-53}, in [0, 1).</li>
 * </ul>
 */
public final class SeededRandom implements RandomGenerator {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final long TWO_TO_31 = 1L << 31;

    private long state;

    public SeededRandom(long seed) {
        this.state = seed;
    }

    @Override
    public long nextLong() {
        state += GOLDEN_GAMMA;
        long z = state;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    @Override
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive, got " + bound);
        }
        long limit = TWO_TO_31 - TWO_TO_31 % bound;
        long r;
        do {
            r = nextLong() >>> 33;
        } while (r >= limit);
        return (int) (r % bound);
    }

    @Override
    public int nextInt() {
        return (int) (nextLong() >>> 32);
    }

    @Override
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }
}
