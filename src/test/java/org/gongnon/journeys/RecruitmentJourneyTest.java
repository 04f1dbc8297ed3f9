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
    @Autowired
    org.gongnon.recruitment.PoolService pool;

    /** A new process with Seoul's quotas for a 24-seat panel (± 2 seats, 6 reserves). */
    private long processWith24Seats(String title) {
        return signIn.facilitator(() -> {
            long created = processes.createProcess(ProcessTestForms.titled(TestNames.unique(title)));
            RecruitmentTargets seoul = targets.seoulDefaults("test");
            targets.save(created, new RecruitmentTargets(24, seoul.toleranceMode(), 2, 6, seoul.sharesSource(),
                    seoul.features()));
            return created;
        });
    }

    @Test
    void facilitatorImportsThePoolDrawsThePanelAndDownloadsTheRecord() throws IOException {
        long id = processWith24Seats("추첨 여정");
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

    @Test
    void facilitatorPublishesAListOfPanelsAndDrawsTheNumberCalledAtTheCeremony() throws IOException {
        long id = processWith24Seats("공개 목록 여정");
        signIn.facilitator(() -> {
            byte[] csv = SyntheticPool.toCsv(SyntheticPool.generate(SyntheticPool.DEFAULT_SEED, 240));
            org.gongnon.recruitment.PoolFilePreview preview = pool.preview(id, "pool.csv", csv);
            return pool.importFile(id, "pool.csv", csv, preview.guessed(), false, (key, args) -> key, n -> { });
        });
        logIn("facilitator", "gongnon-facilitator");
        assertThat(page).hasURL(url("/"));

        open("/processes/" + id + "/recruitment/draw");
        page.getByText(t("recruitment.draw.mode.list")).click();
        Locator fingerprint = page.locator("#list-fingerprint");
        assertThat(fingerprint).hasText(Pattern.compile("[0-9a-f]{64}"));
        String forAThousand = fingerprint.textContent().strip();
        Locator count = page.getByLabel(t("recruitment.list.count"));
        count.fill("100");
        count.press("Tab");
        // M is part of the inputs: the fingerprint to announce changes with it.
        assertThat(fingerprint).not().hasText(forAThousand);
        String announced = fingerprint.textContent().strip();
        assertTrue(announced.matches("[0-9a-f]{64}"), announced);
        page.locator("#publish-list").click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(t("recruitment.list.publish")).setExact(true)).click();

        assertThat(page).hasURL(Pattern.compile(".*/recruitment/lists/\\d+$"));
        assertThat(page.locator("#list-view-fingerprint")).hasText(announced);
        assertThat(page.locator("#panel-list li")).hasCount(100);
        assertThat(page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName(t("recruitment.list.print")))).isVisible();
        String panel42 = page.locator("#panel-list li").nth(41).textContent().strip();
        assertTrue(panel42.matches("[0-9]+( [0-9]+){23}"), "24 pool ids and nothing else: " + panel42);

        Download list = page.waitForDownload(() -> page.locator("#download-list").click());
        String listed = Files.readString(list.path());
        assertTrue(listed.contains("\n42," + panel42 + "\n"), "the download is the printed list");
        Files.deleteIfExists(list.path());

        Locator number = page.getByLabel(t("recruitment.list.number"));
        number.fill("42");
        page.locator("#draw-from-list").click();
        page.locator("vaadin-confirm-dialog-overlay, vaadin-confirm-dialog").getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName(t("recruitment.list.draw")).setExact(true)).click();
        assertThat(page).hasURL(Pattern.compile(".*/recruitment/draws/\\d+$"));
        assertThat(page.locator("#result-from-list")).containsText(t("recruitment.result.from-list", 42, 100));
        assertThat(page.locator("#result-fingerprint")).hasText(announced);
    }
}
