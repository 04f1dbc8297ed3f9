package org.gongnon.algorithms.tables;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.gongnon.algorithms.sortition.SeededRandom;

/**
 * One seating under improvement, with the counts kept up to date so that the change of the objective by a
 * swap or a move costs a few operations per feature. Compares lexicographically: first the number of people
 * away from their original table (rebalancing only; 0 otherwise), then diversity + weighted repeat meetings.
 */
final class TableSearch {

    /** Improvements smaller than this are rounding noise, not progress (and would let the search cycle). */
    private static final double EPSILON = 1e-9;
    static final int NO_ORIGIN = -1;

    private final Encoding e;
    private final int n;
    private final int tables;
    private final int slotCount;
    final int[] table;
    final int[] size;
    /** count[t * slotCount + k]: people at table t with value slot k. */
    private final int[] count;
    /** meet[i * tables + t]: how many earlier meetings person i has with the people at table t. */
    private final int[] meet;
    /** The change of the cost of slot k at table t if one person with k leaves / joins (size unchanged). */
    private final double[] leaveGain;
    private final double[] joinGain;
    private final boolean[] pinned;
    /** The people who may change table, in the order the next round looks at them. */
    private final int[] free;
    private final int[] origin;
    private final boolean countMoves;
    /** How many more people the current descent may look at. */
    private long budget;

    /**
     * @param start   the table of every person
     * @param pinned  people who may not change table
     * @param origin  each person's table before rebalancing (or NO_ORIGIN); null when moves do not count
     */
    TableSearch(Encoding e, int[] start, boolean[] pinned, int[] origin) {
        this.e = e;
        this.n = e.n;
        this.tables = e.tables;
        this.slotCount = e.slotCount;
        this.table = new int[n];
        this.size = new int[tables];
        this.count = new int[tables * slotCount];
        this.meet = new int[e.anyMeetings ? n * tables : 0];
        this.leaveGain = new double[tables * slotCount];
        this.joinGain = new double[tables * slotCount];
        this.pinned = pinned;
        this.free = IntStream.range(0, n).filter(i -> !pinned[i]).toArray();
        this.origin = origin;
        this.countMoves = origin != null;
        load(start);
    }

    /** Seats everyone as given and recounts. */
    private void load(int[] seating) {
        System.arraycopy(seating, 0, table, 0, n);
        Arrays.fill(size, 0);
        Arrays.fill(count, 0);
        Arrays.fill(meet, 0);
        for (int i = 0; i < n; i++) {
            int t = table[i];
            size[t]++;
            for (int k : e.slots[i]) {
                if (k >= 0) {
                    count[t * slotCount + k]++;
                }
            }
            for (int x = 0; x < e.neighbours[i].length; x++) {
                meet[e.neighbours[i][x] * tables + t] += e.meetings[i][x];
            }
        }
        for (int t = 0; t < tables; t++) {
            refresh(t);
        }
    }

    /** The weighted sum over tables, features and values of (count - table size * share)^2. */
    double deviation() {
        double sum = 0;
        for (int t = 0; t < tables; t++) {
            for (int k = 0; k < slotCount; k++) {
                sum += e.deviation(k, count[t * slotCount + k], size[t]);
            }
        }
        return sum;
    }

    /** The weighted sum of squared distances of the counts outside the [floor, ceil] band of their share. */
    double outsideBand() {
        double sum = 0;
        for (int t = 0; t < tables; t++) {
            for (int k = 0; k < slotCount; k++) {
                sum += e.outside(k, count[t * slotCount + k], size[t]);
            }
        }
        return sum;
    }

    private double tableCost(int t) {
        double sum = 0;
        int base = t * slotCount;
        for (int k = 0; k < slotCount; k++) {
            sum += e.cell(k, count[base + k], size[t]);
        }
        return sum;
    }

    /** Earlier meetings repeated: each pair at one table counted with how often it met. */
    int repeatEncounters() {
        int sum = 0;
        for (int i = 0; i < n; i++) {
            for (int x = 0; x < e.neighbours[i].length; x++) {
                int j = e.neighbours[i][x];
                if (j > i && table[j] == table[i]) {
                    sum += e.meetings[i][x];
                }
            }
        }
        return sum;
    }

    int repeatPairs() {
        int pairs = 0;
        for (int i = 0; i < n; i++) {
            for (int j : e.neighbours[i]) {
                if (j > i && table[j] == table[i]) {
                    pairs++;
                }
            }
        }
        return pairs;
    }

    double total() {
        return deviation() + e.bandWeight * outsideBand() + e.encounterWeight * repeatEncounters();
    }

    int moves() {
        if (!countMoves) {
            return 0;
        }
        int moves = 0;
        for (int i = 0; i < n; i++) {
            moves += away(i, table[i]);
        }
        return moves;
    }

    private int away(int i, int t) {
        return countMoves && origin[i] != NO_ORIGIN && origin[i] != t ? 1 : 0;
    }

    /**
     * Improves the seating by swaps and moves until none improves or the budget of {@code maxPasses} times the
     * number of movable people examinations runs out. Works from a queue: everyone once (seeded random order),
     * then only the people at tables that changed (a swap's gain is symmetric, so a person whose table did not
     * change needs no new look at swaps: the people of the changed table look at them); when the queue is empty
     * one more full round confirms that nothing improves (it also catches moves into a changed table).
     */
    void improve(int maxPasses, SeededRandom random) {
        budget = (long) maxPasses * free.length;
        while (budget > 0) {
            shuffle(free, random);
            if (descend(free) == 0) {
                return;
            }
        }
    }

    /** Applies improving swaps and moves from a queue of people, within the budget; returns how many. */
    private int descend(int[] initial) {
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        boolean[] queued = new boolean[n];
        for (int i : initial) {
            queue.add(i);
            queued[i] = true;
        }
        int changes = 0;
        while (!queue.isEmpty() && budget > 0) {
            int i = queue.poll();
            queued[i] = false;
            budget--;
            int a = table[i];
            int b = improvePerson(i);
            if (b >= 0) {
                changes++;
                for (int p : free) {
                    if (!queued[p] && (table[p] == a || table[p] == b)) {
                        queue.add(p);
                        queued[p] = true;
                    }
                }
            }
        }
        return changes;
    }

    /**
     * Pairwise swaps can get stuck with a count outside its band when fixing it needs a chain of three people.
     * So, while some count is outside its band: force one swap that brings it back (the other person chosen at
     * random), improve again, and keep the result unless it is worse. At most {@code maxKicks} tries.
     */
    void kickOutOfBands(int maxKicks, int maxPasses, SeededRandom random) {
        for (int kick = 0; kick < maxKicks && outsideBand() > 0; kick++) {
            int[] before = table.clone();
            double cost = total();
            int[] kicked = kick(random);
            if (kicked == null) {
                continue;
            }
            budget = (long) maxPasses * free.length;
            descend(Arrays.stream(free).filter(p -> table[p] == kicked[0] || table[p] == kicked[1]).toArray());
            if (total() > cost + EPSILON) {
                load(before);
            }
        }
    }

    /**
     * Swaps a person with a value in surplus (or deficit) at a table with one from a table that can take it;
     * returns the two tables, or null if no such swap was found.
     */
    private int[] kick(SeededRandom random) {
        List<int[]> outside = new ArrayList<>();
        for (int t = 0; t < tables; t++) {
            for (int k = 0; k < slotCount; k++) {
                if (e.outside(k, count[t * slotCount + k], size[t]) > 0) {
                    outside.add(new int[] {t, k});
                }
            }
        }
        int[] cell = outside.get(random.nextInt(outside.size()));
        int t = cell[0];
        int k = cell[1];
        boolean surplus = count[t * slotCount + k] > e.ceil[size[t] * slotCount + k];
        List<Integer> others = new ArrayList<>();
        for (int b = 0; b < tables; b++) {
            int c = count[b * slotCount + k];
            if (b != t && (surplus ? c < e.ceil[size[b] * slotCount + k] : c > e.floor[size[b] * slotCount + k])) {
                others.add(b);
            }
        }
        if (others.isEmpty()) {
            return null;
        }
        int b = others.get(random.nextInt(others.size()));
        int from = surplus ? t : b; // the table that gives up someone with value k
        int to = surplus ? b : t;
        int f = e.featureOfSlot[k];
        int i = randomPerson(from, p -> e.slots[p][f] == k, random);
        int j = randomPerson(to, p -> e.slots[p][f] != k, random);
        if (i < 0 || j < 0) {
            return null;
        }
        move(i, from, to);
        move(j, to, from);
        return new int[] {from, to};
    }

    private int randomPerson(int t, IntPredicate wanted, SeededRandom random) {
        int chosen = -1;
        int seen = 0;
        for (int p = 0; p < n; p++) {
            if (table[p] == t && !pinned[p] && wanted.test(p) && random.nextInt(++seen) == 0) {
                chosen = p; // reservoir sampling: each candidate equally likely
            }
        }
        return chosen;
    }

    /** Applies the best swap or move of person i, if any improves; returns the other table changed, or -1. */
    private int improvePerson(int i) {
        int a = table[i];
        int bestMoves = 0;
        double bestRest = -EPSILON;
        int bestSwap = -1;
        int bestTable = -1;
        for (int j : free) {
            int b = table[j];
            if (b == a) {
                continue;
            }
            int dm = countMoves ? away(i, b) + away(j, a) - away(i, a) - away(j, b) : 0;
            if (dm > bestMoves) {
                continue;
            }
            double dr = swapDelta(i, j, a, b);
            if (dm < bestMoves || dr < bestRest) {
                bestMoves = dm;
                bestRest = dr;
                bestSwap = j;
                bestTable = -1;
            }
        }
        for (int b = 0; b < tables; b++) {
            if (size[b] != size[a] - 1) {
                continue; // only moves that keep the sizes within one of each other
            }
            int dm = countMoves ? away(i, b) - away(i, a) : 0;
            if (dm > bestMoves) {
                continue;
            }
            double dr = moveDelta(i, a, b);
            if (dm < bestMoves || dr < bestRest) {
                bestMoves = dm;
                bestRest = dr;
                bestSwap = -1;
                bestTable = b;
            }
        }
        if (bestSwap >= 0) {
            int b = table[bestSwap];
            move(i, a, b);
            move(bestSwap, b, a);
            return b;
        }
        if (bestTable >= 0) {
            move(i, a, bestTable);
            return bestTable;
        }
        return -1;
    }

    /** The change of diversity + weighted meetings if i (at a) and j (at b) swap tables. */
    private double swapDelta(int i, int j, int a, int b) {
        double delta = 0;
        int[] si = e.slots[i];
        int[] sj = e.slots[j];
        int baseA = a * slotCount;
        int baseB = b * slotCount;
        for (int f = 0; f < si.length; f++) {
            int x = si[f];
            int y = sj[f];
            if (x == y) {
                continue;
            }
            if (x >= 0) { // one x fewer at a, one more at b
                delta += leaveGain[baseA + x] + joinGain[baseB + x];
            }
            if (y >= 0) { // one y more at a, one fewer at b
                delta += joinGain[baseA + y] + leaveGain[baseB + y];
            }
        }
        if (e.anyMeetings) {
            int met = meet[i * tables + b] + meet[j * tables + a] - meet[i * tables + a] - meet[j * tables + b];
            if (meet[i * tables + b] > 0) {
                met -= 2 * e.met(i, j); // i and j are apart before and after
            }
            delta += e.encounterWeight * met;
        }
        return delta;
    }

    /** The change of diversity + weighted meetings if i moves from a to b (both tables change size). */
    private double moveDelta(int i, int a, int b) {
        double delta = shiftedCost(a, i, -1) - tableCost(a) + shiftedCost(b, i, +1) - tableCost(b);
        if (e.anyMeetings) {
            delta += e.encounterWeight * (meet[i * tables + b] - meet[i * tables + a]);
        }
        return delta;
    }

    /** Recomputes the leave / join gains of table t after its counts or size changed. */
    private void refresh(int t) {
        int base = t * slotCount;
        for (int k = 0; k < slotCount; k++) {
            int c = count[base + k];
            double now = e.cell(k, c, size[t]);
            leaveGain[base + k] = c > 0 ? e.cell(k, c - 1, size[t]) - now : Double.POSITIVE_INFINITY;
            joinGain[base + k] = e.cell(k, c + 1, size[t]) - now;
        }
    }

    /** The cost of table t after person i leaves (step -1) or joins (step +1). */
    private double shiftedCost(int t, int i, int step) {
        int base = t * slotCount;
        int newSize = size[t] + step;
        double sum = 0;
        for (int k = 0; k < slotCount; k++) {
            sum += e.cell(k, count[base + k], newSize);
        }
        for (int k : e.slots[i]) {
            if (k >= 0) {
                int c = count[base + k];
                sum += e.cell(k, c + step, newSize) - e.cell(k, c, newSize);
            }
        }
        return sum;
    }

    private void move(int i, int from, int to) {
        table[i] = to;
        size[from]--;
        size[to]++;
        for (int k : e.slots[i]) {
            if (k >= 0) {
                count[from * slotCount + k]--;
                count[to * slotCount + k]++;
            }
        }
        for (int x = 0; x < e.neighbours[i].length; x++) {
            int j = e.neighbours[i][x];
            meet[j * tables + from] -= e.meetings[i][x];
            meet[j * tables + to] += e.meetings[i][x];
        }
        refresh(from);
        refresh(to);
    }

    static void shuffle(int[] a, SeededRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
