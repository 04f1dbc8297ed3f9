package org.gongnon.survey.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.WaveAudience;
import org.gongnon.survey.WaveKind;
import org.gongnon.survey.WaveStatus;

/** The survey pages' names for kinds, statuses, audiences and question types, and how they write times. */
final class SurveyLabels {

    private SurveyLabels() {
    }

    static String kind(Component where, WaveKind kind) {
        return kind == null ? "" : where.getTranslation("survey.kind." + key(kind));
    }

    static String status(Component where, WaveStatus status) {
        return where.getTranslation("survey.status." + key(status));
    }

    static String audience(Component where, WaveAudience audience) {
        return audience == null ? "" : where.getTranslation("survey.audience." + key(audience));
    }

    static String type(Component where, QuestionType type) {
        return type == null ? "" : where.getTranslation("survey.type." + key(type));
    }

    /** The status as a badge: the word, and a colour that only repeats it. */
    static Span statusBadge(Component where, WaveStatus status) {
        Span badge = new Span(status(where, status));
        badge.addClassNames("gn-status-badge", "gn-status-" + key(status));
        return badge;
    }

    /** 2027. 2. 6.(토) 14:00 / Sat 6 Feb 2027 14:00; empty for none. */
    static String dateTime(Component where, Locale locale, LocalDateTime time) {
        return time == null ? "" : DateTimeFormatter.ofPattern(where.getTranslation("survey.format.date-time"), locale)
                .format(time);
    }

    /** The answering window: both ends, one of them, or "no limit". */
    static String window(Component where, Locale locale, LocalDateTime opens, LocalDateTime closes) {
        if (opens == null && closes == null) {
            return where.getTranslation("survey.wave.window-open-ended");
        }
        if (closes == null) {
            return where.getTranslation("survey.wave.window-from", dateTime(where, locale, opens));
        }
        if (opens == null) {
            return where.getTranslation("survey.wave.window-until", dateTime(where, locale, closes));
        }
        return dateTime(where, locale, opens) + " – " + dateTime(where, locale, closes);
    }

    /** The window for a table: without the year, so it fits a narrow column (the wave's own card has it). */
    static String shortWindow(Component where, Locale locale, LocalDateTime opens, LocalDateTime closes) {
        DateTimeFormatter format = DateTimeFormatter.ofPattern(where.getTranslation("survey.format.date-time-short"),
                locale);
        if (opens == null && closes == null) {
            return where.getTranslation("survey.wave.window-open-ended");
        }
        if (closes == null) {
            return where.getTranslation("survey.wave.window-from", format.format(opens));
        }
        if (opens == null) {
            return where.getTranslation("survey.wave.window-until", format.format(closes));
        }
        return format.format(opens) + " – " + format.format(closes);
    }

    static String key(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
