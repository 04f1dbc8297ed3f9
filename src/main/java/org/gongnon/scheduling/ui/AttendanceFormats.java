package org.gongnon.scheduling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Numbers, dates and count cards as the invitation and attendance pages show them. */
final class AttendanceFormats {

    /** Shown where there is no figure (e.g. a share of nobody). */
    static final String NONE = org.gongnon.base.ui.ShareText.NONE;

    private AttendanceFormats() {
    }

    /** A share with one decimal, e.g. "48.5%"; a dash when there is none (NaN). */
    static String percent(Locale locale, double fraction) {
        return org.gongnon.base.ui.ShareText.percent(locale, fraction);
    }

    /** {@code part / whole}, NaN when the whole is 0. */
    static double share(int part, int whole) {
        return whole == 0 ? Double.NaN : (double) part / whole;
    }

    /** "2025년 5월 3일 (토) 14:00–17:00" in the user's language. */
    static String when(Locale locale, LocalDate date, LocalTime start, LocalTime end) {
        String day = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
        return day + " " + start + "–" + end;
    }

    /** A count card: a large number over its label; the id lets tests and assistive tools find the number. */
    static Component countCard(String id, String label, int value) {
        Span number = new Span(String.valueOf(value));
        number.addClassName("gn-count-number");
        number.setId(id);
        Span caption = new Span(label);
        caption.addClassName("gn-count-label");
        Div card = new Div(number, caption);
        card.addClassNames("gn-card", "gn-count-card");
        return card;
    }
}
