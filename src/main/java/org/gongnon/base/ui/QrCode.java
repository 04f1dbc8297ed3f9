package org.gongnon.base.ui;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.vaadin.flow.component.html.Image;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;

/**
 * A QR code (e.g. a citizen's personal link, shown on a tablet at the venue or printed), drawn as an SVG
 * image so it stays sharp at any size and zoom. The image carries alt text for screen readers; the caller
 * should show the content as text nearby too, for people who cannot scan.
 *
 * <p>Encoded by ZXing with error correction level M (15 % of the code may be damaged or covered), UTF-8
 * (announced by an ECI) for non-ASCII content, and the 4-module quiet zone the standard asks for.
 */
public class QrCode extends Image {

    /** The quiet zone around the code, in modules (ISO/IEC 18004 asks for four). */
    static final int QUIET_ZONE = 4;

    private final String content;

    /**
     * @param content what the code holds, usually a link
     * @param altText what a screen reader says instead of the image, e.g. "QR code for your personal link"
     * @throws IllegalArgumentException for empty content or alt text, or content too long for a QR code
     */
    public QrCode(String content, String altText) {
        if (content == null || content.isEmpty()) {
            throw new IllegalArgumentException("a QR code needs content");
        }
        if (altText == null || altText.isBlank()) {
            throw new IllegalArgumentException("a QR code needs alt text for screen readers");
        }
        this.content = content;
        setSrc("data:image/svg+xml;base64,"
                + Base64.getEncoder().encodeToString(svg(encode(content)).getBytes(StandardCharsets.UTF_8)));
        setAlt(altText);
        addClassName("gn-qr-code");
        setWidth("12rem");
        getStyle().set("aspect-ratio", "1");
    }

    public String getContent() {
        return content;
    }

    /** The code's modules, quiet zone included: one matrix cell per module. */
    static BitMatrix encode(String content) {
        try {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M);
            hints.put(EncodeHintType.MARGIN, QUIET_ZONE);
            if (!StandardCharsets.US_ASCII.newEncoder().canEncode(content)) {
                // Korean and other text: UTF-8, announced in the code (ECI) so scanners need not guess.
                // Plain links go without, which every scanner reads.
                hints.put(EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
            }
            // Width and height 0: the smallest size, one cell per module; the SVG scales it.
            return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException | IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot make a QR code of " + content.length() + " characters", e);
        }
    }

    /**
     * An SVG of the matrix: a white square and one black path, each run of dark modules in a row one
     * rectangle ({@code M x y h n v1 h-n z}), with crisp edges.
     */
    static String svg(BitMatrix matrix) {
        int width = matrix.getWidth();
        int height = matrix.getHeight();
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < height; y++) {
            int x = 0;
            while (x < width) {
                if (!matrix.get(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < width && matrix.get(x, y)) {
                    x++;
                }
                int run = x - start;
                path.append('M').append(start).append(' ').append(y).append('h').append(run).append("v1h-")
                        .append(run).append('z');
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + width + " " + height
                + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"" + width + "\" height=\"" + height + "\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
    }
}
