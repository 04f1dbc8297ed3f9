package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way to run a lottery: same inputs and same seed, same panel and same reserves, on any machine.
 *
 * <ol>
 *   <li><b>Canonical inputs.</b> The pool is sorted by id and the quotas by feature, then value
 *       ({@link String#compareTo}), so the order of the input files changes nothing. Strata
 *       ({@link FeatureTypes}) are listed in the order of their first member.</li>
 *   <li><b>Fingerprint</b> of the canonical inputs, the algorithm's version and the reserve count
 *       ({@link InputsFingerprint}).</li>
 *   <li><b>Feasibility.</b> Quotas no panel can meet stop the run with an {@link InfeasibleQuotasException}
 *       carrying the smallest relaxation ({@link Feasibility}).</li>
 *   <li><b>The lottery</b>, by algorithm: LEXIMIN and MAXIMIN ({@link Leximin}, exact probabilities);
 *       CELL_STRATIFIED (seats per stratum in proportion to the pool by largest remainders, exact
 *       probabilities seats / stratum size); LEGACY ({@link LegacyGreedy}: probabilities estimated from
 *       {@link #legacyRuns} runs with the fixed seeds 0, 1, …, so they do not depend on the draw's seed).</li>
 *   <li><b>The panel</b>, with one {@link SeededRandom} made from the seed. For a lottery: {@code u =
 *       nextDouble()} picks the first panel make-up whose cumulative probability exceeds u (in lottery
 *       order; the last if rounding leaves u beyond all); then each stratum in order is shuffled by
 *       Fisher–Yates ({@code nextInt(i + 1)} for i from the last index down to 1) and its first
 *       {@code seats} members are on the panel. For LEGACY the greedy draws with the same generator
 *       ({@link LegacyGreedy#draw(SelectionProblem, java.util.random.RandomGenerator)}).</li>
 *   <li><b>The reserves</b>, with the same generator, continued: {@link Reserves}.</li>
 * </ol>
 */
public final class SortitionRun {

    /**
     * LEGACY's estimation runs: 1,000, or as many as fit in this much greedy work (pool × panel × quotas per
     * run; 2,000 × 200 × 4 takes ~3 ms here), but never fewer than 100.
     */
    private static final long LEGACY_WORK = 2_000_000_000L;
    static final int LEGACY_MIN_RUNS = 100;
    static final int LEGACY_MAX_RUNS = 1_000;

    private SortitionRun() {
    }

    /**
     * The selection algorithms. A version names the whole procedure (lottery, draw, reserves): it changes
     * whenever the same inputs and seed could give another panel, so old fingerprints stay honest.
     * Version 2 of LEXIMIN and maximin: seat slack in the relaxed levels, the LP solver fallback and CP-SAT pricing
     * can write the same optimal probabilities as another mix of panels, hence another panel for a seed.
     */
    public enum Algorithm {
        LEXIMIN("leximin/2"),
        MAXIMIN("maximin/2"),
        LEGACY("legacy/1"),
        CELL_STRATIFIED("cell-stratified/1");

        private final String version;

        Algorithm(String version) {
            this.version = version;
        }

        public String version() {
            return version;
        }

        /** The lower-case name used on the command line and in the version: leximin, cell-stratified, … */
        public String label() {
            return version.substring(0, version.indexOf('/'));
        }

        /** The algorithm with this {@link #label()}, ignoring case; {@code _} may stand for {@code -}. */
        public static Algorithm parse(String label) {
            String wanted = label.strip().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            for (Algorithm a : values()) {
                if (a.label().equals(wanted)) {
                    return a;
                }
            }
            throw new IllegalArgumentException("unknown algorithm '" + label + "'; expected one of "
                    + Arrays.stream(values()).map(Algorithm::label).toList());
        }
    }

    /** 20 % of the panel, rounded up. */
    public static int defaultReserveCount(int panelSize) {
        return (panelSize + 4) / 5;
    }

    /**
     * @param reserveCount how many reserves to list; fewer when the pool runs out
     * @throws InfeasibleQuotasException when no panel meets the quotas
     * @throws IllegalStateException     when LEGACY finds no panel for this seed although one exists
     * @throws IllegalArgumentException  when CELL_STRATIFIED's proportional seats break a quota
     */
    public static SortitionResult run(SelectionProblem problem, Algorithm algorithm, long seed, int reserveCount) {
        if (reserveCount < 0) {
            throw new IllegalArgumentException("the number of reserves must not be negative");
        }
        SelectionProblem canonical = canonical(problem);
        String fingerprint = InputsFingerprint.of(canonical, algorithm.version(), reserveCount);
        Feasibility.Result feasibility = Feasibility.check(canonical);
        if (!feasibility.feasible()) {
            throw new InfeasibleQuotasException(feasibility);
        }
        FeatureTypes types = FeatureTypes.of(canonical);
        SeededRandom random = new SeededRandom(seed);
        Lottery lottery;
        List<Person> panel;
        int runs = 0;
        switch (algorithm) {
            case LEXIMIN, MAXIMIN, CELL_STRATIFIED -> {
                lottery = switch (algorithm) {
                    case LEXIMIN -> Leximin.leximin(canonical);
                    case MAXIMIN -> Leximin.maximin(canonical);
                    default -> cellStratified(canonical, types);
                };
                panel = draw(lottery, random);
            }
            case LEGACY -> {
                runs = legacyRuns(canonical);
                lottery = legacyEstimate(canonical, types, runs);
                panel = LegacyGreedy.draw(canonical, random).orElseThrow(() -> new IllegalStateException(
                        "the legacy algorithm found no panel with seed " + seed + " in " + LegacyGreedy.ATTEMPTS
                                + " attempts, although the quotas can be met; try another algorithm"));
            }
            default -> throw new IllegalStateException("unreachable");
        }
        List<String> panelIds = panel.stream().map(Person::id).sorted().toList();
        // The lottery's own strata are used so the reserves follow exactly the strata the panel was drawn from.
        List<String> reserves = Reserves.order(lottery.types(), panelIds, random, reserveCount).stream()
                .map(Person::id).toList();
        return new SortitionResult(fingerprint, algorithm, seed, lottery, lottery.personProbabilities(), runs,
                panelIds, reserves);
    }

    /**
     * The version of the uniform lottery over M published panels ({@link UniformPanels}), part of the fingerprint
     * together with M: another M, another list.
     */
    public static final String UNIFORM_VERSION = "uniform-panels/1";

    /** The list of M panels to publish before the ceremony, and what it was computed from. */
    public record UniformList(String fingerprint, Lottery lottery, UniformPanels panels, int reserveCount) {
    }

    /**
     * The LEXIMIN lottery rounded to {@code count} equally likely panels. The list is numbered with a generator
     * seeded by the inputs' fingerprint (which includes {@code count}), so it is fixed by the inputs alone and can
     * be published before the number is drawn.
     */
    public static UniformList uniformList(SelectionProblem problem, int count, int reserveCount) {
        if (reserveCount < 0) {
            throw new IllegalArgumentException("the number of reserves must not be negative");
        }
        if (count < 1) {
            throw new IllegalArgumentException("the number of panels must be at least 1, got " + count);
        }
        SelectionProblem canonical = canonical(problem);
        String fingerprint = InputsFingerprint.of(canonical, uniformVersion(count), reserveCount);
        Feasibility.Result feasibility = Feasibility.check(canonical);
        if (!feasibility.feasible()) {
            throw new InfeasibleQuotasException(feasibility);
        }
        Lottery lottery = Leximin.leximin(canonical);
        long numberingSeed = Long.parseUnsignedLong(fingerprint.substring(0, 16), 16);
        return new UniformList(fingerprint, lottery, UniformPanels.round(lottery, count, numberingSeed), reserveCount);
    }

    /** What the fingerprint names as the algorithm of a uniform lottery over {@code count} panels. */
    public static String uniformVersion(int count) {
        return Algorithm.LEXIMIN.version() + " " + UNIFORM_VERSION + " M=" + count;
    }

    /**
     * Panel number {@code number} of the list, and its reserves ({@link Reserves}, with a generator seeded by the
     * number: everything after the list follows from the number drawn in public).
     */
    public static SortitionResult drawUniform(UniformList list, int number) {
        List<String> panel = list.panels().panel(number);
        List<String> reserves = uniformReserves(list.lottery().types(), panel, number, list.reserveCount());
        return new SortitionResult(list.fingerprint(), Algorithm.LEXIMIN, number, list.lottery(),
                list.panels().shares(), 0, panel, reserves);
    }

    /**
     * The reserves of panel {@code number} of a published list, from the problem alone (the app keeps the list, not
     * the lottery): the same as {@link #drawUniform} gives.
     */
    public static List<String> uniformReserves(SelectionProblem problem, List<String> panel, int number,
                                               int reserveCount) {
        return uniformReserves(FeatureTypes.of(canonical(problem)), panel, number, reserveCount);
    }

    private static List<String> uniformReserves(FeatureTypes types, List<String> panel, int number, int reserveCount) {
        return Reserves.order(types, panel, new SeededRandom(number), reserveCount).stream().map(Person::id).toList();
    }

    /** The panel number a seed picks when no number was drawn by hand: 1..count. */
    public static int numberFromSeed(long seed, int count) {
        return 1 + new SeededRandom(seed).nextInt(count);
    }

    /** The inputs in canonical order: pool by id, quotas by feature then value. */
    static SelectionProblem canonical(SelectionProblem problem) {
        List<Person> pool = problem.pool().stream().sorted(Comparator.comparing(Person::id)).toList();
        List<Quota> quotas = problem.quotas().stream()
                .sorted(Comparator.comparing(Quota::feature).thenComparing(Quota::value)).toList();
        return new SelectionProblem(pool, quotas, problem.panelSize());
    }

    /** A panel of the lottery: a make-up by its probability, then members uniformly within each stratum. */
    static List<Person> draw(Lottery lottery, SeededRandom random) {
        double u = random.nextDouble();
        Lottery.TypePanel chosen = lottery.panels().getLast();
        double cumulative = 0;
        for (Lottery.TypePanel p : lottery.panels()) {
            cumulative += p.probability();
            if (u < cumulative) {
                chosen = p;
                break;
            }
        }
        List<Person> panel = new ArrayList<>();
        for (FeatureTypes.Type t : lottery.types().types()) {
            List<Person> members = new ArrayList<>(t.members());
            Reserves.shuffle(members, random);
            panel.addAll(members.subList(0, chosen.seats()[t.index()]));
        }
        return panel;
    }

    /** Seats per stratum in proportion to its share of the pool (largest remainders): one make-up, probability 1. */
    /**
     * The Korean practice: seats to cells (strata) in proportion to the population, then a simple random
     * sample in each. Only each feature's quotas are given, not the population's cross-tabulation, so a
     * cell's share is the product of its values' quota midpoints (the shares the quotas were set from),
     * each feature normalised: the population under the usual assumption that the features are independent.
     */
    private static Lottery cellStratified(SelectionProblem problem, FeatureTypes types) {
        Map<String, Map<String, Double>> midpoints = new LinkedHashMap<>();
        for (Quota q : problem.quotas()) {
            midpoints.computeIfAbsent(q.feature(), f -> new LinkedHashMap<>()).put(q.value(), (q.min() + q.max()) / 2.0);
        }
        Map<List<String>, Double> shares = new LinkedHashMap<>();
        for (FeatureTypes.Type t : types.types()) {
            double share = 1;
            for (int f = 0; f < types.features().size(); f++) {
                Map<String, Double> byValue = midpoints.get(types.features().get(f));
                double total = byValue.values().stream().mapToDouble(Double::doubleValue).sum();
                share *= total == 0 ? 0 : byValue.get(t.values().get(f)) / total;
            }
            shares.put(t.values(), share);
        }
        if (shares.values().stream().allMatch(v -> v == 0)) {
            throw new IllegalArgumentException("no cell of the pool has a population share");
        }
        Map<List<String>, Integer> seatsByCell = CellStratifiedSampling.allocate(shares, problem.panelSize());
        int[] seats = new int[types.types().size()];
        types.types().forEach(t -> seats[t.index()] = seatsByCell.get(t.values()));
        List<String> shortCells = new ArrayList<>();
        for (FeatureTypes.Type t : types.types()) {
            if (seats[t.index()] > t.size()) {
                shortCells.add(cellName(types, t) + ": pool has " + t.size() + ", the cell needs "
                        + seats[t.index()]);
            }
        }
        if (!shortCells.isEmpty()) {
            throw new IllegalArgumentException("not enough people in some cells: " + String.join("; ", shortCells)
                    + ". Use leximin, which meets every quota");
        }
        List<String> broken = new ArrayList<>();
        for (Quota q : problem.quotas()) {
            int n = 0;
            for (FeatureTypes.Type t : types.types()) {
                if (types.counts(t, q)) {
                    n += seats[t.index()];
                }
            }
            if (n < q.min() || n > q.max()) {
                broken.add(q.feature() + "=" + q.value() + " gets " + n + " seats, quota " + q.min() + ".." + q.max());
            }
        }
        if (!broken.isEmpty()) {
            throw new IllegalArgumentException("seats in proportion to the population break quotas: "
                    + String.join("; ", broken) + ". Use leximin, which meets every quota");
        }
        return new Lottery(types, List.of(new Lottery.TypePanel(seats, 1.0)), "cell-stratified");
    }

    private static String cellName(FeatureTypes types, FeatureTypes.Type t) {
        List<String> parts = new ArrayList<>();
        for (int f = 0; f < types.features().size(); f++) {
            parts.add(types.features().get(f) + "=" + t.values().get(f));
        }
        return String.join(", ", parts);
    }

    /** How many seeded runs estimate LEGACY's probabilities: fewer for big pools, so a run stays quick. */
    public static int legacyRuns(SelectionProblem problem) {
        long work = (long) problem.pool().size() * problem.panelSize() * Math.max(1, problem.quotas().size());
        return (int) Math.max(LEGACY_MIN_RUNS, Math.min(LEGACY_MAX_RUNS, LEGACY_WORK / work));
    }

    /**
     * LEGACY's lottery as observed: the panel make-ups of runs with seeds 0 … runs-1, each with its share of
     * the successful runs. The greedy treats members of a stratum alike, so counting make-ups (rather than
     * people) loses nothing and pools each stratum's draws into one estimate.
     */
    private static Lottery legacyEstimate(SelectionProblem problem, FeatureTypes types, int runs) {
        Map<String, Integer> stratumOf = new LinkedHashMap<>();
        types.types().forEach(t -> t.members().forEach(p -> stratumOf.put(p.id(), t.index())));
        Map<String, int[]> makeUps = new LinkedHashMap<>();
        Map<String, Integer> counts = new LinkedHashMap<>();
        int successes = 0;
        for (int run = 0; run < runs; run++) {
            var panel = LegacyGreedy.draw(problem, new SeededRandom(run));
            if (panel.isEmpty()) {
                continue;
            }
            int[] seats = new int[types.types().size()];
            panel.get().forEach(p -> seats[stratumOf.get(p.id())]++);
            String key = Arrays.toString(seats);
            makeUps.putIfAbsent(key, seats);
            counts.merge(key, 1, Integer::sum);
            successes++;
        }
        if (successes == 0) {
            throw new IllegalStateException("the legacy algorithm found no panel in " + runs
                    + " runs, although the quotas can be met; try another algorithm");
        }
        List<Lottery.TypePanel> panels = new ArrayList<>();
        for (Map.Entry<String, int[]> e : makeUps.entrySet()) {
            panels.add(new Lottery.TypePanel(e.getValue(), counts.get(e.getKey()) / (double) successes));
        }
        return new Lottery(types, panels, "legacy");
    }
}
