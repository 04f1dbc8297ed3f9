package org.gongnon.recruitment;

import java.util.List;

/**
 * One problem of one row of the pool file.
 *
 * @param rowNumber  the row's spreadsheet number (see {@link PoolTable})
 * @param column     the header of the column concerned, or null for the row as a whole
 * @param messageKey a {@code recruitment.import.problem.*} translation key
 * @param args       its arguments (cell values are quoted with any identification number masked)
 */
public record RowProblem(int rowNumber, String column, String messageKey, List<String> args) {

    public RowProblem {
        args = List.copyOf(args);
    }
}
