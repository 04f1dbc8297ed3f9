package org.gongnon.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.gongnon.algorithms.stats.SupportStatus;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.recommendation.ItemResult;
import org.gongnon.recommendation.RecommendationResults;
import org.gongnon.recommendation.RecommendationService;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.report.GovernmentResponseService;
import org.gongnon.report.ItemResponse;
import org.gongnon.report.ReportFormat;
import org.gongnon.report.ReportService;
import org.gongnon.report.ReportSummary;
import org.gongnon.report.ResponseStatus;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The demo's end of the process: the panel's vote on five recommendations with every outcome represented, minority
 * opinions where support fell short, version 1 of the report published, and the city's first responses, which the
 * demo citizen sees. The published PDF is rendered to images in {@code target/report-preview/} to be looked at.
 */
@SpringBootTest
class DemoRecommendationsTest {

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    PanelService panel;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    RecommendationService recommendations;
    @Autowired
    ReportService reports;
    @Autowired
    GovernmentResponseService responses;

    long processId() {
        return DemoFixtures.demoProcessId(processes);
    }

    ReportSummary firstReport() {
        return signIn.official(() -> reports.reports(processId())).stream()
                .filter(r -> r.number() == 1).findFirst().orElseThrow();
    }

    @Test
    void fiveVotedItemsWithEveryOutcomeAndTheMinorityOpinionsOfThoseThatFellShort() {
        RecommendationResults results = signIn.facilitator(() -> recommendations.results(processId()));
        List<ItemResult> items = results.items().subList(0, 5);
        assertEquals(List.of(SupportStatus.ADOPTED, SupportStatus.ADOPTED, SupportStatus.WITH_RESERVATIONS,
                SupportStatus.NOT_ADOPTED, SupportStatus.NOT_ADOPTED), items.stream().map(ItemResult::status).toList());
        for (ItemResult item : items) {
            assertTrue(item.support().voters() > 240 && item.support().voters() < 300,
                    "about nine in ten voted: " + item.support().voters());
            assertFalse(item.byStratum().isEmpty(), "support is broken down by stratum");
        }
        assertEquals(3, items.get(3).options().size(), "the siting item chooses between three ways");
        assertEquals(2, items.get(1).version(), "item 2 was edited once");
        assertTrue(items.subList(2, 5).stream().allMatch(i -> i.minorityOpinions().size() == 1));
        assertEquals(items.get(2).support().voters() - items.get(2).support().supporters(),
                items.get(2).minorityOpinions().getFirst().holders(), "by default, those who did not support it");
        // The host region is less supportive of the residents' fund (item 3).
        double host = items.get(2).byStratum().stream().filter(s -> s.value().equals(DemoSurveys.HOST_REGION))
                .findFirst().orElseThrow().share();
        assertTrue(host < items.get(2).support().share() - 0.1, "host " + host + " vs " + items.get(2).support().share());
    }

    @Test
    void versionOneIsPublishedAndTheCityHasAnsweredTwoItemsWhichTheCitizenSees() {
        ReportSummary report = firstReport();
        assertTrue(report.isPublished());
        assertEquals("박진행", report.publishedBy(), "the demo facilitator's name");
        assertNotNull(report.responsesDue());
        List<ItemResponse> answers = signIn.official(() -> responses.responses(report.id()));
        assertEquals(ResponseStatus.ACCEPTED, answers.get(0).response().status());
        assertEquals("이공무", answers.get(0).response().recordedBy());
        assertEquals(ResponseStatus.UNDER_REVIEW, answers.get(1).response().status());

        IssuedAccess access = DemoFixtures.freshAccess(processes, panel, 0);
        List<ItemResponse> seen = signIn.citizen(access, responses::forMyPanel);
        assertTrue(seen.get(0).response().explanation().contains("평가표"), seen.get(0).response().explanation());
        assertEquals("지하화와 지상 공원·체육시설 조성", seen.get(1).title(), "the item as published, second version");
        assertNull(seen.get(4).response());
    }

    /** Renders the published PDF as a reader would see it, and checks the pages carry ink where text should be. */
    @Test
    void thePublishedPdfRendersWithKoreanTextAndChartsAndNoPersonalData() throws Exception {
        ReportSummary report = firstReport();
        byte[] pdf = signIn.official(() -> reports.download(report.id(), ReportFormat.PDF, null))
                .content();
        Path out = Path.of("target", "report-preview");
        Files.createDirectories(out);
        Files.write(out.resolve("demo-report.pdf"), pdf);
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc);
            for (String expected : List.of("서울시 생활폐기물 처리시설 공론화", "권고안", "환경·건강 영향을 가장 중요한 입지 기준으로",
                    "소수의견", "추첨 시드", "명부 지문", "설문", "참석")) {
                assertTrue(text.contains(expected), "the report says " + expected);
            }
            List<RosterMember> roster = signIn.facilitator(() -> seating.roster(processId())).members();
            assertTrue(roster.stream().noneMatch(m -> text.contains(m.displayName())), "no member's name");
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int page = 0; page < doc.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 80);
                ImageIO.write(image, "png", out.resolve("demo-report-page-" + (page + 1) + ".png").toFile());
                assertTrue(inkShare(image) > 0.002, "page " + (page + 1) + " is not blank");
            }
        }
    }

    /** The share of pixels that are clearly not white. */
    private static double inkShare(BufferedImage image) {
        long dark = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
                if (grey < 160) {
                    dark++;
                }
            }
        }
        return (double) dark / ((long) image.getWidth() * image.getHeight());
    }
}
