package org.gongnon.algorithms.sortition;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The master LP of column generation (GLOP): a lottery {@code lambda} over the panels found so far that
 * maximises a goal {@code g} subject to one row per type,
 * {@code sum_j lambda_j seats_j[t] - goal[t] * g >= floor[t]}, and {@code sum_j lambda_j = 1}.
 * Rows are re-targeted in place and panels are added as columns, so GLOP re-solves from its last basis.
 */
final class ColumnMaster implements AutoCloseable {

    private final PanelSpace space;
    private MPSolver lp;
    private MPVariable goal;
    private MPConstraint[] rows;
    private MPConstraint convexity;
    private final List<MPVariable> lambda = new ArrayList<>();
    private final List<int[]> panels = new ArrayList<>();
    private final Set<List<Integer>> known = new HashSet<>();
    private final MPSolverParameters parameters = new MPSolverParameters();
    /** Each row's target, kept so the LP can be built again in another solver. */
    private final double[] goalCoefficient;
    private final double[] floor;
    /** The solver in use, an index into {@link LpSolvers#ORDER}; moves on when one fails. */
    private int solver;
    private final int firstSolver;

    ColumnMaster(PanelSpace space) {
        this(space, 0);
    }

    /** A master that starts with solver {@code firstSolver} of {@link LpSolvers#ORDER} (tests use the others). */
    ColumnMaster(PanelSpace space, int firstSolver) {
        this.space = space;
        goalCoefficient = new double[space.types];
        floor = new double[space.types];
        this.firstSolver = firstSolver;
        build(firstSolver);
        // Presolve would transform the LP anew each round; without it GLOP starts from its last basis.
        parameters.setIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE,
                MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
    }

    /** The LP in solver {@code index} of {@link LpSolvers#ORDER}, with the current targets and panels. */
    private void build(int index) {
        solver = index;
        lp = LpSolvers.create(LpSolvers.ORDER.get(index));
        goal = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "goal");
        rows = new MPConstraint[space.types];
        for (int t = 0; t < space.types; t++) {
            rows[t] = lp.makeConstraint(floor[t], Double.POSITIVE_INFINITY);
            rows[t].setCoefficient(goal, -goalCoefficient[t]);
        }
        convexity = lp.makeConstraint(1, 1);
        lp.objective().setCoefficient(goal, 1);
        lp.objective().setMaximization();
        lambda.clear();
        for (int[] panel : panels) {
            addColumn(panel);
        }
    }

    /** The solvers this master has used, e.g. "GLOP" or "GLOP, CLP". */
    String solversUsed() {
        return String.join(", ", LpSolvers.ORDER.subList(firstSolver, solver + 1));
    }

    /** Row t becomes {@code sum_j lambda_j seats_j[t] >= goalCoefficient * g + floor}. */
    void target(int t, double goalCoefficient, double floor) {
        this.goalCoefficient[t] = goalCoefficient;
        this.floor[t] = floor;
        rows[t].setCoefficient(goal, -goalCoefficient);
        rows[t].setLb(floor);
    }

    /** Adds a panel as a column; false if it is already there. */
    boolean add(int[] panel) {
        if (!known.add(Arrays.stream(panel).boxed().toList())) {
            return false;
        }
        panels.add(panel.clone());
        addColumn(panel);
        return true;
    }

    private void addColumn(int[] panel) {
        MPVariable l = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "l" + lambda.size());
        for (int t = 0; t < space.types; t++) {
            if (panel[t] != 0) {
                rows[t].setCoefficient(l, panel[t]);
            }
        }
        convexity.setCoefficient(l, 1);
        lambda.add(l);
    }

    List<int[]> panels() {
        return panels;
    }

    /**
     * The optimal goal, the lottery, and the duals per seat of each type row (non-negative: what one more
     * expected seat for that type is worth to the goal).
     */
    record Solution(double goal, double[] lambda, double[] duals) {
    }

    Solution solve() {
        MPSolver.ResultStatus status = lp.solve(parameters);
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            // GLOP's warm start has occasionally reported ABNORMAL after many added columns; a cold solve recovers.
            lp.reset();
            status = lp.solve(parameters);
        }
        while (status != MPSolver.ResultStatus.OPTIMAL) {
            // The LP always has a solution (every row can be met by the panels' mix at goal 0 or below), so a
            // status other than OPTIMAL is the solver's trouble: build the same LP in the next solver.
            if (solver + 1 >= LpSolvers.ORDER.size()) {
                throw new LpSolvers.LpFailure("the lottery LP did not solve in " + solversUsed() + ": " + status);
            }
            lp.delete();
            build(solver + 1);
            status = lp.solve(parameters);
        }
        double[] values = new double[lambda.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = lambda.get(j).solutionValue();
        }
        double[] duals = new double[space.types];
        for (int t = 0; t < space.types; t++) {
            // The value of one more expected seat: the row's dual. Rows bind only at their lower bound, so its size
            // is the price; the sign depends on the solver (GLOP and CLP negative here, HiGHS positive).
            duals[t] = Math.abs(rows[t].dualValue());
        }
        return new Solution(goal.solutionValue(), values, duals);
    }

    @Override
    public void close() {
        lp.delete();
    }
}
