package org.gongnon.base;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds and masks personal identification numbers, which a pool file must never contain and Gongnon must
 * never store, show or write back:
 * <ul>
 *   <li>resident registration numbers (주민등록번호) and alien registration numbers (외국인등록번호):
 *       a birth date YYMMDD, an optional hyphen or space, then a digit 1–8 and six digits; also with the last
 *       six digits masked by {@code *}, {@code x} or {@code ●} (they still give birth date and sex);</li>
 *   <li>the same with the leading 0 lost (people born in 2000–2009 when a spreadsheet stored the number as
 *       a number): a cell of exactly twelve digits that is such a number once a 0 is put in front;</li>
 *   <li>driver's licence numbers (운전면허번호): {@code 11-23-456789-01}, the region also as two Hangul
 *       letters ({@code 서울 23-456789-01}).</li>
 * </ul>
 * Requiring a plausible birth date keeps other long numbers (respondent ids, timestamps) from being
 * mistaken for ID numbers. Passport numbers are not looked for: their shape (a letter and eight digits)
 * is too often a pollster's respondent id. The old check digit (the 13th) is not required: numbers issued
 * since October 2020 no longer carry one, so it cannot tell a real number from a made-up one.
 *
 * <p>Not taken for ID numbers, by this rule: phone numbers ({@code 010-1234-5678}, {@code 01012345678}),
 * dates ({@code 2024-03-15}), a 13-digit number whose first six digits are no date ({@code 9788936434120},
 * an ISBN: month 88) or whose seventh digit is 0 or 9, and 14 or more digits in a row.
 *
 * <p>The same rule refuses ID numbers in the free texts Gongnon stores ({@link #refuse}, and every text
 * checked through {@link Problems}), so the pool import and the forms agree on what an ID number is.
 */
public final class IdNumbers {

    private static final String BIRTH_DATE = "[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])";
    private static final Pattern REGISTRATION = Pattern.compile(
            "(?<![0-9])" + BIRTH_DATE + "[ -]?[1-8](?:[0-9]{6}|[*xX●]{6})(?![0-9])");
    private static final Pattern LOST_ZERO = Pattern.compile(BIRTH_DATE + "[3478][0-9]{6}");
    private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");
    private static final Pattern DRIVER_LICENCE = Pattern.compile(
            "(?<![0-9])(?:[0-9]{2}|[가-힣]{2}) ?-?[0-9]{2}-[0-9]{6}-[0-9]{2}(?![0-9])");

    /** The message for a refused text: "주민등록번호 등 개인 식별번호는 입력할 수 없습니다". */
    public static final String REFUSED = "validation.id-number";

    private IdNumbers() {
    }

    /** Refuses, before anything is stored, a free text that holds an identification number. */
    public static void refuse(String text) {
        if (contains(text)) {
            throw new UserFacingException(REFUSED);
        }
    }

    /** True if the text holds something shaped like an identification number. */
    public static boolean contains(String text) {
        if (text == null || text.length() < 12 || digitCount(text) < 7) {
            return false; // every shape above has at least 12 characters, 7 of them digits
        }
        return REGISTRATION.matcher(text).find() || lostZero(text) || DRIVER_LICENCE.matcher(text).find();
    }

    /** The text with every identification number's digits and letters replaced by {@code *}. */
    public static String mask(String text) {
        if (!contains(text)) {
            return text;
        }
        String stripped = text.strip();
        if (lostZero(stripped)) {
            return "*".repeat(stripped.length());
        }
        String masked = replaceAll(REGISTRATION, text);
        return replaceAll(DRIVER_LICENCE, masked);
    }

    private static int digitCount(String text) {
        int digits = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            }
        }
        return digits;
    }

    private static boolean lostZero(String text) {
        String s = text.strip();
        return TWELVE_DIGITS.matcher(s).matches() && LOST_ZERO.matcher("0" + s).matches();
    }

    private static String replaceAll(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group().replaceAll("[^ -]", "*")));
        }
        m.appendTail(out);
        return out.toString();
    }
}
