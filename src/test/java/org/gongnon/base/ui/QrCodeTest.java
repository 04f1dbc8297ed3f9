package org.gongnon.base.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** What the component draws decodes back to what it was given, read by ZXing's own QR reader. */
class QrCodeTest {

    static final String LINK = "https://gongnon.example.org/c/Xk3v9QmT2pLr8sNw4yZa6bCd";
    static final String KOREAN = "공론 시민 패널 — 서울특별시청 8층 다목적홀, 3월 14일 오후 2시";
    static final int PIXELS_PER_MODULE = 4;
    static final Pattern RUN = Pattern.compile("M(\\d+) (\\d+)h(\\d+)v1h-(\\d+)z");

    @Test
    void theMatrixDecodesToTheContent() throws Exception {
        for (String content : new String[] {LINK, KOREAN}) {
            BitMatrix matrix = QrCode.encode(content);
            assertEquals(content, decode(raster(matrix.getWidth(), matrix.getHeight(), matrix::get)));
            for (int i = 0; i < QrCode.QUIET_ZONE; i++) {
                for (int j = 0; j < matrix.getWidth(); j++) {
                    assertFalse(matrix.get(i, j) || matrix.get(j, i), "the quiet zone is light");
                }
            }
        }
    }

    @Test
    void theRenderedSvgDecodesToTheContentAndCarriesAltText() throws Exception {
        for (String content : new String[] {LINK, KOREAN}) {
            QrCode code = new QrCode(content, "개인 링크 QR 코드");
            assertEquals("개인 링크 QR 코드", code.getAlt().orElseThrow());
            assertEquals(content, code.getContent());
            String src = code.getSrc();
            String prefix = "data:image/svg+xml;base64,";
            assertTrue(src.startsWith(prefix), src.substring(0, 40));
            byte[] svg = Base64.getDecoder().decode(src.substring(prefix.length()));

            // Read the SVG with the JDK's XML parser, then draw its path as a browser would.
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(svg));
            Element root = doc.getDocumentElement();
            assertEquals("svg", root.getTagName());
            assertEquals("crispEdges", root.getAttribute("shape-rendering"));
            String[] viewBox = root.getAttribute("viewBox").split(" ");
            int width = Integer.parseInt(viewBox[2]);
            int height = Integer.parseInt(viewBox[3]);
            boolean[][] dark = new boolean[height][width];
            String path = ((Element) root.getElementsByTagName("path").item(0)).getAttribute("d");
            Matcher run = RUN.matcher(path);
            int end = 0;
            while (run.find()) {
                assertEquals(end, run.start(), "the path holds nothing but runs");
                int x = Integer.parseInt(run.group(1));
                int y = Integer.parseInt(run.group(2));
                assertEquals(run.group(3), run.group(4));
                for (int i = 0; i < Integer.parseInt(run.group(3)); i++) {
                    dark[y][x + i] = true;
                }
                end = run.end();
            }
            assertEquals(path.length(), end);
            assertEquals(content, decode(raster(width, height, (x, y) -> dark[y][x])));
        }
    }

    @Test
    void emptyContentMissingAltTextAndOversizedContentAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new QrCode("", "QR"));
        assertThrows(IllegalArgumentException.class, () -> new QrCode(LINK, " "));
        assertThrows(IllegalArgumentException.class, () -> new QrCode(LINK, null));
        assertThrows(IllegalArgumentException.class, () -> new QrCode("가".repeat(3000), "QR"),
                "more than a version-40 code holds");
    }

    interface Modules {
        boolean dark(int x, int y);
    }

    /** Black and white pixels, {@link #PIXELS_PER_MODULE} per module, as a camera would see a clean print. */
    static RGBLuminanceSource raster(int width, int height, Modules modules) {
        int w = width * PIXELS_PER_MODULE;
        int h = height * PIXELS_PER_MODULE;
        int[] pixels = new int[w * h];
        for (int py = 0; py < h; py++) {
            for (int px = 0; px < w; px++) {
                pixels[py * w + px] = modules.dark(px / PIXELS_PER_MODULE, py / PIXELS_PER_MODULE)
                        ? 0xFF000000 : 0xFFFFFFFF;
            }
        }
        return new RGBLuminanceSource(w, h, pixels);
    }

    static String decode(RGBLuminanceSource image) throws Exception {
        // No character set hint: the code itself must say how its text is encoded.
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(image))).getText();
    }
}
