package org.gongnon.base.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinResponse;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.Cookie;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * The UI language: Korean unless the user chose English, which is remembered in a cookie (so it holds
 * on the login page and across sessions, for citizens and staff alike).
 */
public final class LanguagePreference {

    static final String COOKIE = "gongnon-lang";

    private LanguagePreference() {
    }

    /** The language remembered for this browser, or Korean. */
    public static Locale fromRequest(VaadinRequest request) {
        if (request == null || request.getCookies() == null) {
            return TranslationProvider.KOREAN;
        }
        return Arrays.stream(request.getCookies())
                .filter(c -> COOKIE.equals(c.getName()))
                .findFirst()
                .map(c -> TranslationProvider.supported(Locale.forLanguageTag(c.getValue())))
                .orElse(TranslationProvider.KOREAN);
    }

    /** Switches this UI and session to the language, remembers it, and re-renders the current view. */
    public static void switchTo(UI ui, Locale locale) {
        Locale chosen = TranslationProvider.supported(locale);
        VaadinResponse response = VaadinResponse.getCurrent();
        if (response != null) {
            Cookie cookie = new Cookie(COOKIE, chosen.toLanguageTag());
            cookie.setPath("/");
            cookie.setMaxAge((int) Duration.ofDays(365).toSeconds());
            cookie.setHttpOnly(true);
            response.addCookie(cookie);
        }
        VaadinSession session = ui.getSession();
        if (session != null) {
            session.setLocale(chosen);
        }
        ui.setLocale(chosen);
        ui.getPage().reload();
    }
}
