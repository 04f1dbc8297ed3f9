package org.gongnon.algorithms.tables;

import java.util.Map;

/**
 * How one table is made up, for a view to show how diverse it is.
 *
 * @param table        the table index
 * @param size         the number of people seated
 * @param counts       feature -> value -> how many at this table have that value (every value seen among
 *                     the people seated anywhere is listed, with 0 when absent here)
 * @param expected     feature -> value -> the proportional share {@code size * overall share}
 * @param missing      feature -> how many at this table have no value for it
 * @param repeatPairs  pairs at this table who met before
 */
public record TableProfile(int table, int size, Map<String, Map<String, Integer>> counts,
        Map<String, Map<String, Double>> expected, Map<String, Integer> missing, int repeatPairs) {
}
