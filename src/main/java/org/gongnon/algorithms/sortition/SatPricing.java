package org.gongnon.algorithms.sortition;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverSolutionCallback;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pricing problem (a panel of largest weighted seats) in CP-SAT, which finds good panels on many types far
 * sooner than SCIP and hands over every improving panel it meets on the way, so one solve can add several
 * columns. The weights are scaled to integers rounded up, so the solver's bound, scaled back, is a proven upper
 * bound on the true weights' best panel; values are always recomputed from the true weights.
 *
 * <p>One worker and deterministic time limits only: the same inputs give the same panels (draws are reproduced
 * from the lottery).
 */
final class SatPricing {

    /** Largest scaled weight: far below int64 overflow for panels of thousands, fine enough that the round-up is ~1e-12. */
    private static final double SCALE_TOP = 0x1p40;

    private SatPricing() {
    }

    /**
     * Panels found whose true value exceeds {@code threshold} (best first, distinct), the best panel found (null if
     * none), a proven upper bound on any panel's value ({@code +inf} if the solve stopped before it had one),
     * whether that bound is the optimum's, whether no panel exists, and CP-SAT's deterministic time.
     */
    record Result(List<int[]> improving, int[] best, double bound, boolean optimal, boolean infeasible,
                  double deterministicSeconds) {
    }

    /**
     * @param maxImproving stop once this many improving panels are found (0: never stop early)
     * @param deterministicSeconds CP-SAT's deterministic time limit ({@code +inf}: none, solve to optimality)
     * @param relativeGap stop when the best panel is within this of the bound (0: prove optimality)
     */
    static Result solve(PanelSpace space, double[] weights, int[] hint, PanelSearch.Bounds bounds, double threshold,
                        int maxImproving, double deterministicSeconds, double relativeGap) {
        int n = space.types;
        double top = 0;
        for (double w : weights) {
            top = Math.max(top, Math.abs(w));
        }
        double scale = top > 0 ? SCALE_TOP / top : 1;
        long[] coefficient = new long[n];
        for (int t = 0; t < n; t++) {
            coefficient[t] = (long) Math.ceil(weights[t] * scale);
        }
        CpModel model = new CpModel();
        IntVar[] seats = new IntVar[n];
        for (int t = 0; t < n; t++) {
            seats[t] = model.newIntVar(bounds.low()[t], bounds.high()[t], "s" + t);
        }
        model.addEquality(LinearExpr.sum(seats), space.panelSize);
        LinearExprBuilder[] rows = new LinearExprBuilder[space.rows()];
        for (int row = 0; row < rows.length; row++) {
            rows[row] = LinearExpr.newBuilder();
        }
        for (int t = 0; t < n; t++) {
            for (int row : space.rowsOf[t]) {
                rows[row].add(seats[t]);
            }
        }
        for (int row = 0; row < rows.length; row++) {
            model.addLinearConstraint(rows[row], bounds.rowLow()[row], bounds.rowHigh()[row]);
        }
        model.maximize(LinearExpr.weightedSum(seats, coefficient));
        if (hint != null) {
            for (int t = 0; t < n; t++) {
                model.addHint(seats[t], hint[t]);
            }
        }
        CpSolver solver = new CpSolver();
        solver.getParameters().setNumWorkers(1);
        solver.getParameters().setRelativeGapLimit(relativeGap);
        solver.getParameters().setAbsoluteGapLimit(0);
        if (Double.isFinite(deterministicSeconds)) {
            solver.getParameters().setMaxDeterministicTime(deterministicSeconds);
        }
        List<int[]> improving = new ArrayList<>();
        Set<List<Integer>> seen = new HashSet<>();
        int[][] best = {null};
        double[] bestValue = {Double.NEGATIVE_INFINITY};
        CpSolverSolutionCallback callback = new CpSolverSolutionCallback() {
            @Override
            public void onSolutionCallback() {
                int[] panel = new int[n];
                for (int t = 0; t < n; t++) {
                    panel[t] = (int) value(seats[t]);
                }
                double v = PanelSpace.value(weights, panel);
                if (v > bestValue[0]) {
                    bestValue[0] = v;
                    best[0] = panel;
                }
                if (v > threshold && seen.add(Arrays.stream(panel).boxed().toList())) {
                    improving.add(panel);
                    if (maxImproving > 0 && improving.size() >= maxImproving) {
                        stopSearch();
                    }
                }
            }
        };
        CpSolverStatus status = solver.solve(model, callback);
        if (status == CpSolverStatus.INFEASIBLE) {
            return new Result(List.of(), null, Double.NEGATIVE_INFINITY, true, true, solver.response().getDeterministicTime());
        }
        if (status == CpSolverStatus.MODEL_INVALID) {
            throw new IllegalStateException("the CP-SAT pricing model is invalid: " + solver.response().getSolutionInfo());
        }
        boolean optimal = status == CpSolverStatus.OPTIMAL;
        // Rounded-up weights: the scaled bound is an upper bound for the true ones (seats are non-negative).
        double bound = status == CpSolverStatus.UNKNOWN ? Double.POSITIVE_INFINITY : solver.bestObjectiveBound() / scale;
        if (best[0] != null) {
            bound = Math.max(bound, bestValue[0]);
        }
        improving.sort((a, b) -> Double.compare(PanelSpace.value(weights, b), PanelSpace.value(weights, a)));
        return new Result(improving, best[0], bound, optimal && relativeGap == 0, false,
                solver.response().getDeterministicTime());
    }
}
