package org.gongnon.recruitment.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongnon.algorithms.sortition.InfeasibleQuotasException;
import org.gongnon.algorithms.sortition.InputsFingerprint;
import org.gongnon.algorithms.sortition.SelectionProblem;
import org.gongnon.algorithms.sortition.SortitionFiles;
import org.gongnon.algorithms.sortition.SortitionResult;
import org.gongnon.algorithms.sortition.SortitionRun;
import org.gongnon.recruitment.Csv;

/**
 * {@code sortition verify DIR}: re-runs the draw recorded in DIR (record.txt) from its inputs and compares what
 * DIR holds — fingerprint, panel, reserves, probabilities to 1e-9, the uniform lottery's list of panels — with
 * the re-run. DIR is a directory written by the sortition command or an unzipped draw record from the app (which
 * carries quotas.csv and people.csv, so it needs no other file).
 */
final class SortitionVerify {

    /** Stated and recomputed probabilities may differ by this much (the files keep ten decimals). */
    static final double PROBABILITY_TOLERANCE = 1e-9;

    int run(String[] args, PrintStream out, PrintStream err) {
        Path dir = null;
        Path features = null;
        Path people = null;
        try {
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                String value = null;
                int equals = arg.indexOf('=');
                if (arg.startsWith("--") && equals > 0) {
                    value = arg.substring(equals + 1);
                    arg = arg.substring(0, equals);
                }
                switch (arg) {
                    case "--features", "--people" -> {
                        if (value == null) {
                            if (i + 1 >= args.length) {
                                throw new SortitionCommand.UsageException(arg + " needs a value");
                            }
                            value = args[++i];
                        }
                        if (arg.equals("--features")) {
                            features = Path.of(value);
                        } else {
                            people = Path.of(value);
                        }
                    }
                    case "--help", "-h" -> {
                        out.print(SortitionCommand.USAGE_TEXT);
                        return SortitionCommand.OK;
                    }
                    default -> {
                        if (arg.startsWith("-") || dir != null) {
                            throw new SortitionCommand.UsageException(arg.startsWith("-") ? "unknown option " + arg
                                    : "unexpected argument '" + arg + "'");
                        }
                        dir = Path.of(arg);
                    }
                }
            }
            if (dir == null) {
                throw new SortitionCommand.UsageException("verify needs the directory to check");
            }
        } catch (SortitionCommand.UsageException | java.nio.file.InvalidPathException e) {
            err.println("error: " + e.getMessage());
            err.println();
            err.print(SortitionCommand.USAGE_TEXT);
            return SortitionCommand.USAGE;
        }
        try {
            Map<String, String> record = record(dir.resolve("record.txt"));
            features = features != null ? features : firstExisting(dir, "features.csv", "quotas.csv");
            people = people != null ? people : dir.resolve("people.csv");
            String difference = firstDifference(dir, record, features, people);
            if (difference != null) {
                out.println("differs: " + difference);
                return SortitionCommand.DIFFERS;
            }
            out.println("verified: " + dir + " is what the recorded inputs, algorithm and "
                    + (record.containsKey("uniform_panels") ? "panel number" : "seed") + " give");
            return SortitionCommand.OK;
        } catch (SortitionCommand.UsageException | SortitionCommand.InputException e) {
            err.println("error: " + e.getMessage());
            return SortitionCommand.FAILED;
        } catch (InfeasibleQuotasException e) {
            out.println("differs: the quotas cannot be met by this pool, so no draw could have been made from them");
            return SortitionCommand.DIFFERS;
        } catch (IllegalArgumentException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return SortitionCommand.FAILED;
        } catch (LinkageError e) {
            err.println("error: the solver's native libraries could not be loaded: " + e.getMessage());
            return SortitionCommand.FAILED;
        }
    }

    /** The first way DIR differs from a re-run, or null when it does not. */
    private static String firstDifference(Path dir, Map<String, String> record, Path features, Path people) {
        int panelSize = whole(record, "panel_size");
        int reserves = whole(record, "reserves");
        String algorithmVersion = required(record, "algorithm");
        SelectionProblem problem = SortitionCommand.problem(features, people, panelSize);
        boolean uniform = record.containsKey("uniform_panels");

        SortitionRun.Algorithm algorithm = null;
        int count = 0;
        String version;
        if (uniform) {
            count = whole(record, "uniform_panels");
            version = SortitionRun.uniformVersion(count);
            if (!algorithmVersion.equals(SortitionRun.Algorithm.LEXIMIN.version())) {
                return "the record's algorithm is " + algorithmVersion + "; this build rounds "
                        + SortitionRun.Algorithm.LEXIMIN.version() + " to uniform panels";
            }
        } else {
            algorithm = java.util.Arrays.stream(SortitionRun.Algorithm.values())
                    .filter(a -> a.version().equals(algorithmVersion)).findFirst().orElse(null);
            if (algorithm == null) {
                return "the record's algorithm " + algorithmVersion + " is not one this build runs "
                        + java.util.Arrays.stream(SortitionRun.Algorithm.values()).map(SortitionRun.Algorithm::version)
                        .toList();
            }
            version = algorithm.version();
        }
        String fingerprint = InputsFingerprint.of(problem, version, reserves);
        String recorded = required(record, "fingerprint_sha256");
        if (!fingerprint.equals(recorded)) {
            return "fingerprint: recorded " + recorded + ", the inputs give " + fingerprint
                    + " (the quotas, the people's values, the panel size, the reserves or the algorithm differ)";
        }

        SortitionResult result;
        if (uniform) {
            SortitionRun.UniformList list = SortitionRun.uniformList(problem, count, reserves);
            String panels = comparePanels(dir.resolve("panels.csv"), list);
            if (panels != null) {
                return panels;
            }
            String probabilities = compareProbabilities(dir.resolve("probabilities.csv"), list.panels().shares());
            if (probabilities != null) {
                return probabilities;
            }
            if (!record.containsKey("panel_number")) {
                return null; // the list was published; no number drawn yet
            }
            int number = whole(record, "panel_number");
            if (record.containsKey("seed")) {
                int fromSeed = SortitionRun.numberFromSeed(Long.parseLong(record.get("seed")), count);
                if (fromSeed != number) {
                    return "panel_number: recorded " + number + ", the seed " + record.get("seed") + " picks " + fromSeed;
                }
            }
            if (number > count) {
                return "panel_number " + number + " is not on the list of " + count + " panels";
            }
            result = SortitionRun.drawUniform(list, number);
        } else {
            long seed;
            try {
                seed = Long.parseLong(required(record, "seed"));
            } catch (NumberFormatException e) {
                throw new SortitionCommand.InputException("record.txt: seed is not a whole number");
            }
            result = SortitionRun.run(problem, algorithm, seed, reserves);
            String probabilities = compareProbabilities(dir.resolve("probabilities.csv"), result.probabilities());
            if (probabilities != null) {
                return probabilities;
            }
        }
        String panel = compareIds(dir.resolve("panel.csv"), "panel", result.panel());
        return panel != null ? panel : compareIds(dir.resolve("reserves.csv"), "reserves", result.reserves());
    }

    private static String comparePanels(Path file, SortitionRun.UniformList list) {
        List<List<String>> rows = table(file);
        int number = column(rows, file, "number");
        int members = column(rows, file, "members");
        if (rows.size() - 1 != list.panels().count()) {
            return "panels.csv has " + (rows.size() - 1) + " panels, the re-run " + list.panels().count();
        }
        for (int n = 1; n <= list.panels().count(); n++) {
            List<String> row = rows.get(n);
            String expected = String.join(" ", list.panels().panel(n));
            if (!cell(row, number).equals(String.valueOf(n)) || !cell(row, members).equals(expected)) {
                return "panels.csv line " + (n + 1) + ": panel " + cell(row, number) + " differs from the re-run's panel "
                        + n;
            }
        }
        return null;
    }

    private static String compareProbabilities(Path file, Map<String, Double> expected) {
        List<List<String>> rows = table(file);
        int id = column(rows, file, "id");
        int probability = column(rows, file, "probability");
        Map<String, Double> stated = new LinkedHashMap<>();
        for (int r = 1; r < rows.size(); r++) {
            try {
                stated.put(cell(rows.get(r), id), Double.parseDouble(cell(rows.get(r), probability)));
            } catch (NumberFormatException e) {
                return "probabilities.csv line " + (r + 1) + ": '" + cell(rows.get(r), probability) + "' is not a number";
            }
        }
        for (Map.Entry<String, Double> e : expected.entrySet()) {
            Double s = stated.get(e.getKey());
            if (s == null) {
                return "probabilities.csv has no row for " + e.getKey();
            }
            if (Math.abs(s - e.getValue()) > PROBABILITY_TOLERANCE) {
                return String.format(Locale.ROOT, "probability of %s: stated %s, the re-run gives %.12f", e.getKey(),
                        cell(rows.get(new ArrayList<>(stated.keySet()).indexOf(e.getKey()) + 1), probability), e.getValue());
            }
        }
        if (stated.size() != expected.size()) {
            return "probabilities.csv has " + stated.size() + " people, the pool " + expected.size();
        }
        return null;
    }

    private static String compareIds(Path file, String what, List<String> expected) {
        List<List<String>> rows = table(file);
        int id = column(rows, file, "id");
        List<String> stated = rows.subList(1, rows.size()).stream().map(r -> cell(r, id)).toList();
        for (int i = 0; i < Math.max(stated.size(), expected.size()); i++) {
            String s = i < stated.size() ? stated.get(i) : "(none)";
            String e = i < expected.size() ? expected.get(i) : "(none)";
            if (!s.equals(e)) {
                return what + ".csv line " + (i + 2) + ": " + s + ", the re-run gives " + e;
            }
        }
        return null;
    }

    private static List<List<String>> table(Path file) {
        List<List<String>> rows = SortitionCommand.read(file, file.getFileName().toString(), SortitionVerify::csv);
        if (rows.isEmpty()) {
            throw new SortitionCommand.InputException(file + " is empty");
        }
        return rows;
    }

    private static List<List<String>> csv(Reader in) throws IOException {
        return SortitionFiles.readCsv(in);
    }

    private static int column(List<List<String>> rows, Path file, String name) {
        int c = rows.getFirst().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList().indexOf(name);
        if (c < 0) {
            throw new SortitionCommand.InputException(file + ": no " + name + " column");
        }
        return c;
    }

    /** A cell as drawn: the app's exports guard cells against formulas ("'=x"); that is undone. */
    private static String cell(List<String> row, int column) {
        return column < row.size() ? Csv.undefused(row.get(column)).strip() : "";
    }

    private static Map<String, String> record(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SortitionCommand.InputException(file.getParent() + " holds no record.txt: it is not a draw "
                    + "written by the sortition command or an unzipped draw record");
        } catch (IOException e) {
            throw new SortitionCommand.InputException("cannot read " + file + ": " + SortitionCommand.describe(e));
        }
        Map<String, String> record = new LinkedHashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                record.put(line.substring(0, equals).strip(), line.substring(equals + 1).strip());
            }
        }
        return record;
    }

    private static String required(Map<String, String> record, String key) {
        String value = record.get(key);
        if (value == null || value.isEmpty()) {
            throw new SortitionCommand.InputException("record.txt has no " + key);
        }
        return value;
    }

    private static int whole(Map<String, String> record, String key) {
        try {
            return Integer.parseInt(required(record, key));
        } catch (NumberFormatException e) {
            throw new SortitionCommand.InputException("record.txt: " + key + " is not a whole number");
        }
    }

    private static Path firstExisting(Path dir, String... names) {
        for (String name : names) {
            if (Files.exists(dir.resolve(name))) {
                return dir.resolve(name);
            }
        }
        throw new SortitionCommand.InputException(dir + " holds no " + String.join(" or ", names)
                + ": give the quotas with --features");
    }
}
