package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The CSV files the import gives back (rejected rows) keep formula-looking texts as text (issue 7 §5). */
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
    void aGuardedFieldIsStillQuotedWhenItNeedsIt() {
        StringBuilder out = new StringBuilder();
        Csv.appendRecord(out, List.of("=1,2", "ok"));
        assertEquals("\"'=1,2\",ok\r\n", out.toString());
    }
}
