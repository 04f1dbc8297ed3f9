package org.gongnon.testsupport;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Inputs that break careless code (issue 7 §5), by name so a failure says which one: empty and blank, very
 * long, Hangul with emoji and joiner sequences, markup and script, SQL metacharacters, spreadsheet formulas,
 * NUL and control characters, a right-to-left override.
 */
public final class NastyStrings {

    public static final String LONG = "가나다라마바사아자차".repeat(1_000);
    public static final String EMOJI = "참여 👍🏽 👩‍👩‍👧‍👦 🏳️‍🌈 🇰🇷 한글 é";
    public static final String SCRIPT = "<script>alert(1)</script>";
    public static final String MARKUP = "<b>굵게</b> & &amp; \"따옴표\" <img src=x onerror=alert(1)>";
    public static final String SQL = "'; DROP TABLE x; --";
    public static final String FORMULA = "=cmd|' /C calc'!A0";
    public static final String PLUS = "+SUM(1)";
    public static final String AT = "@x";
    public static final String CONTROL = "a\u0000b\u0001c\u0007d\u001B[31me\u007F";
    public static final String RTL = "\u202Egnp.exe 파일";
    public static final String LINES = "첫 줄\n둘째 줄\r\n\t들여쓰기";

    /** Name → value, in a fixed order. */
    public static final Map<String, String> ALL;

    static {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("empty", "");
        all.put("blank", " \t \u3000 ");
        all.put("10,000 characters", LONG);
        all.put("Hangul and emoji", EMOJI);
        all.put("script", SCRIPT);
        all.put("markup", MARKUP);
        all.put("SQL", SQL);
        all.put("formula", FORMULA);
        all.put("plus formula", PLUS);
        all.put("at formula", AT);
        all.put("NUL and control", CONTROL);
        all.put("RTL override", RTL);
        all.put("line breaks", LINES);
        ALL = java.util.Collections.unmodifiableMap(all);
    }

    private NastyStrings() {
    }

    /** A short, printable description of a value for failure messages. */
    public static String describe(String value) {
        String shown = value.length() > 40 ? value.substring(0, 40) + "…(" + value.length() + ")" : value;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.append(Character.isISOControl(c) || c == 0x202E
                ? String.format("\\u%04X", c) : new String(Character.toChars(c))));
        return out.toString();
    }
}
