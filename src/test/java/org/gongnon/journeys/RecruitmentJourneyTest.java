package org.gongnon.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.io.IOException;
import java.nio.file.Files;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.gongnon.demo.SyntheticPool;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.RecruitmentTargets;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A facilitator uploads the poll respondents, checks and imports them, draws the panel with a typed
 * seed and downloads the draw record, in a real browser.
 */
class RecruitmentJourneyTest extends JourneyTest {

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    TargetsService targets;

    @Test
    void facilitatorImportsThePoolDrawsThePanelAndDownloadsTheRecord() throws IOException {
        long id = signIn.facilitator(() -> {
            long created = processes.createProcess(ProcessTestForms.titled(TestNames.unique("추첨 여정")));
            RecruitmentTargets seoul = targets.seoulDefaults("test");
            targets.save(created, new RecruitmentTargets(24, seoul.toleranceMode(), 2, 6, seoul.sharesSource(),
                    seoul.features()));
            return created;
        });
        logIn("facilitator", "gongnon-facilitator");
        assertThat(page).hasURL(url("/"));

        open("/processes/" + id + "/recruitment/pool");
        byte[] csv = SyntheticPool.toCsv(SyntheticPool.generate(SyntheticPool.DEFAULT_SEED, 240));
        page.locator("#pool-upload input[type=file]").setInputFiles(new FilePayload("응답자.csv", "text/csv", csv));
        assertThat(page.getByText(t("recruitment.import.read", "응답자.csv", 240))).isVisible();
        page.locator("#check-pool").click();
        assertThat(page.getByText(t("recruitment.import.clean", 240))).isVisible();
        page.locator("#import-pool").click();
        assertThat(page.getByText(t("recruitment.pool.shown", 240, 240))).isVisible();

        page.getByRole(AriaRole.LINK, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName(t("recruitment.nav.draw")).setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/recruitment/draw$"));
        String fingerprint = page.locator("#draw-fingerprint").textContent().strip();
        assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
        assertThat(page.getByText(t("recruitment.draw.feasible"))).isVisible();
        page.getByLabel(t("recruitment.draw.seed")).fill("7 21 33");
        page.locator("#run-draw").click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(t("recruitment.draw.run")).setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile(".*/recruitment/draws/\\d+$"));
        assertThat(page.locator("#result-fingerprint")).hasText(fingerprint);
        assertThat(page.getByText(t("recruitment.result.panel", 24))).isVisible();

        Download download = page.waitForDownload(() -> page.locator("#export-draw").click());
        try (ZipFile zip = new ZipFile(download.path().toFile())) {
            String record = new String(zip.getInputStream(zip.getEntry("record.txt")).readAllBytes());
            assertTrue(record.contains("fingerprint_sha256=" + fingerprint), record);
            assertTrue(record.contains("seed=72133"), record);
            assertEquals(25, new String(zip.getInputStream(zip.getEntry("panel.csv")).readAllBytes()).strip()
                    .split("\n").length, "a header and 24 panel members");
        }
        Files.deleteIfExists(download.path());
    }
}
