package org.gongnon.report;

import java.util.Locale;

/**
 * Renders a report the size of a real one (300 people, four survey waves) N times and prints milliseconds per
 * render. Not a test: run it by hand, e.g.
 * {@code java -cp target/classes:target/test-classes:$(cat cp.txt) org.gongnon.report.ReportRenderBenchmark 10}.
 */
public final class ReportRenderBenchmark {

    private ReportRenderBenchmark() {
    }

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        ReportDocument doc = SampleReports.sample(300, 4);
        PdfReportRenderer pdf = new PdfReportRenderer();
        ReportSpreadsheets spreadsheets = new ReportSpreadsheets();
        int bytes = 0;
        for (int i = 0; i < warmup; i++) {
            bytes = pdf.render(doc).length;
            spreadsheets.xlsx(doc);
        }
        long pdfNanos = 0;
        long xlsxNanos = 0;
        long csvNanos = 0;
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            bytes = pdf.render(doc).length;
            long t1 = System.nanoTime();
            spreadsheets.xlsx(doc);
            long t2 = System.nanoTime();
            spreadsheets.csvZip(doc);
            long t3 = System.nanoTime();
            pdfNanos += t1 - t0;
            xlsxNanos += t2 - t1;
            csvNanos += t3 - t2;
        }
        System.out.printf(Locale.ROOT, "%d runs after %d warm-up: PDF %.1f ms (%d bytes), XLSX %.1f ms, CSV zip %.1f ms"
                        + " per render%n", runs, warmup, pdfNanos / 1e6 / runs, bytes, xlsxNanos / 1e6 / runs,
                csvNanos / 1e6 / runs);
    }
}
