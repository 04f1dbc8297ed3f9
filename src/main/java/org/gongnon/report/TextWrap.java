package org.gongnon.report;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Greedy line breaking shared by the PDF and the chart images. Lines break at spaces (Korean separates words
 * with spaces too); a word wider than the line — long Korean runs, URLs, fingerprints — breaks between
 * characters.
 */
final class TextWrap {

    static final String ELLIPSIS = "…";

    private TextWrap() {
    }

    /** The lines of already sanitized text; "\n" forces a break. Never returns an empty list. */
    static List<String> wrap(String text, double maxWidth, ToDoubleFunction<String> width) {
        List<String> lines = new ArrayList<>();
        for (String hard : text.split("\n", -1)) {
            wrapLine(hard, maxWidth, width, lines);
        }
        return lines;
    }

    private static void wrapLine(String text, double lineWidthLimit, ToDoubleFunction<String> width,
                                 List<String> lines) {
        // widths summed word by word differ from the whole line's in the last bits: a text measured to fit must fit
        double maxWidth = lineWidthLimit + 1e-3;
        String[] words = text.strip().split(" +");
        StringBuilder line = new StringBuilder();
        double lineWidth = 0;
        double space = width.applyAsDouble(" ");
        for (String word : words) {
            if (word.isEmpty()) {
                continue;
            }
            double w = width.applyAsDouble(word);
            if (!line.isEmpty() && lineWidth + space + w <= maxWidth) {
                line.append(' ').append(word);
                lineWidth += space + w;
                continue;
            }
            if (!line.isEmpty()) {
                lines.add(line.toString());
                line.setLength(0);
                lineWidth = 0;
            }
            if (w <= maxWidth) {
                line.append(word);
                lineWidth = w;
                continue;
            }
            // Wider than a whole line: break between characters.
            int i = 0;
            while (i < word.length()) {
                int cp = word.codePointAt(i);
                String c = new String(Character.toChars(cp));
                double cw = width.applyAsDouble(c);
                if (!line.isEmpty() && lineWidth + cw > maxWidth) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                line.append(c);
                lineWidth += cw;
                i += Character.charCount(cp);
            }
        }
        lines.add(line.toString());
    }

    /** At most maxLines lines; the last one shown ends with "…" when text was cut. */
    static List<String> wrap(String text, double maxWidth, int maxLines, ToDoubleFunction<String> width) {
        List<String> lines = wrap(text, maxWidth, width);
        if (lines.size() <= maxLines) {
            return lines;
        }
        List<String> kept = new ArrayList<>(lines.subList(0, maxLines));
        kept.set(maxLines - 1, ellipsize(kept.get(maxLines - 1) + " " + lines.get(maxLines), maxWidth, width, true));
        return kept;
    }

    /** The text itself if it fits, otherwise as much of its start as fits followed by "…". */
    static String ellipsize(String text, double maxWidth, ToDoubleFunction<String> width, boolean cut) {
        if (!cut && width.applyAsDouble(text) <= maxWidth) {
            return text;
        }
        String s = text.strip();
        while (!s.isEmpty() && width.applyAsDouble(s + ELLIPSIS) > maxWidth) {
            s = s.substring(0, s.offsetByCodePoints(s.length(), -1)).strip();
        }
        return s + ELLIPSIS;
    }
}
