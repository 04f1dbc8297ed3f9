package org.gongnon.algorithms.sortition;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * LEXIMIN (Flanigan, Gölz, Gupta, Hennig, Procaccia, Nature 2021): the lottery over quota-satisfying
 * panels that maximises the smallest selection probability, then the next smallest, and so on.
 *
 * <p>Solved by column generation over feature types instead of individuals: members of a type are
 * interchangeable, so a panel is a vector of seats per type and every member of a type gets the same
 * probability. Each level solves an LP over the panels found so far (GLOP); its duals price a new panel
 * by an integer program (SCIP); when no panel improves the LP, the types whose duals are positive are
 * fixed at the level's value, and the next level raises the rest. {@link #maximin} stops after the first level.
 */
public final class Leximin {

    static final double EPS = 1e-7;
    private static final int MAX_COLUMNS_PER_LEVEL = 10_000;

    private Leximin() {
    }

    public static Lottery leximin(SelectionProblem problem) {
        return solve(problem, false);
    }

    public static Lottery maximin(SelectionProblem problem) {
        return solve(problem, true);
    }

    private static Lottery solve(SelectionProblem problem, boolean firstLevelOnly) {
        Loader.loadNativeLibraries();
        FeatureTypes types = FeatureTypes.of(problem);
        int n = types.types().size();
        Pricing pricing = new Pricing(problem, types);
        List<int[]> columns = new ArrayList<>();
        Set<String> known = new HashSet<>();
        // Start from one panel that favours the rarest types; column generation adds what the LP asks for.
        double[] start = new double[n];
        for (int t = 0; t < n; t++) {
            start[t] = 1.0 / types.types().get(t).size();
        }
        addColumn(columns, known, pricing.best(start).orElseThrow(() ->
                new InfeasibleQuotasException(Feasibility.check(problem))));
        double[] fixed = new double[n];
        Arrays.fill(fixed, Double.NaN);
        double[] lambda = null;
        while (Arrays.stream(fixed).anyMatch(Double::isNaN)) {
            Level level = solveLevel(types, columns, known, fixed, pricing);
            lambda = level.lambda;
            for (int t = 0; t < n; t++) {
                if (Double.isNaN(fixed[t]) && level.duals[t] > EPS) {
                    fixed[t] = level.value;
                }
            }
            if (firstLevelOnly) {
                break;
            }
        }
        List<Lottery.TypePanel> panels = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < columns.size(); i++) {
            if (lambda[i] > 1e-9) {
                total += lambda[i];
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            if (lambda[i] > 1e-9) {
                panels.add(new Lottery.TypePanel(columns.get(i), lambda[i] / total));
            }
        }
        return new Lottery(types, panels, firstLevelOnly ? "maximin" : "leximin");
    }

    private record Level(double value, double[] lambda, double[] duals) {
    }

    /**
     * Maximises the smallest probability of the unfixed types, keeping fixed types at their level. The
     * master LP is built once per level and grows by one column per round (GLOP re-solves warm).
     */
    private static Level solveLevel(FeatureTypes types, List<int[]> columns, Set<String> known, double[] fixed,
                                    Pricing pricing) {
        int n = fixed.length;
        MPSolver lp = MPSolver.createSolver("GLOP");
        try {
            MPVariable z = lp.makeNumVar(0, 1, "z");
            MPConstraint[] rows = new MPConstraint[n];
            for (int t = 0; t < n; t++) {
                // unfixed: z - sum(l * seats/size) <= 0; fixed: -sum(l * seats/size) <= -fixed
                rows[t] = Double.isNaN(fixed[t]) ? lp.makeConstraint(Double.NEGATIVE_INFINITY, 0)
                        : lp.makeConstraint(Double.NEGATIVE_INFINITY, -(fixed[t] - EPS));
                if (Double.isNaN(fixed[t])) {
                    rows[t].setCoefficient(z, 1);
                }
            }
            MPConstraint sum = lp.makeConstraint(1, 1);
            List<MPVariable> lambda = new ArrayList<>();
            for (int[] column : columns) {
                lambda.add(addVariable(lp, types, rows, sum, column, lambda.size()));
            }
            MPObjective objective = lp.objective();
            objective.setCoefficient(z, 1);
            objective.setMaximization();
            // After columns are added GLOP sometimes reports ABNORMAL on larger instances (seen on a
            // 1,000-person, 180-type pool); a reset and a fresh solve has succeeded every time since.
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setIntegerParam(MPSolverParameters.IntegerParam.INCREMENTALITY,
                    MPSolverParameters.IncrementalityValues.INCREMENTALITY_OFF.swigValue());
            for (int round = 0; round < MAX_COLUMNS_PER_LEVEL; round++) {
                MPSolver.ResultStatus status = lp.solve(parameters);
                if (status == MPSolver.ResultStatus.ABNORMAL) {
                    lp.reset();
                    status = lp.solve(parameters);
                }
                if (status != MPSolver.ResultStatus.OPTIMAL) {
                    throw new IllegalStateException("the lottery LP did not solve: " + status);
                }
                double[] duals = new double[n];
                double[] weights = new double[n];
                for (int t = 0; t < n; t++) {
                    duals[t] = Math.max(0, rows[t].dualValue());
                    weights[t] = duals[t] / types.types().get(t).size();
                }
                double mu = sum.dualValue();
                int[] candidate = pricing.best(weights).orElseThrow();
                double gain = 0;
                for (int t = 0; t < n; t++) {
                    gain += weights[t] * candidate[t];
                }
                if (gain <= mu + EPS || !addColumn(columns, known, candidate)) {
                    double[] values = new double[columns.size()];
                    for (int i = 0; i < lambda.size(); i++) {
                        values[i] = lambda.get(i).solutionValue();
                    }
                    return new Level(z.solutionValue(), values, duals);
                }
                lambda.add(addVariable(lp, types, rows, sum, candidate, lambda.size()));
            }
            throw new IllegalStateException("column generation did not converge");
        } finally {
            lp.delete();
        }
    }

    private static MPVariable addVariable(MPSolver lp, FeatureTypes types, MPConstraint[] rows, MPConstraint sum,
                                          int[] column, int index) {
        MPVariable l = lp.makeNumVar(0, 1, "l" + index);
        for (int t = 0; t < rows.length; t++) {
            if (column[t] != 0) {
                rows[t].setCoefficient(l, -column[t] / (double) types.types().get(t).size());
            }
        }
        sum.setCoefficient(l, 1);
        return l;
    }

    private static boolean addColumn(List<int[]> columns, Set<String> known, int[] panel) {
        if (known.add(Arrays.toString(panel))) {
            columns.add(panel);
            return true;
        }
        return false;
    }

    /** Finds the feasible panel (seats per type) with the largest weighted sum of seats, by SCIP. */
    static final class Pricing {

        private final SelectionProblem problem;
        private final FeatureTypes types;

        Pricing(SelectionProblem problem, FeatureTypes types) {
            this.problem = problem;
            this.types = types;
        }

        java.util.Optional<int[]> best(double[] weights) {
            MPSolver ip = MPSolver.createSolver("SCIP");
            int n = types.types().size();
            MPVariable[] seats = new MPVariable[n];
            for (FeatureTypes.Type t : types.types()) {
                seats[t.index()] = ip.makeIntVar(0, t.size(), "s" + t.index());
            }
            MPConstraint size = ip.makeConstraint(problem.panelSize(), problem.panelSize());
            for (MPVariable s : seats) {
                size.setCoefficient(s, 1);
            }
            for (Quota q : problem.quotas()) {
                MPConstraint c = ip.makeConstraint(q.min(), q.max());
                for (FeatureTypes.Type t : types.types()) {
                    if (types.counts(t, q)) {
                        c.setCoefficient(seats[t.index()], 1);
                    }
                }
            }
            MPObjective objective = ip.objective();
            for (int t = 0; t < n; t++) {
                objective.setCoefficient(seats[t], weights[t]);
            }
            objective.setMaximization();
            MPSolver.ResultStatus status = ip.solve();
            try {
                if (status != MPSolver.ResultStatus.OPTIMAL) {
                    return java.util.Optional.empty();
                }
                int[] panel = new int[n];
                for (int t = 0; t < n; t++) {
                    panel[t] = (int) Math.round(seats[t].solutionValue());
                }
                return java.util.Optional.of(panel);
            } finally {
                ip.delete();
            }
        }
    }
}
