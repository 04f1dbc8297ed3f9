package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The recruitment CSV files (the import's rejected rows, the draw record) keep formula-looking texts as text
 * (issue 7 §5), and the guard can be undone exactly for files the app reads back.
 */
class CsvFormulaGuardTest {

    @Test
    void formulasGetALeadingApostropheNumbersAndPlainTextDoNot() {
        for (String risky : List.of("=cmd|' /C calc'!A0", "+SUM(1)", "@x", "-2+3x", "\tx", "\rx", "\u0000x",
                "  =1+1", "\u3000=1", "＝1+1", "＋SUM(1)", "＠x", "－A1")) {
            assertEquals("'" + risky, Csv.defused(risky), risky);
        }
        for (String plain : List.of("", "홍길동", "010-1234-5678", "+82 10 1234 5678", "-0.4", "   ", "a=b",
                "<script>alert(1)</script>")) {
            assertEquals(plain, Csv.defused(plain), plain);
        }
    }

    @Test
    void theGuardCanBeUndoneExactlyEvenForTextsThatStartWithAnApostrophe() {
        // A literal apostrophe before a trigger gets one more, so "'=1" (typed) and "=1" (guarded) stay apart.
        assertEquals("''=1", Csv.defused("'=1"));
        assertEquals("'''@x", Csv.defused("''@x"));
        assertEquals("' =1", Csv.defused(" =1"));
        for (String text : List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "+cmd|' /C calc'!A0",
                "'=1", "''@x", "'", "''", "'abc", "' ", " =1", "'－A1", "-0.4", "홍길동", "찬성😀", "", "a=b", "\tx")) {
            String written = Csv.defused(text);
            assertEquals(text, Csv.undefused(written), () -> "round trip of [" + text + "] via [" + written + "]");
        }
        // Texts the guard leaves alone are read as they are, apostrophes included.
        for (String plain : List.of("'abc", "'", "'-0.4", "it's", "010-1234-5678")) {
            assertEquals(plain, Csv.defused(plain));
            assertEquals(plain, Csv.undefused(plain));
        }
    }

    @Test
    void aGuardedFieldIsStillQuotedWhenItNeedsIt() {
        StringBuilder out = new StringBuilder();
        Csv.appendRecord(out, List.of("=1,2", "ok"));
        assertEquals("\"'=1,2\",ok\r\n", out.toString());
    }
}
