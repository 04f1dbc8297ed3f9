package org.gongnon.algorithms.sortition;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;

/**
 * The leximin levels over the LP relaxation of the panels (GLOP): expected seats per type may be any
 * numbers between 0 and the type's size that meet the quotas in total, instead of averages of whole
 * panels. Every lottery's expected seats lie in this larger set, so each level here is an upper bound
 * for the true level, and a lottery that reaches these values is optimal.
 *
 * <p>Level LP: maximise {@code z} subject to {@code y[t] >= size[t] * z} for unfixed types and
 * {@code y[t] >= size[t] * fixed[t]} for fixed ones. A type whose row has a positive dual is stuck at
 * {@code z} in every optimal solution (complementary slackness), so it is fixed there.
 */
final class RelaxedLevels implements AutoCloseable {

    private final PanelSpace space;
    private final MPSolver lp;
    private final MPVariable z;
    private final MPVariable[] expected;
    private final MPConstraint[] rows;

    RelaxedLevels(PanelSpace space) {
        this(space, LpSolvers.ORDER.getFirst());
    }

    /** The level LP in the named solver of {@link LpSolvers}. */
    RelaxedLevels(PanelSpace space, String solver) {
        this.space = space;
        lp = LpSolvers.create(solver);
        z = lp.makeNumVar(0, Double.POSITIVE_INFINITY, "z");
        expected = new MPVariable[space.types];
        rows = new MPConstraint[space.types];
        MPConstraint total = lp.makeConstraint(space.panelSize, space.panelSize);
        MPConstraint[] quotas = new MPConstraint[space.rows()];
        for (int row = 0; row < quotas.length; row++) {
            quotas[row] = lp.makeConstraint(space.rowMin[row], space.rowMax[row]);
        }
        for (int t = 0; t < space.types; t++) {
            expected[t] = lp.makeNumVar(0, space.size[t], "y" + t);
            total.setCoefficient(expected[t], 1);
            for (int row : space.rowsOf[t]) {
                quotas[row].setCoefficient(expected[t], 1);
            }
            rows[t] = lp.makeConstraint(0, Double.POSITIVE_INFINITY);
            rows[t].setCoefficient(expected[t], 1);
            rows[t].setCoefficient(z, -space.size[t]);
        }
        lp.objective().setCoefficient(z, 1);
        lp.objective().setMaximization();
    }

    /**
     * The level's value, each type's dual weight share (dual times size; they sum to 1 over the unfixed
     * types), and the LP's expected seats per type.
     */
    record Level(double value, double[] dualShare, double[] expected) {
    }

    /** Solves the current level. */
    Level solve() {
        return trySolve().orElseThrow(() -> new LpSolvers.LpFailure("the relaxed level LP did not solve"));
    }

    /**
     * Solves the current level; empty if GLOP finds the fixed values infeasible, which rounding can cause
     * when they come from another LP (the master's solution meets its rows only within GLOP's tolerance).
     */
    java.util.Optional<Level> trySolve() {
        MPSolver.ResultStatus status = lp.solve();
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            lp.reset();
            status = lp.solve();
        }
        if (status != MPSolver.ResultStatus.OPTIMAL) {
            return java.util.Optional.empty();
        }
        double[] share = new double[space.types];
        double[] seats = new double[space.types];
        for (int t = 0; t < space.types; t++) {
            // The row only binds at its lower bound, so any non-zero dual is its price; solvers disagree on the sign
            // (GLOP and CLP report it negative for this maximisation, HiGHS positive).
            share[t] = Math.abs(rows[t].dualValue()) * space.size[t];
            seats[t] = expected[t].solutionValue();
        }
        return java.util.Optional.of(new Level(z.solutionValue(), share, seats));
    }

    /**
     * Once every type is fixed at its level: expected seats per type that meet all levels and the quotas,
     * with the least overshoot above any level (the fixed values' slack, summed over many types, would
     * otherwise pile up on one of them).
     */
    double[] solveFixed(double[] level) {
        for (int t = 0; t < space.types; t++) {
            // y[t] - size[t] * z <= size[t] * level[t]: z is the largest overshoot, in probability.
            rows[t].setCoefficient(z, -space.size[t]);
            rows[t].setBounds(Double.NEGATIVE_INFINITY, space.size[t] * level[t]);
        }
        lp.objective().setCoefficient(z, 1);
        lp.objective().setMinimization();
        return solve().expected();
    }

    /** From now on type t must keep at least this probability and no longer counts towards z. */
    void fix(int t, double probability) {
        fixSeats(t, probability * space.size[t]);
    }

    /**
     * From now on type t must keep at least this many expected seats and no longer counts towards z. The
     * bound is in seats because that is where the LP's own tolerances are: a level read off one solve and
     * put back as a bound can be infeasible by GLOP's feasibility tolerance (1e-8 on a row), however small
     * the type.
     */
    void fixSeats(int t, double seats) {
        rows[t].setCoefficient(z, 0);
        expected[t].setLb(Math.min(space.size[t], Math.max(0, seats)));
    }

    @Override
    public void close() {
        lp.delete();
    }
}
