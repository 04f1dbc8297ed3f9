package org.gongnon.report;

import java.awt.Color;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDBorderStyleDictionary;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.gongnon.report.ReportDocument.BarChart;
import org.gongnon.report.ReportDocument.BarGroup;
import org.gongnon.report.ReportDocument.Block;
import org.gongnon.report.ReportDocument.KeyValue;
import org.gongnon.report.ReportDocument.KeyValues;
import org.gongnon.report.ReportDocument.Paragraph;
import org.gongnon.report.ReportDocument.Subheading;
import org.gongnon.report.ReportDocument.Section;
import org.gongnon.report.ReportDocument.Table;

/**
 * Lays one report out on A4 pages, top to bottom with a cursor. The table of contents' pages are reserved after
 * the cover (their layout does not depend on the page numbers) and filled in at the end, with the footers,
 * once every section's page is known.
 */
final class PdfLayout {

    private static final PDRectangle A4 = PDRectangle.A4;
    private static final float MARGIN = 20 / 25.4f * 72;
    private static final float LEFT = MARGIN, RIGHT = A4.getWidth() - MARGIN, WIDTH = RIGHT - LEFT;
    private static final float TOP = A4.getHeight() - MARGIN, BOTTOM = MARGIN;
    private static final float FOOTER_BASELINE = MARGIN - 26;

    private static final float TITLE = 24, TITLE_LEAD = 34, COVER = 11.5f, COVER_LEAD = 19;
    private static final float H1 = 15, H1_LEAD = 21, H2 = 12, H2_LEAD = 17, BODY = 10.5f, BODY_LEAD = 16.5f, PARA_GAP = 6;
    private static final float CELL = 9, CELL_LEAD = 12, PAD_X = 4, PAD_Y = 3.5f, CAPTION = 10, CAPTION_LEAD = 14;
    private static final float CHART_CAPTION = 9.5f, CHART_CAPTION_LEAD = 13.5f, FOOTER = 9;
    private static final float TOC_TITLE = 18, TOC = 11, TOC_LEAD = 19, TOC_NUMBER = 40;
    private static final float BLOCK_GAP = 10, SECTION_GAP = 14, SHORT_COLUMN = 90;
    private static final double CHART_SCALE = 2;

    private static final Color INK = new Color(0x1A1A1A), MUTED = new Color(0x5A5A5A), ACCENT = new Color(0x2F5D8A),
            RULE = new Color(0xB8C2CC), HEADER_FILL = new Color(0xDDE4EC), ZEBRA = new Color(0xF4F6F9);
    /** Cells right-aligned as numbers: "12", "-0.4", "1,234", "62.5%", "62.5 %". */
    private static final Pattern NUMERIC = Pattern.compile("[-+−]?[0-9][0-9,]*(\\.[0-9]+)?\\s*%?");

    private final PDDocument pdf;
    private final ReportDocument doc;
    private final PdfReportRenderer.Labels labels;
    private final ProgressListener progress;
    private final PdfFont regular;
    private final PdfFont bold;
    private final List<PDPage> pages = new ArrayList<>();
    private final List<Heading> headings = new ArrayList<>();
    private PDPage page;
    private PDPageContentStream cs;
    private float y;
    private double done;
    private final double total;

    private record Heading(String text, PDPage page, float top) {
    }

    /** Where a table of contents entry goes, planned before any page number is known. */
    private record TocLine(int page, float top, List<String> lines) {
    }

    PdfLayout(PDDocument pdf, ReportDocument doc, PdfReportRenderer.Labels labels, ProgressListener progress)
            throws IOException {
        this.pdf = pdf;
        this.doc = doc;
        this.labels = labels;
        this.progress = progress;
        this.regular = new PdfFont(pdf, false);
        this.bold = new PdfFont(pdf, true);
        double work = 2;
        for (Section section : doc.sections()) {
            for (Block block : section.blocks()) {
                work += weight(block);
            }
        }
        this.total = work;
    }

    private static double weight(Block block) {
        return switch (block) {
            case Table t -> 1 + t.rows().size() / 25.0;
            case BarChart c -> 4;
            default -> 1;
        };
    }

    private void advance(double work) {
        done += work;
        progress.progress(Math.min(1, done / total));
    }

    void write() throws IOException {
        try {
            cover();
            List<TocLine> toc = planContents();
            int contentsPages = toc.isEmpty() ? 0 : toc.getLast().page() + 1;
            for (int i = 0; i < contentsPages; i++) {
                newPage(); // left blank until the section pages are known
            }
            if (!doc.sections().isEmpty()) {
                newPage();
            }
            advance(1);
            for (Section section : doc.sections()) {
                section(section);
            }
        } finally {
            if (cs != null) {
                cs.close();
                cs = null;
            }
        }
        contents(planContents());
        outline();
        footers();
        advance(1);
    }

    // ---- pages and primitives

    private void newPage() throws IOException {
        if (cs != null) {
            cs.close();
        }
        page = new PDPage(A4);
        pdf.addPage(page);
        pages.add(page);
        cs = new PDPageContentStream(pdf, page);
        y = TOP;
    }

    private boolean atPageTop() {
        return y >= TOP;
    }

    /** Starts a new page unless {@code height} more points fit on this one. */
    private void ensure(float height) throws IOException {
        if (y - height < BOTTOM && !atPageTop()) {
            newPage();
        }
    }

    private static float baseline(float top, float size, float leading) {
        return top - (leading - size) / 2 - size * 0.82f;
    }

    private void text(PDPageContentStream to, String clean, PdfFont font, float size, float x, float baseline,
                      Color color) throws IOException {
        if (clean.isEmpty()) {
            return;
        }
        to.beginText();
        to.setFont(font.font, size);
        to.setNonStrokingColor(color);
        to.newLineAtOffset(x, baseline);
        to.showText(clean);
        to.endText();
    }

    private void rule(PDPageContentStream to, float x0, float x1, float at, float lineWidth, Color color)
            throws IOException {
        to.setStrokingColor(color);
        to.setLineWidth(lineWidth);
        to.moveTo(x0, at);
        to.lineTo(x1, at);
        to.stroke();
    }

    private void fill(float x, float top, float width, float height, Color color) throws IOException {
        cs.setNonStrokingColor(color);
        cs.addRect(x, top - height, width, height);
        cs.fill();
    }

    // ---- cover and contents

    private void cover() throws IOException {
        newPage();
        y = TOP - 150;
        for (String line : bold.wrap(doc.title(), TITLE, WIDTH)) {
            text(cs, line, bold, TITLE, LEFT, baseline(y, TITLE, TITLE_LEAD), INK);
            y -= TITLE_LEAD;
        }
        y -= 10;
        rule(cs, LEFT, RIGHT, y, 2, ACCENT);
        y -= 20;
        for (String coverLine : doc.coverLines()) {
            for (String line : regular.wrap(coverLine, COVER, WIDTH)) {
                text(cs, line, regular, COVER, LEFT, baseline(y, COVER, COVER_LEAD), MUTED);
                y -= COVER_LEAD;
            }
        }
    }

    private List<TocLine> planContents() {
        List<TocLine> plan = new ArrayList<>();
        if (doc.sections().isEmpty()) {
            return plan;
        }
        int pageIndex = 0;
        float top = TOP - TOC_TITLE * 1.5f - 16;
        for (Section section : doc.sections()) {
            List<String> lines = regular.wrap(section.heading(), TOC, WIDTH - TOC_NUMBER);
            if (top - lines.size() * TOC_LEAD < BOTTOM) {
                pageIndex++;
                top = TOP;
            }
            plan.add(new TocLine(pageIndex, top, lines));
            top -= lines.size() * TOC_LEAD;
        }
        return plan;
    }

    /** Fills the reserved pages after the cover, now that each section's page is known. */
    private void contents(List<TocLine> plan) throws IOException {
        if (plan.isEmpty()) {
            return;
        }
        for (int i = 0; i < plan.size(); i++) {
            TocLine entry = plan.get(i);
            Heading heading = headings.get(i);
            PDPage tocPage = pages.get(1 + entry.page());
            try (PDPageContentStream to = new PDPageContentStream(pdf, tocPage, PDPageContentStream.AppendMode.APPEND,
                    true, true)) {
                if (i == 0) {
                    String title = bold.clean(labels.contents());
                    text(to, title, bold, TOC_TITLE, LEFT, baseline(TOP, TOC_TITLE, TOC_TITLE * 1.5f), INK);
                }
                float top = entry.top();
                List<String> lines = entry.lines();
                for (String line : lines) {
                    text(to, line, regular, TOC, LEFT, baseline(top, TOC, TOC_LEAD), INK);
                    top -= TOC_LEAD;
                }
                String number = String.valueOf(pages.indexOf(heading.page()) + 1);
                float lastBaseline = baseline(top + TOC_LEAD, TOC, TOC_LEAD);
                float numberWidth = regular.width(number, TOC);
                text(to, number, regular, TOC, RIGHT - numberWidth, lastBaseline, INK);
                // dotted leader from the end of the heading to its page number
                float from = LEFT + regular.width(lines.getLast(), TOC) + 6;
                float to_ = RIGHT - numberWidth - 6;
                if (to_ > from) {
                    to.setLineDashPattern(new float[]{0.8f, 2.8f}, 0);
                    rule(to, from, to_, lastBaseline + 1, 0.8f, RULE);
                    to.setLineDashPattern(new float[0], 0);
                }
                link(tocPage, entry.top(), top, heading);
            }
        }
    }

    private void link(PDPage from, float top, float bottom, Heading heading) throws IOException {
        PDAnnotationLink link = new PDAnnotationLink();
        link.setRectangle(new PDRectangle(LEFT, bottom, WIDTH, top - bottom));
        PDBorderStyleDictionary border = new PDBorderStyleDictionary();
        border.setWidth(0);
        link.setBorderStyle(border);
        PDActionGoTo action = new PDActionGoTo();
        action.setDestination(destination(heading));
        link.setAction(action);
        from.getAnnotations().add(link);
    }

    private static PDPageXYZDestination destination(Heading heading) {
        PDPageXYZDestination destination = new PDPageXYZDestination();
        destination.setPage(heading.page());
        destination.setLeft(0);
        destination.setTop(Math.round(Math.min(A4.getHeight(), heading.top() + 12)));
        return destination;
    }

    private void outline() {
        if (headings.isEmpty()) {
            return;
        }
        PDDocumentOutline outline = new PDDocumentOutline();
        for (Heading heading : headings) {
            PDOutlineItem item = new PDOutlineItem();
            item.setTitle(heading.text()); // a PDF text string: Unicode, needs no glyphs
            item.setDestination(destination(heading));
            outline.addLast(item);
        }
        pdf.getDocumentCatalog().setDocumentOutline(outline);
    }

    private void footers() throws IOException {
        int count = pages.size();
        String title = regular.clean(doc.title()).replace('\n', ' ');
        for (int i = 0; i < count; i++) {
            String numbers = " · " + (i + 1) + " / " + count;
            String shown = TextWrap.ellipsize(title, WIDTH * 0.85f - regular.width(numbers, FOOTER),
                    s -> regular.width(s, FOOTER), false) + numbers;
            try (PDPageContentStream to = new PDPageContentStream(pdf, pages.get(i),
                    PDPageContentStream.AppendMode.APPEND, true, true)) {
                rule(to, LEFT, RIGHT, FOOTER_BASELINE + FOOTER + 5, 0.5f, RULE);
                text(to, shown, regular, FOOTER, LEFT + (WIDTH - regular.width(shown, FOOTER)) / 2, FOOTER_BASELINE,
                        MUTED);
            }
        }
    }

    // ---- sections and blocks

    private void section(Section section) throws IOException {
        List<String> lines = bold.wrap(section.heading(), H1, WIDTH);
        // keep the heading with at least three lines of what follows
        ensure(lines.size() * H1_LEAD + 8 + 3 * BODY_LEAD);
        if (!atPageTop()) {
            y -= SECTION_GAP;
        }
        headings.add(new Heading(section.heading(), page, y));
        for (String line : lines) {
            text(cs, line, bold, H1, LEFT, baseline(y, H1, H1_LEAD), INK);
            y -= H1_LEAD;
        }
        y -= 2;
        rule(cs, LEFT, RIGHT, y, 0.8f, ACCENT);
        y -= 8;
        for (Block block : section.blocks()) {
            switch (block) {
                case Subheading h -> subheading(h);
                case Paragraph p -> paragraph(p);
                case KeyValues kv -> keyValues(kv);
                case Table t -> table(t);
                case BarChart c -> chart(c);
            }
            advance(weight(block));
        }
    }

    private void subheading(Subheading heading) throws IOException {
        List<String> lines = bold.wrap(heading.text(), H2, WIDTH);
        // keep it with at least three lines of what follows
        ensure(lines.size() * H2_LEAD + 3 * BODY_LEAD);
        y -= PARA_GAP;
        for (String line : lines) {
            text(cs, line, bold, H2, LEFT, baseline(y, H2, H2_LEAD), INK);
            y -= H2_LEAD;
        }
        y -= PARA_GAP / 2;
    }

    private void paragraph(Paragraph paragraph) throws IOException {
        for (String part : paragraph.text().strip().split("\\n\\s*\\n")) {
            for (String line : regular.wrap(part, BODY, WIDTH)) {
                ensure(BODY_LEAD);
                text(cs, line, regular, BODY, LEFT, baseline(y, BODY, BODY_LEAD), INK);
                y -= BODY_LEAD;
            }
            y -= PARA_GAP;
        }
        y -= BLOCK_GAP - PARA_GAP;
    }

    private void keyValues(KeyValues keyValues) throws IOException {
        float keyWidth = 0;
        for (KeyValue row : keyValues.rows()) {
            keyWidth = Math.max(keyWidth, bold.width(bold.clean(row.key()), BODY) + 16);
        }
        keyWidth = Math.min(keyWidth, WIDTH * 0.38f);
        for (KeyValue row : keyValues.rows()) {
            List<String> keys = bold.wrap(row.key(), BODY, keyWidth - 12);
            List<String> values = regular.wrap(row.value(), BODY, WIDTH - keyWidth);
            int lines = Math.max(keys.size(), values.size());
            if (lines * BODY_LEAD < TOP - BOTTOM) {
                ensure(lines * BODY_LEAD + 4);
            }
            for (int i = 0; i < lines; i++) {
                ensure(BODY_LEAD);
                float base = baseline(y, BODY, BODY_LEAD);
                if (i < keys.size()) {
                    text(cs, keys.get(i), bold, BODY, LEFT, base, MUTED);
                }
                if (i < values.size()) {
                    text(cs, values.get(i), regular, BODY, LEFT + keyWidth, base, INK);
                }
                y -= BODY_LEAD;
            }
            y -= 2;
            rule(cs, LEFT, RIGHT, y, 0.4f, RULE);
            y -= 2;
        }
        y -= BLOCK_GAP;
    }

    // ---- tables

    private final class TableWriter {
        private final Table table;
        private final int columns;
        private final float[] widths;
        private final boolean[] right;
        private final List<List<String>> header;
        private final List<String> caption;
        private final List<String> continued;

        TableWriter(Table table) {
            this.table = table;
            int n = table.headers().size();
            for (List<String> row : table.rows()) {
                n = Math.max(n, row.size());
            }
            this.columns = Math.max(1, n);
            this.right = numericColumns();
            this.widths = columnWidths();
            this.header = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                header.add(bold.wrap(cell(table.headers(), c), CELL, widths[c] - 2 * PAD_X));
            }
            this.caption = bold.wrap(table.caption(), CAPTION, WIDTH);
            this.continued = bold.wrap(table.caption() + " (" + labels.continued() + ")", CAPTION, WIDTH);
        }

        private static String cell(List<String> row, int c) {
            return c < row.size() && row.get(c) != null ? row.get(c) : "";
        }

        private boolean[] numericColumns() {
            boolean[] numeric = new boolean[columns];
            for (int c = 0; c < columns; c++) {
                boolean any = false;
                boolean all = true;
                for (List<String> row : table.rows()) {
                    String value = cell(row, c).strip();
                    if (!value.isEmpty() && !"–".equals(value) && !"-".equals(value)) {
                        any = true;
                        all &= NUMERIC.matcher(value).matches();
                    }
                }
                numeric[c] = any && all;
            }
            return numeric;
        }

        /** From content: natural widths when they fit, otherwise the longest words first and the rest shared. */
        private float[] columnWidths() {
            float[] natural = new float[columns];
            float[] minimum = new float[columns];
            for (int c = 0; c < columns; c++) {
                measure(bold, cell(table.headers(), c), c, natural, minimum);
                for (List<String> row : table.rows()) {
                    measure(regular, cell(row, c), c, natural, minimum);
                }
                natural[c] += 2 * PAD_X;
                // short columns ("0.627", "권고하지 않음") keep their natural width; long ones break at spaces
                minimum[c] = Math.max(Math.min(natural[c], SHORT_COLUMN), Math.min(minimum[c] + 2 * PAD_X, SHORT_COLUMN));
                minimum[c] = Math.max(24, minimum[c]);
                natural[c] = Math.max(natural[c], minimum[c]);
            }
            float naturalSum = sum(natural);
            float[] widths = new float[columns];
            if (naturalSum <= WIDTH) {
                for (int c = 0; c < columns; c++) {
                    widths[c] = natural[c] * WIDTH / naturalSum;
                }
                return widths;
            }
            float minimumSum = sum(minimum);
            if (minimumSum >= WIDTH) {
                for (int c = 0; c < columns; c++) {
                    widths[c] = minimum[c] * WIDTH / minimumSum;
                }
                return widths;
            }
            float slack = naturalSum - minimumSum;
            for (int c = 0; c < columns; c++) {
                widths[c] = minimum[c] + (natural[c] - minimum[c]) / slack * (WIDTH - minimumSum);
            }
            return widths;
        }

        private void measure(PdfFont font, String raw, int c, float[] natural, float[] minimum) {
            String clean = font.clean(raw);
            for (String line : clean.split("\n")) {
                natural[c] = Math.max(natural[c], font.width(line, CELL));
                for (String word : line.split(" +")) {
                    minimum[c] = Math.max(minimum[c], font.width(word, CELL));
                }
            }
        }

        private static float sum(float[] values) {
            float s = 0;
            for (float v : values) {
                s += v;
            }
            return s;
        }

        private float height(List<List<String>> cells, int from, int to) {
            int lines = 0;
            for (List<String> cell : cells) {
                lines = Math.max(lines, Math.min(to, cell.size()) - from);
            }
            return Math.max(1, lines) * CELL_LEAD + 2 * PAD_Y;
        }

        private static int lines(List<List<String>> cells) {
            int lines = 1;
            for (List<String> cell : cells) {
                lines = Math.max(lines, cell.size());
            }
            return lines;
        }

        void write() throws IOException {
            List<List<String>> first = table.rows().isEmpty() ? List.of() : wrapRow(table.rows().getFirst());
            float firstHeight = first.isEmpty() ? 0 : Math.min(height(first, 0, lines(first)), 4 * CELL_LEAD);
            ensure(caption.size() * CAPTION_LEAD + 4 + height(header, 0, lines(header)) + firstHeight);
            captionAndHeader(caption);
            for (int r = 0; r < table.rows().size(); r++) {
                List<List<String>> cells = r == 0 ? first : wrapRow(table.rows().get(r));
                row(cells, r % 2 == 1 ? ZEBRA : null);
            }
            y -= BLOCK_GAP + 2;
        }

        private List<List<String>> wrapRow(List<String> row) {
            List<List<String>> cells = new ArrayList<>(columns);
            for (int c = 0; c < columns; c++) {
                cells.add(regular.wrap(cell(row, c), CELL, widths[c] - 2 * PAD_X));
            }
            return cells;
        }

        private void captionAndHeader(List<String> captionLines) throws IOException {
            for (String line : captionLines) {
                text(cs, line, bold, CAPTION, LEFT, baseline(y, CAPTION, CAPTION_LEAD), INK);
                y -= CAPTION_LEAD;
            }
            y -= 4;
            float h = height(header, 0, lines(header));
            fill(LEFT, y, WIDTH, h, HEADER_FILL);
            rule(cs, LEFT, RIGHT, y, 0.9f, MUTED);
            draw(header, 0, lines(header), bold);
            rule(cs, LEFT, RIGHT, y, 0.6f, MUTED);
        }

        /** Draws a row, on the next page under a repeated header if it does not fit; splits a row taller than a page. */
        private void row(List<List<String>> cells, Color background) throws IOException {
            int total = lines(cells);
            int from = 0;
            while (from < total) {
                int fit = (int) Math.floor((y - BOTTOM - 2 * PAD_Y) / CELL_LEAD);
                if (fit >= total - from) {
                    paint(cells, from, total, background);
                    return;
                }
                float pageCapacity = TOP - BOTTOM - continued.size() * CAPTION_LEAD - 4
                        - height(header, 0, lines(header)) - 2 * PAD_Y;
                boolean fitsOnFreshPage = (total - from) * CELL_LEAD <= pageCapacity;
                if (!fitsOnFreshPage && fit >= 1) {
                    paint(cells, from, from + fit, background);
                    from += fit;
                }
                newPage();
                captionAndHeader(continued);
            }
        }

        private void paint(List<List<String>> cells, int from, int to, Color background) throws IOException {
            if (background != null) {
                fill(LEFT, y, WIDTH, height(cells, from, to), background);
            }
            draw(cells, from, to, regular);
            rule(cs, LEFT, RIGHT, y, 0.3f, RULE);
        }

        private void draw(List<List<String>> cells, int from, int to, PdfFont font) throws IOException {
            float x = LEFT;
            for (int c = 0; c < columns; c++) {
                List<String> cell = cells.get(c);
                for (int l = from; l < Math.min(to, cell.size()); l++) {
                    String line = cell.get(l);
                    float tx = right[c] ? x + widths[c] - PAD_X - font.width(line, CELL) : x + PAD_X;
                    text(cs, line, font, CELL, tx, baseline(y - PAD_Y - (l - from) * CELL_LEAD, CELL, CELL_LEAD), INK);
                }
                x += widths[c];
            }
            y -= height(cells, from, to);
        }
    }

    private void table(Table table) throws IOException {
        new TableWriter(table).write();
    }

    // ---- charts

    private void chart(BarChart chart) throws IOException {
        List<String> caption = regular.wrap(chart.caption(), CHART_CAPTION, WIDTH);
        float captionHeight = 4 + caption.size() * CHART_CAPTION_LEAD;
        List<BarGroup> rest = chart.groups();
        boolean first = true;
        while (!rest.isEmpty()) {
            int fit = 0;
            while (fit < rest.size() && ChartImages.heightPt(chart, fit + 1)
                    + (fit + 1 == rest.size() ? captionHeight : 0) <= y - BOTTOM) {
                fit++;
            }
            // split a chart only when it would not fit on a page of its own
            boolean fitsOnAPage = ChartImages.heightPt(chart, rest.size()) + captionHeight <= TOP - BOTTOM;
            if (!atPageTop() && (fit == 0 || (fit < rest.size() && (fitsOnAPage || fit < 4)))) {
                newPage();
                continue;
            }
            fit = Math.max(1, fit);
            List<BarGroup> part = rest.subList(0, fit);
            float height = ChartImages.heightPt(chart, fit);
            PDImageXObject image = LosslessFactory.createFromImage(pdf,
                    ChartImages.draw(chart, part, WIDTH, CHART_SCALE));
            cs.drawImage(image, LEFT, y - height, WIDTH, height);
            if (first) {
                altText(chart.altText(), y, height);
                first = false;
            }
            y -= height;
            rest = rest.subList(fit, rest.size());
            if (!rest.isEmpty()) {
                newPage();
            }
        }
        ensure(captionHeight);
        y -= 4;
        for (String line : caption) {
            text(cs, line, regular, CHART_CAPTION, LEFT, baseline(y, CHART_CAPTION, CHART_CAPTION_LEAD), MUTED);
            y -= CHART_CAPTION_LEAD;
        }
        y -= BLOCK_GAP + 4;
    }

    /**
     * The chart's description as invisible text over the image: the PDF is not tagged, but this way the words
     * are in the text layer, for search, copying and screen readers that read the text in order.
     */
    private void altText(String alt, float top, float height) throws IOException {
        if (alt == null || alt.isBlank()) {
            return;
        }
        float size = 6;
        List<String> lines = regular.wrap(alt, size, WIDTH);
        float lead = Math.min(size * 1.2f, height / lines.size());
        cs.beginText();
        cs.setRenderingMode(RenderingMode.NEITHER);
        cs.setFont(regular.font, size);
        cs.newLineAtOffset(LEFT, top - size);
        for (String line : lines) {
            cs.showText(line);
            cs.newLineAtOffset(0, -lead);
        }
        cs.endText();
        cs.setRenderingMode(RenderingMode.FILL);
    }
}
