package org.gongnon.journeys;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.util.Locale;
import java.util.regex.Pattern;
import org.gongnon.base.i18n.TranslationProvider;
import org.junit.jupiter.api.Test;

/** Sessions and language, as a browser lives them: new session at sign-in, none after sign-out. */
class SessionJourneyTest extends JourneyTest {

    @Test
    void signingInGivesANewSessionAndSigningOutEndsIt() {
        open("/login");
        assertThat(page.locator("vaadin-login-form")).isVisible();
        String before = sessionId();
        assertNotNull(before, "the login page has a session");

        submitLogin("official", "gongnon-official");
        assertThat(page).hasURL(url("/"));
        assertNotEquals(before, sessionId(), "session fixation: a new id after sign-in");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(t("header.logout"))).click();
        assertThat(page).hasURL(Pattern.compile(".*/login.*"));
        open("/");
        assertThat(page).hasURL(Pattern.compile(".*/login$"));
        assertThat(page.locator("vaadin-login-form")).isVisible();
    }

    @Test
    void theChosenLanguageIsRememberedAcrossPages() {
        open("/login");
        assertThat(page.getByText(t("login.tagline"))).isVisible();
        page.locator("vaadin-select.gn-language").click();
        page.locator("vaadin-select-item").filter(new Locator.FilterOptions().setHasText("English")).click();

        String english = new TranslationProvider().getTranslation("login.tagline", Locale.ENGLISH);
        assertThat(page.getByText(english)).isVisible();
        Cookie language = page.context().cookies().stream().filter(c -> c.name.equals("gongnon-lang"))
                .findFirst().orElseThrow();
        assertNotEquals("ko", language.value);

        open("/code");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions()
                .setName(new TranslationProvider().getTranslation("citizen.code.title", Locale.ENGLISH)))).isVisible();
    }
}
