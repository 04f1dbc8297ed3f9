package org.gongnon.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDCIDFont;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PdfReportRendererTest {

    private static final Path PREVIEW = Path.of("target/report-preview");
    private static ReportDocument doc;
    private static byte[] pdf;
    private static final List<Double> progress = new ArrayList<>();

    @BeforeAll
    static void render() {
        doc = SampleReports.sample(300, 2);
        long start = System.nanoTime();
        pdf = new PdfReportRenderer().render(doc, progress::add);
        System.out.printf(Locale.ROOT, "report PDF: %d bytes in %d ms%n", pdf.length,
                (System.nanoTime() - start) / 1_000_000);
    }

    private static String pageText(PDDocument document, int pageNumber) throws IOException {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(pageNumber);
        stripper.setEndPage(pageNumber);
        return stripper.getText(document);
    }

    private static String compact(String text) {
        return text.replaceAll("\\s+", "");
    }

    @Test
    void opensWithTheTextAndMetadata() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // 300 rows at about 35 a page, two waves of charts and tables, cover and contents
            assertTrue(document.getNumberOfPages() >= 12 && document.getNumberOfPages() <= 40,
                    "pages: " + document.getNumberOfPages());
            String text = new PDFTextStripper().getText(document);
            String compact = compact(text);
            assertTrue(compact.contains(compact(SampleReports.TITLE)), "title");
            for (ReportDocument.Section section : doc.sections()) {
                assertTrue(compact.contains(compact(section.heading())), section.heading());
            }
            assertTrue(compact.contains(SampleReports.SCRIPT), "HTML shown as plain text");
            assertTrue(compact.contains("20260915"), "key-value");
            assertTrue(compact.contains("좋아요??다음에도"), "emoji replaced, not crashed");
            assertTrue(compact.contains(compact("띄어쓰기없이아주길게이어지는한국어문장도")) && compact.contains("만들었습니다끝."),
                    "a long run without spaces is broken, not lost");
            assertTrue(compact.contains("사후지지율이가장높은항목은분리배출의무화입니다"), "chart's text alternative");

            assertEquals(SampleReports.TITLE, document.getDocumentInformation().getTitle());
            assertEquals("Gongnon", document.getDocumentInformation().getProducer());
            assertEquals("ko-KR", document.getDocumentCatalog().getLanguage());
            assertNotNull(document.getDocumentCatalog().getDocumentOutline(), "bookmarks");
        }
    }

    @Test
    void contentsGiveTheSectionsPages() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String contents = pageText(document, 2);
            assertTrue(contents.startsWith("차례"), contents);
            for (ReportDocument.Section section : doc.sections()) {
                String line = contents.lines().filter(l -> l.startsWith(section.heading())).findFirst()
                        .orElseThrow(() -> new AssertionError(section.heading() + " not in " + contents));
                int page = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
                assertTrue(compact(pageText(document, page)).contains(compact(section.heading())),
                        section.heading() + " on page " + page);
            }
        }
    }

    @Test
    void everyPageHasTheFooter() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int count = document.getNumberOfPages();
            for (int p = 1; p <= count; p++) {
                assertTrue(pageText(document, p).contains("· " + p + " / " + count), "footer on page " + p);
            }
        }
    }

    @Test
    void fontsAreEmbeddedNanumSubsets() throws IOException {
        Set<String> names = new HashSet<>();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (PDPage page : document.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertTrue(font instanceof PDType0Font, font.getName());
                    PDCIDFont cid = ((PDType0Font) font).getDescendantFont();
                    assertNotNull(cid.getFontDescriptor().getFontFile2(), "embedded TrueType: " + font.getName());
                    assertTrue(font.getName().matches("[A-Z]{6}\\+NanumGothic(Bold)?"), "a subset: " + font.getName());
                    names.add(font.getName().substring(7));
                }
            }
        }
        assertEquals(Set.of("NanumGothic", "NanumGothicBold"), names);
        assertTrue(pdf.length < 3_000_000, "subsets, not the 4.6 MB fonts: " + pdf.length);
    }

    @Test
    void theLongTableKeepsEveryRowAndRepeatsItsHeader() throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int tablePages = 0;
            StringBuilder all = new StringBuilder();
            for (int p = 3; p <= document.getNumberOfPages(); p++) {
                String text = pageText(document, p);
                if (text.contains("참여자-")) {
                    tablePages++;
                    for (String header : SampleReports.PANEL_HEADERS) {
                        assertTrue(text.contains(header), "header '" + header + "' on page " + p);
                    }
                    if (tablePages > 1) {
                        assertTrue(text.contains("표 1. 시민참여단 명단과 지지도 변화 (계속)"), "continued caption, page " + p);
                    }
                }
                all.append(text);
            }
            assertTrue(tablePages >= 5, "300 rows span pages: " + tablePages);
            for (int i = 1; i <= 300; i++) {
                assertTrue(all.indexOf(String.format(Locale.ROOT, "참여자-%03d", i)) >= 0, "row " + i);
            }
        }
    }

    @Test
    void pagesLookRightWhenRendered() throws IOException {
        Files.createDirectories(PREVIEW);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(document);
            BufferedImage cover = renderer.renderImageWithDPI(0, 100);
            ImageIO.write(cover, "png", PREVIEW.resolve("page-01-cover.png").toFile());
            // the title sits in the upper third, the footer at the bottom, and the middle is empty
            assertTrue(darkShare(cover, 0, 0.15, 1, 0.33) > 0.01, "title drawn");
            assertTrue(darkShare(cover, 0, 0.95, 1, 1) > 0.0005, "footer drawn");
            assertEquals(0, darkShare(cover, 0, 0.5, 1, 0.9), "nothing in the middle of the cover");

            ImageIO.write(renderer.renderImageWithDPI(1, 100), "png", PREVIEW.resolve("page-02-contents.png").toFile());
            int charts = 0;
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                if (hasImage(document.getPage(p))) {
                    BufferedImage image = renderer.renderImageWithDPI(p, 100);
                    ImageIO.write(image, "png", PREVIEW.resolve(String.format(Locale.ROOT, "page-%02d-chart.png", p + 1))
                            .toFile());
                    assertTrue(darkShare(image, 0.1, 0.1, 0.9, 0.9) > 0.02, "chart page " + (p + 1) + " not blank");
                    charts++;
                }
                String text = pageText(document, p + 1);
                if (text.contains("참여자-001") || text.contains("참여자-150")) {
                    ImageIO.write(renderer.renderImageWithDPI(p, 100), "png",
                            PREVIEW.resolve(String.format(Locale.ROOT, "page-%02d-table.png", p + 1)).toFile());
                }
            }
            assertTrue(charts >= 2, "chart pages: " + charts);
        }
    }

    private static boolean hasImage(PDPage page) throws IOException {
        for (COSName name : page.getResources().getXObjectNames()) {
            if (page.getResources().getXObject(name) instanceof PDImageXObject) {
                return true;
            }
        }
        return false;
    }

    /** The share of dark pixels in a region given as fractions of the width and height. */
    private static double darkShare(BufferedImage image, double x0, double y0, double x1, double y1) {
        int dark = 0;
        int all = 0;
        for (int y = (int) (y0 * image.getHeight()); y < (int) (y1 * image.getHeight()); y++) {
            for (int x = (int) (x0 * image.getWidth()); x < (int) (x1 * image.getWidth()); x++) {
                int rgb = image.getRGB(x, y);
                int luminance = (((rgb >> 16) & 0xFF) * 299 + ((rgb >> 8) & 0xFF) * 587 + (rgb & 0xFF) * 114) / 1000;
                if (luminance < 128) {
                    dark++;
                }
                all++;
            }
        }
        return all == 0 ? 0 : (double) dark / all;
    }

    @Test
    void sameDocumentSameBytes() {
        assertArrayEquals(pdf, new PdfReportRenderer().render(doc));
    }

    @Test
    void progressRisesToOne() {
        assertFalse(progress.isEmpty());
        for (int i = 1; i < progress.size(); i++) {
            assertTrue(progress.get(i) >= progress.get(i - 1), "never decreasing");
        }
        assertTrue(progress.getFirst() >= 0);
        assertEquals(1.0, progress.getLast());
    }

    @Test
    void emptyDocumentStillRenders() throws IOException {
        byte[] bytes = new PdfReportRenderer().render(new ReportDocument("빈 보고서 🙂", List.of(), List.of()));
        try (PDDocument document = Loader.loadPDF(bytes)) {
            assertEquals(1, document.getNumberOfPages());
            assertTrue(new PDFTextStripper().getText(document).contains("빈 보고서 ?"));
        }
    }

    @Test
    void aChartTallerThanAPageAndACellLongerThanAPageAreSplit() throws IOException {
        List<ReportDocument.BarGroup> groups = new ArrayList<>();
        for (int i = 1; i <= 70; i++) {
            groups.add(new ReportDocument.BarGroup("항목 " + i, List.of(i / 70.0), null, null));
        }
        String huge = "아주 긴 셀의 내용입니다. ".repeat(900) + "셀의 끝";
        ReportDocument tall = new ReportDocument("긴 보고서", List.of(), List.of(new ReportDocument.Section("부록",
                List.of(new ReportDocument.BarChart("그림. 70개 항목", List.of("지지율"), groups, 1.0, true, List.of(0.5),
                                "70개 항목의 지지율"),
                        new ReportDocument.Table("long-cell", "표. 긴 셀", List.of("번호", "내용"),
                                List.of(List.of("1", huge), List.of("2", "짧은 행")))))));
        try (PDDocument document = Loader.loadPDF(new PdfReportRenderer().render(tall))) {
            int chartPages = 0;
            Files.createDirectories(PREVIEW);
            for (int p = 0; p < document.getNumberOfPages(); p++) {
                if (hasImage(document.getPage(p))) {
                    chartPages++;
                    ImageIO.write(new PDFRenderer(document).renderImageWithDPI(p, 100), "png",
                            PREVIEW.resolve(String.format(Locale.ROOT, "tall-%02d-chart.png", p + 1)).toFile());
                }
            }
            assertTrue(chartPages >= 2, "chart over pages: " + chartPages);
            String text = compact(new PDFTextStripper().getText(document));
            // the bar labels are pixels; the caption follows the last part, the text alternative the first
            assertEquals(1, text.split("그림\\.70개항목", -1).length - 1, "one caption");
            assertTrue(text.contains("70개항목의지지율"), "text alternative");
            assertTrue(text.contains("셀의끝") && text.contains("짧은행"), "the long cell is split, not cut");
        }
    }
}
