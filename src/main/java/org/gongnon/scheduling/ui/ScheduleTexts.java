package org.gongnon.scheduling.ui;

import com.vaadin.flow.component.Component;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.gongnon.scheduling.SessionSummary;

/** Dates, times, places and audiences as the scheduling pages write them, in the user's language. */
final class ScheduleTexts {

    private ScheduleTexts() {
    }

    /** A date with its weekday, short enough for a table: 2027. 3. 6.(토) / Sat 6 Mar 2027. */
    static String date(Component where, Locale locale, LocalDate date) {
        return DateTimeFormatter.ofPattern(where.getTranslation("scheduling.format.date"), locale)
                .format(date);
    }

    /** The full date, for screen readers and headings: 2027년 3월 6일 토요일. */
    static String fullDate(Locale locale, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale).format(date);
    }

    static String time(LocalTime time) {
        return time == null ? "" : DateTimeFormatter.ofPattern("HH:mm").format(time);
    }

    static String times(LocalTime start, LocalTime end) {
        return time(start) + "–" + time(end);
    }

    /** "시민참여단 전체", or the feature and value of a part of the panel: "권역: 동북권". */
    static String audience(Component where, String feature, String value) {
        return feature == null || feature.isBlank() ? where.getTranslation("scheduling.audience.whole")
                : where.getTranslation("scheduling.audience.subset", feature, value);
    }

    /** The venue's name, "온라인" for a session without a venue, or both for a session held in both ways. */
    static String place(Component where, SessionSummary session) {
        String online = where.getTranslation("scheduling.place.online");
        if (session.venueName() == null) {
            return online;
        }
        boolean alsoOnline = session.onlineUrl() != null && !session.onlineUrl().isBlank();
        return alsoOnline ? session.venueName() + " · " + online : session.venueName();
    }
}
