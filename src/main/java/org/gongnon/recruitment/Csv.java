package org.gongnon.recruitment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * RFC 4180 CSV: comma-separated, fields optionally in double quotes ("" for a quote), line breaks in quotes.
 * Public only for {@link #defused}/{@link #undefused}, which the {@code sortition} command needs to read a
 * quota file the app exported.
 */
public final class Csv {

    private static final Pattern NUMBER_LIKE = Pattern.compile("[+-][0-9 ().-]*");

    private Csv() {
    }

    /**
     * Every record of the text, blank lines included (as a list with one empty field), so that the index + 1
     * is the row number a spreadsheet shows. A line break inside quotes belongs to the field.
     *
     * @throws PoolFileException when a quote is never closed (the rest of the file would vanish into one field)
     */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean inQuotes = false;
        boolean quotedField = false;
        int quoteOpenedInRecord = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (inQuotes) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    inQuotes = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
                    if (field.isEmpty() && !quotedField) {
                        inQuotes = true;
                        quotedField = true;
                        quoteOpenedInRecord = records.size() + 1;
                    } else {
                        field.append(c); // a stray quote inside an unquoted field is kept as text
                    }
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    quotedField = false;
                }
                case '\r', '\n' -> {
                    fields.add(field.toString());
                    records.add(fields);
                    fields = new ArrayList<>();
                    field.setLength(0);
                    quotedField = false;
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                default -> field.append(c);
            }
            i++;
        }
        if (inQuotes) {
            throw new PoolFileException("recruitment.import.file.unclosed-quote", quoteOpenedInRecord);
        }
        if (!field.isEmpty() || !fields.isEmpty() || quotedField) {
            fields.add(field.toString());
            records.add(fields);
        }
        return records;
    }

    /** Appends one record, quoting fields that need it, ending with CRLF as RFC 4180 and Excel expect. */
    static void appendRecord(StringBuilder out, List<String> fields) {
        for (int f = 0; f < fields.size(); f++) {
            if (f > 0) {
                out.append(',');
            }
            appendField(out, fields.get(f));
        }
        out.append("\r\n");
    }

    private static void appendField(StringBuilder out, String value) {
        String v = defused(value == null ? "" : value);
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        if (quote) {
            out.append('"').append(v.replace("\"", "\"\"")).append('"');
        } else {
            out.append(v);
        }
    }

    /**
     * A text a spreadsheet would run as a formula (=, @, or + / - before something that is not a number,
     * e.g. {@code =HYPERLINK(…)}) gets a leading apostrophe, so opening the file runs nothing.
     *
     * <p>A text that is an apostrophe followed by such a text gets one more, so the guard can be undone
     * exactly ({@link #undefused}): "=1" becomes "'=1" and a literal "'=1" becomes "''=1". A spreadsheet runs
     * neither, and a file the app wrote can be read back to the very values it was written from.
     */
    public static String defused(String v) {
        return risky(v) ? "'" + v : v;
    }

    /**
     * The exact inverse of {@link #defused}: {@code undefused(defused(v)).equals(v)} for every text. Only for
     * files the app wrote; a text someone typed with a leading apostrophe before =, @, … loses that apostrophe.
     */
    public static String undefused(String v) {
        return v != null && v.startsWith("'") && risky(v.substring(1)) ? v.substring(1) : v;
    }

    private static boolean risky(String v) {
        // Apostrophes first (see defused), then leading spaces (some spreadsheets trim them before deciding);
        // the full-width = + - @ that Korean input methods produce count like the plain ones, as
        // survey.SpreadsheetText does.
        int i = 0;
        while (i < v.length() && v.charAt(i) == '\'') {
            i++;
        }
        while (i < v.length() && (v.charAt(i) == ' ' || v.charAt(i) == '\u00A0' || v.charAt(i) == '\u3000')) {
            i++;
        }
        if (i == v.length()) {
            return false;
        }
        char first = v.charAt(i);
        return first == '=' || first == '@' || first == '\t' || first == '\r' || first == '\0'
                || first == '\uFF1D' || first == '\uFF20' || first == '\uFF0B' || first == '\uFF0D'
                || ((first == '+' || first == '-') && !NUMBER_LIKE.matcher(v.substring(i)).matches());
    }
}
