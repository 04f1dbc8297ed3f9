package org.gongnon.recruitment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Korean phone numbers and e-mail addresses: checked and written one way, so duplicates can be found. */
public final class Contacts {

    private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9 ().\\-/]+");
    private static final Pattern OLD_MOBILE = Pattern.compile("01[16789][0-9]+");
    private static final Pattern VIRTUAL = Pattern.compile("050[2-8][0-9]+");
    private static final Set<String> AREA_CODES = Set.of("031", "032", "033", "041", "042", "043", "044", "051",
            "052", "053", "054", "055", "061", "062", "063", "064");
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    private Contacts() {
    }

    /**
     * A Korean phone number written as {@code 010-1234-5678}, {@code 02-123-4567}, {@code 031-1234-5678},
     * {@code 070-1234-5678} or {@code 0505-123-4567}, or empty when the text is not one.
     *
     * <p>Accepted: mobile 010 with a 4-digit middle part, the old 011/016–019 with 3 or 4 digits; Seoul 02
     * and the other area codes (031–064); internet phones 070; personal virtual numbers 0502–0508
     * (pollsters' 안심번호).
     * Separators (spaces, hyphens, dots, brackets) are ignored, full-width digits are read, {@code +82} and
     * {@code 82} become the leading 0. A number that is all digits and lacks its leading 0 (a spreadsheet
     * cell typed as a number) gets it back when that gives a valid number.
     */
    public static Optional<String> phone(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (s.isEmpty() || !PHONE_CHARACTERS.matcher(s).matches()) {
            return Optional.empty();
        }
        String digits = digits(s);
        if (s.startsWith("+")) {
            if (!digits.startsWith("82")) {
                return Optional.empty(); // a foreign number
            }
            digits = national(digits.substring(2));
        } else if (digits.startsWith("82") && !digits.startsWith("0")) {
            Optional<String> international = format(national(digits.substring(2)));
            if (international.isPresent()) {
                return international;
            }
        }
        Optional<String> formatted = format(digits);
        if (formatted.isEmpty() && !digits.startsWith("0") && s.chars().allMatch(Character::isDigit)) {
            return format("0" + digits);
        }
        return formatted;
    }

    private static String digits(String s) {
        StringBuilder d = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                d.append(c);
            }
        }
        return d.toString();
    }

    private static String national(String afterCountryCode) {
        return afterCountryCode.startsWith("0") ? afterCountryCode : "0" + afterCountryCode;
    }

    private static Optional<String> format(String d) {
        int n = d.length();
        if (d.startsWith("010") && n == 11) {
            return Optional.of(split(d, 3));
        }
        if (OLD_MOBILE.matcher(d).matches() && (n == 10 || n == 11)) {
            return Optional.of(split(d, 3));
        }
        if (d.startsWith("02") && (n == 9 || n == 10)) {
            return Optional.of(split(d, 2));
        }
        if (n >= 3 && AREA_CODES.contains(d.substring(0, 3)) && (n == 10 || n == 11)) {
            return Optional.of(split(d, 3));
        }
        if (d.startsWith("070") && (n == 10 || n == 11)) {
            return Optional.of(split(d, 3));
        }
        if (VIRTUAL.matcher(d).matches() && (n == 11 || n == 12)) {
            return Optional.of(split(d, 4));
        }
        return Optional.empty();
    }

    /** prefix - middle - last four digits. */
    private static String split(String d, int prefix) {
        int lastFour = d.length() - 4;
        return d.substring(0, prefix) + "-" + d.substring(prefix, lastFour) + "-" + d.substring(lastFour);
    }

    /**
     * An e-mail address with its domain in lower case (the part before @ as typed), or empty when the
     * text is not a plausible address. Full-width characters (＠, ｋ) are read as their ASCII forms.
     */
    public static Optional<String> email(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
        if (s.length() > 254 || !EMAIL.matcher(s).matches()) {
            return Optional.empty();
        }
        int at = s.lastIndexOf('@');
        if (at > 64) {
            return Optional.empty();
        }
        return Optional.of(s.substring(0, at) + "@" + s.substring(at + 1).toLowerCase(Locale.ROOT));
    }
}
