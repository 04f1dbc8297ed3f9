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
    private final MPSolver lp;
    private final MPVariable goal;
    private final MPConstraint[] rows;
    private final MPConstraint convexity;
    private final List<MPVariable> lambda = new ArrayList<>();
    private final List<int[]> panels = new ArrayList<>();
    private final Set<List<Integer>> known = new HashSet<>();
    private final MPSolverParameters parameters = new MPSolverParameters();

    ColumnMaster(PanelSpace space) {
        this.space = space;
        lp = MPSolver.createSolver("GLOP");
        goal = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "goal");
        rows = new MPConstraint[space.types];
        for (int t = 0; t < space.types; t++) {
            rows[t] = lp.makeConstraint(0, Double.POSITIVE_INFINITY);
        }
        convexity = lp.makeConstraint(1, 1);
        lp.objective().setCoefficient(goal, 1);
        lp.objective().setMaximization();
        // Presolve would transform the LP anew each round; without it GLOP starts from its last basis.
        parameters.setIntegerParam(MPSolverParameters.IntegerParam.PRESOLVE,
                MPSolverParameters.PresolveValues.PRESOLVE_OFF.swigValue());
    }

    /** Row t becomes {@code sum_j lambda_j seats_j[t] >= goalCoefficient * g + floor}. */
    void target(int t, double goalCoefficient, double floor) {
        rows[t].setCoefficient(goal, -goalCoefficient);
        rows[t].setLb(floor);
    }

    /** Adds a panel as a column; false if it is already there. */
    boolean add(int[] panel) {
        if (!known.add(Arrays.stream(panel).boxed().toList())) {
            return false;
        }
        MPVariable l = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "l" + lambda.size());
        for (int t = 0; t < space.types; t++) {
            if (panel[t] != 0) {
                rows[t].setCoefficient(l, panel[t]);
            }
        }
        convexity.setCoefficient(l, 1);
        lambda.add(l);
        panels.add(panel.clone());
        return true;
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
        if (status == MPSolver.ResultStatus.ABNORMAL) {
            // GLOP's warm start has occasionally reported ABNORMAL after many added columns; a cold solve recovers.
            lp.reset();
            status = lp.solve(parameters);
        }
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            throw new IllegalStateException("the lottery LP did not solve: " + status);
        }
        double[] values = new double[lambda.size()];
        for (int j = 0; j < values.length; j++) {
            values[j] = lambda.get(j).solutionValue();
        }
        double[] duals = new double[space.types];
        for (int t = 0; t < space.types; t++) {
            // MPSolver reports how the objective changes with the row's lower bound: minus the value of a seat.
            duals[t] = Math.max(0, -rows[t].dualValue());
        }
        return new Solution(goal.solutionValue(), values, duals);
    }

    @Override
    public void close() {
        lp.delete();
    }
}
