package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a lottery against the selection problem as a reader of the files would, written apart from the engine: it
 * uses the people and quotas only, not the engine's feature types, panel space or LPs. Every panel of the lottery
 * must be a set of {@code panelSize} pool members that meets every quota (members of one stratum, which the
 * lottery fills uniformly, must share every quota value), the panels' probabilities must be a distribution, and
 * the stated probability of each person must be the lottery's marginal.
 */
public final class LotteryChecker {

    private LotteryChecker() {
    }

    /** Every problem found, in words; empty when the lottery is sound. */
    public static List<String> problems(SelectionProblem problem, Lottery lottery, Map<String, Double> stated) {
        List<String> problems = new ArrayList<>();
        List<FeatureTypes.Type> strata = lottery.types().types();
        List<String> features = problem.features();
        // Each stratum: its members, who must agree on every quota feature.
        List<Map<String, String>> valuesOf = new ArrayList<>();
        int pooled = 0;
        for (FeatureTypes.Type stratum : strata) {
            Map<String, String> values = new HashMap<>();
            for (String f : features) {
                values.put(f, stratum.members().getFirst().value(f));
            }
            for (Person p : stratum.members()) {
                for (String f : features) {
                    if (!values.get(f).equals(p.value(f))) {
                        problems.add("stratum " + stratum.index() + " mixes " + f + " values");
                    }
                }
            }
            pooled += stratum.members().size();
            valuesOf.add(values);
        }
        if (pooled != problem.pool().size()) {
            problems.add("the strata hold " + pooled + " people, the pool " + problem.pool().size());
        }
        double total = 0;
        Map<String, Double> marginal = new HashMap<>();
        for (Lottery.TypePanel panel : lottery.panels()) {
            if (!(panel.probability() >= 0)) {
                problems.add("a panel has probability " + panel.probability());
            }
            total += panel.probability();
            int seats = 0;
            Map<String, Integer> counts = new HashMap<>();
            for (FeatureTypes.Type stratum : strata) {
                int s = panel.seats()[stratum.index()];
                if (s < 0 || s > stratum.members().size()) {
                    problems.add("a panel puts " + s + " of a stratum of " + stratum.members().size());
                }
                seats += s;
                for (String f : features) {
                    counts.merge(f + "=" + valuesOf.get(stratum.index()).get(f), s, Integer::sum);
                }
                for (Person p : stratum.members()) {
                    marginal.merge(p.id(), panel.probability() * s / stratum.members().size(), Double::sum);
                }
            }
            if (seats != problem.panelSize()) {
                problems.add("a panel has " + seats + " seats, not " + problem.panelSize());
            }
            for (Quota q : problem.quotas()) {
                int n = counts.getOrDefault(q.feature() + "=" + q.value(), 0);
                if (n < q.min() || n > q.max()) {
                    problems.add("a panel (probability " + panel.probability() + ") has " + n + " of "
                            + q.feature() + "=" + q.value() + ", quota " + q.min() + ".." + q.max());
                }
            }
        }
        if (Math.abs(total - 1) > 1e-9) {
            problems.add("the panels' probabilities add up to " + total);
        }
        for (Person p : problem.pool()) {
            double expected = marginal.getOrDefault(p.id(), 0.0);
            Double given = stated.get(p.id());
            if (given == null || Math.abs(given - expected) > 1e-9) {
                problems.add(p.id() + ": stated " + given + ", the lottery gives " + expected);
            }
        }
        return problems;
    }
}
