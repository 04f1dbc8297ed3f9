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

    /** A difference of two probabilities in percentage points, e.g. 0.0516 → "5.16" (the text says "%p"). */
    static String points(Locale locale, double difference) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(difference * 100);
    }

    /** A lottery's certificate of optimality in words, as the result and list pages show it. */
    static String certificate(com.vaadin.flow.component.Component page, Locale locale,
                              org.gongnon.algorithms.sortition.Certificate c) {
        String key = c.method() == org.gongnon.algorithms.sortition.Certificate.Method.RELAXATION_REACHED
                ? "recruitment.result.certificate.relaxation" : "recruitment.result.certificate.pricing";
        // Records made before the pricers were kept say so rather than guess.
        String closedBy = c.levelsClosedBy() == null
                ? page.getTranslation("recruitment.result.certificate.closed-by-unrecorded") : c.levelsClosedBy();
        return page.getTranslation(key, probability(locale, c.relaxationBound()),
                String.format(Locale.ROOT, "%.1e", Math.max(0, c.gap())), c.lpSolvers(), c.orTools(), closedBy);
    }
}
