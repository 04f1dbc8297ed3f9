package org.gongnon.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;
import org.springframework.stereotype.Component;

/**
 * Renders a {@link ReportDocument} as an A4 PDF: a cover, a table of contents with page numbers (and links and
 * bookmarks), the sections with their paragraphs, facts, tables (header repeated on every page a table spans)
 * and charts (images drawn by {@link ChartImages}), and a footer "title · n / N" on every page. Text is set in
 * the vendored Nanum Gothic, embedded as subsets; characters it lacks become "?". Pure rendering: no services,
 * no database, safe to call from a background task.
 */
@Component
public class PdfReportRenderer {

    /** The few words the renderer adds itself; the document carries all the rest. */
    public record Labels(String contents, String continued) {

        public static final Labels KOREAN = new Labels("차례", "계속");
    }

    public byte[] render(ReportDocument doc) {
        return render(doc, Labels.KOREAN, ProgressListener.NONE);
    }

    public byte[] render(ReportDocument doc, ProgressListener progress) {
        return render(doc, Labels.KOREAN, progress);
    }

    public byte[] render(ReportDocument doc, Labels labels, ProgressListener progress) {
        try (PDDocument pdf = new PDDocument()) {
            describe(pdf, doc);
            new PdfLayout(pdf, doc, labels, fraction -> progress.progress(fraction * 0.9)).write();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            pdf.save(out);
            progress.progress(1.0);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void describe(PDDocument pdf, ReportDocument doc) {
        PDDocumentInformation info = pdf.getDocumentInformation();
        info.setTitle(doc.title());
        info.setProducer("Gongnon");
        info.setCreator("Gongnon");
        PDDocumentCatalog catalog = pdf.getDocumentCatalog();
        catalog.setLanguage("ko-KR");
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        // The file identifier comes from the content rather than the clock, so the same document gives the same
        // bytes (PDFBox writes no creation date unless told to).
        byte[] id = Arrays.copyOf(sha256(doc.toString()), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        pdf.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
