package org.gongnon.report;

import java.util.Locale;
import java.util.function.DoubleConsumer;
import org.gongnon.base.i18n.TranslationProvider;
import org.springframework.stereotype.Component;

/** Turns a report document into one of its files, with the few words the PDF adds in the report's language. */
@Component
class ReportRendering {

    private final PdfReportRenderer pdf;
    private final ReportSpreadsheets spreadsheets;
    private final TranslationProvider translations;

    ReportRendering(PdfReportRenderer pdf, ReportSpreadsheets spreadsheets, TranslationProvider translations) {
        this.pdf = pdf;
        this.spreadsheets = spreadsheets;
        this.translations = translations;
    }

    /**
     * @param progress told how far the rendering is, from 0 to 1
     */
    byte[] render(ReportDocument document, Locale language, ReportFormat format, DoubleConsumer progress) {
        return switch (format) {
            case PDF -> pdf.render(document, new PdfReportRenderer.Labels(
                    translations.getTranslation("report.pdf.contents", language),
                    translations.getTranslation("report.pdf.continued", language)), progress::accept);
            case XLSX -> spreadsheets.xlsx(document, translations.getTranslation("report.xlsx.cover", language));
            case CSV -> spreadsheets.csvZip(document);
        };
    }
}
