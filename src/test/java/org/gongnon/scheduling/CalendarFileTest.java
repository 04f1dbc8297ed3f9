package org.gongnon.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.validate.ValidationResult;
import org.junit.jupiter.api.Test;

class CalendarFileTest {

    static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    static final Instant STAMP = Instant.parse("2026-02-20T09:30:15.123Z");
    static final String LONG_KOREAN = "광역 자원회수시설 입지 선정을 위한 서울시민 공론화 시민 패널 제1차 숙의 토론회 — "
            + "발표, 질의응답, 분임 토의 🙂";
    static final String TRICKY = "안내; 장소, 시간\\경로\r\n둘째 줄\n셋째 줄\r넷째 줄";

    static CalendarEvent session(String uid, int day, String summary, String location, String description) {
        ZonedDateTime start = ZonedDateTime.of(2026, 3, day, 14, 0, 0, 0, SEOUL);
        return new CalendarEvent(uid, start, start.plusHours(3), summary, location, description,
                "https://gongnon.example.org/c/abc?lang=ko&x=1,2");
    }

    static List<CalendarEvent> twoSessions() {
        return List.of(
                session("session-1@gongnon.example.org", 14, LONG_KOREAN, "서울시청 본관 8층 다목적홀, 중구 세종대로 110",
                        TRICKY),
                session("session-2@gongnon.example.org", 21, "제2차 토론회", null, null));
    }

    static String written(List<CalendarEvent> events) {
        return new String(CalendarFile.write("시민 패널 일정", events, STAMP), StandardCharsets.UTF_8);
    }

    /** The physical lines, split on CRLF only. */
    static List<String> physicalLines(byte[] file) {
        String text = new String(file, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"), "the last line ends with CRLF too");
        return Arrays.asList(text.substring(0, text.length() - 2).split("\r\n", -1));
    }

    static List<String> unfolded(String text) {
        return Arrays.asList(text.replace("\r\n ", "").split("\r\n"));
    }

    @Test
    void everyLineEndsInCrlfAndNoneIsLongerThan75Octets() throws CharacterCodingException {
        byte[] file = CalendarFile.write("시민 패널 일정", twoSessions(), STAMP);
        String text = new String(file, StandardCharsets.UTF_8);
        assertFalse(text.replace("\r\n", "").contains("\n"), "no bare LF");
        assertFalse(text.replace("\r\n", "").contains("\r"), "no bare CR");
        var strict = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int folded = 0;
        for (String line : physicalLines(file)) {
            byte[] octets = line.getBytes(StandardCharsets.UTF_8);
            assertTrue(octets.length <= 75, octets.length + " octets: " + line);
            // Each physical line decodes on its own: no multibyte character was cut by the fold.
            strict.decode(ByteBuffer.wrap(octets));
            if (line.startsWith(" ")) {
                folded++;
            }
        }
        assertTrue(folded >= 3, "the long Korean summary, location and description were folded");
    }

    @Test
    void foldingBreaksBetweenCharactersAndUnfoldsToTheOriginal() {
        String line = "SUMMARY:" + "가".repeat(40); // 8 + 120 octets
        String folded = CalendarFile.fold(line);
        List<String> parts = Arrays.asList(folded.split("\r\n"));
        assertEquals(List.of("SUMMARY:" + "가".repeat(22), " " + "가".repeat(18)), parts,
                "8 + 22×3 = 74 octets (a 23rd syllable would make 77); the continuation holds the rest");
        assertEquals(line, folded.replace("\r\n ", ""));

        String emoji = "X:" + "🙂".repeat(30); // 4-octet characters, two UTF-16 units each
        String foldedEmoji = CalendarFile.fold(emoji);
        assertEquals(emoji, foldedEmoji.replace("\r\n ", ""));
        for (String part : foldedEmoji.split("\r\n")) {
            assertTrue(part.getBytes(StandardCharsets.UTF_8).length <= 75);
            assertFalse(Character.isHighSurrogate(part.charAt(part.length() - 1)), "no surrogate pair split");
        }
        assertEquals("SHORT:가나다", CalendarFile.fold("SHORT:가나다"), "short lines stay as they are");
        String exactly75 = "A".repeat(75);
        assertEquals(exactly75, CalendarFile.fold(exactly75));
        assertEquals("A".repeat(75) + "\r\n A", CalendarFile.fold("A".repeat(76)));
    }

    @Test
    void textValuesAreEscaped() {
        assertEquals("안내\\; 장소\\, 시간\\\\경로\\n둘째 줄\\n셋째 줄\\n넷째 줄", CalendarFile.text(TRICKY));
        assertEquals("탭\t유지 벨 없음", CalendarFile.text("탭\t유지 벨\u0007 없음"));
        List<String> lines = unfolded(written(twoSessions()));
        assertTrue(lines.contains("DESCRIPTION:안내\\; 장소\\, 시간\\\\경로\\n둘째 줄\\n셋째 줄\\n넷째 줄"), lines.toString());
        assertTrue(lines.contains("LOCATION:서울시청 본관 8층 다목적홀\\, 중구 세종대로 110"));
        assertTrue(lines.contains("URL:https://gongnon.example.org/c/abc?lang=ko&x=1,2"), "a URI is not TEXT-escaped");
        assertTrue(lines.contains("X-WR-CALNAME:시민 패널 일정"));
    }

    @Test
    void headerAndTimesAreInUtc() {
        List<String> lines = unfolded(written(twoSessions()));
        assertEquals(List.of("BEGIN:VCALENDAR", "PRODID:" + CalendarFile.PRODID, "VERSION:2.0", "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH"), lines.subList(0, 5));
        assertEquals("END:VCALENDAR", lines.getLast());
        assertEquals(2, lines.stream().filter("BEGIN:VEVENT"::equals).count());
        assertTrue(lines.contains("DTSTART:20260314T050000Z"), "14:00 in Seoul is 05:00 UTC");
        assertTrue(lines.contains("DTEND:20260314T080000Z"));
        assertEquals(2, lines.stream().filter("DTSTAMP:20260220T093015Z"::equals).count());
        List<String> second = lines.subList(lines.lastIndexOf("BEGIN:VEVENT"), lines.lastIndexOf("END:VEVENT"));
        assertTrue(second.stream().noneMatch(l -> l.startsWith("LOCATION") || l.startsWith("DESCRIPTION")),
                "absent values are left out, not written empty");
    }

    @Test
    void anIndependentParserReadsBackTheEventsTimesAndKoreanText() throws Exception {
        byte[] file = CalendarFile.write("시민 패널 일정", twoSessions(), STAMP, "서울특별시 \"공론화\" 추진단",
                "gongnon@seoul.example.kr");
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(file));
        ValidationResult validation = calendar.validate();
        assertFalse(validation.hasErrors(), validation.toString());
        assertEquals("시민 패널 일정", calendar.getProperty("X-WR-CALNAME").map(Property::getValue).orElseThrow());
        assertEquals("PUBLISH", calendar.getProperty(Property.METHOD).map(Property::getValue).orElseThrow());

        List<VEvent> events = calendar.getComponents("VEVENT");
        assertEquals(2, events.size());
        VEvent first = events.getFirst();
        assertEquals("session-1@gongnon.example.org", first.getProperty(Property.UID).map(Property::getValue).orElseThrow());
        assertEquals(LONG_KOREAN, first.getSummary().getValue());
        assertEquals("서울시청 본관 8층 다목적홀, 중구 세종대로 110", first.getLocation().getValue());
        assertEquals("안내; 장소, 시간\\경로\n둘째 줄\n셋째 줄\n넷째 줄", first.getDescription().getValue(),
                "every kind of line break comes back as a newline");
        assertEquals("https://gongnon.example.org/c/abc?lang=ko&x=1,2",
                first.getProperty(Property.URL).map(Property::getValue).orElseThrow());
        assertEquals(Instant.parse("2026-03-14T05:00:00Z"), instant(first.getStartDate().orElseThrow().getDate()));
        assertEquals(Instant.parse("2026-03-14T08:00:00Z"), instant(first.getEndDate().orElseThrow().getDate()));
        assertEquals(Instant.parse("2026-02-20T09:30:15Z"), instant(first.getDateStamp().orElseThrow().getDate()));

        Property organizer = first.getProperty(Property.ORGANIZER).orElseThrow();
        assertEquals("mailto:gongnon@seoul.example.kr", organizer.getValue());
        assertEquals("서울특별시  공론화  추진단", organizer.getParameter("CN").orElseThrow().getValue(),
                "a double quote cannot stand in a parameter value");

        VEvent second = events.get(1);
        assertEquals("제2차 토론회", second.getSummary().getValue());
        assertEquals(Instant.parse("2026-03-21T05:00:00Z"), instant(second.getStartDate().orElseThrow().getDate()));
    }

    @Test
    void withoutAnOrganiserOnlyItipsOrganiserRuleIsUnmet() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(
                CalendarFile.write("시민 패널 일정", twoSessions(), STAMP)));
        assertTrue(calendar.getComponents("VEVENT").stream()
                .allMatch(e -> ((VEvent) e).getProperty(Property.ORGANIZER).isEmpty()));
        ValidationResult validation = calendar.validate();
        assertEquals(List.of("The following are REQUIRED, but MUST NOT occur more than once: ORGANIZER"),
                validation.getEntries().stream().map(e -> e.getMessage()).distinct().toList(),
                "RFC 5546 wants an organiser in a PUBLISH; nothing else is missing");
        assertThrows(IllegalArgumentException.class,
                () -> CalendarFile.write("x", twoSessions(), STAMP, "추진단", "not an address"));
    }

    @Test
    void anEmptyCalendarIsStillAValidFile() throws Exception {
        Calendar calendar = new CalendarBuilder().build(new ByteArrayInputStream(
                CalendarFile.write("빈 일정", List.of(), STAMP)));
        assertTrue(calendar.getComponents("VEVENT").isEmpty());
        assertEquals("빈 일정", calendar.getProperty("X-WR-CALNAME").map(Property::getValue).orElseThrow());
    }

    @Test
    void impossibleEventsAreRefused() {
        ZonedDateTime start = ZonedDateTime.of(2026, 3, 14, 14, 0, 0, 0, SEOUL);
        List<CalendarEvent> bad = new ArrayList<>(List.of(
                new CalendarEvent("a", start, start.minusHours(1), "거꾸로", null, null, null),
                new CalendarEvent("b", start, start, "길이 없음", null, null, null),
                new CalendarEvent(" ", start, start.plusHours(1), "uid 없음", null, null, null),
                new CalendarEvent("c", null, start, "시작 없음", null, null, null),
                new CalendarEvent("d", start, start.plusHours(1), null, null, null, null),
                new CalendarEvent("e", start, start.plusHours(1), "주소", null, null, "https://x.example/a\r\nX:y")));
        for (CalendarEvent event : bad) {
            assertThrows(IllegalArgumentException.class, () -> CalendarFile.write("x", List.of(event), STAMP),
                    event.toString());
        }
    }

    static Instant instant(Temporal t) {
        return Instant.from(t);
    }
}
