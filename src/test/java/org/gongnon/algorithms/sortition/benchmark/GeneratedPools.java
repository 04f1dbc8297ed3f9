package org.gongnon.algorithms.sortition.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.gongnon.algorithms.sortition.Person;
import org.gongnon.algorithms.sortition.Quota;
import org.gongnon.algorithms.sortition.QuotaAllocation;
import org.gongnon.algorithms.sortition.SelectionProblem;

/**
 * Synthetic pools for benchmarks and tests, generated deterministically from a seed: the same arguments give
 * the same people in the same order on every JDK (only {@link SplittableRandom#nextDouble()} is used, whose
 * algorithm is specified).
 *
 * <p>Quotas come from <em>population</em> shares by the largest-remainder method, widened by a seat
 * tolerance. Each invited person has a latent "engagement" score; every feature value leans towards or
 * away from engaged people, which correlates the features, and the engaged answer the invitation more
 * often, which makes the pool unrepresentative the way real pools are (older, more educated, more
 * opinionated), so fair lotteries must give unequal chances.
 */
public final class GeneratedPools {

    /** One feature: its values, their population shares, and how much each value leans towards engaged people. */
    public record Feature(String name, List<String> values, double[] populationShares, double[] engagementLean) {

        public Feature {
            values = List.copyOf(values);
            if (values.size() != populationShares.length || values.size() != engagementLean.length) {
                throw new IllegalArgumentException(name + ": one share and one lean per value");
            }
        }
    }

    /** A named instance with the parameters it was generated from (for the benchmark table). */
    public record Instance(String name, SelectionProblem problem, String description) {
    }

    static final Feature GENDER = new Feature("gender", List.of("female", "male"),
            new double[] {0.51, 0.49}, new double[] {-0.1, 0.1});
    static final Feature AGE = new Feature("age", List.of("18-29", "30-39", "40-49", "50-59", "60-69", "70+"),
            new double[] {0.18, 0.16, 0.18, 0.19, 0.15, 0.14}, new double[] {-0.6, -0.3, 0, 0.2, 0.4, 0.3});
    static final Feature REGION = new Feature("region",
            List.of("seoul", "gyeonggi", "incheon", "busan-ulsan-gyeongnam", "daegu-gyeongbuk", "gwangju-jeolla",
                    "daejeon-chungcheong", "gangwon-jeju"),
            new double[] {0.19, 0.26, 0.06, 0.15, 0.09, 0.10, 0.11, 0.04},
            new double[] {0.3, 0.1, 0, -0.1, -0.2, -0.1, 0, -0.3});
    static final Feature EDUCATION = new Feature("education", List.of("middle-school", "high-school", "college", "graduate"),
            new double[] {0.15, 0.38, 0.40, 0.07}, new double[] {-0.8, -0.2, 0.3, 0.9});
    static final Feature INCOME = new Feature("income", List.of("q1", "q2", "q3", "q4"),
            new double[] {0.25, 0.25, 0.25, 0.25}, new double[] {-0.5, -0.1, 0.2, 0.5});
    static final Feature HOUSING = new Feature("housing", List.of("owner", "tenant"),
            new double[] {0.57, 0.43}, new double[] {0.3, -0.3});
    static final Feature OPINION = new Feature("opinion", List.of("support", "oppose", "undecided"),
            new double[] {0.35, 0.30, 0.35}, new double[] {0.5, 0.4, -0.9});

    private GeneratedPools() {
    }

    /** 1,000 people, 300 seats, 4 features (2 × 6 × 5 × 3 = 180 types), values drawn independently and uniformly. */
    public static Instance uniform1000() {
        List<Feature> features = List.of(GENDER, AGE,
                new Feature("region", List.of("capital", "east", "south", "west", "centre"),
                        new double[] {0.50, 0.08, 0.16, 0.12, 0.14}, new double[5]),
                new Feature("education", List.of("school", "college", "graduate"),
                        new double[] {0.50, 0.40, 0.10}, new double[3]));
        return new Instance("uniform-1000-300", generate(features, 1000, 300, 0, 5, true, 20260101L),
                "1,000 people, 300 seats; gender, age, region (5), education (3), drawn uniformly; "
                        + "quotas from population shares ± 5 seats");
    }

    /** 2,000 people, 110 seats, 7 correlated features, quotas tight (± 1 seat): close to one type per person. */
    public static Instance correlated2000() {
        List<Feature> features = List.of(GENDER, AGE, REGION, EDUCATION, INCOME, HOUSING, OPINION);
        return new Instance("correlated-2000-110", generate(features, 2000, 110, 1.0, 1, false, 20260202L),
                "2,000 people, 110 seats; 7 features (gender, age, region 8, education 4, income 4, housing, opinion 3) "
                        + "correlated through a latent engagement score; quotas from population shares ± 1 seat");
    }

    /** 5,000 people, 500 seats, 5 correlated features, quotas from population shares ± 2 seats. */
    public static Instance correlated5000() {
        List<Feature> features = List.of(GENDER, AGE, REGION, EDUCATION, OPINION);
        return new Instance("correlated-5000-500", generate(features, 5000, 500, 1.0, 2, false, 20260303L),
                "5,000 people, 500 seats; 5 features (gender, age, region 8, education 4, opinion 3) correlated "
                        + "through a latent engagement score; quotas from population shares ± 2 seats");
    }

    /**
     * National scale, as Shin-Kori's deliberation (20,006 polled, about 500 seated): 20,000 people, 500 seats,
     * 5 correlated features, quotas ± 2 seats.
     */
    public static Instance national20000() {
        List<Feature> features = List.of(GENDER, AGE, REGION, EDUCATION, OPINION);
        return new Instance("national-20000-500", generate(features, 20000, 500, 1.0, 2, false, 20260404L),
                "20,000 people, 500 seats; 5 features (gender, age, region 8, education 4, opinion 3) correlated "
                        + "through a latent engagement score; quotas from population shares ± 2 seats");
    }

    /** 60,000 people, 1,000 seats, 6 correlated features, quotas ± 2 seats. */
    public static Instance national60000() {
        List<Feature> features = List.of(GENDER, AGE, REGION, EDUCATION, INCOME, OPINION);
        return new Instance("national-60000-1000", generate(features, 60000, 1000, 1.0, 2, false, 20260505L),
                "60,000 people, 1,000 seats; 6 features (gender, age, region 8, education 4, income 4, opinion 3) "
                        + "correlated through a latent engagement score; quotas from population shares ± 2 seats");
    }

    /** The national-scale instances: benchmarked, too large for the unit tests. */
    public static List<Instance> national() {
        return List.of(national20000(), national60000());
    }

    public static List<Instance> all() {
        return List.of(uniform1000(), correlated2000(), correlated5000());
    }

    /**
     * A pool of {@code poolSize} people and quotas for {@code panelSize} seats.
     *
     * @param engagement how strongly the latent score correlates the features and decides who answers
     *                   (0 = not at all: independent features, everyone answers)
     * @param tolerance  seats either side of each value's proportional allocation
     * @param uniform    draw every value with equal chance instead of from the (biased) population shares
     */
    public static SelectionProblem generate(List<Feature> features, int poolSize, int panelSize, double engagement,
                                            int tolerance, boolean uniform, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Person> people = respondents(features, poolSize, engagement, uniform, random);
        List<Quota> quotas = new ArrayList<>();
        for (Feature f : features) {
            Map<String, Double> shares = new LinkedHashMap<>();
            for (int v = 0; v < f.values().size(); v++) {
                shares.put(f.values().get(v), f.populationShares()[v]);
            }
            Map<String, Integer> seats = QuotaAllocation.largestRemainder(shares, panelSize);
            quotas.addAll(QuotaAllocation.withSeatTolerance(f.name(), seats, tolerance, panelSize));
        }
        return new SelectionProblem(people, quotas, panelSize);
    }

    /**
     * Invites people until {@code poolSize} have answered: each has a latent engagement score, every feature value
     * leans towards or away from engaged people, and the engaged answer more often (see the class comment). Ids are
     * {@code g00000}, {@code g00001}, ... in the order they answered. Consumes {@code random} exactly as
     * {@link #generate} always has, so the benchmark instances stay the same.
     *
     * @param engagement how strongly the latent score correlates the features and decides who answers
     * @param uniform    draw every value with equal chance instead of from the population shares
     */
    public static List<Person> respondents(List<Feature> features, int poolSize, double engagement, boolean uniform,
                                           SplittableRandom random) {
        List<Person> people = new ArrayList<>(poolSize);
        while (people.size() < poolSize) {
            double score = gaussian(random);
            Map<String, String> values = new LinkedHashMap<>();
            for (Feature f : features) {
                double[] weights = new double[f.values().size()];
                for (int v = 0; v < weights.length; v++) {
                    weights[v] = uniform ? 1 : f.populationShares()[v] * Math.exp(engagement * f.engagementLean()[v] * score);
                }
                values.put(f.name(), f.values().get(pick(weights, random)));
            }
            // Self-selection: the more engaged answer the invitation more often.
            boolean answers = engagement == 0 || random.nextDouble() < 1 / (1 + Math.exp(-2 * engagement * score));
            if (answers) {
                people.add(new Person(String.format("g%05d", people.size()), values));
            }
        }
        return people;
    }

    /** Standard normal by Box-Muller from two uniforms, so the stream does not depend on the JDK's nextGaussian. */
    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static int pick(double[] weights, SplittableRandom random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = random.nextDouble() * total;
        for (int i = 0; i < weights.length - 1; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
