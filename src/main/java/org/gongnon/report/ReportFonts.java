package org.gongnon.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The vendored Nanum Gothic files (see src/main/resources/fonts/README.md), read once. */
final class ReportFonts {

    private ReportFonts() {
    }

    static byte[] bytes(boolean bold) {
        return bold ? Files.BOLD : Files.REGULAR;
    }

    /** The Java2D font at 1 pt; derive the size you need. */
    static Font awt(boolean bold) {
        return bold ? Awt.BOLD : Awt.REGULAR;
    }

    private static final class Files {
        static final byte[] REGULAR = read("/fonts/NanumGothic.ttf");
        static final byte[] BOLD = read("/fonts/NanumGothicBold.ttf");

        private static byte[] read(String resource) {
            try (InputStream in = ReportFonts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("font missing from the classpath: " + resource);
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Awt {
        static {
            ChartImages.ensureHeadless();
        }

        static final Font REGULAR = create(Files.REGULAR);
        static final Font BOLD = create(Files.BOLD);

        private static Font create(byte[] ttf) {
            try {
                return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(ttf));
            } catch (FontFormatException | IOException e) {
                throw new IllegalStateException("cannot read the report font", e);
            }
        }
    }
}
