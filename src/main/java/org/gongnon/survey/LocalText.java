package org.gongnon.survey;

import java.util.Locale;

/** A text in Korean (always present) and English (optional: Korean is shown when it is missing). */
public record LocalText(String ko, String en) {

    public LocalText {
        ko = ko == null ? "" : ko.strip();
        en = en == null ? "" : en.strip();
    }

    public static LocalText of(String ko, String en) {
        return new LocalText(ko, en);
    }

    public static LocalText empty() {
        return new LocalText("", "");
    }

    public boolean isBlank() {
        return ko.isEmpty() && en.isEmpty();
    }

    /** The text for a locale, falling back to the other language rather than showing nothing. */
    public String in(Locale locale) {
        boolean english = locale != null && "en".equals(locale.getLanguage());
        if (english) {
            return en.isEmpty() ? ko : en;
        }
        return ko.isEmpty() ? en : ko;
    }
}
