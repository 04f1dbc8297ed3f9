package org.gongnon.algorithms.sortition;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Finds panels with a large weighted sum of seats (the pricing problem of column generation), within
 * bounds on each type's seats and each quota's count that may be tighter than the problem's: fast local
 * moves (a seat from one type to another; two seats for two that keep every quota count), CP-SAT
 * ({@link SatPricing}: several improving panels per solve, and good panels on many types far sooner), and an
 * integer program (SCIP) that is built once and re-solved with new weights and bounds.
 */
final class PanelSearch implements AutoCloseable {

    /** SCIP's default stopping gap (1e-4) is too loose to prove that no column improves the master LP. */
    private static final double RELATIVE_GAP = 1e-9;

    private final PanelSpace space;
    private final MPSolver ip;
    private final MPVariable[] seats;
    private final MPConstraint[] rows;
    private final MPSolverParameters parameters = new MPSolverParameters();
    /** Types by their quota rows (their feature values), to find the types two others recombine into. */
    private final Map<Key, Integer> typeByRows = new HashMap<>();
    /** CP-SAT's deterministic time spent so far, so a caller can budget its work reproducibly. */
    private double satSeconds;

    /** Seats per type within {@code [low, high]}, seats per quota within {@code [rowLow, rowHigh]}. */
    record Bounds(int[] low, int[] high, int[] rowLow, int[] rowHigh) {

        static Bounds of(PanelSpace space) {
            return new Bounds(new int[space.types], space.size.clone(), space.rowMin.clone(), space.rowMax.clone());
        }
    }

    PanelSearch(PanelSpace space) {
        this.space = space;
        ip = MPSolver.createSolver("SCIP");
        seats = new MPVariable[space.types];
        for (int t = 0; t < space.types; t++) {
            seats[t] = ip.makeIntVar(0, space.size[t], "s" + t);
        }
        MPConstraint total = ip.makeConstraint(space.panelSize, space.panelSize);
        rows = new MPConstraint[space.rows()];
        for (int row = 0; row < rows.length; row++) {
            rows[row] = ip.makeConstraint(space.rowMin[row], space.rowMax[row]);
        }
        for (int t = 0; t < space.types; t++) {
            total.setCoefficient(seats[t], 1);
            for (int row : space.rowsOf[t]) {
                rows[row].setCoefficient(seats[t], 1);
            }
        }
        ip.objective().setMaximization();
        for (int t = 0; t < space.types; t++) {
            typeByRows.put(new Key(space.rowsOf[t]), t);
        }
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, RELATIVE_GAP);
    }

    /** The problem's own bounds. */
    Bounds problemBounds() {
        return Bounds.of(space);
    }

    /** The best panel and a proven upper bound on its value (SCIP's dual bound). */
    record Exact(int[] panel, double bound) {
    }

    /** The best panel within the bounds, or empty if there is none. */
    Optional<Exact> exact(double[] weights, int[] hint, Bounds bounds) {
        return solve(weights, hint, bounds, RELATIVE_GAP);
    }

    /** A panel within the bounds whose weight is within {@code gap} (relative) of the best, or empty if there is none. */
    Optional<Exact> nearBest(double[] weights, int[] hint, Bounds bounds, double gap) {
        return solve(weights, hint, bounds, gap);
    }

    /** {@link SatPricing#solve} on this search's panels, its time counted in {@link #satSeconds()}. */
    SatPricing.Result sat(double[] weights, int[] hint, Bounds bounds, double threshold, int maxImproving,
                          double deterministicSeconds, double relativeGap) {
        SatPricing.Result result = SatPricing.solve(space, weights, hint, bounds, threshold, maxImproving,
                deterministicSeconds, relativeGap);
        satSeconds += result.deterministicSeconds();
        return result;
    }

    double satSeconds() {
        return satSeconds;
    }

    private Optional<Exact> solve(double[] weights, int[] hint, Bounds bounds, double gap) {
        parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, gap);
        for (int t = 0; t < space.types; t++) {
            ip.objective().setCoefficient(seats[t], weights[t]);
            seats[t].setBounds(bounds.low()[t], bounds.high()[t]);
        }
        for (int row = 0; row < rows.length; row++) {
            rows[row].setBounds(bounds.rowLow()[row], bounds.rowHigh()[row]);
        }
        if (hint != null) {
            ip.setHint(seats, Arrays.stream(hint).asDoubleStream().toArray());
        }
        MPSolver.ResultStatus status = ip.solve(parameters);
        if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.INFEASIBLE) {
            // SCIP can refuse new bounds on a variable its last presolve made binary ("invalid bounds for binary
            // variable", ABNORMAL); built afresh, the same model solves.
            ip.reset();
            status = ip.solve(parameters);
        }
        if (status == MPSolver.ResultStatus.INFEASIBLE) {
            return Optional.empty();
        }
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("the panel search did not finish: " + status);
        }
        int[] panel = new int[space.types];
        for (int t = 0; t < space.types; t++) {
            panel[t] = (int) Math.round(seats[t].solutionValue());
        }
        double bound = Math.max(ip.objective().bestBound(), PanelSpace.value(weights, panel));
        return Optional.of(new Exact(panel, bound));
    }

    /**
     * Moves single seats between types until the panel lies within the bounds, each move the one that
     * removes the most violation (ties: the most weight). False, with the panel partly repaired, when no
     * single move helps any more.
     */
    boolean repair(int[] panel, double[] weights, Bounds bounds) {
        int[] counts = space.counts(panel);
        int violation = violation(panel, counts, bounds);
        while (violation > 0) {
            int bestFrom = -1;
            int bestTo = -1;
            int bestDrop = 0;
            double bestGain = Double.NEGATIVE_INFINITY;
            for (int from = 0; from < space.types; from++) {
                if (panel[from] == 0) {
                    continue;
                }
                for (int to = 0; to < space.types; to++) {
                    if (to == from || panel[to] == space.size[to]) {
                        continue;
                    }
                    int drop = violationDrop(from, to, panel, counts, bounds);
                    double gain = weights[to] - weights[from];
                    if (drop > bestDrop || drop == bestDrop && drop > 0 && gain > bestGain) {
                        bestFrom = from;
                        bestTo = to;
                        bestDrop = drop;
                        bestGain = gain;
                    }
                }
            }
            if (bestDrop == 0) {
                return false;
            }
            move(bestFrom, bestTo, panel, counts);
            violation -= bestDrop;
        }
        return true;
    }

    /**
     * Improves a panel within the bounds by moving single seats from a type of lower weight to one of
     * higher weight, until no such move is left. Returns a new array.
     */
    int[] improve(double[] weights, int[] start, Bounds bounds) {
        int[] panel = start.clone();
        int[] counts = space.counts(panel);
        Integer[] byWeight = new Integer[space.types];
        for (int t = 0; t < space.types; t++) {
            byWeight[t] = t;
        }
        Arrays.sort(byWeight, (a, b) -> Double.compare(weights[b], weights[a]));
        int[] members = new int[space.panelSize];
        boolean moved = true;
        while (moved) {
            moved = false;
            int m = 0;
            for (int i = byWeight.length - 1; i >= 0; i--) {
                if (panel[byWeight[i]] > bounds.low()[byWeight[i]]) {
                    members[m++] = byWeight[i];
                }
            }
            if (m == 0) {
                break;
            }
            // members[0..m) runs from the lowest weight up; candidates run from the highest weight down.
            search:
            for (int candidate : byWeight) {
                if (weights[candidate] <= weights[members[0]] + 1e-12) {
                    break;
                }
                if (panel[candidate] >= bounds.high()[candidate]) {
                    continue;
                }
                for (int i = 0; i < m; i++) {
                    int leaving = members[i];
                    if (weights[leaving] >= weights[candidate] - 1e-12) {
                        break;
                    }
                    if (leaving != candidate && rowsAllow(leaving, candidate, counts, bounds)) {
                        move(leaving, candidate, panel, counts);
                        moved = true;
                        break search;
                    }
                }
            }
        }
        return panel;
    }

    private record Key(int[] rows) {

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Arrays.equals(rows, k.rows);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(rows);
        }
    }

    /**
     * Empties a type that must have no seats by exchanges that keep every quota count: a seat of it and a
     * seat of another panel type {@code c} are replaced by two types that share their feature values
     * between them (per feature, one takes the emptied type's value and the other {@code c}'s). The
     * exchange with the most weight is taken. False if some seat cannot be moved this way.
     */
    boolean emptyByExchanges(int[] panel, double[] weights, Bounds bounds, int emptied) {
        int features = space.rowsOf[emptied].length;
        int[] diff = new int[features];
        int[] rowsB = new int[features];
        int[] rowsE = new int[features];
        while (panel[emptied] > bounds.high()[emptied]) {
            double bestGain = Double.NEGATIVE_INFINITY;
            int bestC = -1;
            int bestB = -1;
            int bestE = -1;
            int[] d = space.rowsOf[emptied];
            for (int c = 0; c < space.types; c++) {
                if (c == emptied || panel[c] <= bounds.low()[c]) {
                    continue;
                }
                int[] rc = space.rowsOf[c];
                int differing = 0;
                for (int f = 0; f < features; f++) {
                    if (d[f] != rc[f]) {
                        diff[differing++] = f;
                    }
                }
                // b keeps the emptied type's value on the first differing feature, so each pair is seen once.
                for (int mask = 2; mask < (1 << differing); mask += 2) {
                    System.arraycopy(d, 0, rowsB, 0, features);
                    System.arraycopy(rc, 0, rowsE, 0, features);
                    for (int i = 0; i < differing; i++) {
                        if ((mask & (1 << i)) != 0) {
                            rowsB[diff[i]] = rc[diff[i]];
                            rowsE[diff[i]] = d[diff[i]];
                        }
                    }
                    Integer b = typeByRows.get(new Key(rowsB));
                    Integer e = b == null ? null : typeByRows.get(new Key(rowsE));
                    if (e == null) {
                        continue;
                    }
                    int need = b.equals(e) ? 2 : 1;
                    if (panel[b] + need > bounds.high()[b] || panel[e] + need > bounds.high()[e]) {
                        continue;
                    }
                    double gain = weights[b] + weights[e] - weights[c];
                    if (gain > bestGain) {
                        bestGain = gain;
                        bestC = c;
                        bestB = b;
                        bestE = e;
                    }
                }
            }
            if (bestC < 0) {
                return false;
            }
            panel[emptied]--;
            panel[bestC]--;
            panel[bestB]++;
            panel[bestE]++;
        }
        return true;
    }

    /** Can one seat move from type {@code from} to type {@code to} without taking a quota out of its bounds? */
    private boolean rowsAllow(int from, int to, int[] counts, Bounds bounds) {
        int[] out = space.rowsOf[from];
        int[] in = space.rowsOf[to];
        for (int f = 0; f < out.length; f++) {
            if (out[f] != in[f] && (counts[out[f]] <= bounds.rowLow()[out[f]] || counts[in[f]] >= bounds.rowHigh()[in[f]])) {
                return false;
            }
        }
        return true;
    }

    private int violation(int[] panel, int[] counts, Bounds bounds) {
        int v = 0;
        for (int t = 0; t < space.types; t++) {
            v += outside(panel[t], bounds.low()[t], bounds.high()[t]);
        }
        for (int row = 0; row < counts.length; row++) {
            v += outside(counts[row], bounds.rowLow()[row], bounds.rowHigh()[row]);
        }
        return v;
    }

    private int violationDrop(int from, int to, int[] panel, int[] counts, Bounds bounds) {
        int[] low = bounds.low();
        int[] high = bounds.high();
        int drop = outside(panel[from], low[from], high[from]) - outside(panel[from] - 1, low[from], high[from])
                + outside(panel[to], low[to], high[to]) - outside(panel[to] + 1, low[to], high[to]);
        int[] out = space.rowsOf[from];
        int[] in = space.rowsOf[to];
        for (int f = 0; f < out.length; f++) {
            if (out[f] != in[f]) {
                int o = out[f];
                int i = in[f];
                drop += outside(counts[o], bounds.rowLow()[o], bounds.rowHigh()[o])
                        - outside(counts[o] - 1, bounds.rowLow()[o], bounds.rowHigh()[o])
                        + outside(counts[i], bounds.rowLow()[i], bounds.rowHigh()[i])
                        - outside(counts[i] + 1, bounds.rowLow()[i], bounds.rowHigh()[i]);
            }
        }
        return drop;
    }

    private static int outside(int value, int low, int high) {
        return value < low ? low - value : value > high ? value - high : 0;
    }

    private void move(int from, int to, int[] panel, int[] counts) {
        panel[from]--;
        panel[to]++;
        for (int row : space.rowsOf[from]) {
            counts[row]--;
        }
        for (int row : space.rowsOf[to]) {
            counts[row]++;
        }
    }

    @Override
    public void close() {
        ip.delete();
    }
}
