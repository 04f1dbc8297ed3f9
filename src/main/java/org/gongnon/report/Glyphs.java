package org.gongnon.report;

import java.text.Normalizer;
import java.util.function.IntPredicate;

/**
 * Makes text drawable with the embedded font: a character the font has no glyph for (an emoji, a rare Hanja)
 * would make PDFBox throw, and Java2D would draw an empty box, so such characters become "?". Invisible
 * helpers (variation selectors, zero-width joiners and other format characters, combining marks, emoji skin
 * tones) are dropped, so an emoji sequence gives one question mark per emoji rather than noise.
 */
final class Glyphs {

    static final String MISSING = "?";

    private Glyphs() {
    }

    /** Keeps line breaks ("\n"); other whitespace becomes a space, other control characters go. */
    static String sanitize(String text, IntPredicate hasGlyph) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        // Hangul typed on some systems arrives decomposed into jamo; the font draws syllables, not jamo clusters.
        String normal = Normalizer.normalize(text.replace("\r\n", "\n").replace('\r', '\n'), Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(normal.length());
        normal.codePoints().forEach(cp -> {
            if (cp == '\n') {
                out.append('\n');
            } else if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                out.append(' ');
            } else if (Character.isISOControl(cp) || invisible(cp)) {
                // dropped: nothing to see, and joiners would only glue question marks together
            } else if (hasGlyph.test(cp)) {
                out.appendCodePoint(cp);
            } else {
                out.append(MISSING);
            }
        });
        return out.toString();
    }

    private static boolean invisible(int cp) {
        int type = Character.getType(cp);
        return type == Character.FORMAT || type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) // variation selectors
                || (cp >= 0x1F3FB && cp <= 0x1F3FF); // emoji skin tones, which follow an emoji already replaced
    }
}
