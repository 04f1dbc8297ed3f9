package org.gongnon.base;

/**
 * Masks citizens' phone numbers and e-mail addresses for display, so staff lists show enough to recognise a
 * contact ({@code 010-****-5678}, {@code ab***@example.com}) but not enough to use it. Pure; the views call it
 * on the server, so only the masked text reaches the browser. Values too short to mask safely are hidden whole.
 */
public final class ContactMask {

    /** What is shown instead of a value that cannot be masked meaningfully. */
    public static final String HIDDEN = "***";

    /** Below this many digits the last four would give away too much of the number; all digits are masked. */
    private static final int MIN_DIGITS_TO_KEEP_END = 8;
    private static final int KEEP_END = 4;
    /** At least this many digits stay masked between the kept prefix and the kept last four. */
    private static final int MIN_MASKED = 3;

    private ContactMask() {
    }

    /**
     * Keeps separators, the leading group (area or mobile prefix, or country code) and the last four digits;
     * every other digit becomes {@code *}: {@code 010-1234-5678} → {@code 010-****-5678},
     * {@code +82 10-1234-5678} → {@code +82 **-****-5678}. Null or blank gives "".
     */
    public static String phone(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String s = value.strip();
        int digits = (int) s.chars().filter(ContactMask::isDigit).count();
        if (digits == 0) {
            return HIDDEN;
        }
        int keepEnd = digits >= MIN_DIGITS_TO_KEEP_END ? KEEP_END : 0;
        int keepStart = leadingGroupDigits(s, digits);
        if (keepEnd == 0 || digits - keepStart - keepEnd < MIN_MASKED) {
            keepStart = 0;
        }
        StringBuilder out = new StringBuilder(s.length());
        int seen = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                out.append(seen < keepStart || seen >= digits - keepEnd ? c : '*');
                seen++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Digits of the first group when the number is written in groups (at most 3), else 3 for long bare numbers. */
    private static int leadingGroupDigits(String s, int digits) {
        int groupDigits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                groupDigits++;
            } else if (groupDigits > 0) {
                return groupDigits <= 3 ? groupDigits : 0;
            }
        }
        return digits >= 10 ? 3 : 0; // no separators: 01012345678 → 010****5678
    }

    /**
     * Keeps the first two characters of the local part (one when it has only two, none when it has one) and the
     * domain: {@code abcd@example.com} → {@code ab***@example.com}. Null or blank gives ""; a value that is not
     * an address is hidden whole.
     */
    public static String email(String value) {
        if (value == null || value.isBlank()) {
            return "";
        }
        String s = value.strip();
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) {
            return HIDDEN;
        }
        String local = s.substring(0, at);
        int length = local.codePointCount(0, local.length());
        int keep = Math.min(2, length - 1);
        return local.substring(0, local.offsetByCodePoints(0, keep)) + HIDDEN + s.substring(at);
    }

    /** Masks as an e-mail address when the value contains {@code @}, else as a phone number. */
    public static String contact(String value) {
        return value != null && value.indexOf('@') >= 0 ? email(value) : phone(value);
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }
}
