package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * LEXIMIN (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 2021): the lottery over quota-satisfying
 * panels that maximises the smallest selection probability, then the next smallest, and so on.
 *
 * <p>Solved over feature types instead of individuals: members of a type are interchangeable, so a panel
 * is a vector of seats per type and every member of a type gets the same probability. Two steps:
 * <ol>
 * <li>The leximin levels over the LP relaxation ({@link RelaxedLevels}): a handful of small LPs. Every
 * lottery's expected seats lie in the relaxation, so a lottery that reaches these values is optimal.</li>
 * <li>A lottery that reaches them: the face walk ({@link FaceWalk}) writes the relaxed point as an average
 * of whole panels directly; if it stops early, column generation ({@link ColumnMaster}) finishes from its
 * panels, pricing by local search, CP-SAT and SCIP ({@link PanelSearch}).</li>
 * </ol>
 * When whole panels cannot reach the relaxation (tight quotas on small pools can cause that, and exact
 * pricing proves it), the levels are computed one by one as in the paper: maximise the smallest unfixed
 * probability by column generation, bounded by the relaxation and by exact pricing, then fix the types
 * that cannot rise further.
 */
public final class Leximin {

    /** Probabilities are exact to this (the LPs' tolerances are far smaller). */
    static final double TOLERANCE = 1e-7;
    /**
     * Fixed probabilities are held this much below their level, so that rounding does not make the next
     * LP infeasible. Kept tiny: the slack of many types adds up, and the final expected seats must then
     * put it on some type above its level (1e-9 let one type of 1,600 overshoot by 6e-7; 1e-11 by 3e-9).
     */
    private static final double FIX_SLACK = 1e-11;
    /**
     * How far below its level a fixed type's expected seats may fall in the relaxed levels, tried in turn when
     * the next level's LP comes out infeasible: within GLOP's row tolerance first, then wider. The widest
     * still leaves every probability within {@link #TOLERANCE} of its level for types of ten or more.
     */
    private static final double[] SEAT_SLACK = {1e-11, 1e-9, 1e-8, 1e-7, 1e-6};
    /** A dual weight share (they sum to 1) above this marks a type as stuck at its level. */
    private static final double STUCK_SHARE = 1e-6;
    /** A panel must beat the best known one by this much (in dual value) to count as an improvement. */
    private static final double IMPROVEMENT = 1e-9;
    private static final int MAX_ROUNDS = 100_000;
    /**
     * Local searches per round on the way to the relaxed leximin, from the best known panels: each is
     * microseconds, and many new columns per round cut the rounds (sparse 337/23: 1 search, 39 s; 50, 13 s).
     */
    private static final int LOCAL_SEARCHES = 50;
    /** The first panel need only be a good one. */
    private static final double FIRST_PANEL_GAP = 1e-3;
    /** Improving panels CP-SAT may hand over per pricing round before it stops. */
    private static final int SAT_COLUMNS = 10;

    private Leximin() {
    }

    public static Lottery leximin(SelectionProblem problem) {
        return solve(problem, false, true);
    }

    /**
     * A lottery with the largest possible smallest probability. Any such lottery will do; when the relaxed
     * leximin is reachable this is the leximin lottery (it is one of them, and no slower to find),
     * otherwise the paper's scheme stops after its first level.
     */
    public static Lottery maximin(SelectionProblem problem) {
        return solve(problem, true, true);
    }

    /**
     * @param firstLevelOnly   maximin instead of leximin
     * @param relaxationFirst  false skips the relaxed route and computes the levels one by one (for tests)
     */
    static Lottery solve(SelectionProblem problem, boolean firstLevelOnly, boolean relaxationFirst) {
        NativeSolvers.load();
        FeatureTypes types = FeatureTypes.of(problem);
        PanelSpace space = PanelSpace.of(problem, types);
        try (PanelSearch search = new PanelSearch(space); ColumnMaster master = new ColumnMaster(space)) {
            // A first panel that favours the rarest types; infeasible quotas end here, with the diagnosis.
            double[] rare = IntStream.range(0, space.types).mapToDouble(t -> 1.0 / space.size[t]).toArray();
            // CP-SAT finds panels under tight quotas on thousands of types far sooner than SCIP (7,090 people: 12 s).
            SatPricing.Result first = search.sat(rare, null, PanelSearch.Bounds.of(space), Double.POSITIVE_INFINITY, 0,
                    Double.POSITIVE_INFINITY, FIRST_PANEL_GAP);
            if (first.best() == null) {
                throw new InfeasibleQuotasException(Feasibility.check(problem));
            }
            master.add(first.best());
            Outcome outcome = null;
            if (relaxationFirst) {
                try {
                    outcome = reachRelaxedLeximin(space, search, master);
                } catch (LpSolvers.LpFailure e) {
                    // Every LP solver failed on the relaxed route: the levels one by one still work without it.
                    outcome = null;
                }
            }
            if (outcome == null) {
                outcome = exactLevels(space, search, master, firstLevelOnly);
            }
            return outcome.mixture().lottery(types, firstLevelOnly ? "maximin" : "leximin", outcome.certificate());
        }
    }

    /** A lottery and how its optimality was shown. */
    private record Outcome(Mixture mixture, Certificate certificate) {
    }

    /** The relaxed leximin: each type's level, and expected seats per type that meet every level and quota. */
    record Relaxed(double[] level, double[] expected, double firstLevel, String solver) {
    }

    static Relaxed relaxedLeximin(PanelSpace space) {
        LpSolvers.LpFailure last = null;
        for (String solver : LpSolvers.ORDER) {
            try {
                return relaxedLeximin(space, solver);
            } catch (LpSolvers.LpFailure e) {
                last = e;
            }
        }
        throw last;
    }

    static Relaxed relaxedLeximin(PanelSpace space, String solver) {
        double[] fixed = new double[space.types];
        Arrays.fill(fixed, Double.NaN);
        int unfixed = space.types;
        double firstLevel = Double.NaN;
        try (RelaxedLevels relaxed = new RelaxedLevels(space, solver)) {
            int slack = 0;
            while (unfixed > 0) {
                java.util.Optional<RelaxedLevels.Level> solved = relaxed.trySolve();
                if (solved.isEmpty()) {
                    // The levels fixed so far, each read off an LP solution, do not quite fit together: widen
                    // their slack and solve again (tight, exact quotas on many types can need it).
                    if (++slack >= SEAT_SLACK.length) {
                        throw new LpSolvers.LpFailure("the relaxed level LP did not solve in " + solver);
                    }
                    refix(space, relaxed, fixed, SEAT_SLACK[slack]);
                    continue;
                }
                RelaxedLevels.Level level = solved.get();
                if (Double.isNaN(firstLevel)) {
                    firstLevel = level.value();
                }
                for (int t : stuck(level.dualShare(), fixed)) {
                    fixed[t] = level.value();
                    relaxed.fixSeats(t, level.value() * space.size[t] - SEAT_SLACK[slack]);
                    unfixed--;
                }
            }
            // The last LP's solution meets the quotas far more precisely than the level values added up.
            return new Relaxed(fixed, relaxed.solveFixed(fixed), firstLevel, solver);
        }
    }

    private static void refix(PanelSpace space, RelaxedLevels relaxed, double[] fixed, double seatSlack) {
        for (int t = 0; t < space.types; t++) {
            if (!Double.isNaN(fixed[t])) {
                relaxed.fixSeats(t, fixed[t] * space.size[t] - seatSlack);
            }
        }
    }

    /**
     * A lottery whose type probabilities reach the relaxed leximin, or null when exact pricing proves
     * that none exists. First the face walk; if it stops early, column generation from its panels:
     * maximise {@code g} with every type's expected seats at least {@code g} times its target, where
     * {@code g = 1} is the optimum.
     */
    private static Outcome reachRelaxedLeximin(PanelSpace space, PanelSearch search, ColumnMaster master) {
        Relaxed relaxed = relaxedLeximin(space);
        double[] target = relaxed.level();
        double[] expected = relaxed.expected();
        FaceWalk.Result walk = FaceWalk.decompose(space, search, expected, master.panels().getFirst());
        Mixture direct = new Mixture(walk.panels(), walk.weights());
        if (walk.remaining() <= TOLERANCE && direct.reaches(space, target)) {
            Mixture lottery = direct.normalised();
            return new Outcome(lottery, relaxationCertificate(space, relaxed, lottery, relaxed.solver()));
        }
        walk.panels().forEach(master::add);
        for (int t = 0; t < space.types; t++) {
            master.target(t, expected[t], 0);
        }
        for (int round = 0; round < MAX_ROUNDS; round++) {
            ColumnMaster.Solution solution = master.solve();
            if (solution.goal() >= 1 - TOLERANCE) {
                Mixture lottery = Mixture.of(master, solution);
                return new Outcome(lottery, relaxationCertificate(space, relaxed, lottery,
                        relaxed.solver().equals(master.solversUsed()) ? relaxed.solver()
                                : relaxed.solver() + "; " + master.solversUsed()));
            }
            if (!addImprovingPanels(search, master, solution, LOCAL_SEARCHES, 1 - TOLERANCE).added()) {
                return null;
            }
        }
        throw new IllegalStateException("column generation did not converge");
    }

    /** The lottery reaches the relaxed leximin: its gap is how far any type falls short of its relaxed level. */
    private static Certificate relaxationCertificate(PanelSpace space, Relaxed relaxed, Mixture lottery,
                                                     String solvers) {
        double[] reached = lottery.typeProbabilities(space);
        double gap = 0;
        for (int t = 0; t < space.types; t++) {
            gap = Math.max(gap, relaxed.level()[t] - reached[t]);
        }
        return new Certificate(Certificate.Method.RELAXATION_REACHED, relaxed.firstLevel(), gap, solvers, "",
                LpSolvers.orToolsVersion());
    }

    /**
     * The paper's scheme: per level, maximise the smallest unfixed probability, then fix the types that
     * cannot rise above it. A level is closed when the master LP reaches the relaxed bound (then the
     * relaxation's duals name the stuck types) or when exact pricing proves that no panel improves it
     * (then the master's duals do).
     */
    private static Outcome exactLevels(PanelSpace space, PanelSearch search, ColumnMaster master,
                                       boolean firstLevelOnly) {
        double[] fixed = new double[space.types];
        Arrays.fill(fixed, Double.NaN);
        for (int t = 0; t < space.types; t++) {
            master.target(t, space.size[t], 0);
        }
        int unfixed = space.types;
        ColumnMaster.Solution solution = null;
        double relaxationBound = Double.NaN;
        double worstGap = 0;
        Set<String> closedBy = new LinkedHashSet<>();
        try (RelaxedLevels relaxed = new RelaxedLevels(space)) {
            boolean useBound = true;
            while (unfixed > 0) {
                // The relaxation only speeds levels up; if it stops solving, exact pricing closes them alone.
                RelaxedLevels.Level bound = useBound ? relaxed.trySolve().orElse(null) : null;
                useBound = bound != null;
                double upper = useBound ? bound.value() : Double.POSITIVE_INFINITY;
                if (Double.isNaN(relaxationBound) && bound != null) {
                    relaxationBound = bound.value();
                }
                List<Integer> stuck = null;
                for (int round = 0; stuck == null; round++) {
                    if (round == MAX_ROUNDS) {
                        throw new IllegalStateException("column generation did not converge");
                    }
                    solution = master.solve();
                    // Exact pricing only: its panels converge in far fewer rounds (uniform 1,000/300 level by
                    // level: 9 s, against 89 s with eight local searches per round).
                    Pricing pricing;
                    if (solution.goal() >= upper - TOLERANCE) {
                        worstGap = Math.max(worstGap, upper - solution.goal());
                        stuck = stuck(bound.dualShare(), fixed);
                        closedBy.add("relaxation bound");
                    } else if (!(pricing = addImprovingPanels(search, master, solution, 0, Double.NEGATIVE_INFINITY))
                            .added()) {
                        worstGap = Math.max(worstGap, pricing.gap());
                        closedBy.add(pricing.prover());
                        double[] share = new double[space.types];
                        for (int t = 0; t < space.types; t++) {
                            share[t] = solution.duals()[t] * space.size[t];
                        }
                        stuck = stuck(share, fixed);
                    }
                }
                for (int t : stuck) {
                    fixed[t] = solution.goal();
                    master.target(t, 0, space.size[t] * (solution.goal() - FIX_SLACK));
                    relaxed.fix(t, solution.goal() - FIX_SLACK);
                    unfixed--;
                }
                if (firstLevelOnly) {
                    break;
                }
            }
        }
        return new Outcome(Mixture.of(master, solution), new Certificate(Certificate.Method.EXACT_PRICING,
                relaxationBound, worstGap, master.solversUsed(), String.join(", ", closedBy),
                LpSolvers.orToolsVersion()));
    }

    /** Unfixed types with a clearly positive dual share; at least the largest one (the shares of unfixed types sum to 1). */
    private static List<Integer> stuck(double[] share, double[] fixed) {
        List<Integer> stuck = new ArrayList<>();
        int largest = -1;
        for (int t = 0; t < share.length; t++) {
            if (Double.isNaN(fixed[t])) {
                if (share[t] > STUCK_SHARE) {
                    stuck.add(t);
                }
                if (largest < 0 || share[t] > share[largest]) {
                    largest = t;
                }
            }
        }
        if (stuck.isEmpty()) {
            stuck.add(largest);
        }
        return stuck;
    }

    /**
     * Adds panels whose dual value beats every known panel: first by local search from the
     * {@code localSearches} best known panels, and if that finds none, by CP-SAT (several at once), and if that
     * neither finds nor rules them out, by SCIP. False when the exact search proves that the master LP's goal
     * is optimal (within the tolerance), or that it cannot rise to {@code unreachableBelow}; then with the
     * proven gap.
     */
    private static Pricing addImprovingPanels(PanelSearch search, ColumnMaster master,
                                              ColumnMaster.Solution solution, int localSearches,
                                              double unreachableBelow) {
        PanelSearch.Bounds anyPanel = search.problemBounds();
        double[] duals = solution.duals();
        List<int[]> panels = master.panels();
        // Each panel's value once: sorting by a computed value costs types x panels x log(panels) otherwise.
        double[] values = panels.stream().mapToDouble(p -> PanelSpace.value(duals, p)).toArray();
        double best = Arrays.stream(values).max().orElseThrow();
        List<int[]> starts = IntStream.range(0, values.length).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> values[j]).reversed())
                .limit(localSearches).map(panels::get).toList();
        boolean added = false;
        int[] bestFound = panels.getFirst();
        for (int[] start : starts) {
            int[] panel = search.improve(duals, start, anyPanel);
            double value = PanelSpace.value(duals, panel);
            if (value > best + IMPROVEMENT && master.add(panel)) {
                added = true;
            }
            if (value > PanelSpace.value(duals, bestFound)) {
                bestFound = panel;
            }
        }
        if (added) {
            return new Pricing(true, Double.NaN, null);
        }
        // CP-SAT next: it hands over several improving panels per solve, or proves there is none.
        SatPricing.Result sat = search.sat(duals, bestFound, anyPanel, best + IMPROVEMENT, SAT_COLUMNS,
                Double.POSITIVE_INFINITY, 0);
        for (int[] panel : sat.improving()) {
            added |= master.add(panel);
        }
        if (added) {
            return new Pricing(true, Double.NaN, null);
        }
        if (sat.optimal()) {
            double gap = sat.bound() - best;
            if (gap <= TOLERANCE || solution.goal() + gap < unreachableBelow) {
                return new Pricing(false, Math.max(0, gap), "CP-SAT");
            }
        }
        // SCIP as the last word: with its own bound, and a panel of its own.
        PanelSearch.Exact exact = search.exact(duals, bestFound, anyPanel).orElseThrow();
        // Lagrangian bound: no lottery's goal exceeds the master's by more than the best panel's excess value.
        double gap = exact.bound() - best;
        if (gap <= TOLERANCE || solution.goal() + gap < unreachableBelow) {
            return new Pricing(false, Math.max(0, gap), "SCIP");
        }
        return new Pricing(master.add(exact.panel()), gap, "SCIP");
    }

    /**
     * Whether pricing added a panel, and otherwise the proven gap (how much the goal could still rise at most) and
     * the exact pricer that proved it.
     */
    private record Pricing(boolean added, double gap, String prover) {
    }

    /** Panels with their probabilities. */
    private record Mixture(List<int[]> panels, List<Double> weights) {

        static Mixture of(ColumnMaster master, ColumnMaster.Solution solution) {
            List<int[]> panels = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            for (int j = 0; j < solution.lambda().length; j++) {
                if (solution.lambda()[j] > 1e-12) {
                    panels.add(master.panels().get(j));
                    weights.add(solution.lambda()[j]);
                }
            }
            return new Mixture(panels, weights).normalised();
        }

        Mixture normalised() {
            double total = weights.stream().mapToDouble(Double::doubleValue).sum();
            return new Mixture(panels, weights.stream().map(w -> w / total).toList());
        }

        /** Each type's probability under this mixture. */
        double[] typeProbabilities(PanelSpace space) {
            double[] probability = new double[space.types];
            for (int j = 0; j < panels.size(); j++) {
                for (int t = 0; t < space.types; t++) {
                    probability[t] += weights.get(j) * panels.get(j)[t] / space.size[t];
                }
            }
            return probability;
        }

        /** Does every type get at least its target probability (within the tolerance)? */
        boolean reaches(PanelSpace space, double[] target) {
            double[] probability = typeProbabilities(space);
            for (int t = 0; t < space.types; t++) {
                if (probability[t] < target[t] - TOLERANCE) {
                    return false;
                }
            }
            return true;
        }

        Lottery lottery(FeatureTypes types, String algorithm, Certificate certificate) {
            List<Lottery.TypePanel> typePanels = new ArrayList<>();
            for (int j = 0; j < panels.size(); j++) {
                typePanels.add(new Lottery.TypePanel(panels.get(j), weights.get(j)));
            }
            return new Lottery(types, typePanels, algorithm, certificate);
        }
    }
}
