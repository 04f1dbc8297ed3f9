package org.gongnon.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.regex.Pattern;
import org.gongnon.demo.DemoData;
import org.gongnon.security.StaffRole;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A facilitator signs in with the login form, creates a process and finds it on the home page. */
class FacilitatorJourneyTest extends JourneyTest {

    @Autowired
    SignIn signIn;

    @Test
    void facilitatorSignsInAndCreatesAProcess() {
        logIn("facilitator", "gongnon-facilitator");

        assertThat(page).hasURL(url("/"));
        assertThat(processCard(DemoData.PROCESS_TITLE)).isVisible();

        page.locator("#new-process").click();
        assertThat(page).hasURL(Pattern.compile(".*/processes/edit$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(t("editor.title.new"))))
                .isVisible();

        String title = TestNames.unique("여의도 한강공원 야간 소음 공론화");
        String question = "한강공원의 야간 소음, 어떻게 줄일 것인가";
        String organiser = "영등포구 공론화위원회";
        field(t("process.title")).fill(title);
        field(t("process.public-question")).fill(question);
        field(t("process.organiser")).fill(organiser);
        page.locator("#save-process").click();

        // The new process's own page.
        assertThat(page).hasURL(Pattern.compile(".*/processes/\\d+$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName(title).setExact(true)))
                .isVisible();
        assertThat(page.getByText(question, new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText(t("process.organiser") + ": " + organiser)).isVisible();

        // Home lists it, next to the demo process the facilitator already runs.
        open("/");
        assertThat(processCard(title)).isVisible();
        assertThat(processCard(title).getByText(t("status.draft"), new Locator.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(processCard(DemoData.PROCESS_TITLE)).isVisible();
    }

    @Test
    void wrongPasswordShowsTheGenericErrorAndStaysOnLogin() {
        // An account of its own: the failed attempt counts towards that account's lock, not the demo facilitator's.
        logIn(signIn.newStaff("wrongpw", StaffRole.FACILITATOR), "not-the-password");

        assertThat(page.getByText(t("login.error.title"), new Page.GetByTextOptions().setExact(true))).isVisible();
        assertThat(page.getByText(t("login.error.message"), new Page.GetByTextOptions().setExact(true)))
                .isVisible();
        assertThat(page).hasURL(Pattern.compile(".*/login(\\?error)?$"));
        assertThat(page.locator("#new-process")).hasCount(0);
    }

    /** A form field by its visible label. */
    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** The card of a process on the home page. */
    private Locator processCard(String title) {
        return page.locator(".gn-card").filter(new Locator.FilterOptions()
                .setHas(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(title).setExact(true))));
    }
}
