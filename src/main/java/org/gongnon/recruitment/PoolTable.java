package org.gongnon.recruitment;

import java.util.List;

/**
 * An uploaded pool file as text: the header names and the non-blank data rows.
 *
 * <p>Row numbers are the numbers a spreadsheet program shows for the row: the header is normally row 1, so
 * the first data row is row 2. Blank rows are skipped but still counted, so the numbers keep matching the
 * original file (in a CSV a quoted line break stays inside its row, as in a spreadsheet).
 *
 * <p>Cells hold the raw values of the file, including any identification numbers: do not store or log a
 * table; keep the {@link PoolCheck} results instead, which mask them.
 *
 * @param headers column names, stripped and unique (a blank header becomes its column letter, e.g. "C", a
 *                repeated one gets " (2)", " (3)", …)
 */
public record PoolTable(List<String> headers, List<Row> rows) {

    public PoolTable {
        headers = List.copyOf(headers);
        rows = List.copyOf(rows);
    }

    /** The column of a header, or -1. */
    public int columnIndex(String header) {
        return header == null ? -1 : headers.indexOf(header);
    }

    /**
     * One data row.
     *
     * @param rowNumber the spreadsheet row number (header = 1, first data row = 2 unless rows were blank)
     * @param cells     the cell texts; may be shorter than the headers (missing cells are blank) or longer
     *                  (values beyond the last header)
     */
    public record Row(int rowNumber, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        /** The cell text of a column, "" when the row has no such cell. */
        public String cell(int column) {
            return column >= 0 && column < cells.size() ? cells.get(column) : "";
        }
    }
}
