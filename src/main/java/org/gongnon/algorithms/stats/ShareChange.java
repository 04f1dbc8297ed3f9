package org.gongnon.algorithms.stats;

/**
 * How many people moved their position on an ordinal item between two waves. Built by
 * {@link PositionChanges#of(int[], int[])}.
 *
 * @param n            people with a position in both waves
 * @param increased    people whose position went up ({@code after > before})
 * @param decreased    people whose position went down ({@code after < before})
 * @param unchanged    people who kept their position
 * @param shareChanged {@code (increased + decreased) / n}, 0..1; NaN when {@code n = 0}
 * @param ciLow        lower bound of the 95 % Wilson score interval of {@code shareChanged}; NaN when
 *                     {@code n = 0}
 * @param ciHigh       upper bound of that interval; NaN when {@code n = 0}
 */
public record ShareChange(int n, int increased, int decreased, int unchanged, double shareChanged, double ciLow,
                          double ciHigh) {

    /** People whose position changed in either direction. */
    public int changed() {
        return increased + decreased;
    }

    /** False when nobody was compared, so there is no share to show. */
    public boolean hasShare() {
        return n > 0;
    }
}
