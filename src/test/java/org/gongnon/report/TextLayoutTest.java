package org.gongnon.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.text.Normalizer;
import java.util.List;
import org.gongnon.report.ReportDocument.BarChart;
import org.gongnon.report.ReportDocument.BarGroup;
import org.junit.jupiter.api.Test;

/** Glyph replacement, line breaking and chart geometry, without a PDF. */
class TextLayoutTest {

    private static final java.util.function.IntPredicate NANUM = ReportFonts.awt(false)::canDisplay;

    @Test
    void unsupportedCharactersBecomeQuestionMarks() {
        assertEquals("좋아요 ?!", Glyphs.sanitize("좋아요 🙂!", NANUM));
        assertEquals("?", Glyphs.sanitize("👍🏻", NANUM), "a skin tone adds no second mark");
        assertEquals("???", Glyphs.sanitize("👨\u200D👩\u200D👧", NANUM), "joiners dropped");
        assertEquals("<script>alert('x')</script>", Glyphs.sanitize("<script>alert('x')</script>", NANUM));
        assertEquals("가 나\n다", Glyphs.sanitize("가\t나\r\n다\u0007", NANUM));
        assertEquals("한글", Glyphs.sanitize(Normalizer.normalize("한글", Normalizer.Form.NFD), NANUM), "jamo composed");
        assertEquals("", Glyphs.sanitize(null, NANUM));
    }

    @Test
    void wrapsAtSpacesAndBreaksLongRuns() {
        java.util.function.ToDoubleFunction<String> width = s -> s.codePointCount(0, s.length()); // 1 per character
        assertEquals(List.of("가나 다라", "마바"), TextWrap.wrap("가나 다라 마바", 5, width));
        assertEquals(List.of("가나다라마", "바사아자차", "카"), TextWrap.wrap("가나다라마바사아자차카", 5, width));
        assertEquals(List.of("가", "", "나"), TextWrap.wrap("가\n\n나", 5, width));
        assertEquals(List.of("가나다라…"), TextWrap.wrap("가나다라마바사아자차카", 5, 1, width));
        for (String line : TextWrap.wrap("띄어쓰기없이아주길게이어지는 한국어 문장 abcdefghijklmnopqrstuvwxyz", 7, width)) {
            assertTrue(line.length() <= 7, line);
        }
    }

    @Test
    void chartsHaveTheirSizeAndInk() {
        BarChart chart = new BarChart("c", List.of("사전", "사후"), List.of(
                new BarGroup("분리배출 의무화 🙂", List.of(0.4, 0.7), List.of(0.35, 0.65), List.of(0.45, 0.75)),
                new BarGroup("아주 긴 항목 이름이 들어가서 왼쪽 칸보다 넓어지면 줄을 바꾸고 그래도 길면 말줄임표로 끝납니다 정말로 깁니다",
                        List.of(0.2, 0.3), null, null)),
                1.0, true, List.of(0.5, 0.667), "alt");
        BufferedImage image = ChartImages.draw(chart, chart.groups(), 400, 2);
        assertEquals(800, image.getWidth());
        assertEquals(Math.round(ChartImages.heightPt(chart, 2) * 2), image.getHeight());
        assertTrue(ChartImages.heightPt(chart, 4) > ChartImages.heightPt(chart, 2));
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xFF) < 100) {
                    dark++;
                }
            }
        }
        assertTrue(dark > 2000, "bars and text drawn: " + dark);
        assertEquals("62.5%", ChartImages.format(0.625, chart));
        assertEquals(0.2, ChartImages.tickStep(1.0), 1e-12);
        assertEquals(1, ChartImages.tickStep(5), 1e-12);
    }
}
