package org.gongnon.scheduling.ui;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.gongnon.scheduling.HonorariumReport;

/**
 * The honorarium eligibility list as a CSV file for the finance office: names and counts only, no contact
 * details. UTF-8 with a BOM so that Excel shows Korean, CRLF line ends, and every text cell guarded so a
 * spreadsheet cannot take it for a formula.
 */
final class EligibilityCsv {

    private EligibilityCsv() {
    }

    /**
     * @param header column titles, in the user's language: name, attended, required attended, required expected,
     *               eligible
     * @param yes    what the eligible column says for an eligible member
     * @param no     … and for one who is not
     */
    static byte[] write(List<String> header, List<HonorariumReport.Row> rows, String yes, String no) {
        if (header.size() != 5) {
            throw new IllegalArgumentException("the eligibility list has 5 columns, not " + header.size());
        }
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, header);
        for (HonorariumReport.Row r : rows) {
            line(out, List.of(r.displayName(), String.valueOf(r.attended()), String.valueOf(r.requiredAttended()),
                    String.valueOf(r.requiredExpected()), r.eligible() ? yes : no));
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i)));
        }
        out.append("\r\n");
    }

    /**
     * One cell: a text starting with =, +, -, @, a tab or a carriage return is prefixed with an apostrophe (a
     * spreadsheet would otherwise run it as a formula), then quoted when it holds a comma, a quote or a line
     * break.
     */
    static String cell(String value) {
        String s = value == null ? "" : value;
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            s = "'" + s;
        }
        if (s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            s = '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }
}
