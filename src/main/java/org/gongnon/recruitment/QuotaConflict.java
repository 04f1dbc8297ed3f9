package org.gongnon.recruitment;

/**
 * A quota the pool cannot meet together with the others, and the smallest change that would do: e.g.
 * 연령대 70+ needs at least 5, the pool has 3, lower the minimum to 3.
 */
public record QuotaConflict(String feature, String value, int min, int max, int poolCount, int relaxedMin,
                            int relaxedMax) {
}
