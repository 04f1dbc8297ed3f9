package org.gongnon.base.i18n;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;
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

    /** Switches this UI and session to the language, remembers it, and re-renders the current page. */
    public static void switchTo(UI ui, Locale locale) {
        Locale chosen = TranslationProvider.supported(locale);
        VaadinSession session = ui.getSession();
        if (session != null) {
            session.setLocale(chosen);
        }
        ui.setLocale(chosen);
        // The cookie is set by the browser, then the page reloads with it: the language holds on the
        // login page and for the next visit. It says nothing about the user, so it need not be HttpOnly.
        String cookie = COOKIE + "=" + chosen.toLanguageTag() + "; path=/; max-age="
                + Duration.ofDays(365).toSeconds() + "; SameSite=Lax";
        ui.getPage().executeJs("document.cookie = $0; window.location.reload();", cookie);
    }
}
