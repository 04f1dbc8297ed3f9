package org.gongnon.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;
import org.gongnon.report.ReportDocument.BarChart;
import org.gongnon.report.ReportDocument.BarGroup;

/**
 * Draws a {@link BarChart} as an image with Java2D: horizontal bars, one or two series side by side, 95 %
 * whiskers, dashed reference lines, value labels at the bar ends. Sizes are in points (1/72 inch) and the
 * image is drawn at {@code scale} pixels per point, so at 1 pt per pt in a PDF the text is 9.5 pt and a scale of
 * 2 looks sharp in print. Labels use the embedded Nanum Gothic, so no Korean font need be installed.
 */
public final class ChartImages {

    static final float TEXT_PT = 9.5f;
    private static final float PAD = 4, BAR = 11, SERIES_GAP = 2, GROUP_GAP = 9, LEGEND = 20, REF_LABELS = 15,
            AXIS = 20;
    /** Two blues that differ in lightness too, so the series stay apart when printed in greyscale. */
    static final Color[] SERIES = {new Color(0x2F5D8A), new Color(0xA9CCE3)};
    private static final Color[] SERIES_EDGE = {new Color(0x2F5D8A), new Color(0x4F7FA8)};
    private static final Color TEXT = new Color(0x222222), GRID = new Color(0xE2E2E2), AXIS_LINE = new Color(0x777777),
            REFERENCE = new Color(0x444444), WHISKER = new Color(0x111111);

    private ChartImages() {
    }

    static void ensureHeadless() {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The chart's height in points when it shows {@code groups} of its groups. */
    public static float heightPt(BarChart chart, int groups) {
        return topPt(chart) + groups * groupPt(chart) + AXIS + PAD;
    }

    /** The whole chart as a PNG, e.g. for a view. */
    public static byte[] png(BarChart chart, float widthPt, double scale) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(draw(chart, chart.groups(), widthPt, scale), "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The chart with only the given groups (a long chart is split over pages) at {@code scale} px per pt. */
    public static BufferedImage draw(BarChart chart, List<BarGroup> groups, float widthPt, double scale) {
        ensureHeadless();
        float heightPt = heightPt(chart, groups.size());
        BufferedImage image = new BufferedImage(Math.round((float) (widthPt * scale)),
                Math.round((float) (heightPt * scale)), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.scale(scale, scale);
            new Painter(g, chart, groups, widthPt).paint();
        } finally {
            g.dispose();
        }
        return image;
    }

    static int seriesCount(BarChart chart) {
        int n = chart.series().size();
        for (BarGroup group : chart.groups()) {
            n = Math.max(n, group.values().size());
        }
        return Math.max(1, n);
    }

    private static float topPt(BarChart chart) {
        return PAD + (seriesCount(chart) > 1 ? LEGEND : 0) + (chart.referenceLines().isEmpty() ? 0 : REF_LABELS);
    }

    private static float barsPt(BarChart chart) {
        int n = seriesCount(chart);
        return n * BAR + (n - 1) * SERIES_GAP;
    }

    private static float groupPt(BarChart chart) {
        return barsPt(chart) + GROUP_GAP;
    }

    /** "62.5%" for shares, otherwise two decimals on small scales (means on 1–5) and fewer on large ones. */
    static String format(double value, BarChart chart) {
        if (chart.percent()) {
            return String.format(Locale.ROOT, "%.1f%%", value * 100);
        }
        if (value == Math.rint(value) && chart.max() > 10) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        return String.format(Locale.ROOT, chart.max() > 10 ? "%.1f" : "%.2f", value);
    }

    private static String tick(double value, BarChart chart) {
        if (chart.percent()) {
            return String.format(Locale.ROOT, "%.0f%%", value * 100);
        }
        String s = String.format(Locale.ROOT, "%.2f", value);
        return s.contains(".") ? s.replaceAll("\\.?0+$", "") : s;
    }

    static double tickStep(double max) {
        double raw = max / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double norm = raw / magnitude;
        double step = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 2.5 ? 2.5 : norm <= 5 ? 5 : 10;
        return step * magnitude;
    }

    private static final class Painter {
        private final Graphics2D g;
        private final BarChart chart;
        private final List<BarGroup> groups;
        private final float width;
        private final int series;
        private final Font regular = ReportFonts.awt(false).deriveFont(TEXT_PT);
        private final Font bold = ReportFonts.awt(true).deriveFont(TEXT_PT);
        private final IntPredicate hasGlyph = regular::canDisplay;
        private final double max;

        Painter(Graphics2D g, BarChart chart, List<BarGroup> groups, float width) {
            this.g = g;
            this.chart = chart;
            this.groups = groups;
            this.width = width;
            this.series = seriesCount(chart);
            this.max = chart.max() > 0 ? chart.max() : 1;
        }

        private double widthOf(String s, Font font) {
            return font.getStringBounds(s, g.getFontRenderContext()).getWidth();
        }

        private String clean(String s) {
            return Glyphs.sanitize(s, hasGlyph).replace('\n', ' ');
        }

        void paint() {
            ToDoubleFunction<String> labelWidth = s -> widthOf(s, regular);
            List<String> labels = groups.stream().map(group -> clean(group.label())).toList();
            double widest = labels.stream().mapToDouble(labelWidth).max().orElse(0);
            double labelColumn = Math.max(40, Math.min(width * 0.38, widest + 8));

            List<List<String>> valueTexts = new ArrayList<>();
            double valueColumn = widthOf(format(max, chart), regular);
            for (BarGroup group : groups) {
                List<String> texts = new ArrayList<>();
                for (int s = 0; s < series; s++) {
                    Double v = value(group.values(), s);
                    String text = v == null ? "–" : format(v, chart);
                    texts.add(text);
                    valueColumn = Math.max(valueColumn, widthOf(text, regular));
                }
                valueTexts.add(texts);
            }
            double x0 = labelColumn + 6;
            double x1 = width - valueColumn - 8;
            double top = topPt(chart);
            double bottom = top + groups.size() * groupPt(chart);

            FontMetrics fm = g.getFontMetrics(regular);
            float ascent = fm.getAscent() * 0.92f; // Nanum's ascent includes room above capitals
            if (series > 1) {
                legend((float) x0, PAD, ascent);
            }
            grid(x0, x1, top, bottom, ascent);

            List<ValueLabel> valueLabels = new ArrayList<>();
            int maxLabelLines = Math.max(1, (int) ((barsPt(chart) + GROUP_GAP * 0.5) / (TEXT_PT * 1.2)));
            for (int i = 0; i < groups.size(); i++) {
                BarGroup group = groups.get(i);
                double gy = top + i * groupPt(chart) + GROUP_GAP / 2;
                // label, right-aligned against the axis and centred on the group's bars
                List<String> lines = TextWrap.wrap(labels.get(i), labelColumn - 4, maxLabelLines, labelWidth);
                double lineHeight = TEXT_PT * 1.2;
                double firstBaseline = gy + barsPt(chart) / 2 - lines.size() * lineHeight / 2 + ascent
                        + (lineHeight - TEXT_PT) / 2;
                g.setFont(regular);
                g.setColor(TEXT);
                for (int l = 0; l < lines.size(); l++) {
                    String line = lines.get(l);
                    g.drawString(line, (float) (x0 - 6 - widthOf(line, regular)), (float) (firstBaseline + l * lineHeight));
                }
                for (int s = 0; s < series; s++) {
                    double by = gy + s * (BAR + SERIES_GAP);
                    Double v = value(group.values(), s);
                    double end = x0;
                    if (v != null) {
                        end = x(v, x0, x1);
                        Rectangle2D.Double bar = new Rectangle2D.Double(x0, by, Math.max(0, end - x0), BAR);
                        g.setColor(SERIES[s % SERIES.length]);
                        g.fill(bar);
                        g.setColor(SERIES_EDGE[s % SERIES_EDGE.length]);
                        g.setStroke(new BasicStroke(0.6f));
                        g.draw(bar);
                    }
                    Double low = value(group.lows(), s);
                    Double high = value(group.highs(), s);
                    if (low != null && high != null) {
                        whisker(x(low, x0, x1), x(high, x0, x1), by + BAR / 2);
                        end = Math.max(end, x(high, x0, x1));
                    }
                    valueLabels.add(new ValueLabel(valueTexts.get(i).get(s), end + 4, by + BAR / 2 + ascent / 2 - 0.5));
                }
            }
            references(x0, x1, top, bottom, ascent);
            // value labels last, on a white ground, so a dashed reference line never runs through them
            g.setFont(regular);
            for (ValueLabel label : valueLabels) {
                double w = widthOf(label.text(), regular);
                g.setColor(Color.WHITE);
                g.fill(new Rectangle2D.Double(label.x() - 1.5, label.baseline() - ascent - 0.5, w + 3, ascent + 2.5));
                g.setColor(TEXT);
                g.drawString(label.text(), (float) label.x(), (float) label.baseline());
            }
        }

        private record ValueLabel(String text, double x, double baseline) {
        }

        private double x(double v, double x0, double x1) {
            return x0 + Math.max(0, Math.min(1, v / max)) * (x1 - x0);
        }

        private static Double value(List<Double> values, int index) {
            return values == null || index >= values.size() ? null : values.get(index);
        }

        private void legend(float x, float y, float ascent) {
            g.setFont(regular);
            for (int s = 0; s < series; s++) {
                String name = clean(s < chart.series().size() ? chart.series().get(s) : "");
                Rectangle2D.Double box = new Rectangle2D.Double(x, y + 2, 10, 10);
                g.setColor(SERIES[s % SERIES.length]);
                g.fill(box);
                g.setColor(SERIES_EDGE[s % SERIES_EDGE.length]);
                g.setStroke(new BasicStroke(0.6f));
                g.draw(box);
                g.setColor(TEXT);
                g.drawString(name, x + 14, y + 7 + ascent / 2);
                x += (float) (14 + widthOf(name, regular) + 16);
            }
        }

        private void grid(double x0, double x1, double top, double bottom, float ascent) {
            double step = tickStep(max);
            g.setFont(regular);
            for (int k = 0; k * step <= max + 1e-9; k++) {
                double v = k * step;
                double x = x(v, x0, x1);
                g.setColor(GRID);
                g.setStroke(new BasicStroke(0.6f));
                g.draw(new Line2D.Double(x, top, x, bottom));
                String label = tick(v, chart);
                g.setColor(TEXT);
                g.drawString(label, (float) (x - widthOf(label, regular) / 2), (float) (bottom + 4 + ascent));
            }
            g.setColor(AXIS_LINE);
            g.setStroke(new BasicStroke(0.8f));
            g.draw(new Line2D.Double(x0, top, x0, bottom));
            g.draw(new Line2D.Double(x0, bottom, x1, bottom));
        }

        private void whisker(double xl, double xh, double y) {
            for (int pass = 0; pass < 2; pass++) {
                // a white halo first, so the whisker stays visible over a dark bar
                g.setColor(pass == 0 ? Color.WHITE : WHISKER);
                g.setStroke(new BasicStroke(pass == 0 ? 2.8f : 1.1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
                g.draw(new Line2D.Double(xl, y, xh, y));
                g.draw(new Line2D.Double(xl, y - BAR * 0.32, xl, y + BAR * 0.32));
                g.draw(new Line2D.Double(xh, y - BAR * 0.32, xh, y + BAR * 0.32));
            }
        }

        private void references(double x0, double x1, double top, double bottom, float ascent) {
            g.setFont(bold);
            double lastRight = Double.NEGATIVE_INFINITY;
            for (double r : chart.referenceLines().stream().sorted().toList()) {
                double x = x(r, x0, x1);
                g.setColor(REFERENCE);
                g.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{4, 3}, 0));
                g.draw(new Line2D.Double(x, top - 3, x, bottom));
                String label = format(r, chart);
                double w = widthOf(label, bold);
                double left = Math.max(x - w / 2, lastRight + 4);
                g.drawString(label, (float) left, (float) (top - 5));
                lastRight = left + w;
            }
        }
    }
}
