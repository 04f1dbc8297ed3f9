package org.gongnon.algorithms.sortition;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides, apart from the engine, whether a lottery's smallest probability is the best any lottery of whole panels
 * can give, for pools where it stays below the {@link RelaxationBound}. Column generation over strata (people with
 * the same quota values, grouped here, not by the engine): the master LP (CLP) finds the best mix of the known
 * panels, starting from the lottery's own; pricing (CBC, a MIP solver the engine does not use) finds the panel with
 * the largest dual value, whose bound is an upper bound on every lottery's minimum (for dual weights {@code y >= 0}
 * summing to 1, {@code min_i p_i <= sum y_i p_i <= max over panels of y(panel)}).
 *
 * <p>Conclusive either way: a lottery minimum within the tolerance of the best upper bound is optimal (the relaxation
 * is simply unreachable by whole panels); a master value above the lottery's minimum by more than the tolerance is a
 * better lottery of real quota panels, so the engine fell short.
 */
public final class MaximinCertificate {

    /** What the search found. */
    public enum Outcome {
        /** No lottery beats the given minimum by more than the tolerance. */
        OPTIMAL,
        /** A lottery of quota panels with a larger minimum exists ({@link Result#achievable()}). */
        IMPROVABLE,
        /** The time or round budget ran out first. */
        UNDECIDED
    }

    /**
     * @param achievable the best minimum of a lottery over the panels known at the end (real quota panels)
     * @param upperBound the smallest upper bound on every lottery's minimum that pricing proved
     */
    public record Result(Outcome outcome, double achievable, double upperBound, int rounds) {
    }

    private static final double PRICING_GAP = 1e-9;

    private MaximinCertificate() {
    }

    /**
     * @param minimum   the lottery's smallest probability, to be confirmed or beaten
     * @param tolerance how far apart two minimums may be and still count as equal
     */
    public static Result check(SelectionProblem problem, Lottery lottery, double minimum, double tolerance,
                               double budgetSeconds, int maxRounds) {
        NativeSolvers.load();
        long deadline = System.nanoTime() + (long) (budgetSeconds * 1e9);
        Strata strata = Strata.of(problem);
        List<int[]> panels = new ArrayList<>();
        for (Lottery.TypePanel panel : lottery.panels()) {
            int[] seats = new int[strata.size.length];
            for (FeatureTypes.Type type : lottery.types().types()) {
                seats[strata.of(type.members().getFirst())] += panel.seats()[type.index()];
            }
            panels.add(seats);
        }
        double achievable = Double.NEGATIVE_INFINITY;
        double upper = Double.POSITIVE_INFINITY;
        for (int round = 1; round <= maxRounds; round++) {
            double[] master = solveMaster(strata, panels);
            achievable = Math.max(achievable, master[0]);
            if (achievable > minimum + tolerance) {
                return new Result(Outcome.IMPROVABLE, achievable, upper, round);
            }
            double[] duals = java.util.Arrays.copyOfRange(master, 1, master.length);
            double remaining = (deadline - System.nanoTime()) / 1e9;
            if (remaining <= 0) {
                return new Result(Outcome.UNDECIDED, achievable, upper, round);
            }
            Priced priced = price(problem, strata, duals, remaining);
            upper = Math.min(upper, priced.bound());
            if (minimum >= upper - tolerance) {
                return new Result(Outcome.OPTIMAL, achievable, upper, round);
            }
            if (priced.panel() == null) {
                return new Result(Outcome.UNDECIDED, achievable, upper, round);
            }
            panels.add(priced.panel());
        }
        return new Result(Outcome.UNDECIDED, achievable, upper, maxRounds);
    }

    /** The master's value followed by each stratum's dual weight (non-negative, summing to 1). */
    private static double[] solveMaster(Strata strata, List<int[]> panels) {
        MPSolver lp = MPSolver.createSolver("CLP");
        try {
            MPVariable z = lp.makeNumVar(0, 1, "z");
            MPConstraint sum = lp.makeConstraint(1, 1, "distribution");
            MPConstraint[] rows = new MPConstraint[strata.size.length];
            for (int s = 0; s < rows.length; s++) {
                rows[s] = lp.makeConstraint(0, Double.POSITIVE_INFINITY, "stratum" + s);
                rows[s].setCoefficient(z, -1);
            }
            for (int j = 0; j < panels.size(); j++) {
                MPVariable lambda = lp.makeNumVar(0, 1, "panel" + j);
                sum.setCoefficient(lambda, 1);
                int[] seats = panels.get(j);
                for (int s = 0; s < rows.length; s++) {
                    if (seats[s] > 0) {
                        rows[s].setCoefficient(lambda, seats[s] / (double) strata.size[s]);
                    }
                }
            }
            lp.objective().setCoefficient(z, 1);
            lp.objective().setMaximization();
            MPSolver.ResultStatus status = lp.solve();
            if (status != MPSolver.ResultStatus.OPTIMAL) {
                throw new IllegalStateException("the certificate's master LP did not solve: " + status);
            }
            double[] result = new double[rows.length + 1];
            result[0] = z.solutionValue();
            double total = 0;
            for (int s = 0; s < rows.length; s++) {
                result[s + 1] = Math.max(0, Math.abs(rows[s].dualValue()));
                total += result[s + 1];
            }
            for (int s = 0; s < rows.length; s++) {
                result[s + 1] /= total;
            }
            return result;
        } finally {
            lp.delete();
        }
    }

    private record Priced(int[] panel, double bound) {
    }

    /** The quota panel with the largest dual value {@code sum y_s * seats_s / size_s}, and CBC's bound on it. */
    private static Priced price(SelectionProblem problem, Strata strata, double[] duals, double seconds) {
        MPSolver ip = MPSolver.createSolver("CBC");
        try {
            ip.setTimeLimit(Math.max(1, (long) (seconds * 1000)));
            MPVariable[] seats = new MPVariable[strata.size.length];
            MPConstraint total = ip.makeConstraint(problem.panelSize(), problem.panelSize(), "panel");
            List<Quota> quotas = problem.quotas();
            MPConstraint[] rows = new MPConstraint[quotas.size()];
            for (int q = 0; q < rows.length; q++) {
                rows[q] = ip.makeConstraint(quotas.get(q).min(), quotas.get(q).max(), "quota" + q);
            }
            for (int s = 0; s < seats.length; s++) {
                seats[s] = ip.makeIntVar(0, strata.size[s], "s" + s);
                total.setCoefficient(seats[s], 1);
                for (int q : strata.quotasOf.get(s)) {
                    rows[q].setCoefficient(seats[s], 1);
                }
                ip.objective().setCoefficient(seats[s], duals[s] / strata.size[s]);
            }
            ip.objective().setMaximization();
            MPSolverParameters parameters = new MPSolverParameters();
            parameters.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, PRICING_GAP);
            MPSolver.ResultStatus status = ip.solve(parameters);
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new Priced(null, Double.POSITIVE_INFINITY);
            }
            int[] panel = new int[seats.length];
            double value = 0;
            for (int s = 0; s < seats.length; s++) {
                panel[s] = (int) Math.round(seats[s].solutionValue());
                value += duals[s] * panel[s] / strata.size[s];
            }
            double bound = Math.max(ip.objective().bestBound(), value);
            return new Priced(strata.meetsQuotas(problem, panel) ? panel : null, bound);
        } finally {
            ip.delete();
        }
    }

    /** People grouped by their quota values, with the quotas each group counts towards. */
    private record Strata(Map<List<String>, Integer> index, int[] size, List<int[]> quotasOf, List<String> features) {

        static Strata of(SelectionProblem problem) {
            List<String> features = problem.features();
            Map<List<String>, Integer> index = new HashMap<>();
            List<Integer> sizes = new ArrayList<>();
            List<int[]> quotasOf = new ArrayList<>();
            List<Quota> quotas = problem.quotas();
            for (Person p : problem.pool()) {
                List<String> key = features.stream().map(p::value).toList();
                Integer s = index.get(key);
                if (s == null) {
                    s = sizes.size();
                    index.put(key, s);
                    sizes.add(0);
                    List<Integer> counted = new ArrayList<>();
                    for (int q = 0; q < quotas.size(); q++) {
                        if (quotas.get(q).value().equals(p.value(quotas.get(q).feature()))) {
                            counted.add(q);
                        }
                    }
                    quotasOf.add(counted.stream().mapToInt(Integer::intValue).toArray());
                }
                sizes.set(s, sizes.get(s) + 1);
            }
            return new Strata(index, sizes.stream().mapToInt(Integer::intValue).toArray(), quotasOf, features);
        }

        int of(Person p) {
            return index.get(features.stream().map(p::value).toList());
        }

        /** Pricing's panel, checked before it is trusted as a column. */
        boolean meetsQuotas(SelectionProblem problem, int[] panel) {
            int[] counts = new int[problem.quotas().size()];
            int seats = 0;
            for (int s = 0; s < panel.length; s++) {
                if (panel[s] < 0 || panel[s] > size[s]) {
                    return false;
                }
                seats += panel[s];
                for (int q : quotasOf.get(s)) {
                    counts[q] += panel[s];
                }
            }
            for (int q = 0; q < counts.length; q++) {
                Quota quota = problem.quotas().get(q);
                if (counts[q] < quota.min() || counts[q] > quota.max()) {
                    return false;
                }
            }
            return seats == problem.panelSize();
        }
    }
}
