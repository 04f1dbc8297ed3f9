package org.gongnon.survey.ui;

import java.text.NumberFormat;
import java.util.Locale;

/** Statistics as the analysis page writes them, in the user's locale; a dash where there is no figure. */
final class AnalysisFormats {

    static final String NONE = org.gongnon.base.ui.ShareText.NONE;
    static final String MINUS = "\u2212";
    /** p-values below this are written as "p < 0.001" rather than as a long row of zeros. */
    static final double SMALLEST_P = 0.001;

    private AnalysisFormats() {
    }

    static String number(Locale locale, double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return NONE;
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(decimals);
        f.setMaximumFractionDigits(decimals);
        // A true minus sign, as in the signed differences beside it; no sign on what rounds to zero.
        String text = f.format(value);
        if (text.startsWith("-")) {
            String magnitude = text.substring(1);
            return magnitude.equals(f.format(0)) ? magnitude : MINUS + magnitude;
        }
        return text;
    }

    static String percent(Locale locale, double fraction) {
        return org.gongnon.base.ui.ShareText.percent(locale, fraction);
    }

    /** "0.042", or "< 0.001" for smaller p-values. */
    static String p(Locale locale, double p) {
        if (Double.isNaN(p)) {
            return NONE;
        }
        return p < SMALLEST_P ? "< " + number(locale, SMALLEST_P, 3) : number(locale, p, 3);
    }

    /** A 95 % interval: "[0.12, 0.85]"; a dash when either end is missing. */
    static String interval(Locale locale, double low, double high, int decimals) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return NONE;
        }
        return "[" + number(locale, low, decimals) + ", " + number(locale, high, decimals) + "]";
    }

    static String percentInterval(Locale locale, double low, double high) {
        if (Double.isNaN(low) || Double.isNaN(high)) {
            return NONE;
        }
        return "[" + percent(locale, low) + ", " + percent(locale, high) + "]";
    }

    /** A difference with its sign always written: "+0.45", "−0.20". */
    static String signed(Locale locale, double value, int decimals) {
        if (Double.isNaN(value)) {
            return NONE;
        }
        String text = number(locale, Math.abs(value), decimals);
        boolean zero = text.equals(number(locale, 0, decimals));
        return (zero ? "" : value > 0 ? "+" : MINUS) + text;
    }
}
