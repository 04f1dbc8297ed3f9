package org.gongnon.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.gongnon.demo.DemoData;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.testsupport.DemoFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A panel member opens their personal link (or types their code) and sees their own page, and only that. */
class CitizenJourneyTest extends JourneyTest {

    @Autowired
    ProcessService processes;
    @Autowired
    PanelService panel;

    /** A facilitator would hand this out; here it is issued directly through the service. */
    private IssuedAccess freshAccess() {
        return DemoFixtures.freshAccess(processes, panel, 0);
    }

    @Test
    void citizenOpensTheirPersonalLinkAndSeesTheirPage() {
        IssuedAccess access = freshAccess();
        open(DemoFixtures.linkPath(access));

        assertThat(page).hasURL(Pattern.compile(".*/me$"));
        assertThat(page.locator("#citizen-greeting")).hasText(t("citizen.greeting", access.displayName()));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(DemoData.PROCESS_TITLE)))
                .isVisible();
        assertThat(page.locator(".gn-step-current")).hasCount(1);
        assertThat(page.locator("[aria-current='step']")).containsText(t("phase.deliberation-rounds"));
        assertThat(page.locator(".gn-user")).hasText(access.displayName());

        // Staff pages stay closed to a citizen, whatever they type in the address bar.
        open("/admin/accounts");
        assertThat(page.locator("#not-found")).hasText(t("error.not-found.title"));
        assertThat(page.locator("vaadin-grid")).hasCount(0);
        assertThat(page.getByText("admin", new Page.GetByTextOptions().setExact(true))).hasCount(0);
        open("/");
        assertThat(page).hasURL(Pattern.compile(".*/me$"));
    }

    @Test
    void anInvalidLinkSaysSo() {
        open("/c/this-is-not-a-valid-personal-link-0000");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(t("citizen.link-invalid.title"))))
                .isVisible();
        assertThat(page.locator("#citizen-greeting")).hasCount(0);
    }

    @Test
    void citizenTypesTheirCodeOnASharedTablet() {
        IssuedAccess access = freshAccess();
        Locator code = codePageAfterAWrongCode();

        String before = sessionId();
        code.fill(access.code().toLowerCase());
        log.add("test: lower-case code typed, clicking the button");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t("citizen.code.submit"))).click();
        log.add("test: clicked");
        try {
            assertThat(page).hasURL(Pattern.compile(".*/me$"));
        } catch (AssertionError stillHere) {
            // Say which refusal it was (invalid, locked, or the ticket expired), not only "still on /code".
            // (Seen in CI: the field still held the code, not marked invalid, no ?expired. That was a release that
            // missed the button; see aSlowPressAfterAWrongCodeStillSignsIn and docs/test-reliability.md.)
            throw new AssertionError("still at " + page.url() + "; field value " + code.inputValue()
                    + ", invalid=" + page.locator("vaadin-text-field").first().getAttribute("invalid")
                    + ", error " + page.locator("vaadin-text-field [slot='error-message']").allInnerTexts()
                    + ", notifications " + page.locator("vaadin-notification-card").allInnerTexts(), stillHere);
        }
        assertNotEquals(before, sessionId(), "a new session for the signed-in citizen");
        assertThat(page.locator("#citizen-greeting")).hasText(t("citizen.greeting", access.displayName()));
    }

    /**
     * A slow press on the button after a wrong code: the press takes focus from the field, which sends the
     * corrected code to the server before the button is released. Whatever the server answers in between must
     * not move the button from under the pointer, or the release lands beside it and nothing happens (this is
     * what kept a loaded CI machine on /code: Playwright's press and release arrived a round trip apart, the
     * error message folded away in between and the button slid 27 px up; this test failed that way every time).
     */
    @Test
    void aSlowPressAfterAWrongCodeStillSignsIn() {
        IssuedAccess access = freshAccess();
        Locator code = codePageAfterAWrongCode();

        code.fill(access.code());
        Locator button = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t("citizen.code.submit")));
        // Held for a second: the field's value reaches the server on the press, its answer is in before the release.
        button.click(new Locator.ClickOptions().setDelay(1000));
        assertThat(page).hasURL(Pattern.compile(".*/me$"));
    }

    /** The code page, where a mistyped code has just been refused; its field. */
    private Locator codePageAfterAWrongCode() {
        open("/code");
        Locator code = page.getByLabel(t("citizen.code.label"));
        code.fill("WRONG-CODE");
        code.press("Enter");
        assertThat(page.getByText(t("citizen.code.invalid"))).isVisible();
        return code;
    }

    @Test
    void aReissuedLinkEndsTheOldOne() {
        IssuedAccess old = freshAccess();
        freshAccess();
        open(DemoFixtures.linkPath(old));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(t("citizen.link-invalid.title"))))
                .isVisible();
    }
}
