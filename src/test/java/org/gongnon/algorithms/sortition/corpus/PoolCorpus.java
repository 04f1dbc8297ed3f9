package org.gongnon.algorithms.sortition.corpus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.gongnon.algorithms.sortition.Person;
import org.gongnon.algorithms.sortition.Quota;
import org.gongnon.algorithms.sortition.QuotaAllocation;
import org.gongnon.algorithms.sortition.SelectionProblem;
import org.gongnon.algorithms.sortition.benchmark.GeneratedPools;

/**
 * A corpus of {@value #SIZE} realistic volunteer pools with quotas, for testing and benchmarking the panel-selection
 * engine. Pool {@code i} is made from its index alone ({@link #pool(int)}): the same index gives the same people and
 * quotas on every JDK (only {@link SplittableRandom#nextDouble()} is used, as in {@link GeneratedPools}).
 *
 * <p><b>What a pool is.</b> 100 to 20,000 people (log-uniform; sparse pools 100 to 3,000), a panel of 20 to 1,000
 * seats (log-uniform between
 * {@code max(20, pool/200)} and {@code min(1000, pool/2)}), 2 to 9 features (gender and age always, then others from a
 * catalogue: region, education, income, origin, opinion, ...) with 2 to 25 values each. Population shares are whole
 * percentages, as census tables give them. People are drawn by {@link GeneratedPools#respondents}: a latent
 * "engagement" score correlates the features and decides who answers, with a strength drawn per pool (0 to 1.5), so
 * pools over-represent the engaged as real volunteer pools do.
 *
 * <p><b>Styles</b> (pool {@code i} has style {@code i % 6}, so each has 85 pools):
 * <ul>
 * <li>{@code exact}: min = max = the value's seats by largest remainder of the population shares;</li>
 * <li>{@code floor-ceiling}: min = floor(share * k), max = ceil(share * k) (exact wherever share * k is whole; about
 * half of these panels of 50 or more seats are rounded down to a multiple of 50, where many are);</li>
 * <li>{@code one-seat}: largest-remainder seats ± 1;</li>
 * <li>{@code five-percent}: largest-remainder seats ± 5 % of them, rounded outwards (at least ± 1);</li>
 * <li>{@code sparse}: 6 to 9 features with many values on 100 to 3,000 people, so most feature combinations
 * ("strata") hold one or two people; quotas floor-ceiling, ± 1 seat or ± 5 %;</li>
 * <li>{@code edge}: quotas at the edge of feasibility: either every quota exact at the counts of one panel drawn
 * from the pool ("point": raising any minimum makes the feature infeasible), or floor-ceiling quotas in which every
 * value the pool has too few of for its share demands all of them (their members are then certain to be chosen).</li>
 * </ul>
 *
 * <p><b>Why every pool is feasible.</b> Before the quotas are set, a reference panel of {@code k} people is drawn from
 * the pool, greedily towards the quotas' centres (and including every person a "demand all of them" quota names),
 * then improved by swaps. Every quota is then widened, if needed, just enough to contain that panel's count
 * ({@code min = min(min, count)}, {@code max = max(max, count)}), so the reference panel meets every quota: at least
 * one quota panel exists by construction, with no solver involved. How many quotas had to be widened is kept
 * ({@link Pool#widened()}); an exact quota on a value the pool has too few of is where it happens, as an organiser
 * would lower the minimum. {@code PoolCorpusTest} checks a sample with the engine's CP-SAT feasibility check too.
 */
public final class PoolCorpus {

    /** Number of pools: indices 0 to SIZE - 1. */
    public static final int SIZE = 510;
    private static final long CORPUS_SEED = 0x5EEDC0A72026L;

    /** How the quotas are set; also how the benchmark groups its results. */
    public enum Style {
        EXACT("exact"), FLOOR_CEILING("floor-ceiling"), ONE_SEAT("one-seat"), FIVE_PERCENT("five-percent"),
        SPARSE("sparse"), EDGE("edge");

        private final String label;

        Style(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How the quotas of a pool are derived from the seats (for sparse pools this differs per pool). */
    enum Rule { EXACT, FLOOR_CEILING, ONE_SEAT, FIVE_PERCENT, EDGE_POINT, EDGE_ALL_SCARCE }

    /** The generator's parameters for one pool, cheap to compute without drawing anyone. */
    public record Spec(int index, Style style, String rule, int poolSize, int panelSize,
                       List<GeneratedPools.Feature> features, double engagement, long peopleSeed) {

        public String name() {
            return String.format(Locale.ROOT, "p%03d-%s-%d-%d-f%d", index, style.label(), poolSize, panelSize,
                    features.size());
        }

        /** E.g. "rule one-seat, engagement 0.83, values gender 2, age 6, region 12". */
        public String description() {
            StringBuilder text = new StringBuilder(String.format(Locale.ROOT, "rule %s, engagement %.2f, values",
                    rule, engagement));
            for (int f = 0; f < features.size(); f++) {
                text.append(f == 0 ? " " : ", ").append(features.get(f).name()).append(' ')
                        .append(features.get(f).values().size());
            }
            return text.toString();
        }
    }

    /** A generated pool: its parameters, the problem, and how many quotas were widened to contain the reference panel. */
    public record Pool(Spec spec, SelectionProblem problem, int widened) {

        public String name() {
            return spec.name();
        }
    }

    private PoolCorpus() {
    }

    /** The parameters of pool {@code index}. */
    public static Spec spec(int index) {
        if (index < 0 || index >= SIZE) {
            throw new IllegalArgumentException("the corpus has pools 0 to " + (SIZE - 1) + ", not " + index);
        }
        SplittableRandom random = new SplittableRandom(CORPUS_SEED + 1_000_003L * index);
        Style style = Style.values()[index % Style.values().length];
        boolean sparse = style == Style.SPARSE;
        int poolSize = (int) Math.round(logUniform(random, 100, sparse ? 3_000 : 20_000));
        int high = Math.min(1000, poolSize / 2);
        int low = Math.min(high, Math.max(20, poolSize / 200));
        int panelSize = (int) Math.round(logUniform(random, low, high));
        if (style == Style.FLOOR_CEILING && panelSize >= 50 && random.nextDouble() < 0.5) {
            panelSize -= panelSize % 50;
        }
        int featureCount = sparse ? uniformInt(random, 6, 9) : uniformInt(random, 2, 9);
        List<GeneratedPools.Feature> features = features(random, featureCount, sparse);
        double engagement = 1.5 * random.nextDouble();
        Rule rule = switch (style) {
            case EXACT -> Rule.EXACT;
            case FLOOR_CEILING -> Rule.FLOOR_CEILING;
            case ONE_SEAT -> Rule.ONE_SEAT;
            case FIVE_PERCENT -> Rule.FIVE_PERCENT;
            case SPARSE -> List.of(Rule.FLOOR_CEILING, Rule.ONE_SEAT, Rule.FIVE_PERCENT).get(uniformInt(random, 0, 2));
            case EDGE -> (index / Style.values().length) % 2 == 0 ? Rule.EDGE_POINT : Rule.EDGE_ALL_SCARCE;
        };
        long peopleSeed = (long) (random.nextDouble() * (1L << 53));
        return new Spec(index, style, rule.name().toLowerCase(Locale.ROOT).replace('_', '-'), poolSize, panelSize,
                features, engagement, peopleSeed);
    }

    /** Pool {@code index}: its people and quotas. */
    public static Pool pool(int index) {
        Spec spec = spec(index);
        Rule rule = Rule.valueOf(spec.rule().toUpperCase(Locale.ROOT).replace('-', '_'));
        SplittableRandom random = new SplittableRandom(spec.peopleSeed());
        List<Person> people = GeneratedPools.respondents(spec.features(), spec.poolSize(), spec.engagement(), false,
                random);
        Coded coded = Coded.of(spec.features(), people);
        int k = spec.panelSize();
        List<GeneratedPools.Feature> features = spec.features();

        // The quotas' centres: each value's seats by largest remainder, and its exact share of the panel.
        int[][] seats = new int[features.size()][];
        double[][] exactShare = new double[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            GeneratedPools.Feature feature = features.get(f);
            Map<String, Double> shares = new LinkedHashMap<>();
            for (int v = 0; v < feature.values().size(); v++) {
                shares.put(feature.values().get(v), feature.populationShares()[v]);
            }
            Map<String, Integer> allocated = QuotaAllocation.largestRemainder(shares, k);
            seats[f] = feature.values().stream().mapToInt(allocated::get).toArray();
            double total = Arrays.stream(feature.populationShares()).sum();
            exactShare[f] = Arrays.stream(feature.populationShares()).map(s -> s / total * k).toArray();
        }

        // Values the pool has too few of for their share: an "all of them" quota demands every member.
        boolean[][] demandAll = new boolean[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            demandAll[f] = new boolean[features.get(f).values().size()];
        }
        if (rule == Rule.EDGE_ALL_SCARCE) {
            boolean[] forced = new boolean[people.size()];
            int forcedCount = 0;
            for (int f = 0; f < features.size(); f++) {
                for (int v = 0; v < demandAll[f].length; v++) {
                    int have = coded.poolCount[f][v];
                    if (have > 0 && have < Math.ceil(exactShare[f][v] - 1e-9)) {
                        int added = 0;
                        for (int i = 0; i < people.size(); i++) {
                            if (coded.value[i][f] == v && !forced[i]) {
                                added++;
                            }
                        }
                        // Never force more than 60 % of the panel, so the other quotas keep some room.
                        if (forcedCount + added <= 0.6 * k) {
                            demandAll[f][v] = true;
                            forcedCount += added;
                            for (int i = 0; i < people.size(); i++) {
                                forced[i] |= coded.value[i][f] == v;
                            }
                        }
                    }
                }
            }
        }

        int[][] target = new int[features.size()][];
        for (int f = 0; f < features.size(); f++) {
            target[f] = new int[seats[f].length];
            for (int v = 0; v < seats[f].length; v++) {
                target[f][v] = demandAll[f][v] ? coded.poolCount[f][v] : Math.min(seats[f][v], coded.poolCount[f][v]);
            }
        }
        int[][] reference = referencePanelCounts(coded, k, target, demandAll, random);

        List<Quota> quotas = new ArrayList<>();
        int widened = 0;
        for (int f = 0; f < features.size(); f++) {
            GeneratedPools.Feature feature = features.get(f);
            for (int v = 0; v < seats[f].length; v++) {
                int s = seats[f][v];
                int[] range = switch (rule) {
                    case EXACT -> new int[] {s, s};
                    case FLOOR_CEILING -> floorCeiling(exactShare[f][v]);
                    case ONE_SEAT -> new int[] {s - 1, s + 1};
                    case FIVE_PERCENT -> {
                        int slack = (int) Math.ceil(s * 5 / 100.0 - 1e-9);
                        yield new int[] {s - slack, s + slack};
                    }
                    case EDGE_POINT -> new int[] {reference[f][v], reference[f][v]};
                    case EDGE_ALL_SCARCE -> demandAll[f][v]
                            ? new int[] {coded.poolCount[f][v], coded.poolCount[f][v]} : floorCeiling(exactShare[f][v]);
                };
                int min = Math.max(0, range[0]);
                int max = Math.min(k, range[1]);
                int count = reference[f][v];
                if (count < min || count > max) {
                    widened++;
                    min = Math.min(min, count);
                    max = Math.max(max, count);
                }
                quotas.add(new Quota(feature.name(), feature.values().get(v), min, max));
            }
        }
        return new Pool(spec, new SelectionProblem(people, quotas, k), widened);
    }

    private static int[] floorCeiling(double share) {
        // A share that is whole up to rounding (e.g. 12 % of 50 computed as 5.999...) is exact.
        double rounded = Math.round(share);
        if (Math.abs(share - rounded) < 1e-9) {
            return new int[] {(int) rounded, (int) rounded};
        }
        return new int[] {(int) Math.floor(share), (int) Math.ceil(share)};
    }

    /**
     * Seats per feature value of a panel of {@code k} people drawn from the pool: first every person a
     * "demand all" value names, then greedily whoever most reduces the shortfall against the targets, then random
     * swaps that bring the counts closer to the targets. Any panel would guarantee feasibility; a close one keeps
     * the widening small.
     */
    private static int[][] referencePanelCounts(Coded coded, int k, int[][] target, boolean[][] demandAll,
                                                SplittableRandom random) {
        int n = coded.value.length;
        int features = target.length;
        int[][] count = new int[features][];
        for (int f = 0; f < features; f++) {
            count[f] = new int[target[f].length];
        }
        boolean[] chosen = new boolean[n];
        int size = 0;
        for (int i = 0; i < n && size < k; i++) {
            for (int f = 0; f < features; f++) {
                if (demandAll[f][coded.value[i][f]]) {
                    chosen[i] = true;
                    size++;
                    for (int g = 0; g < features; g++) {
                        count[g][coded.value[i][g]]++;
                    }
                    break;
                }
            }
        }
        while (size < k) {
            int best = -1;
            int bestGain = Integer.MIN_VALUE;
            for (int i = 0; i < n; i++) {
                if (chosen[i]) {
                    continue;
                }
                int gain = 0;
                for (int f = 0; f < features; f++) {
                    int v = coded.value[i][f];
                    gain += Integer.signum(target[f][v] - count[f][v]);
                }
                if (gain > bestGain) {
                    bestGain = gain;
                    best = i;
                }
            }
            chosen[best] = true;
            size++;
            for (int f = 0; f < features; f++) {
                count[f][coded.value[best][f]]++;
            }
        }
        int[] in = IntStream.range(0, n).filter(i -> chosen[i]).toArray();
        int[] out = IntStream.range(0, n).filter(i -> !chosen[i]).toArray();
        int attempts = out.length == 0 ? 0 : 40 * k + 20_000;
        for (int attempt = 0; attempt < attempts; attempt++) {
            int a = (int) (random.nextDouble() * in.length);
            int b = (int) (random.nextDouble() * out.length);
            int leaving = in[a];
            int joining = out[b];
            if (isDemanded(coded, demandAll, leaving)) {
                continue;
            }
            int change = 0;
            for (int f = 0; f < features; f++) {
                int vl = coded.value[leaving][f];
                int vj = coded.value[joining][f];
                if (vl != vj) {
                    change += Math.abs(count[f][vl] - 1 - target[f][vl]) - Math.abs(count[f][vl] - target[f][vl]);
                    change += Math.abs(count[f][vj] + 1 - target[f][vj]) - Math.abs(count[f][vj] - target[f][vj]);
                }
            }
            if (change < 0) {
                for (int f = 0; f < features; f++) {
                    count[f][coded.value[leaving][f]]--;
                    count[f][coded.value[joining][f]]++;
                }
                in[a] = joining;
                out[b] = leaving;
            }
        }
        return count;
    }

    private static boolean isDemanded(Coded coded, boolean[][] demandAll, int person) {
        for (int f = 0; f < demandAll.length; f++) {
            if (demandAll[f][coded.value[person][f]]) {
                return true;
            }
        }
        return false;
    }

    /** The people as value indices per feature, and how many of the pool have each value. */
    private record Coded(int[][] value, int[][] poolCount) {

        static Coded of(List<GeneratedPools.Feature> features, List<Person> people) {
            int[][] value = new int[people.size()][features.size()];
            int[][] poolCount = new int[features.size()][];
            for (int f = 0; f < features.size(); f++) {
                GeneratedPools.Feature feature = features.get(f);
                poolCount[f] = new int[feature.values().size()];
                Map<String, Integer> index = new LinkedHashMap<>();
                for (int v = 0; v < feature.values().size(); v++) {
                    index.put(feature.values().get(v), v);
                }
                for (int i = 0; i < people.size(); i++) {
                    int v = index.get(people.get(i).value(feature.name()));
                    value[i][f] = v;
                    poolCount[f][v]++;
                }
            }
            return new Coded(value, poolCount);
        }
    }

    // ---- The feature catalogue ----

    /** How a feature's population shares and engagement leans are shaped. */
    private enum Shape {
        /** Ordered bands (age, education, income): lean rises along the bands. */
        ORDERED,
        /** One majority value and small minorities, who answer less. */
        MAJORITY,
        /** Unequal shares (Zipf-like), leans drawn at random. */
        SPREAD,
        /** Opinion: the last value is "undecided", whom the engaged rarely are. */
        OPINION
    }

    private record Kind(String name, int minValues, int maxValues, Shape shape, double lean) {
    }

    private static final List<Kind> ALWAYS = List.of(
            new Kind("gender", 2, 3, Shape.MAJORITY, 0.15),
            new Kind("age", 3, 8, Shape.ORDERED, 0.6));
    private static final List<Kind> OTHERS = List.of(
            new Kind("region", 3, 25, Shape.SPREAD, 0.3),
            new Kind("education", 3, 6, Shape.ORDERED, 0.9),
            new Kind("income", 3, 5, Shape.ORDERED, 0.5),
            new Kind("housing", 2, 3, Shape.SPREAD, 0.3),
            new Kind("settlement", 2, 4, Shape.SPREAD, 0.2),
            new Kind("origin", 2, 8, Shape.MAJORITY, 0.5),
            new Kind("employment", 3, 6, Shape.SPREAD, 0.4),
            new Kind("opinion", 3, 5, Shape.OPINION, 0.6),
            new Kind("household", 2, 5, Shape.SPREAD, 0.2),
            new Kind("language", 2, 4, Shape.MAJORITY, 0.3));

    private static List<GeneratedPools.Feature> features(SplittableRandom random, int count, boolean many) {
        List<Kind> kinds = new ArrayList<>(ALWAYS);
        List<Kind> others = new ArrayList<>(OTHERS);
        while (kinds.size() < count) {
            kinds.add(others.remove((int) (random.nextDouble() * others.size())));
        }
        List<GeneratedPools.Feature> features = new ArrayList<>();
        for (Kind kind : kinds) {
            // Sparse pools take values from the upper half of each feature's range.
            int low = many ? (kind.minValues() + kind.maxValues() + 1) / 2 : kind.minValues();
            int values = uniformInt(random, low, kind.maxValues());
            features.add(feature(kind, values, random));
        }
        return features;
    }

    private static GeneratedPools.Feature feature(Kind kind, int n, SplittableRandom random) {
        double[] weight = new double[n];
        double[] lean = new double[n];
        for (int v = 0; v < n; v++) {
            switch (kind.shape()) {
                case ORDERED -> {
                    weight[v] = 0.7 + 0.6 * random.nextDouble();
                    lean[v] = kind.lean() * (n == 1 ? 0 : 2.0 * v / (n - 1) - 1);
                }
                case MAJORITY -> {
                    weight[v] = v == 0 ? 0 : 0.2 + random.nextDouble();
                    lean[v] = v == 0 ? kind.lean() / 2 : -kind.lean() * random.nextDouble();
                }
                case SPREAD -> {
                    weight[v] = (0.3 + random.nextDouble()) / (1 + 0.3 * v);
                    lean[v] = kind.lean() * (2 * random.nextDouble() - 1);
                }
                case OPINION -> {
                    weight[v] = 0.5 + random.nextDouble();
                    lean[v] = v == n - 1 ? -1.5 * kind.lean() : kind.lean() * random.nextDouble();
                }
            }
        }
        if (kind.name().equals("gender")) {
            // About even, with a small third value when there is one.
            weight = n == 3 ? new double[] {0.51, 0.48, 0.01} : new double[] {0.51, 0.49};
        } else if (kind.shape() == Shape.MAJORITY) {
            // The majority holds 50 to 90 %, the minorities share the rest.
            double majority = 0.5 + 0.4 * random.nextDouble();
            double rest = Arrays.stream(weight).sum();
            for (int v = 1; v < n; v++) {
                weight[v] = weight[v] / rest * (1 - majority);
            }
            weight[0] = majority;
        }
        double[] percent = wholePercents(weight);
        List<String> names = new ArrayList<>();
        for (int v = 0; v < n; v++) {
            names.add(kind.name().equals("gender") ? List.of("female", "male", "diverse").get(v)
                    : String.format(Locale.ROOT, "%s-%02d", kind.name(), v + 1));
        }
        return new GeneratedPools.Feature(kind.name(), names, percent, lean);
    }

    /** The weights as whole percentages summing to 100, at least 1 % each (census tables round so). */
    private static double[] wholePercents(double[] weight) {
        int n = weight.length;
        double total = Arrays.stream(weight).sum();
        int[] percent = new int[n];
        double[] remainder = new double[n];
        int given = 0;
        for (int v = 0; v < n; v++) {
            double exact = weight[v] / total * (100 - n);
            percent[v] = 1 + (int) Math.floor(exact);
            remainder[v] = exact - Math.floor(exact);
            given += percent[v];
        }
        while (given < 100) {
            int largest = 0;
            for (int v = 1; v < n; v++) {
                if (remainder[v] > remainder[largest]) {
                    largest = v;
                }
            }
            percent[largest]++;
            remainder[largest] = -1;
            given++;
        }
        return Arrays.stream(percent).asDoubleStream().map(p -> p / 100.0).toArray();
    }

    private static double logUniform(SplittableRandom random, double low, double high) {
        return Math.exp(Math.log(low) + random.nextDouble() * (Math.log(high) - Math.log(low)));
    }

    /** An integer from {@code low} to {@code high} inclusive, from nextDouble only. */
    private static int uniformInt(SplittableRandom random, int low, int high) {
        return low + Math.min(high - low, (int) (random.nextDouble() * (high - low + 1)));
    }
}
