package org.gongnon.testsupport;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.HasElement;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import java.util.List;
import java.util.Locale;
import org.gongnon.base.i18n.TranslationProvider;
import org.springframework.boot.test.context.SpringBootTest;

/** Browserless view tests: real views, real services, the real embedded database; no browser. */
@SpringBootTest
public abstract class ViewTestBase extends SpringBrowserlessTest {

    private static final TranslationProvider TRANSLATIONS = new TranslationProvider();

    /** The Korean text of a key, as the user sees it by default. */
    public static String ko(String key, Object... args) {
        return TRANSLATIONS.getTranslation(key, Locale.KOREAN, args);
    }

    /** Navigates like a user following a link, and returns where they ended up (redirects included). */
    public HasElement open(String location) {
        UI.getCurrent().navigate(location);
        return getCurrentView();
    }

    public List<String> notificationTexts() {
        return find(Notification.class).all().stream().map(n -> test(n).getText()).toList();
    }
}
