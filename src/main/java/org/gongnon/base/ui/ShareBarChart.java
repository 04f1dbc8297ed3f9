package org.gongnon.base.ui;

import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.Tag;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A grouped horizontal bar chart of shares, e.g. each 권역's share of the population, the pool and the
 * panel. Built from plain elements on the server (no chart library, no npm package).
 *
 * <p>Accessibility: it is a {@code <figure>} named by its caption. The bars are drawn for the eye only
 * ({@code aria-hidden}); screen readers get the same figures as a visually hidden table, with one column
 * per series, so nothing is read twice. Series are told apart by colour, by a fill pattern and by their
 * label written beside every bar, and every bar shows its percentage as text.
 *
 * <p>All text comes from the caller, already translated; the component adds only numbers.
 */
@Tag("figure")
public class ShareBarChart extends HtmlContainer {

    /** Distinct colours and patterns are defined in gongnon.css for this many series. */
    public static final int MAX_SERIES = 4;

    /** Shown instead of a percentage when a series has no data (e.g. the panel is not drawn yet). */
    static final String NO_DATA = "–";

    /**
     * One set of bars, e.g. the panel.
     *
     * @param label  the series name shown in the legend, beside each bar and as a table column header
     * @param shares one share per category, in category order, from 0 to 1; {@code null} or NaN for none
     */
    public record Series(String label, List<Double> shares) {

        public Series {
            if (label == null || label.isBlank()) {
                throw new IllegalArgumentException("a series needs a label");
            }
            // List.copyOf would refuse the nulls that mean "no data".
            shares = Collections.unmodifiableList(new ArrayList<>(shares));
            for (Double share : shares) {
                if (share != null && !share.isNaN() && (share < 0 || share > 1)) {
                    throw new IllegalArgumentException("series " + label + ": share " + share + " is not in 0..1");
                }
            }
        }
    }

    /**
     * @param caption        names the chart, e.g. "권역별 구성"
     * @param categoryHeader heads the category column of the table for screen readers, e.g. "권역"
     * @param categories     the values compared, in display order
     * @param series         1 to {@value #MAX_SERIES} series, each with one share per category
     */
    public ShareBarChart(String caption, String categoryHeader, List<String> categories, List<Series> series) {
        if (series.isEmpty() || series.size() > MAX_SERIES) {
            throw new IllegalArgumentException("a share chart shows 1 to " + MAX_SERIES + " series, not "
                    + series.size());
        }
        for (Series s : series) {
            if (s.shares().size() != categories.size()) {
                throw new IllegalArgumentException("series " + s.label() + " has " + s.shares().size()
                        + " shares for " + categories.size() + " categories");
            }
        }
        addClassName("gn-share-chart");
        add(figcaption(caption), legend(series), plot(categories, series),
                table(categoryHeader, categories, series));
    }

    private static HtmlContainer figcaption(String caption) {
        HtmlContainer figcaption = new FigCaption();
        figcaption.setText(caption);
        figcaption.addClassName("gn-share-caption");
        return figcaption;
    }

    private static Div legend(List<Series> series) {
        Div legend = new Div();
        legend.addClassName("gn-share-legend");
        legend.getElement().setAttribute("aria-hidden", "true");
        for (int i = 0; i < series.size(); i++) {
            Span swatch = new Span();
            swatch.addClassNames("gn-share-swatch", seriesClass(i));
            Span key = new Span(swatch, new Span(series.get(i).label()));
            key.addClassName("gn-share-key");
            legend.add(key);
        }
        return legend;
    }

    private static Div plot(List<String> categories, List<Series> series) {
        // Bars are scaled to the largest share so that small differences stay visible.
        double largest = series.stream().flatMap(s -> s.shares().stream()).filter(ShareBarChart::hasValue)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        Div plot = new Div();
        plot.addClassName("gn-share-plot");
        plot.getElement().setAttribute("aria-hidden", "true");
        for (int c = 0; c < categories.size(); c++) {
            Div group = new Div();
            group.addClassName("gn-share-group");
            Div name = new Div(categories.get(c));
            name.addClassName("gn-share-category");
            group.add(name);
            for (int s = 0; s < series.size(); s++) {
                Series one = series.get(s);
                Double share = one.shares().get(c);
                Div bar = new Div();
                bar.addClassNames("gn-share-bar", seriesClass(s));
                double width = hasValue(share) && largest > 0 ? share / largest * 100 : 0;
                bar.getStyle().set("width", String.format(Locale.ROOT, "%.2f%%", width));
                Div track = new Div(bar);
                track.addClassName("gn-share-track");
                Span label = new Span(one.label());
                label.addClassName("gn-share-series-label");
                Span value = new Span(percent(share));
                value.addClassName("gn-share-value");
                Div row = new Div(label, track, value);
                row.addClassName("gn-share-row");
                row.getElement().setAttribute("title", categories.get(c) + " · " + one.label() + ": " + percent(share));
                group.add(row);
            }
            plot.add(group);
        }
        return plot;
    }

    private static NativeTable table(String categoryHeader, List<String> categories, List<Series> series) {
        NativeTable table = new NativeTable();
        table.addClassNames("gn-share-table", "gn-visually-hidden");
        NativeTableRow head = table.getHead().addRow();
        head.add(columnHeader(categoryHeader));
        series.forEach(s -> head.add(columnHeader(s.label())));
        NativeTableBody body = table.getBody();
        for (int c = 0; c < categories.size(); c++) {
            NativeTableRow row = body.addRow();
            NativeTableHeaderCell category = new NativeTableHeaderCell(categories.get(c));
            category.getElement().setAttribute("scope", "row");
            row.add(category);
            for (Series s : series) {
                row.addDataCell().setText(percent(s.shares().get(c)));
            }
        }
        return table;
    }

    private static NativeTableHeaderCell columnHeader(String text) {
        NativeTableHeaderCell cell = new NativeTableHeaderCell(text);
        cell.getElement().setAttribute("scope", "col");
        return cell;
    }

    private static String seriesClass(int index) {
        return "gn-share-series-" + index;
    }

    private static boolean hasValue(Double share) {
        return share != null && !share.isNaN();
    }

    /** One decimal, written the same way in Korean and English: "49.0%". */
    static String percent(Double share) {
        return hasValue(share) ? String.format(Locale.ROOT, "%.1f%%", share * 100) : NO_DATA;
    }

    @Tag("figcaption")
    private static final class FigCaption extends HtmlContainer {
    }
}
