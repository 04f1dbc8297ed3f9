package org.gongnon.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.report.ReportFixture;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The end of the loop in a real browser, on a voted process of its own with its report published (the demo stays
 * as it is for the tests that read it): an official finds the published report, downloads
 * the PDF and the XLSX (the server names the files; both are logged), records the city's response to one
 * recommendation, and a panel member then sees that response on their page. Changing the report id in a download
 * address gets nothing.
 */
class OfficialReportJourneyTest extends JourneyTest {

    static final String EXPLANATION = "주민 대표가 절반인 운영위원회 구성은 받아들이고, 기금 규모는 2027년 예산에서 정하겠습니다.";

    @Autowired
    ReportFixture reports;
    @Autowired
    SignIn signIn;
    @Autowired
    PanelService panel;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOfficialDownloadsTheReportAndAnswersARecommendationWhichTheCitizenThenSees() throws Exception {
        ReportFixture.Voted voted = reports.voted("공무원 여정");
        ReportFixture.Published published = reports.votedAndPublished(voted);
        long processId = published.processId();
        long reportId = published.reportId();
        int downloadsBefore = downloads(reportId);

        logIn("official", "gongnon-official");
        assertThat(page).hasURL(url("/"));
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(t("report.official.nav"))).click();
        assertThat(page).hasURL(url("/reports"));
        Locator card = page.locator("[data-report-id='" + reportId + "']");
        assertThat(card).isVisible();

        Download pdf = page.waitForDownload(() -> card.getByText(t("report.download.pdf")).click());
        assertEquals("gongnon-process-" + processId + "-report-v1.pdf", pdf.suggestedFilename());
        byte[] pdfBytes = Files.readAllBytes(pdf.path());
        try (PDDocument doc = Loader.loadPDF(pdfBytes)) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("새 자원회수시설은 지하에 짓고"), "the first recommendation is in it");
            assertTrue(text.contains(t("report.doc.rec.minority")), "minority opinions are in it");
        }

        Download xlsx = page.waitForDownload(() -> card.getByText(t("report.download.xlsx")).click());
        assertEquals("gongnon-process-" + processId + "-report-v1.xlsx", xlsx.suggestedFilename());
        try (XSSFWorkbook book = new XSSFWorkbook(Files.newInputStream(xlsx.path()))) {
            assertNotNull(book.getSheet("recommendations"), "the recommendations table is a sheet");
        }
        List<Map<String, Object>> log = jdbc.queryForList("SELECT account_name, format, file_name FROM report_access_log "
                + "WHERE report_id = ? AND action = 'DOWNLOAD' ORDER BY id DESC LIMIT 2", reportId);
        assertEquals(downloadsBefore + 2, downloads(reportId), "both downloads are logged");
        assertEquals(List.of("XLSX", "PDF"), log.stream().map(r -> r.get("format")).toList());
        assertTrue(log.stream().allMatch(r -> "official".equals(r.get("account_name"))));

        // Another report id typed into the address: nothing but "not found".
        APIResponse tampered = page.request().get(url("/files/reports/" + (reportId + 100_000) + "/pdf"));
        assertEquals(404, tampered.status());
        assertTrue(tampered.text().contains("찾을 수 없거나"), tampered.text());

        // The city's response to recommendation 3.
        card.getByText(t("report.responses.link")).click();
        assertThat(page).hasURL(url("/reports/" + reportId + "/responses"));
        Locator item = page.locator("[data-item='3']");
        item.locator("#response-status-3").click();
        page.locator("vaadin-select-item:visible").filter(new Locator.FilterOptions()
                .setHasText(t("report.response.status.partly-accepted"))).click();
        item.locator("#response-explanation-3 textarea").fill(EXPLANATION);
        item.locator("#response-save-3").click();
        assertThat(page.getByText(t("report.response.saved", 3))).isVisible();
        assertThat(page.locator("[data-item='3'] .gn-response-partly-accepted")).isVisible();

        // The panel member sees it on their page.
        page.context().clearCookies();
        long voter = voted.vote().voters().getFirst().panelMemberId();
        IssuedAccess citizen = signIn.facilitator(() -> panel.issueAccess(voter));
        open(DemoFixtures.linkPath(citizen));
        page.locator("#citizen-responses-link").click();
        assertThat(page).hasURL(url("/me/responses"));
        Locator answered = page.locator("[data-item='3']");
        assertThat(answered.getByText(EXPLANATION)).isVisible();
        assertThat(answered.getByText(t("report.response.status.partly-accepted"))).isVisible();
    }

    private int downloads(long reportId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM report_access_log WHERE report_id = ? AND action = 'DOWNLOAD'",
                Integer.class, reportId);
    }
}
