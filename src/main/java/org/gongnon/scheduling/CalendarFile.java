package org.gongnon.scheduling;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes iCalendar files (RFC 5545) that phones and desktop calendars import: UTF-8, CRLF line ends, lines
 * folded at 75 octets (never inside a character, so Korean text survives), TEXT values escaped. Times are
 * written in UTC ({@code 20260314T050000Z}), which every client shows in its own zone and which needs no
 * VTIMEZONE block. Plain Java, no framework.
 */
public final class CalendarFile {

    /** Who made the file, as RFC 5545 asks ({@code PRODID}). */
    public static final String PRODID = "-//Gongnon//Gongnon deliberation platform//KO";

    /** The media type to serve the bytes with. */
    public static final String MEDIA_TYPE = "text/calendar; charset=UTF-8";

    private static final int MAX_LINE_OCTETS = 75;
    private static final String CRLF = "\r\n";
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private CalendarFile() {
    }

    /**
     * The calendar as UTF-8 bytes, without an organiser. Calendars import it as it is; strictly, iTIP
     * (RFC 5546) also wants an {@code ORGANIZER} in a published event: use the other {@code write} when the
     * process has a contact address.
     *
     * @param calendarName the name calendars show for it ({@code X-WR-CALNAME})
     * @param stamp when the file was made ({@code DTSTAMP} of every event)
     * @throws IllegalArgumentException for an event without uid, start, end or summary, one that does not end
     *         after it starts, or a url with spaces or line breaks
     */
    public static byte[] write(String calendarName, List<CalendarEvent> events, Instant stamp) {
        return write(calendarName, events, stamp, null, null);
    }

    /**
     * The calendar as UTF-8 bytes, every event with the given organiser ({@code ORGANIZER;CN=…:mailto:…}).
     *
     * @param organizerName shown as the organiser (e.g. the process's organiser); may be null
     * @param organizerEmail the organiser's contact address; null for no organiser
     * @throws IllegalArgumentException as {@link #write(String, List, Instant)}, and for an organiser address
     *         that is not one
     */
    public static byte[] write(String calendarName, List<CalendarEvent> events, Instant stamp, String organizerName,
                               String organizerEmail) {
        String organizer = organizer(organizerName, organizerEmail);
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "PRODID:" + PRODID);
        line(out, "VERSION:2.0");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(calendarName == null ? "" : calendarName));
        String dtstamp = utc(stamp);
        for (CalendarEvent event : events) {
            check(event);
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(event.uid()));
            line(out, "DTSTAMP:" + dtstamp);
            line(out, "DTSTART:" + utc(event.start().toInstant()));
            line(out, "DTEND:" + utc(event.end().toInstant()));
            line(out, "SUMMARY:" + text(event.summary()));
            if (present(event.location())) {
                line(out, "LOCATION:" + text(event.location()));
            }
            if (present(event.description())) {
                line(out, "DESCRIPTION:" + text(event.description()));
            }
            if (present(event.url())) {
                line(out, "URL:" + event.url().strip());
            }
            if (organizer != null) {
                line(out, organizer);
            }
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String organizer(String name, String email) {
        if (!present(email)) {
            return null;
        }
        String address = email.strip();
        if (!address.matches("[^\\s@:\"]+@[^\\s@:\"]+")) {
            throw new IllegalArgumentException("not an organiser address: " + email);
        }
        // A parameter value is quoted; it cannot hold a double quote or control characters (RFC 5545 3.1).
        String cn = name == null ? "" : name.replaceAll("[\"\\p{Cntrl}]", " ").strip();
        return "ORGANIZER" + (cn.isEmpty() ? "" : ";CN=\"" + cn + "\"") + ":mailto:" + address;
    }

    /**
     * A TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma escaped, every line break (CRLF, CR or
     * LF) written as {@code \n}; other control characters, which TEXT does not allow, are left out.
     */
    static String text(String value) {
        StringBuilder s = new StringBuilder(value.length() + 8);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> s.append("\\\\");
                case ';' -> s.append("\\;");
                case ',' -> s.append("\\,");
                case '\r' -> {
                    s.append("\\n");
                    if (i + 1 < value.length() && value.charAt(i + 1) == '\n') {
                        i++;
                    }
                }
                case '\n' -> s.append("\\n");
                default -> {
                    if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    /**
     * Folds one content line (RFC 5545 3.1): no physical line longer than 75 octets, continuation lines
     * starting with a space, and every break between whole characters (a Hangul syllable is 3 octets in
     * UTF-8, an emoji 4: none is cut).
     */
    static String fold(String contentLine) {
        StringBuilder out = new StringBuilder(contentLine.length() + 16);
        int octets = 0;
        for (int i = 0; i < contentLine.length(); ) {
            int codePoint = contentLine.codePointAt(i);
            int size = utf8Length(codePoint);
            if (octets + size > MAX_LINE_OCTETS) {
                out.append(CRLF).append(' ');
                octets = 1;
            }
            out.appendCodePoint(codePoint);
            octets += size;
            i += Character.charCount(codePoint);
        }
        return out.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }

    private static void line(StringBuilder out, String contentLine) {
        out.append(fold(contentLine)).append(CRLF);
    }

    private static String utc(Instant instant) {
        return UTC.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static void check(CalendarEvent event) {
        if (event == null || !present(event.uid()) || event.start() == null || event.end() == null
                || event.summary() == null) {
            throw new IllegalArgumentException("an event needs a uid, start, end and summary: " + event);
        }
        if (!event.end().toInstant().isAfter(event.start().toInstant())) {
            throw new IllegalArgumentException("event " + event.uid() + " does not end after it starts");
        }
        if (present(event.url()) && !event.url().strip().matches("\\S+")) {
            throw new IllegalArgumentException("event " + event.uid() + ": a url has no spaces or line breaks");
        }
    }
}
