package org.gongnon.base.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.dom.Element;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The chart's element tree, built without a browser or a UI. */
class ShareBarChartTest {

    private static final List<String> GENDERS = List.of("남성", "여성");

    private static ShareBarChart genderChart() {
        return new ShareBarChart("성별 구성", "성별", GENDERS, List.of(
                new ShareBarChart.Series("모집단", List.of(0.487, 0.513)),
                new ShareBarChart.Series("지원자", List.of(0.58, 0.42)),
                new ShareBarChart.Series("패널", Arrays.asList(null, Double.NaN))));
    }

    private static Stream<Element> descendants(Element element) {
        return Stream.concat(Stream.of(element),
                element.getChildren().filter(e -> !e.isTextNode()).flatMap(ShareBarChartTest::descendants));
    }

    private static List<Element> withClass(Element root, String className) {
        return descendants(root).filter(e -> e.getClassList().contains(className)).toList();
    }

    private static Element single(Element root, String className) {
        List<Element> found = withClass(root, className);
        assertEquals(1, found.size(), className);
        return found.getFirst();
    }

    private static List<Element> withTag(Element root, String tag) {
        return descendants(root).filter(e -> tag.equals(e.getTag())).toList();
    }

    @Test
    void aFigureNamedByItsCaption() {
        Element chart = genderChart().getElement();
        assertEquals("figure", chart.getTag());
        Element caption = chart.getChild(0);
        assertEquals("figcaption", caption.getTag());
        assertEquals("성별 구성", caption.getText());
    }

    @Test
    void barsAreScaledToTheLargestShareAndCarryTheirLabelAndPercentAsText() {
        Element chart = genderChart().getElement();
        Element plot = single(chart, "gn-share-plot");
        List<Element> groups = withClass(plot, "gn-share-group");
        assertEquals(2, groups.size());
        assertEquals("남성", single(groups.get(0), "gn-share-category").getText());

        List<Element> rows = withClass(groups.get(0), "gn-share-row");
        assertEquals(3, rows.size(), "one bar per series");
        List<String> rowTexts = rows.stream().map(Element::getTextRecursively).toList();
        assertEquals(List.of("모집단48.7%", "지원자58.0%", "패널–"), rowTexts);
        assertEquals("남성 · 지원자: 58.0%", rows.get(1).getAttribute("title"));

        List<String> widths = withClass(plot, "gn-share-bar").stream().map(b -> b.getStyle().get("width")).toList();
        // 0.58 is the largest share: it fills the track; 0.487 / 0.58 = 83.97 %.
        assertEquals(List.of("83.97%", "100.00%", "0.00%", "88.45%", "72.41%", "0.00%"), widths);
    }

    @Test
    void seriesDifferByClassBesidesColourAndTheLegendNamesThem() {
        Element chart = genderChart().getElement();
        for (int s = 0; s < 3; s++) {
            // Each series class brings its own colour and fill pattern (gongnon.css); two categories → two bars.
            assertEquals(2, withClass(single(chart, "gn-share-plot"), "gn-share-series-" + s).size());
        }
        Element legend = single(chart, "gn-share-legend");
        List<Element> keys = withClass(legend, "gn-share-key");
        assertEquals(List.of("모집단", "지원자", "패널"), keys.stream().map(Element::getTextRecursively).toList());
        for (int s = 0; s < 3; s++) {
            assertTrue(withClass(keys.get(s), "gn-share-swatch").getFirst().getClassList()
                    .contains("gn-share-series-" + s));
        }
    }

    @Test
    void screenReadersGetATableInsteadOfTheDrawing() {
        Element chart = genderChart().getElement();
        assertEquals("true", single(chart, "gn-share-plot").getAttribute("aria-hidden"));
        assertEquals("true", single(chart, "gn-share-legend").getAttribute("aria-hidden"));

        Element table = single(chart, "gn-share-table");
        assertEquals("table", table.getTag());
        assertTrue(table.getClassList().contains("gn-visually-hidden"));
        List<Element> headers = withTag(table, "th");
        assertEquals(List.of("성별", "모집단", "지원자", "패널", "남성", "여성"),
                headers.stream().map(Element::getText).toList());
        assertEquals(List.of("col", "col", "col", "col", "row", "row"),
                headers.stream().map(h -> h.getAttribute("scope")).toList());
        List<String> cells = withTag(table, "td").stream().map(Element::getText).toList();
        assertEquals(List.of("48.7%", "58.0%", "–", "51.3%", "42.0%", "–"), cells);
    }

    @Test
    void noDataAnywhereDrawsEmptyBars() {
        ShareBarChart chart = new ShareBarChart("c", "h", List.of("a"),
                List.of(new ShareBarChart.Series("s", Arrays.asList((Double) null))));
        assertEquals("0.00%", single(chart.getElement(), "gn-share-bar").getStyle().get("width"));
    }

    @Test
    void badInputIsRefused() {
        ShareBarChart.Series one = new ShareBarChart.Series("s", List.of(0.5));
        assertThrows(IllegalArgumentException.class, () -> new ShareBarChart("c", "h", List.of("a"), List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> new ShareBarChart("c", "h", List.of("a"), List.of(one, one, one, one, one)));
        assertThrows(IllegalArgumentException.class,
                () -> new ShareBarChart("c", "h", List.of("a", "b"), List.of(one)), "a share per category");
        assertThrows(IllegalArgumentException.class, () -> new ShareBarChart.Series("s", List.of(1.2)));
        assertThrows(IllegalArgumentException.class, () -> new ShareBarChart.Series(" ", List.of(0.2)));
    }
}
