package org.gongnon.report;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.List;

/**
 * What an official report says, independent of its file format: the PDF, the XLSX and the CSV files are all
 * rendered from one of these, and a published report stores it (as JSON) so it never changes.
 *
 * @param title      the report's title (e.g. "서울시 생활폐기물 처리시설 공론화 — 권고안 보고서")
 * @param coverLines lines under the title on the cover: process, version, publication date, fingerprint…
 * @param sections   the chapters in order
 */
public record ReportDocument(String title, List<String> coverLines, List<ReportDocument.Section> sections) {

    public ReportDocument {
        coverLines = List.copyOf(coverLines);
        sections = List.copyOf(sections);
    }

    /** All tables of the report in order (the XLSX sheets and CSV files). */
    public List<Table> tables() {
        return sections.stream().flatMap(s -> s.blocks().stream())
                .filter(Table.class::isInstance).map(Table.class::cast).toList();
    }

    public record Section(String heading, List<Block> blocks) {

        public Section {
            blocks = List.copyOf(blocks);
        }
    }

    /** A piece of a section. */
    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    @JsonSubTypes({@JsonSubTypes.Type(value = Paragraph.class, name = "paragraph"),
            @JsonSubTypes.Type(value = Subheading.class, name = "subheading"),
            @JsonSubTypes.Type(value = KeyValues.class, name = "facts"),
            @JsonSubTypes.Type(value = Table.class, name = "table"),
            @JsonSubTypes.Type(value = BarChart.class, name = "chart")})
    public sealed interface Block permits Subheading, Paragraph, KeyValues, Table, BarChart {
    }

    /** A heading inside a section (e.g. one recommendation item), kept with what follows it. */
    public record Subheading(String text) implements Block {
    }

    /** Running text; a blank line starts a new paragraph. */
    public record Paragraph(String text) implements Block {
    }

    /** A two-column list of labelled facts (e.g. "추첨 시드" → "20260915"). */
    public record KeyValues(List<KeyValue> rows) implements Block {

        public KeyValues {
            rows = List.copyOf(rows);
        }
    }

    public record KeyValue(String key, String value) {
    }

    /**
     * A table. Cells are text as shown; cells that are plain numbers ("12", "3.45", "-0.4") become numbers in XLSX.
     *
     * @param name    a short file-safe name for its XLSX sheet and CSV file (e.g. "recommendations")
     * @param caption the caption above it
     */
    public record Table(String name, String caption, List<String> headers, List<List<String>> rows) implements Block {

        public Table {
            headers = List.copyOf(headers);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A horizontal bar chart, drawn as an image, with its text alternative.
     *
     * @param series         the names of the bar series (one: simple bars; two: e.g. 사전/사후 side by side)
     * @param groups         one group of bars per label, one bar per series
     * @param max            the value axis's end (e.g. 1.0 for shares, 5 for a five-point scale)
     * @param percent        values are shares shown as percentages
     * @param referenceLines vertical lines at these values (e.g. the thresholds 0.5 and 0.667)
     * @param altText        what the chart shows, in words
     */
    public record BarChart(String caption, List<String> series, List<BarGroup> groups, double max, boolean percent,
                           List<Double> referenceLines, String altText) implements Block {

        public BarChart {
            series = List.copyOf(series);
            groups = List.copyOf(groups);
            referenceLines = List.copyOf(referenceLines);
        }
    }

    /** One label's bars; low/high (optional, may be null) draw a 95 % interval whisker on each bar. */
    public record BarGroup(String label, List<Double> values, List<Double> lows, List<Double> highs) {

        public BarGroup {
            values = List.copyOf(values);
            lows = lows == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(lows));
            highs = highs == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(highs));
        }
    }
}
