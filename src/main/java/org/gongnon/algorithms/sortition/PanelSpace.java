package org.gongnon.algorithms.sortition;

import java.util.List;

/**
 * The selection problem over feature types as plain arrays, for the solvers' inner loops: a panel is a
 * vector of seats per type, {@code 0 <= seats[t] <= size[t]}, {@code panelSize} seats in all, and for
 * every quota (a "row") the seats of the types that count towards it within {@code [min, max]}.
 */
final class PanelSpace {

    final int types;
    final int panelSize;
    final int[] size;
    final int[] rowMin;
    final int[] rowMax;
    /**
     * For each type, the quota it counts towards in each feature, in {@link FeatureTypes#features()} order
     * (exactly one per feature: {@link SelectionProblem} checks that every value has a quota).
     */
    final int[][] rowsOf;

    private PanelSpace(int panelSize, int[] size, int[] rowMin, int[] rowMax, int[][] rowsOf) {
        this.types = size.length;
        this.panelSize = panelSize;
        this.size = size;
        this.rowMin = rowMin;
        this.rowMax = rowMax;
        this.rowsOf = rowsOf;
    }

    static PanelSpace of(SelectionProblem problem, FeatureTypes types) {
        List<Quota> quotas = problem.quotas();
        int n = types.types().size();
        int[] size = new int[n];
        int[][] rowsOf = new int[n][];
        List<String> features = types.features();
        for (FeatureTypes.Type t : types.types()) {
            size[t.index()] = t.size();
            int[] rows = new int[features.size()];
            for (int f = 0; f < rows.length; f++) {
                String feature = features.get(f);
                String value = t.values().get(f);
                rows[f] = java.util.stream.IntStream.range(0, quotas.size())
                        .filter(q -> quotas.get(q).feature().equals(feature) && quotas.get(q).value().equals(value))
                        .findFirst().orElseThrow();
            }
            rowsOf[t.index()] = rows;
        }
        return new PanelSpace(problem.panelSize(), size, quotas.stream().mapToInt(Quota::min).toArray(),
                quotas.stream().mapToInt(Quota::max).toArray(), rowsOf);
    }

    int rows() {
        return rowMin.length;
    }

    /** Seats per quota of a panel. */
    int[] counts(int[] seats) {
        int[] counts = new int[rows()];
        for (int t = 0; t < types; t++) {
            if (seats[t] != 0) {
                for (int row : rowsOf[t]) {
                    counts[row] += seats[t];
                }
            }
        }
        return counts;
    }

    boolean feasible(int[] seats) {
        int total = 0;
        for (int t = 0; t < types; t++) {
            if (seats[t] < 0 || seats[t] > size[t]) {
                return false;
            }
            total += seats[t];
        }
        if (total != panelSize) {
            return false;
        }
        int[] counts = counts(seats);
        for (int row = 0; row < counts.length; row++) {
            if (counts[row] < rowMin[row] || counts[row] > rowMax[row]) {
                return false;
            }
        }
        return true;
    }

    static double value(double[] weights, int[] seats) {
        double sum = 0;
        for (int t = 0; t < seats.length; t++) {
            sum += weights[t] * seats[t];
        }
        return sum;
    }
}
