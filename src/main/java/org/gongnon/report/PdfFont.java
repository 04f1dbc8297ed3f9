package org.gongnon.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDCIDFontType2;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/** One embedded font of a PDF being written, with what it can draw and how wide things are. */
final class PdfFont {

    final PDType0Font font;
    private final CmapLookup cmap;
    private final Map<Integer, Float> advance = new HashMap<>();

    PdfFont(PDDocument pdf, boolean bold) throws IOException {
        // Subset embedding: only the glyphs used end up in the file (a few hundred KB instead of 4.6 MB).
        font = PDType0Font.load(pdf, new ByteArrayInputStream(ReportFonts.bytes(bold)), true);
        cmap = ((PDCIDFontType2) font.getDescendantFont()).getTrueTypeFont().getUnicodeCmapLookup();
    }

    /** The text with what the font cannot draw replaced (see {@link Glyphs}). */
    String clean(String text) {
        return Glyphs.sanitize(text, cp -> cmap.getGlyphId(cp) != 0);
    }

    /** Width in points of sanitized text. */
    float width(String clean, float size) {
        float units = 0;
        for (int i = 0; i < clean.length(); ) {
            int cp = clean.codePointAt(i);
            units += advance.computeIfAbsent(cp, this::measure);
            i += Character.charCount(cp);
        }
        return units / 1000f * size;
    }

    private float measure(int cp) {
        try {
            return font.getStringWidth(new String(Character.toChars(cp)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Raw text, sanitized and broken into lines no wider than maxWidth. */
    List<String> wrap(String text, float size, float maxWidth) {
        return TextWrap.wrap(clean(text), maxWidth, s -> width(s, size));
    }
}
