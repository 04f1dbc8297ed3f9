package org.gongnon.scheduling;

/**
 * The first (given) name a tablemate is shown by: "김민지" → "민지", "Jane Doe" → "Jane". Korean names are
 * written surname first, usually one syllable; four-syllable names are taken as a two-syllable surname.
 */
final class FirstNames {

    private FirstNames() {
    }

    static String of(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        int space = name.indexOf(' ');
        if (space > 0) {
            return isHangul(name) ? name.substring(space + 1).strip() : name.substring(0, space);
        }
        if (isHangul(name) && name.length() == 4) {
            return name.substring(2);
        }
        if (isHangul(name) && name.length() >= 2) {
            return name.substring(1);
        }
        return name;
    }

    private static boolean isHangul(String s) {
        return !s.isEmpty() && Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.HANGUL;
    }
}
