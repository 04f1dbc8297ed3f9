package org.gongnon.process;

import java.util.regex.Pattern;

/**
 * Whether a recipient can be written to on a channel: an e-mail address, or a Korean mobile number for
 * SMS (a landline cannot receive text messages). Deliberately strict: a malformed recipient is refused
 * at queueing, where the facilitator can still fix it, not discovered at sending.
 */
final class Recipients {

    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");
    private static final Pattern PHONE_CHARACTERS = Pattern.compile("\\+?[0-9 .\\-()]+");
    /** 010 with eight digits after it; the old 011 and 016–019 numbers with seven or eight. */
    private static final Pattern MOBILE = Pattern.compile("010[0-9]{8}|01[16789][0-9]{7,8}");

    private Recipients() {
    }

    static boolean isValid(MessageChannel channel, String recipient) {
        return switch (channel) {
            case EMAIL -> isEmail(recipient);
            case SMS -> isMobile(recipient);
        };
    }

    static boolean isEmail(String s) {
        if (s == null || s.length() > 200 || !EMAIL.matcher(s).matches()) {
            return false;
        }
        return s.lastIndexOf('@') <= 64;
    }

    /** {@code 010-1234-5678}, {@code 01012345678}, {@code +82 10-1234-5678} and the like. */
    static boolean isMobile(String s) {
        if (s == null || !PHONE_CHARACTERS.matcher(s).matches()) {
            return false;
        }
        String digits = s.replaceAll("[^0-9]", "");
        if (s.startsWith("+")) {
            if (!digits.startsWith("82")) {
                return false;
            }
            String national = digits.substring(2);
            digits = national.startsWith("0") ? national : "0" + national;
        }
        return MOBILE.matcher(digits).matches();
    }
}
