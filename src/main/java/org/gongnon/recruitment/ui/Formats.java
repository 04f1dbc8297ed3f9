package org.gongnon.recruitment.ui;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as the recruitment pages show them. */
final class Formats {

    private Formats() {
    }

    static String percent(Locale locale, double fraction) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(fraction);
    }

    /** Selection probabilities: small, so two decimals of a percent. */
    static String probability(Locale locale, double p) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(p);
    }
}
