package org.gongnon.algorithms.sortition;

import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.List;

/**
 * Can the quotas be met by this pool at all? Checked before any draw. When they cannot, the answer
 * names the quotas that conflict and the smallest relaxation that makes them feasible: the fewest seats
 * by which minimums must be lowered or maximums raised, found exactly by an integer program over
 * feature types (CP-SAT).
 */
public final class Feasibility {

    private Feasibility() {
    }

    public static Result check(SelectionProblem problem) {
        NativeSolvers.load();
        FeatureTypes types = FeatureTypes.of(problem);
        int k = problem.panelSize();
        CpModel model = new CpModel();
        List<FeatureTypes.Type> all = types.types();
        IntVar[] seats = new IntVar[all.size()];
        for (FeatureTypes.Type t : all) {
            seats[t.index()] = model.newIntVar(0, t.size(), "type" + t.index());
        }
        model.addEquality(LinearExpr.sum(seats), k);

        List<Quota> quotas = problem.quotas();
        IntVar[] lower = new IntVar[quotas.size()];
        IntVar[] raise = new IntVar[quotas.size()];
        LinearExprBuilder totalSlack = LinearExpr.newBuilder();
        for (int i = 0; i < quotas.size(); i++) {
            Quota q = quotas.get(i);
            LinearExprBuilder inQuota = LinearExpr.newBuilder();
            for (FeatureTypes.Type t : all) {
                if (types.counts(t, q)) {
                    inQuota.add(seats[t.index()]);
                }
            }
            lower[i] = model.newIntVar(0, q.min(), "lower" + i);
            raise[i] = model.newIntVar(0, k, "raise" + i);
            model.addGreaterOrEqual(LinearExpr.newBuilder().add(inQuota).add(lower[i]), q.min());
            model.addLessOrEqual(LinearExpr.newBuilder().add(inQuota).addTerm(raise[i], -1), q.max());
            totalSlack.add(lower[i]).add(raise[i]);
        }
        model.minimize(totalSlack);

        CpSolver solver = new CpSolver();
        // One worker: the same input always gives the same diagnosis.
        solver.getParameters().setNumWorkers(1);
        solver.getParameters().setMaxTimeInSeconds(30);
        CpSolverStatus status = solver.solve(model);
        if (status != CpSolverStatus.OPTIMAL) {
            throw new IllegalStateException("the feasibility check did not finish: " + status);
        }
        List<Relaxation> relaxations = new ArrayList<>();
        for (int i = 0; i < quotas.size(); i++) {
            long down = solver.value(lower[i]);
            long up = solver.value(raise[i]);
            if (down > 0 || up > 0) {
                Quota q = quotas.get(i);
                relaxations.add(new Relaxation(q, new Quota(q.feature(), q.value(), (int) (q.min() - down),
                        (int) (q.max() + up)), poolCount(problem, q)));
            }
        }
        return new Result(relaxations);
    }

    private static int poolCount(SelectionProblem problem, Quota q) {
        return (int) problem.pool().stream().filter(p -> q.value().equals(p.value(q.feature()))).count();
    }

    /** Feasible when no relaxation is needed. */
    public record Result(List<Relaxation> relaxations) {

        public Result {
            relaxations = List.copyOf(relaxations);
        }

        public boolean feasible() {
            return relaxations.isEmpty();
        }
    }

    /** A quota that cannot be met, the nearest one that can, and how many in the pool have its value. */
    public record Relaxation(Quota quota, Quota relaxed, int poolCount) {

        /** E.g. "age=70+: pool has 3, quota needs at least 5; lower the minimum to 3". */
        public String describe() {
            StringBuilder text = new StringBuilder(quota.feature() + "=" + quota.value() + ": pool has " + poolCount);
            if (relaxed.min() < quota.min()) {
                text.append(", quota needs at least ").append(quota.min())
                        .append("; lower the minimum to ").append(relaxed.min());
            }
            if (relaxed.max() > quota.max()) {
                text.append(", quota allows at most ").append(quota.max())
                        .append("; raise the maximum to ").append(relaxed.max());
            }
            return text.toString();
        }
    }
}
