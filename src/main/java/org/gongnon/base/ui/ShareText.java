package org.gongnon.base.ui;

import java.text.NumberFormat;
import java.util.Locale;

/** Shares as people read them in tables: one decimal, the locale's percent sign, a dash when undefined. */
public final class ShareText {

    /** What an undefined figure (NaN) is shown as. */
    public static final String NONE = "–";

    private ShareText() {
    }

    /** e.g. "48.5%"; {@link #NONE} for NaN. */
    public static String percent(Locale locale, double fraction) {
        if (Double.isNaN(fraction)) {
            return NONE;
        }
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(fraction);
    }
}
