package org.gongnon.algorithms.sortition;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.List;

/**
 * The LP relaxation bound on the smallest selection probability, computed apart from the engine: one variable per
 * person, {@code 0 <= x_i <= 1}, {@code sum x_i = panelSize}, every quota's sum within {@code [min, max]},
 * {@code x_i >= z}; maximise {@code z}. Every lottery's marginals satisfy these constraints, so no lottery's minimum
 * exceeds {@code z}.
 *
 * <p>Solved with COIN-OR CLP (simplex), not the engine's GLOP: an exact vertex solution, accurate to ~1e-9, where
 * OR-Tools' other LP solver in this build, PDLP (also what "HIGHS" maps to here), is a first-order method accurate to
 * ~1e-4. Works on people, not on the engine's feature types.
 */
public final class RelaxationBound {

    /** The OR-Tools solver id used here. */
    public static final String SOLVER = "CLP";

    private RelaxationBound() {
    }

    /** The largest {@code z} of the person-level LP. */
    public static double of(SelectionProblem problem) {
        NativeSolvers.load();
        MPSolver lp = MPSolver.createSolver(SOLVER);
        if (lp == null) {
            throw new IllegalStateException("OR-Tools has no " + SOLVER + " solver in this build");
        }
        try {
            List<Person> pool = problem.pool();
            List<String> features = problem.features();
            MPVariable z = lp.makeNumVar(0, 1, "z");
            MPConstraint total = lp.makeConstraint(problem.panelSize(), problem.panelSize(), "panel");
            List<Quota> quotas = problem.quotas();
            MPConstraint[] quotaRows = new MPConstraint[quotas.size()];
            java.util.Map<String, MPConstraint> byValue = new java.util.HashMap<>();
            for (int q = 0; q < quotas.size(); q++) {
                Quota quota = quotas.get(q);
                quotaRows[q] = lp.makeConstraint(quota.min(), quota.max(), "quota" + q);
                byValue.put(quota.feature() + "\u0000" + quota.value(), quotaRows[q]);
            }
            for (int i = 0; i < pool.size(); i++) {
                Person person = pool.get(i);
                MPVariable x = lp.makeNumVar(0, 1, "x" + i);
                total.setCoefficient(x, 1);
                for (String feature : features) {
                    byValue.get(feature + "\u0000" + person.value(feature)).setCoefficient(x, 1);
                }
                MPConstraint atLeastZ = lp.makeConstraint(0, Double.POSITIVE_INFINITY, "min" + i);
                atLeastZ.setCoefficient(x, 1);
                atLeastZ.setCoefficient(z, -1);
            }
            lp.objective().setCoefficient(z, 1);
            lp.objective().setMaximization();
            MPSolver.ResultStatus status = lp.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("the person-level relaxation did not solve: " + status);
            }
            return z.solutionValue();
        } finally {
            lp.delete();
        }
    }
}
