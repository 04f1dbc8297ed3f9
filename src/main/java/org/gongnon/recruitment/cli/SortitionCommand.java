package org.gongnon.recruitment.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongnon.algorithms.sortition.Feasibility;
import org.gongnon.algorithms.sortition.Certificate;
import org.gongnon.algorithms.sortition.FeatureTypes;
import org.gongnon.algorithms.sortition.InfeasibleQuotasException;
import org.gongnon.algorithms.sortition.Lottery;
import org.gongnon.algorithms.sortition.Person;
import org.gongnon.algorithms.sortition.Quota;
import org.gongnon.algorithms.sortition.SelectionProblem;
import org.gongnon.algorithms.sortition.SortitionFiles;
import org.gongnon.algorithms.sortition.SortitionResult;
import org.gongnon.algorithms.sortition.SortitionRun;
import org.gongnon.recruitment.Csv;

/**
 * {@code gongnon.jar sortition …}: a panel lottery from the Sortition Foundation's files, without the
 * web application (no Spring, no database), for rehearsing a draw, publishing it, or checking one.
 * Plain Java so that {@code Application.main} can call it before anything else starts.
 */
public final class SortitionCommand {

    public static final int OK = 0;
    /** A file cannot be read or is not valid, or the algorithm could not draw a panel. */
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    public static final int INFEASIBLE = 3;
    /** {@code sortition verify}: the directory does not hold what a re-run gives. */
    public static final int DIFFERS = 4;

    static final String USAGE_TEXT = """
            Usage: java -jar gongnon.jar sortition --features FEATURES.csv --people PEOPLE.csv
                       --panel-size K --seed N --out DIR [--algorithm NAME] [--reserves R]
                   java -jar gongnon.jar sortition --features FEATURES.csv --people PEOPLE.csv
                       --panel-size K --uniform-panels M [--draw N | --seed N] --out DIR [--reserves R]
                   java -jar gongnon.jar sortition verify DIR [--features FEATURES.csv] [--people PEOPLE.csv]

            Draws a citizens' panel by lottery, without starting the web application.

              --features FILE   quotas: header feature,value,min,max (or category,feature,min,max)
              --people FILE     pool: an id column (or rows are numbered from 1) and one column per
                                feature; columns no quota names are ignored
              --panel-size K    seats on the panel
              --seed N          the lottery's seed (a whole number; draw it in public)
              --out DIR         where the results go (created if missing)
              --algorithm NAME  leximin (default), maximin, legacy or cell-stratified
              --reserves R      length of the ordered reserve list (default: 20 % of the panel)
              --uniform-panels M  a uniform lottery over M published panels (LEXIMIN rounded to M
                                equally likely panels, numbered 1..M; 1000 suits three ten-sided dice).
                                Without --draw or --seed only the list is written, to publish before
                                the ceremony
              --draw N          with --uniform-panels: the number drawn in public; panel N is the panel
                                (with --seed instead, the seed picks the number)
              --help            this text

            Files are UTF-8 (a byte-order mark is fine). Cells the app's exports guard against spreadsheet
            formulas ('=x for =x, ''@x for '@x) are read back as they were drawn, in both files.

            Written to DIR:
              probabilities.csv  id,probability for every pool member, in people-file order
              distribution.csv   panel,probability,seats: the lottery over panel make-ups; seats lists
                                 stratum:count pairs separated by spaces
              strata.csv         stratum,size,probability, the feature values, and its members' ids
              panel.csv          id of each panel member
              reserves.csv       id of each reserve, in the order they are called
              certificate.txt    (leximin, maximin) how optimality was proven: method, the relaxation's
                                 bound on the minimum, the gap, the LP solvers, what closed the levels
                                 (exact pricing: relaxation bound, CP-SAT, SCIP) and the OR-Tools version
              panels.csv         (--uniform-panels) number,members: panel 1..M, member ids separated by
                                 spaces; probabilities.csv then holds each person's share of the M panels
              record.txt         what verify re-runs: fingerprint, algorithm, panel size, reserves, seed,
                                 M and the number drawn

            verify re-runs the lottery recorded in DIR (a directory written by this command, or an unzipped
            draw record from the app, which holds quotas.csv and people.csv) and compares the fingerprint,
            panel, reserves, probabilities (to 1e-9) and the list of panels with what DIR holds.

            Exit codes: 0 done (verify: verified); 1 a file cannot be read or is invalid, or no panel could
            be drawn; 2 wrong arguments; 3 the quotas cannot be met by this pool (the smallest relaxation is
            shown); 4 (verify) DIR differs from the re-run: the first difference is shown.
            """;

    /** Runs the command; {@code args} are the words after {@code sortition}. Returns the exit code. */
    public int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 0 && args[0].equals("verify")) {
            return new SortitionVerify().run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.print(USAGE_TEXT);
            return USAGE;
        }
        if (options.help) {
            out.print(USAGE_TEXT);
            return OK;
        }
        long start = System.nanoTime();
        try {
            SelectionProblem problem = problem(options.features, options.people, options.panelSize);
            int reserves = options.reserves >= 0 ? options.reserves : SortitionRun.defaultReserveCount(options.panelSize);
            if (options.uniformPanels > 0) {
                SortitionRun.UniformList list = SortitionRun.uniformList(problem, options.uniformPanels, reserves);
                Integer number = options.draw != null ? options.draw
                        : options.seed != null ? Integer.valueOf(SortitionRun.numberFromSeed(options.seed, options.uniformPanels))
                        : null;
                if (number != null && number > options.uniformPanels) {
                    throw new UsageException("--draw " + number + " is not a panel number: the list has panels 1 to "
                            + options.uniformPanels);
                }
                SortitionResult result = number == null ? null : SortitionRun.drawUniform(list, number);
                writeUniform(options.out, problem, list, result, options.seed);
                uniformSummary(out, options, problem, list, result, (System.nanoTime() - start) / 1e9);
                return OK;
            }
            SortitionResult result = SortitionRun.run(problem, options.algorithm, options.seed, reserves);
            write(options.out, problem, result);
            writeRecord(options.out, recordLines(result.fingerprint(), options.algorithm.version(), problem.panelSize(),
                    reserves, result.seed(), null, null, result.minimumProbability(), result.lottery()));
            summary(out, options, problem, result, (System.nanoTime() - start) / 1e9);
            return OK;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return USAGE;
        } catch (InfeasibleQuotasException e) {
            err.println("error: the quotas cannot be met by this pool. The smallest change that makes them feasible:");
            for (Feasibility.Relaxation r : e.diagnosis().relaxations()) {
                err.println("  " + r.describe());
            }
            return INFEASIBLE;
        } catch (InputException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return FAILED;
        } catch (IllegalStateException e) {
            // The solvers gave up (every LP solver OR-Tools ships was tried): say so plainly; nothing was written.
            err.println("error: the lottery could not be computed (" + e.getMessage() + "). Nothing was written; "
                    + "please report this pool to the developers.");
            return FAILED;
        } catch (LinkageError e) {
            err.println("error: the solver's native libraries could not be loaded: " + e.getMessage());
            return FAILED;
        }
    }

    /**
     * The problem from a quotas file and a people file. Cells guarded against spreadsheet formulas by the app's
     * exports ("'=x" for "=x") are read back as they were drawn, in both files, so an exported record re-runs.
     */
    static SelectionProblem problem(Path features, Path peopleFile, int panelSize) {
        List<Quota> quotas = unguarded(read(features, "features", SortitionFiles::readQuotas));
        List<Person> people = read(peopleFile, "people", SortitionFiles::readPeople).stream()
                .map(SortitionCommand::unguarded).toList();
        checkColumns(peopleFile, quotas, people);
        if (panelSize > people.size()) {
            throw new UsageException("--panel-size " + panelSize + " is larger than the pool ("
                    + people.size() + " people in " + peopleFile + ")");
        }
        return new SelectionProblem(people, quotas, panelSize);
    }

    private static Person unguarded(Person p) {
        Map<String, String> values = new LinkedHashMap<>();
        p.features().forEach((f, v) -> values.put(Csv.undefused(f).strip(), Csv.undefused(v).strip()));
        return new Person(Csv.undefused(p.id()).strip(), values);
    }

    interface CsvReader<T> {
        T read(Reader in) throws IOException;
    }

    static <T> T read(Path file, String what, CsvReader<T> reader) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return reader.read(in);
        } catch (NoSuchFileException e) {
            throw new InputException("cannot read the " + what + " file " + file + ": no such file");
        } catch (CharacterCodingException e) {
            throw new InputException("the " + what + " file " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new InputException("cannot read the " + what + " file " + file + ": " + describe(e));
        } catch (IllegalArgumentException e) {
            throw new InputException(file + ": " + e.getMessage());
        }
    }

    /**
     * The quotas.csv of a draw record exported by the app (the natural {@code --features} for checking that
     * draw) has a formula guard: "'@x" for "@x" (see {@code DrawService.export}). Undoing it exactly gives the
     * values the app drew with, hence the same fingerprint and panel. Other quota files are unaffected unless
     * a name itself starts with an apostrophe before =, +, -, @, ….
     */
    private static List<Quota> unguarded(List<Quota> quotas) {
        return quotas.stream().map(q -> new Quota(Csv.undefused(q.feature()).strip(),
                Csv.undefused(q.value()).strip(), q.min(), q.max())).toList();
    }

    /** Names a missing column once, rather than failing on the first person without it. */
    private static void checkColumns(Path file, List<Quota> quotas, List<Person> people) {
        if (people.isEmpty()) {
            throw new InputException(file + ": the people file has no rows");
        }
        List<String> missing = quotas.stream().map(Quota::feature).distinct()
                .filter(f -> people.getFirst().value(f) == null).toList();
        if (!missing.isEmpty()) {
            throw new InputException(file + ": no column for " + String.join(", ", missing)
                    + ", which the quotas name; found " + String.join(", ", people.getFirst().features().keySet()));
        }
    }

    private static void write(Path dir, SelectionProblem problem, SortitionResult result) {
        try {
            Files.createDirectories(dir);
            Lottery lottery = result.lottery();
            List<FeatureTypes.Type> strata = lottery.types().types();

            List<List<String>> probabilities = new ArrayList<>();
            for (Person p : problem.pool()) {
                probabilities.add(List.of(p.id(), number(result.probabilities().get(p.id()))));
            }
            csv(dir.resolve("probabilities.csv"), List.of("id", "probability"), probabilities);

            List<List<String>> distribution = new ArrayList<>();
            for (int i = 0; i < lottery.panels().size(); i++) {
                Lottery.TypePanel panel = lottery.panels().get(i);
                List<String> seats = new ArrayList<>();
                for (FeatureTypes.Type t : strata) {
                    if (panel.seats()[t.index()] > 0) {
                        seats.add((t.index() + 1) + ":" + panel.seats()[t.index()]);
                    }
                }
                distribution.add(List.of(String.valueOf(i + 1), number(panel.probability()), String.join(" ", seats)));
            }
            csv(dir.resolve("distribution.csv"), List.of("panel", "probability", "seats"), distribution);

            List<String> features = lottery.types().features();
            List<String> strataHeader = new ArrayList<>(List.of("stratum", "size", "probability"));
            strataHeader.addAll(features);
            strataHeader.add("members");
            double[] byStratum = lottery.typeProbabilities();
            List<List<String>> strataRows = new ArrayList<>();
            for (FeatureTypes.Type t : strata) {
                List<String> row = new ArrayList<>(List.of(String.valueOf(t.index() + 1), String.valueOf(t.size()),
                        number(byStratum[t.index()])));
                row.addAll(t.values());
                row.add(String.join(" ", t.members().stream().map(Person::id).toList()));
                strataRows.add(row);
            }
            csv(dir.resolve("strata.csv"), strataHeader, strataRows);

            csv(dir.resolve("panel.csv"), List.of("id"), result.panel().stream().map(List::of).toList());
            csv(dir.resolve("reserves.csv"), List.of("id"), result.reserves().stream().map(List::of).toList());
            if (lottery.certificate() != null) {
                Files.writeString(dir.resolve("certificate.txt"), lottery.certificate().recordLines(),
                        StandardCharsets.UTF_8);
            }
        } catch (FileAlreadyExistsException e) {
            throw new InputException("cannot write to " + dir + ": " + e.getFile() + " is a file, not a directory");
        } catch (IOException e) {
            throw new InputException("cannot write to " + dir + ": " + describe(e));
        }
    }

    private static void writeUniform(Path dir, SelectionProblem problem, SortitionRun.UniformList list,
                                     SortitionResult drawn, Long seed) {
        try {
            Files.createDirectories(dir);
            List<List<String>> probabilities = new ArrayList<>();
            for (Person p : problem.pool()) {
                probabilities.add(List.of(p.id(), number(list.panels().shares().get(p.id()))));
            }
            csv(dir.resolve("probabilities.csv"), List.of("id", "probability"), probabilities);
            List<List<String>> panels = new ArrayList<>();
            for (int n = 1; n <= list.panels().count(); n++) {
                panels.add(List.of(String.valueOf(n), String.join(" ", list.panels().panel(n))));
            }
            csv(dir.resolve("panels.csv"), List.of("number", "members"), panels);
            if (drawn != null) {
                csv(dir.resolve("panel.csv"), List.of("id"), drawn.panel().stream().map(List::of).toList());
                csv(dir.resolve("reserves.csv"), List.of("id"), drawn.reserves().stream().map(List::of).toList());
            }
            if (list.lottery().certificate() != null) {
                Files.writeString(dir.resolve("certificate.txt"), list.lottery().certificate().recordLines(),
                        StandardCharsets.UTF_8);
            }
        } catch (FileAlreadyExistsException e) {
            throw new InputException("cannot write to " + dir + ": " + e.getFile() + " is a file, not a directory");
        } catch (IOException e) {
            throw new InputException("cannot write to " + dir + ": " + describe(e));
        }
        writeRecord(dir, recordLines(list.fingerprint(), SortitionRun.Algorithm.LEXIMIN.version(),
                problem.panelSize(), list.reserveCount(), seed, list.panels().count(),
                drawn == null ? null : (int) drawn.seed(), list.panels().minimumShare(), list.lottery()));
    }

    /**
     * record.txt: what {@code sortition verify} needs to re-run the draw, as key=value lines (the same keys as the
     * app's draw record).
     */
    static String recordLines(String fingerprint, String algorithmVersion, int panelSize, int reserves, Long seed,
                              Integer uniformPanels, Integer panelNumber, double minimum, Lottery lottery) {
        StringBuilder text = new StringBuilder("fingerprint_sha256=").append(fingerprint)
                .append("\nalgorithm=").append(algorithmVersion)
                .append("\npanel_size=").append(panelSize)
                .append("\nreserves=").append(reserves).append('\n');
        if (seed != null) {
            text.append("seed=").append(seed).append('\n');
        }
        if (uniformPanels != null) {
            text.append("uniform_panels=").append(uniformPanels).append('\n');
        }
        if (panelNumber != null) {
            text.append("panel_number=").append(panelNumber).append('\n');
        }
        text.append("minimum_probability=").append(number(minimum)).append('\n');
        if (lottery.certificate() != null) {
            text.append(lottery.certificate().recordLines());
        }
        return text.toString();
    }

    private static void writeRecord(Path dir, String lines) {
        try {
            Files.writeString(dir.resolve("record.txt"), lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot write to " + dir + ": " + describe(e));
        }
    }

    private static void csv(Path file, List<String> header, List<List<String>> rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(line(header));
            for (List<String> row : rows) {
                w.write(line(row));
            }
        }
    }

    private static String line(List<String> fields) {
        List<String> quoted = new ArrayList<>();
        for (String f : fields) {
            boolean needsQuotes = f.contains(",") || f.contains("\"") || f.contains("\n") || f.contains("\r")
                    || !f.equals(f.strip());
            quoted.add(needsQuotes ? "\"" + f.replace("\"", "\"\"") + "\"" : f);
        }
        return String.join(",", quoted) + "\n";
    }

    /** Ten decimals at most, trailing zeros dropped, never below 0 or above 1 from rounding noise. */
    static String number(double value) {
        double clamped = Math.min(1, Math.max(0, value));
        BigDecimal rounded = BigDecimal.valueOf(clamped).setScale(10, RoundingMode.HALF_EVEN).stripTrailingZeros();
        return rounded.signum() == 0 ? "0" : rounded.toPlainString();
    }

    private static void summary(PrintStream out, Options options, SelectionProblem problem, SortitionResult result,
                                double seconds) {
        out.println("Sortition " + result.algorithm().version());
        out.println("  fingerprint      sha256:" + result.fingerprint());
        out.println("  seed             " + result.seed());
        out.println("  pool             " + problem.pool().size() + " people, " + problem.quotas().size() + " quotas, "
                + result.lottery().types().types().size() + " strata");
        out.println("  panel            " + result.panel().size() + " seats, " + result.reserves().size() + " reserves");
        out.println("  min probability  " + number(result.minimumProbability()) + (result.exactProbabilities()
                ? " (exact)" : " (estimated from " + result.estimationRuns() + " runs)"));
        if (result.lottery().certificate() != null) {
            out.println("  certificate      " + result.lottery().certificate().describe());
        }
        out.println("  time             " + String.format(Locale.ROOT, "%.1f s", seconds));
        out.println("  written to       " + options.out);
    }

    private static void uniformSummary(PrintStream out, Options options, SelectionProblem problem,
                                       SortitionRun.UniformList list, SortitionResult drawn, double seconds) {
        out.println("Sortition " + SortitionRun.Algorithm.LEXIMIN.version() + ", " + SortitionRun.UNIFORM_VERSION);
        out.println("  fingerprint      sha256:" + list.fingerprint());
        out.println("  pool             " + problem.pool().size() + " people, " + problem.quotas().size() + " quotas, "
                + list.lottery().types().types().size() + " strata");
        out.println("  panels           " + list.panels().count() + " equally likely, listed in panels.csv");
        out.println("  min probability  " + number(list.panels().minimumShare()) + " (LEXIMIN "
                + number(list.lottery().minimumProbability()) + ", loss " + number(Math.max(0, list.panels().loss())) + ")");
        if (list.lottery().certificate() != null) {
            out.println("  certificate      " + list.lottery().certificate().describe());
        }
        if (drawn == null) {
            out.println("  panel            not drawn yet: publish panels.csv, draw a number from 1 to "
                    + list.panels().count() + " and run again with --draw");
        } else {
            out.println("  panel            number " + drawn.seed() + ": " + drawn.panel().size() + " seats, "
                    + drawn.reserves().size() + " reserves");
        }
        out.println("  time             " + String.format(Locale.ROOT, "%.1f s", seconds));
        out.println("  written to       " + options.out);
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName().replaceAll("Exception$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT)
                + (message == null ? "" : " (" + message + ")");
    }

    /** Wrong arguments: exit 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }

    /** A file that cannot be read or written, or whose content is invalid: exit 1. */
    static final class InputException extends RuntimeException {
        InputException(String message) {
            super(message);
        }
    }

    /** The parsed command line; {@code reserves} is -1 when not given. */
    record Options(boolean help, Path features, Path people, int panelSize, Long seed, Path out,
                   SortitionRun.Algorithm algorithm, int reserves, int uniformPanels, Integer draw) {

        private static final List<String> KNOWN = List.of("--features", "--people", "--panel-size", "--seed", "--out",
                "--algorithm", "--reserves", "--uniform-panels", "--draw");

        static Options parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean help = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--help") || arg.equals("-h")) {
                    help = true;
                    continue;
                }
                String name = arg;
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    name = arg.substring(0, equals);
                    value = arg.substring(equals + 1);
                }
                if (!KNOWN.contains(name)) {
                    throw new UsageException(arg.startsWith("-") ? "unknown option " + name : "unexpected argument '" + arg + "'");
                }
                if (value == null) {
                    if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                        throw new UsageException(name + " needs a value");
                    }
                    value = args[++i];
                }
                if (values.put(name, value) != null) {
                    throw new UsageException(name + " is given twice");
                }
            }
            if (help) {
                return new Options(true, null, null, 0, null, null, null, -1, 0, null);
            }
            boolean uniform = values.containsKey("--uniform-panels");
            List<String> missing = KNOWN.subList(0, 5).stream()
                    .filter(o -> !values.containsKey(o) && !(uniform && o.equals("--seed"))).toList();
            if (!missing.isEmpty()) {
                throw new UsageException("missing " + String.join(", ", missing));
            }
            int panelSize = whole(values, "--panel-size", 1);
            Long seed = null;
            if (values.containsKey("--seed")) {
                try {
                    seed = Long.parseLong(values.get("--seed").strip());
                } catch (NumberFormatException e) {
                    throw new UsageException("--seed must be a whole number, got '" + values.get("--seed") + "'");
                }
            }
            int uniformPanels = uniform ? whole(values, "--uniform-panels", 1) : 0;
            Integer draw = values.containsKey("--draw") ? whole(values, "--draw", 1) : null;
            if (draw != null && !uniform) {
                throw new UsageException("--draw picks a panel of a uniform lottery: give --uniform-panels too");
            }
            if (draw != null && seed != null) {
                throw new UsageException("give either --draw (the number drawn in public) or --seed, not both");
            }

            SortitionRun.Algorithm algorithm;
            try {
                algorithm = SortitionRun.Algorithm.parse(values.getOrDefault("--algorithm", "leximin"));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--algorithm: " + e.getMessage());
            }
            if (uniform && algorithm != SortitionRun.Algorithm.LEXIMIN) {
                throw new UsageException("--uniform-panels rounds the LEXIMIN lottery; leave out --algorithm");
            }
            int reserves = values.containsKey("--reserves") ? whole(values, "--reserves", 0) : -1;
            return new Options(false, path(values, "--features"), path(values, "--people"), panelSize, seed,
                    path(values, "--out"), algorithm, reserves, uniformPanels, draw);
        }

        private static Path path(Map<String, String> values, String option) {
            try {
                return Path.of(values.get(option));
            } catch (java.nio.file.InvalidPathException e) {
                throw new UsageException(option + ": not a valid path: " + e.getMessage());
            }
        }

        private static int whole(Map<String, String> values, String option, int minimum) {
            String text = values.get(option).strip();
            try {
                int n = Integer.parseInt(text);
                if (n >= minimum) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new UsageException(option + " must be a whole number of at least " + minimum + ", got '" + text + "'");
        }
    }
}
