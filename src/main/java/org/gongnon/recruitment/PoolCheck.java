package org.gongnon.recruitment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of validating a pool file: the valid rows as candidates, and the rejected rows with all their
 * problems. Identification numbers are masked in everything here.
 *
 * @param headers      the file's headers
 * @param rowCount     the number of data rows checked
 * @param candidates   the valid rows, in file order
 * @param rejectedRows the rows with at least one problem, in file order
 */
public record PoolCheck(List<String> headers, int rowCount, List<PoolCandidate> candidates,
                        List<RejectedRow> rejectedRows) {

    static final String ROW_COLUMN_KEY = "recruitment.import.rejected.row";
    static final String PROBLEMS_COLUMN_KEY = "recruitment.import.rejected.problems";

    public PoolCheck {
        headers = List.copyOf(headers);
        candidates = List.copyOf(candidates);
        rejectedRows = List.copyOf(rejectedRows);
    }

    /**
     * A refused row.
     *
     * @param rowNumber the row's spreadsheet number
     * @param cells     its cells, identification numbers masked
     * @param problems  every problem found in it (at least one)
     */
    public record RejectedRow(int rowNumber, List<String> cells, List<RowProblem> problems) {

        public RejectedRow {
            cells = List.copyOf(cells);
            problems = List.copyOf(problems);
        }
    }

    /** Turns a translation key and its arguments into text; a Vaadin component's {@code getTranslation} fits. */
    @FunctionalInterface
    public interface Translator {
        String translate(String key, Object... args);
    }

    /** True if every row is valid. */
    public boolean isClean() {
        return rejectedRows.isEmpty();
    }

    public int validCount() {
        return candidates.size();
    }

    public int rejectedCount() {
        return rejectedRows.size();
    }

    /** Every problem of every row, in file order. */
    public List<RowProblem> problems() {
        List<RowProblem> all = new ArrayList<>();
        rejectedRows.forEach(r -> all.addAll(r.problems()));
        return all;
    }

    /** How often each problem key occurs, in order of first occurrence (for a summary such as "12 × no consent"). */
    public Map<String, Integer> problemCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        rejectedRows.forEach(r -> r.problems().forEach(p -> counts.merge(p.messageKey(), 1, Integer::sum)));
        return counts;
    }

    /**
     * The rejected rows as a CSV file to fix and upload again: UTF-8 with a BOM (so that Excel shows Korean
     * correctly), CRLF line ends. Columns: the original row number, the original columns (identification
     * numbers masked), and the problems in words, each as "[column] text", separated by " / ".
     *
     * @param translator gives the texts of the problem keys and of the two extra column headers
     *                   ({@code recruitment.import.rejected.row}, {@code recruitment.import.rejected.problems})
     */
    public byte[] rejectedRowsCsv(Translator translator) {
        StringBuilder out = new StringBuilder("\uFEFF");
        List<String> header = new ArrayList<>();
        header.add(translator.translate(ROW_COLUMN_KEY));
        header.addAll(headers);
        header.add(translator.translate(PROBLEMS_COLUMN_KEY));
        Csv.appendRecord(out, header);
        for (RejectedRow row : rejectedRows) {
            List<String> record = new ArrayList<>(headers.size() + 2);
            record.add(String.valueOf(row.rowNumber()));
            for (int c = 0; c < headers.size(); c++) {
                record.add(c < row.cells().size() ? row.cells().get(c) : "");
            }
            List<String> texts = new ArrayList<>();
            for (RowProblem p : row.problems()) {
                String text = translator.translate(p.messageKey(), p.args().toArray());
                texts.add(p.column() == null ? text : "[" + p.column() + "] " + text);
            }
            record.add(String.join(" / ", texts));
            Csv.appendRecord(out, record);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
