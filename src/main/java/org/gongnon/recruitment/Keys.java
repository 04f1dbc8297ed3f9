package org.gongnon.recruitment;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Comparison keys, so that "Male", " male " and "MALE", or "종로 구" and "종로구", are the same input. */
final class Keys {

    private static final Pattern IGNORED = Pattern.compile("[\\s\\-_.·]+");
    private static final Pattern IGNORED_IN_HEADERS = Pattern.compile("[\\s\\-_.·()\\[\\]{}*:/]+");

    private Keys() {
    }

    /** Full-width forms folded (NFKC), lower case, without spaces, hyphens, underscores, dots. */
    static String of(String text) {
        if (text == null) {
            return "";
        }
        // Called for several cells of every row: plain ASCII and Hangul syllables skip NFKC and the regex.
        StringBuilder key = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                key.append((char) (c + ('a' - 'A')));
            } else if (c < 0x80 || (c >= 0xAC00 && c <= 0xD7A3)) {
                if (c != ' ' && c != '-' && c != '_' && c != '.' && !Character.isWhitespace(c)) {
                    key.append(c);
                }
            } else {
                return IGNORED.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                        .replaceAll("");
            }
        }
        return key.toString();
    }

    /** True for Hangul letters (syllables and jamo). */
    static boolean isHangul(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HANGUL;
    }

    /** Like {@link #of}, also without brackets, stars, colons and slashes ("휴대폰 번호 (필수)*" → "휴대폰번호필수"). */
    static String header(String text) {
        if (text == null) {
            return "";
        }
        return IGNORED_IN_HEADERS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT))
                .replaceAll("");
    }
}
