package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A uniform lottery over M published panels (Flanigan, Kehne &amp; Procaccia, "Fair Sortition Made
 * Transparent", NeurIPS 2021): the lottery's panel make-ups are rounded to M equally likely panels, numbered
 * 1..M and listed by pool id before the ceremony; a number drawn in public then picks the panel. Anyone can
 * count how often they appear in the list, which is their exact chance.
 *
 * <p>How, deterministically (the same lottery, M and seed give the same list on any machine):
 * <ol>
 * <li><b>Rounding.</b> Make-up j of probability p<sub>j</sub> gets ⌊M·p<sub>j</sub>⌋ copies; the copies left over
 * go one at a time to the make-up (among those rounded down) that most helps the types furthest below their
 * expected seats. Then single copies move from one make-up to another while that raises, in this order, the
 * smallest number of panels a member of any type is on, the smallest average per type, or lowers the squared
 * shortfall against the lottery.</li>
 * <li><b>Numbering.</b> The M panels are put in an order shuffled by Fisher–Yates with {@link SeededRandom}
 * made from the seed (the inputs' fingerprint, so the list is fixed before the number is drawn).</li>
 * <li><b>Members.</b> Within each type, its members are shuffled with the same generator and dealt round-robin
 * to the type's seats of panels 1, 2, …, M: every member of a type is on ⌊S/n⌋ or ⌈S/n⌉ of the panels (S the
 * type's seats over all panels, n its size) and never twice on one panel.</li>
 * </ol>
 * Each panel is one of the lottery's make-ups, so it meets every quota.
 *
 * @param panels      panel number i (1-based) is {@code panels.get(i - 1)}: pool ids, sorted
 * @param shares      each pool member's share of the M panels (their probability), in pool order
 * @param lotteryMinimum the smallest probability of the lottery that was rounded
 */
public record UniformPanels(List<List<String>> panels, Map<String, Double> shares, double lotteryMinimum) {

    /** The default number of panels: three ten-sided dice (000 read as 1000). */
    public static final int DEFAULT_COUNT = 1000;
    private static final double EPS = 1e-9;
    private static final int MAX_MOVES_PER_SUPPORT = 20;

    public UniformPanels {
        panels = List.copyOf(panels);
        shares = Collections.unmodifiableMap(new LinkedHashMap<>(shares));
    }

    public int count() {
        return panels.size();
    }

    /** Panel number {@code number}, 1..M. */
    public List<String> panel(int number) {
        if (number < 1 || number > panels.size()) {
            throw new IllegalArgumentException("the panel number must be between 1 and " + panels.size()
                    + ", got " + number);
        }
        return panels.get(number - 1);
    }

    public double minimumShare() {
        return shares.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
    }

    /** How much smaller the smallest chance is than in the lottery rounded (never negative in practice). */
    public double loss() {
        return lotteryMinimum - minimumShare();
    }

    /** Rounds {@code lottery} to {@code count} equally likely panels; {@code seed} numbers them and deals members. */
    public static UniformPanels round(Lottery lottery, int count, long seed) {
        if (count < 1) {
            throw new IllegalArgumentException("the number of panels must be at least 1, got " + count);
        }
        List<FeatureTypes.Type> types = lottery.types().types();
        int[] copies = new Rounding(lottery, count).copies();

        List<int[]> numbered = new ArrayList<>(count);
        for (int j = 0; j < copies.length; j++) {
            for (int c = 0; c < copies[j]; c++) {
                numbered.add(lottery.panels().get(j).seats());
            }
        }
        SeededRandom random = new SeededRandom(seed);
        Reserves.shuffle(numbered, random);

        List<List<String>> panels = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            panels.add(new ArrayList<>());
        }
        Map<String, Integer> appearances = new LinkedHashMap<>();
        for (FeatureTypes.Type t : types) {
            List<Person> members = new ArrayList<>(t.members());
            Reserves.shuffle(members, random);
            int next = 0;
            for (int i = 0; i < count; i++) {
                for (int s = 0; s < numbered.get(i)[t.index()]; s++) {
                    String id = members.get(next).id();
                    panels.get(i).add(id);
                    appearances.merge(id, 1, Integer::sum);
                    next = (next + 1) % members.size();
                }
            }
        }
        panels.replaceAll(p -> p.stream().sorted().toList());
        Map<String, Double> shares = new LinkedHashMap<>();
        for (FeatureTypes.Type t : types) {
            for (Person p : t.members()) {
                shares.put(p.id(), appearances.getOrDefault(p.id(), 0) / (double) count);
            }
        }
        return new UniformPanels(panels, shares, lottery.minimumProbability());
    }

    /** Whole numbers of copies per make-up, summing to M, close to M × probability for every type. */
    private static final class Rounding {

        private final int[][] seats;
        private final int[] size;
        private final double[] expected;
        private final int count;
        private final int[] low;
        private final int[] high;
        private final int[] copies;
        private final long[] total;

        Rounding(Lottery lottery, int count) {
            this.count = count;
            List<Lottery.TypePanel> panels = lottery.panels();
            int types = lottery.types().types().size();
            seats = new int[panels.size()][];
            size = new int[types];
            lottery.types().types().forEach(t -> size[t.index()] = t.size());
            expected = new double[types];
            low = new int[panels.size()];
            high = new int[panels.size()];
            copies = new int[panels.size()];
            total = new long[types];
            for (int j = 0; j < panels.size(); j++) {
                seats[j] = panels.get(j).seats();
                double scaled = panels.get(j).probability() * count;
                low[j] = (int) Math.floor(scaled + EPS);
                high[j] = (int) Math.ceil(scaled - EPS);
                for (int t = 0; t < types; t++) {
                    expected[t] += scaled * seats[j][t];
                }
            }
        }

        int[] copies() {
            for (int j = 0; j < copies.length; j++) {
                add(j, low[j]);
            }
            int placed = Arrays.stream(copies).sum();
            while (placed < count) {
                add(bestAddition(), 1);
                placed++;
            }
            while (placed > count) { // only if the probabilities sum to more than 1 by rounding
                int j = mostCopies();
                add(j, -1);
                placed--;
            }
            improveByMoves();
            return copies;
        }

        private void add(int j, int n) {
            copies[j] += n;
            for (int t = 0; t < total.length; t++) {
                total[t] += (long) n * seats[j][t];
            }
        }

        /** The make-up whose next copy most helps the types still short of their expected seats. */
        private int bestAddition() {
            int best = -1;
            double bestGain = Double.NEGATIVE_INFINITY;
            boolean bestWithinRounding = false;
            for (int j = 0; j < copies.length; j++) {
                boolean withinRounding = copies[j] < high[j];
                if (bestWithinRounding && !withinRounding) {
                    continue;
                }
                double gain = 0;
                for (int t = 0; t < total.length; t++) {
                    if (seats[j][t] > 0) {
                        gain += seats[j][t] * Math.max(0, expected[t] - total[t]) / ((double) size[t] * size[t]);
                    }
                }
                if (best < 0 || (withinRounding && !bestWithinRounding) || gain > bestGain + EPS) {
                    best = j;
                    bestGain = gain;
                    bestWithinRounding = withinRounding;
                }
            }
            return best;
        }

        private int mostCopies() {
            int best = 0;
            for (int j = 1; j < copies.length; j++) {
                if (copies[j] > copies[best]) {
                    best = j;
                }
            }
            return best;
        }

        /** Moves one copy from one make-up to another while the {@link Score} improves. */
        private void improveByMoves() {
            int limit = MAX_MOVES_PER_SUPPORT * copies.length + 100;
            Score current = score(total);
            long[] trial = new long[total.length];
            for (int move = 0; move < limit; move++) {
                int worst = worstType();
                int bestFrom = -1;
                int bestTo = -1;
                Score best = current;
                for (int to = 0; to < copies.length; to++) {
                    if (copies[to] >= high[to]) {
                        continue;
                    }
                    for (int from = 0; from < copies.length; from++) {
                        if (from == to || copies[from] <= low[from] || seats[to][worst] <= seats[from][worst]) {
                            continue;
                        }
                        for (int t = 0; t < total.length; t++) {
                            trial[t] = total[t] + seats[to][t] - seats[from][t];
                        }
                        Score s = score(trial);
                        if (s.betterThan(best)) {
                            best = s;
                            bestFrom = from;
                            bestTo = to;
                        }
                    }
                }
                if (bestFrom < 0) {
                    return;
                }
                add(bestFrom, -1);
                add(bestTo, 1);
                current = best;
            }
        }

        /** The type with the fewest panels per member (the lowest index among equals). */
        private int worstType() {
            int worst = 0;
            for (int t = 1; t < total.length; t++) {
                if (total[t] * size[worst] < total[worst] * size[t]) {
                    worst = t;
                }
            }
            return worst;
        }

        private Score score(long[] seatsByType) {
            long minimumWhole = Long.MAX_VALUE;
            double minimumAverage = Double.POSITIVE_INFINITY;
            double shortfall = 0;
            for (int t = 0; t < seatsByType.length; t++) {
                minimumWhole = Math.min(minimumWhole, seatsByType[t] / size[t]);
                minimumAverage = Math.min(minimumAverage, seatsByType[t] / (double) size[t]);
                double gap = (expected[t] - seatsByType[t]) / size[t];
                shortfall += gap * gap * size[t];
            }
            return new Score(minimumWhole, minimumAverage, shortfall);
        }

        private record Score(long minimumWhole, double minimumAverage, double shortfall) {

            boolean betterThan(Score other) {
                if (minimumWhole != other.minimumWhole) {
                    return minimumWhole > other.minimumWhole;
                }
                if (Math.abs(minimumAverage - other.minimumAverage) > EPS) {
                    return minimumAverage > other.minimumAverage;
                }
                return shortfall < other.shortfall - EPS;
            }
        }
    }
}
