package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Everything the corpus checks about one lottery, apart from the engine: {@link LotteryChecker}'s checks (every panel
 * meets every quota, the probabilities form a distribution, stated probabilities are the marginals to 1e-9), the
 * stated minimum, and the minimum against the {@link RelaxationBound} (CLP, person level). Where the minimum falls
 * short of the bound by more than {@link #GAP_TOLERANCE}, a {@link MaximinCertificate} (CLP + CBC) decides whether
 * whole panels simply cannot reach the relaxation (allowed; the gap is reported) or the engine fell short.
 */
public final class LotteryAudit {

    /** A minimum this close to the bound reaches it (the engine's own tolerance is 1e-7). */
    public static final double GAP_TOLERANCE = 1e-6;

    /** How the minimum compares with what is possible. */
    public enum Verdict {
        /** Within {@link #GAP_TOLERANCE} of the relaxation bound: optimal. */
        REACHES_BOUND(true),
        /** Below the bound, but no lottery of whole panels does better (certified): optimal, gap reported. */
        BOUND_UNREACHABLE(true),
        /** A lottery of quota panels with a larger minimum exists: the engine fell short. */
        BELOW_OPTIMUM(false),
        /** Below the bound and the certificate ran out of time: not known to be optimal. */
        UNDECIDED(false),
        /** The checker found a problem with the lottery itself, or it exceeds the bound. */
        UNSOUND(false);

        private final boolean acceptable;

        Verdict(boolean acceptable) {
            this.acceptable = acceptable;
        }

        public boolean acceptable() {
            return acceptable;
        }
    }

    /**
     * @param minimum the smallest marginal probability of any pool member
     * @param bound   the person-level LP relaxation bound
     * @param optimum for a gap: the best minimum the certificate found possible (NaN if not needed)
     */
    public record Result(List<String> problems, double minimum, double bound, double optimum, Verdict verdict,
                         double boundSeconds, double certificateSeconds) {

        /** Relaxation bound minus minimum (negative values within the tolerance are rounding). */
        public double gap() {
            return bound - minimum;
        }

        public String summary() {
            String text = String.format(Locale.ROOT, "%s: minimum %.9f, bound %.9f, gap %.2e", verdict, minimum, bound,
                    gap());
            if (!Double.isNaN(optimum)) {
                text += String.format(Locale.ROOT, ", maximin over whole panels %.9f", optimum);
            }
            if (!problems.isEmpty()) {
                text += "; " + problems.size() + " problem(s), first: " + problems.getFirst();
            }
            return text;
        }
    }

    private LotteryAudit() {
    }

    /**
     * @param certificateSeconds time allowed to decide a gap (0 skips the certificate: a gap is then UNDECIDED)
     */
    public static Result audit(SelectionProblem problem, Lottery lottery, double certificateSeconds) {
        Map<String, Double> stated = lottery.personProbabilities();
        List<String> problems = new ArrayList<>(LotteryChecker.problems(problem, lottery, stated));
        double minimum = problem.pool().stream().mapToDouble(p -> stated.getOrDefault(p.id(), Double.NaN)).min()
                .orElse(Double.NaN);
        if (!(minimum >= 0)) {
            problems.add("the smallest probability is " + minimum);
        }
        if (Math.abs(lottery.minimumProbability() - minimum) > 1e-9) {
            problems.add("the lottery states a minimum of " + lottery.minimumProbability() + ", its people's smallest is "
                    + minimum);
        }
        long start = System.nanoTime();
        double bound = RelaxationBound.of(problem);
        double boundSeconds = (System.nanoTime() - start) / 1e9;
        if (minimum > bound + GAP_TOLERANCE) {
            problems.add("the minimum " + minimum + " exceeds the relaxation bound " + bound);
        }
        if (!problems.isEmpty()) {
            return new Result(List.copyOf(problems), minimum, bound, Double.NaN, Verdict.UNSOUND, boundSeconds, 0);
        }
        if (minimum >= bound - GAP_TOLERANCE) {
            return new Result(List.of(), minimum, bound, Double.NaN, Verdict.REACHES_BOUND, boundSeconds, 0);
        }
        start = System.nanoTime();
        MaximinCertificate.Result certificate = certificateSeconds <= 0
                ? new MaximinCertificate.Result(MaximinCertificate.Outcome.UNDECIDED, Double.NaN, bound, 0)
                : MaximinCertificate.check(problem, lottery, minimum, GAP_TOLERANCE, certificateSeconds, 10_000);
        double seconds = (System.nanoTime() - start) / 1e9;
        return switch (certificate.outcome()) {
            case OPTIMAL -> new Result(List.of(), minimum, bound, certificate.upperBound(), Verdict.BOUND_UNREACHABLE,
                    boundSeconds, seconds);
            case IMPROVABLE -> new Result(List.of(), minimum, bound, certificate.achievable(), Verdict.BELOW_OPTIMUM,
                    boundSeconds, seconds);
            case UNDECIDED -> new Result(List.of(), minimum, bound, certificate.upperBound(), Verdict.UNDECIDED,
                    boundSeconds, seconds);
        };
    }
}
