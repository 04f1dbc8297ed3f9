package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes target expected seats per type as an average of whole panels, one panel at a time
 * (Carathéodory's construction): take a panel that lies on every bound the remaining target touches,
 * give it as much weight as the remainder allows, subtract, repeat. Each step puts at least one more
 * bound (a type's seats at zero or full, a quota at its minimum or maximum) on the remainder, and it
 * stays there, so there are at most about as many panels as types (often far fewer: types that are
 * alike run out together). Each panel is the previous one, moved onto the new face.
 *
 * <p>With two features the quota polytope is integral and the walk always finishes. With more, the
 * remainder can land on a face without whole panels, or on one where panels take long to find; the walk
 * then stops and reports the weight left, and column generation finishes from the panels found.
 */
final class FaceWalk {

    /** Relative to the weight left, a remainder this close to a bound is on it (rounding errors are ~1e-16). */
    private static final double ON_BOUND = 1e-9;
    /** Steps limited by a bound not yet marked do not count; give up after this many in a row. */
    private static final int MAX_EMPTY_STEPS = 1000;
    /** Types outside the panel that CP-SAT may use in its first, local search for a panel on the face. */
    private static final int NEIGHBOURS = 100;
    /** The walk needs good panels, not provably best ones. */
    private static final double NEAR_BEST_GAP = 1e-3;
    /**
     * CP-SAT's deterministic seconds for one search of a panel on the face: a short try first, a longer one only
     * where that finds nothing (late faces of some pools need it: sparse 421/123 walks to the end in 28 s with
     * it, and column generation from where the short searches stop takes 100 s).
     */
    private static final double[] SEARCH_SECONDS = {0.1, 0.5};
    /**
     * CP-SAT's deterministic seconds for the whole walk. Late faces of pools with hundreds of types can take
     * seconds each (SCIP took 0.2 to 4 s on each of several hundred for sparse 337/23); column generation then
     * finishes from the panels found.
     */
    private static final double WALK_SECONDS = 20;

    private FaceWalk() {
    }

    /** Panels with their weights (summing to 1 minus {@code remaining}). */
    record Result(List<int[]> panels, List<Double> weights, double remaining) {
    }

    static Result decompose(PanelSpace space, PanelSearch search, double[] target, int[] start) {
        return new Walk(space, search, target).run(start);
    }

    private static final class Walk {

        private final PanelSpace space;
        private final PanelSearch search;
        private final double[] remainder;
        private final double[] rowSums;
        private double weight = 1;
        /** Bounds the remainder has reached; they hold for every later panel. */
        private final boolean[] empty;
        private final boolean[] full;
        private final boolean[] atMin;
        private final boolean[] atMax;

        Walk(PanelSpace space, PanelSearch search, double[] target) {
            this.space = space;
            this.search = search;
            remainder = target.clone();
            rowSums = new double[space.rows()];
            empty = new boolean[space.types];
            full = new boolean[space.types];
            atMin = new boolean[space.rows()];
            atMax = new boolean[space.rows()];
        }

        Result run(int[] start) {
            List<int[]> panels = new ArrayList<>();
            List<Double> weights = new ArrayList<>();
            int[] panel = start.clone();
            double[] preference = new double[space.types];
            int emptySteps = 0;
            double budget = search.satSeconds() + WALK_SECONDS;
            while (weight > ON_BOUND && emptySteps < MAX_EMPTY_STEPS && search.satSeconds() < budget) {
                markBoundsReached();
                PanelSearch.Bounds bounds = bounds();
                for (int t = 0; t < space.types; t++) {
                    preference[t] = remainder[t] / space.size[t];
                }
                panel = onFace(panel, preference, bounds);
                if (panel == null) {
                    break;
                }
                double step = stepAndMarkLimits(panel);
                if (step <= ON_BOUND * weight) {
                    emptySteps++;
                    continue;
                }
                emptySteps = 0;
                panels.add(panel.clone());
                weights.add(step);
                for (int t = 0; t < space.types; t++) {
                    remainder[t] = empty[t] ? 0 : Math.max(0, remainder[t] - step * panel[t]);
                }
                weight -= step;
            }
            return new Result(panels, weights, Math.max(0, weight));
        }

        /**
         * The last panel moved onto the current face. Usually a type has just run out, and exchanges that
         * keep every quota count move its seats (with quotas at their bounds, single moves rarely can).
         * When that fails, CP-SAT searches near the panel (its types and the most wanted others), then
         * everywhere; its objective, the remaining target, keeps the walk away from dead ends. Null when
         * no panel lies on the face, or none was found within the search's time.
         */
        private int[] onFace(int[] last, double[] preference, PanelSearch.Bounds bounds) {
            int[] panel = last.clone();
            boolean repaired = true;
            for (int t = 0; t < space.types && repaired; t++) {
                if (panel[t] > bounds.high()[t]) {
                    repaired = search.emptyByExchanges(panel, preference, bounds, t);
                }
            }
            if (repaired && search.repair(panel, preference, bounds)) {
                return panel;
            }
            PanelSearch.Bounds near = neighbourhood(bounds, last, preference);
            boolean nearEmpty = false;
            for (double seconds : SEARCH_SECONDS) {
                SatPricing.Result found = nearEmpty ? null
                        : search.sat(preference, last, near, Double.POSITIVE_INFINITY, 0, seconds, NEAR_BEST_GAP);
                nearEmpty = found != null && found.infeasible();
                if (found == null || found.best() == null) {
                    found = search.sat(preference, last, bounds, Double.POSITIVE_INFINITY, 0, seconds, NEAR_BEST_GAP);
                }
                if (found.best() != null) {
                    return found.best();
                }
                if (found.infeasible()) {
                    return null;
                }
            }
            // Where CP-SAT finds nothing in that time, SCIP often does (five-percent 13,283/297 with 3,360 types).
            return search.nearBest(preference, last, near, NEAR_BEST_GAP)
                    .or(() -> search.nearBest(preference, last, bounds, NEAR_BEST_GAP))
                    .map(PanelSearch.Exact::panel).orElse(null);
        }

        /** The same bounds, but only the panel's types and the most preferred others may get seats. */
        private PanelSearch.Bounds neighbourhood(PanelSearch.Bounds bounds, int[] panel, double[] preference) {
            Integer[] order = new Integer[space.types];
            for (int t = 0; t < order.length; t++) {
                order[t] = t;
            }
            java.util.Arrays.sort(order, (a, b) -> Double.compare(preference[b], preference[a]));
            int[] high = bounds.high().clone();
            int added = 0;
            for (int t : order) {
                if (panel[t] > 0) {
                    continue;
                }
                if (added < NEIGHBOURS && high[t] > 0) {
                    added++;
                } else {
                    high[t] = Math.min(high[t], 0);
                }
            }
            for (int t = 0; t < space.types; t++) {
                if (bounds.low()[t] > high[t]) {
                    high[t] = bounds.high()[t];
                }
            }
            return new PanelSearch.Bounds(bounds.low(), high, bounds.rowLow(), bounds.rowHigh());
        }

        /** Marks bounds the remainder sits on within rounding, e.g. where two bounds were reached at once. */
        private void markBoundsReached() {
            double close = ON_BOUND * weight;
            java.util.Arrays.fill(rowSums, 0);
            for (int t = 0; t < space.types; t++) {
                if (remainder[t] <= close) {
                    empty[t] = true;
                    remainder[t] = 0;
                } else if (remainder[t] >= weight * space.size[t] - close) {
                    full[t] = true;
                }
                for (int row : space.rowsOf[t]) {
                    rowSums[row] += remainder[t];
                }
            }
            for (int row = 0; row < space.rows(); row++) {
                atMin[row] |= rowSums[row] <= weight * space.rowMin[row] + close;
                atMax[row] |= rowSums[row] >= weight * space.rowMax[row] - close;
            }
        }

        private PanelSearch.Bounds bounds() {
            PanelSearch.Bounds bounds = PanelSearch.Bounds.of(space);
            for (int t = 0; t < space.types; t++) {
                if (empty[t]) {
                    bounds.high()[t] = 0;
                } else if (full[t]) {
                    bounds.low()[t] = space.size[t];
                }
            }
            for (int row = 0; row < space.rows(); row++) {
                if (atMin[row]) {
                    bounds.rowHigh()[row] = space.rowMin[row];
                }
                if (atMax[row]) {
                    bounds.rowLow()[row] = space.rowMax[row];
                }
            }
            return bounds;
        }

        /**
         * The largest weight for this panel that keeps the remainder inside the (scaled) quota polytope;
         * the bounds that limit it are marked as reached.
         */
        private double stepAndMarkLimits(int[] panel) {
            int n = space.types;
            double[] toEmpty = new double[n];
            double[] toFull = new double[n];
            double step = weight;
            for (int t = 0; t < n; t++) {
                toEmpty[t] = panel[t] > 0 ? remainder[t] / panel[t] : Double.POSITIVE_INFINITY;
                toFull[t] = panel[t] < space.size[t]
                        ? (weight * space.size[t] - remainder[t]) / (space.size[t] - panel[t]) : Double.POSITIVE_INFINITY;
                step = Math.min(step, Math.min(toEmpty[t], toFull[t]));
            }
            int[] counts = space.counts(panel);
            int rows = space.rows();
            double[] toMin = new double[rows];
            double[] toMax = new double[rows];
            for (int row = 0; row < rows; row++) {
                int min = space.rowMin[row];
                int max = space.rowMax[row];
                toMin[row] = counts[row] > min
                        ? (rowSums[row] - weight * min) / (counts[row] - min) : Double.POSITIVE_INFINITY;
                toMax[row] = counts[row] < max
                        ? (weight * max - rowSums[row]) / (max - counts[row]) : Double.POSITIVE_INFINITY;
                step = Math.min(step, Math.min(toMin[row], toMax[row]));
            }
            step = Math.max(0, step);
            double limit = step + ON_BOUND * weight;
            double after = weight - step;
            for (int t = 0; t < n; t++) {
                empty[t] |= toEmpty[t] <= limit;
                full[t] |= toFull[t] <= limit && after > 0;
            }
            for (int row = 0; row < rows; row++) {
                atMin[row] |= toMin[row] <= limit;
                atMax[row] |= toMax[row] <= limit;
            }
            return step;
        }
    }
}
