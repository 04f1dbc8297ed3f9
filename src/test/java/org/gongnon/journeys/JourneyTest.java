package org.gongnon.journeys;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.gongnon.base.i18n.TranslationProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Real-browser journeys: the whole app on a random port (embedded MariaDB, demo data) driven by a
 * headless Chromium through Playwright. One Playwright and one browser per test class, a fresh
 * browser context (cookies, session) and page per test. A failing test leaves a screenshot in
 * {@code target/journey-screenshots/}.
 *
 * <p>Chromium is never downloaded: it is taken from {@code GONGNON_CHROMIUM} or the PATH, and the
 * journeys fail (not skip) when there is none.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(JourneyTest.ScreenshotOnFailure.class)
abstract class JourneyTest {

    /** Generous: the first page load in Vaadin development mode is slow, and the machine is small. */
    static final double TIMEOUT_MS = 30_000;
    static final Path SCREENSHOTS = Paths.get("target", "journey-screenshots");
    private static final TranslationProvider TRANSLATIONS = new TranslationProvider();
    private static final List<String> CHROMIUM_NAMES = List.of("chromium", "chromium-browser", "google-chrome");

    @LocalServerPort
    int port;

    private Playwright playwright;
    private Browser browser;
    private BrowserContext context;
    /** The page of the current test. */
    Page page;
    /** What the browser did in the current test, saved when it fails. */
    JourneyLog log;

    @BeforeAll
    void launchBrowser() {
        Path chromium = findChromium();
        PlaywrightAssertions.setDefaultAssertionTimeout(TIMEOUT_MS);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    @AfterAll
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void openPage() {
        context = browser.newContext(new Browser.NewContextOptions().setLocale("ko-KR")
                .setViewportSize(1280, 900));
        context.setDefaultTimeout(TIMEOUT_MS);
        context.setDefaultNavigationTimeout(TIMEOUT_MS);
        page = context.newPage();
        log = new JourneyLog(page);
    }

    @AfterEach
    void closePage() {
        if (context != null) {
            context.close();
            context = null;
            page = null;
        }
    }

    /** An absolute address in the app under test, e.g. {@code url("/login")}. */
    String url(String path) {
        return "http://localhost:" + port + (path.startsWith("/") ? path : "/" + path);
    }

    /** The browser's current session cookie, or null. */
    String sessionId() {
        return page.context().cookies().stream().filter(c -> c.name.equals("JSESSIONID"))
                .map(c -> c.value).findFirst().orElse(null);
    }

    /** Opens a page of the app, e.g. {@code open("/login")}. */
    void open(String path) {
        page.navigate(url(path));
    }

    /** Types a username and password into the sign-in form on the current page and submits it. */
    void submitLogin(String username, String password) {
        Locator form = page.locator("vaadin-login-form");
        form.locator("input[name='username']").fill(username);
        form.locator("input[name='password']").fill(password);
        form.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName(t("login.submit"))).click();
    }

    /** Opens the sign-in page and submits it with this username and password. */
    void logIn(String username, String password) {
        open("/login");
        submitLogin(username, password);
    }

    /** The Korean text of a key, through the app's own translation provider. */
    static String t(String key, Object... params) {
        return TRANSLATIONS.getTranslation(key, Locale.KOREAN, params);
    }

    static Path findChromium() {
        String configured = System.getenv("GONGNON_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            Path path = Paths.get(configured.strip());
            if (!Files.isExecutable(path)) {
                throw new IllegalStateException("GONGNON_CHROMIUM=" + configured + " is not an executable file");
            }
            return path;
        }
        String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("");
        for (String name : CHROMIUM_NAMES) {
            for (String dir : pathVariable.split(File.pathSeparator)) {
                if (dir.isBlank()) {
                    continue;
                }
                Path candidate = Paths.get(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException(
                "Chromium not found: install it (apt-get install chromium) or set GONGNON_CHROMIUM");
    }

    /**
     * Saves a screenshot when a test fails. Runs right after the test method, before {@code @AfterEach}
     * closes the page.
     */
    static class ScreenshotOnFailure implements AfterTestExecutionCallback {

        @Override
        public void afterTestExecution(ExtensionContext extension) {
            if (extension.getExecutionException().isEmpty()) {
                return;
            }
            if (!(extension.getRequiredTestInstance() instanceof JourneyTest journey) || journey.page == null
                    || journey.page.isClosed()) {
                return;
            }
            String name = extension.getRequiredTestClass().getSimpleName() + "-"
                    + extension.getRequiredTestMethod().getName() + ".png";
            Path file = SCREENSHOTS.resolve(name);
            try {
                Files.createDirectories(SCREENSHOTS);
                journey.page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
                Path events = SCREENSHOTS.resolve(name.replace(".png", ".log"));
                journey.log.add("failed at " + journey.page.url());
                journey.log.write(events);
                System.err.println("Journey failed at " + journey.page.url() + "; screenshot: " + file.toAbsolutePath()
                        + "; browser events: " + events.toAbsolutePath());
            } catch (Exception e) {
                System.err.println("Could not save a screenshot of the failed journey: " + e);
            }
        }
    }
}
