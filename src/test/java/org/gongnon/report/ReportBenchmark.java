package org.gongnon.report;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.gongnon.Application;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessSummary;
import org.gongnon.recommendation.RecommendationService;
import org.gongnon.survey.SurveyService;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * How long the official report of a full process takes: the demo process (a panel of 300, four survey waves and
 * the vote on five recommendations, on an embedded MariaDB in a throw-away directory) is put together from the
 * database and rendered as PDF, XLSX and CSV, {@code --runs} times after {@code --warmup} runs, through the same
 * beans the application uses. Also the first render in the fresh JVM, and a download of a published version
 * (stored bytes). Prints a Markdown table on stdout. Run with {@code bench/report.sh}; not a test.
 */
public final class ReportBenchmark {

    private final ConfigurableApplicationContext context;

    private ReportBenchmark(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static void main(String[] args) {
        int runs = 10;
        int warmup = 3;
        for (String arg : args) {
            if (arg.startsWith("--runs=")) {
                runs = Integer.parseInt(arg.substring(7));
            } else if (arg.startsWith("--warmup=")) {
                warmup = Integer.parseInt(arg.substring(9));
            } else {
                System.err.println("unknown option " + arg + "; known: --runs=N --warmup=N");
                System.exit(2);
            }
        }
        PrintStream report = System.out;
        System.setOut(System.err);
        System.err.println("[report] starting the application with the demo (embedded MariaDB, throw-away data)");
        ConfigurableApplicationContext context = SpringApplication.run(Application.class, "--server.port=0",
                "--gongnon.demo.enabled=true", "--gongnon.embedded-db.throw-away=true",
                "--gongnon.outbox.dispatch-interval=0", "--spring.main.banner-mode=off", "--logging.level.root=warn",
                "--logging.level.org.gongnon=warn");
        try {
            new ReportBenchmark(context).run(runs, warmup, report);
        } finally {
            context.close();
        }
        System.exit(0);
    }

    private void run(int runs, int warmup, PrintStream report) {
        signIn("facilitator");
        ReportService reports = context.getBean(ReportService.class);
        ReportAssembler assembler = context.getBean(ReportAssembler.class);
        ReportRendering rendering = context.getBean(ReportRendering.class);
        RecommendationService recommendations = context.getBean(RecommendationService.class);
        long processId = context.getBean(ProcessService.class).listMyProcesses().stream()
                .filter(p -> p.title().startsWith("서울시 생활폐기물")).map(ProcessSummary::id).findFirst().orElseThrow();
        long panel = context.getBean(SurveyService.class).waves(processId).stream()
                .mapToLong(w -> w.submitted()).max().orElse(0);
        long published = reports.reports(processId).stream().filter(ReportSummary::isPublished).findFirst()
                .orElseThrow().id();

        List<Long> assemble = new ArrayList<>();
        List<Long> pdf = new ArrayList<>();
        List<Long> xlsx = new ArrayList<>();
        List<Long> csv = new ArrayList<>();
        List<Long> stored = new ArrayList<>();
        long[] first = new long[1];
        int[] sizes = new int[3];
        int pages = 0;
        for (int i = 0; i < warmup + runs; i++) {
            boolean measured = i >= warmup;
            long t0 = System.nanoTime();
            ReportDocument doc = assembler.assemble(processId, recommendations.results(processId), 2, Locale.KOREAN,
                    java.time.Instant.now());
            long t1 = System.nanoTime();
            byte[] p = rendering.render(doc, Locale.KOREAN, ReportFormat.PDF, x -> { });
            long t2 = System.nanoTime();
            byte[] x = rendering.render(doc, Locale.KOREAN, ReportFormat.XLSX, y -> { });
            long t3 = System.nanoTime();
            byte[] c = rendering.render(doc, Locale.KOREAN, ReportFormat.CSV, y -> { });
            long t4 = System.nanoTime();
            if (i == 0) {
                first[0] = t2 - t0;
                pages = pages(p);
            }
            sizes[0] = p.length;
            sizes[1] = x.length;
            sizes[2] = c.length;
            long t5 = System.nanoTime();
            reports.download(published, ReportFormat.PDF, null);
            long t6 = System.nanoTime();
            if (measured) {
                assemble.add(t1 - t0);
                pdf.add(t2 - t1);
                xlsx.add(t3 - t2);
                csv.add(t4 - t3);
                stored.add(t6 - t5);
            }
            System.err.printf(Locale.ROOT, "[report] run %d: assemble %d ms, pdf %d ms%n", i + 1, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000);
        }
        report.printf(Locale.ROOT, "Demo process: panel of 300 (%d responses in its largest wave), %d survey waves, the report %d pages "
                        + "(PDF %,d bytes, XLSX %,d, CSV zip %,d). %d runs after %d warm-up runs; JVM %s, %d cores.%n%n",
                panel, context.getBean(SurveyService.class).waves(processId).size(), pages, sizes[0], sizes[1], sizes[2],
                runs, warmup, Runtime.version(), Runtime.getRuntime().availableProcessors());
        report.println("| step | median | p90 | max |");
        report.println("|---|---:|---:|---:|");
        row(report, "assemble from the database (all sections)", assemble);
        row(report, "render PDF (charts included)", pdf);
        row(report, "render XLSX", xlsx);
        row(report, "render CSV zip", csv);
        row(report, "download a published PDF (stored bytes, logged)", stored);
        report.printf(Locale.ROOT, "| first assemble + PDF in a fresh JVM | %d ms | | |%n", first[0] / 1_000_000);
    }

    private static int pages(byte[] pdf) {
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return doc.getNumberOfPages();
        } catch (java.io.IOException e) {
            return -1;
        }
    }

    private static void row(PrintStream out, String step, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        out.printf(Locale.ROOT, "| %s | %d ms | %d ms | %d ms |%n", step, ms(sorted, 0.5), ms(sorted, 0.9),
                sorted.getLast() / 1_000_000);
    }

    private static long ms(List<Long> sorted, double q) {
        int i = (int) Math.ceil(q * sorted.size()) - 1;
        return sorted.get(Math.max(0, i)) / 1_000_000;
    }

    private void signIn(String username) {
        UserDetails user = context.getBean(UserDetailsService.class).loadUserByUsername(username);
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
    }

}
