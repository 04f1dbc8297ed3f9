package org.gongnon.algorithms.sortition;

import java.util.Locale;

/**
 * How a LEXIMIN or maximin lottery was shown to be optimal, kept with the draw so anyone can see what was proven.
 *
 * @param method           {@link Method#RELAXATION_REACHED}: every type's probability reaches its level in the
 *                         leximin of the LP relaxation, which bounds every lottery from above, so no lottery does
 *                         better; {@link Method#EXACT_PRICING}: the levels were raised one by one by column
 *                         generation, and each was closed when exact pricing (an integer program solved to
 *                         proven optimality) showed that no panel could raise it further
 * @param relaxationBound  the LP relaxation's smallest level: no lottery's minimum probability can exceed it
 * @param gap              how far below what was proven achievable the lottery may lie, at the worst level (in
 *                         probability; the tolerance of the LPs is far smaller than any visible difference)
 * @param lpSolvers        the LP solvers that solved the LPs, e.g. "GLOP" (others are tried when one fails)
 * @param levelsClosedBy   with {@link Method#EXACT_PRICING}: what closed the levels, in the order first used:
 *                         "relaxation bound", "CP-SAT" and/or "SCIP" (the exact pricers); empty otherwise, and
 *                         null for draws recorded before it was kept
 * @param orTools          the OR-Tools version
 */
public record Certificate(Method method, double relaxationBound, double gap, String lpSolvers, String levelsClosedBy,
                          String orTools) {

    public enum Method {
        RELAXATION_REACHED, EXACT_PRICING
    }

    /** One line for people, e.g. "relaxation bound reached at every level, gap 2.1e-10 (GLOP, OR-Tools 9.14)". */
    public String describe() {
        String how = method == Method.RELAXATION_REACHED
                ? "relaxation bound reached at every level"
                : "each level closed by exact pricing (" + levelsClosedBy + "; relaxation bound "
                        + plain(relaxationBound) + ")";
        return how + ", gap " + String.format(Locale.ROOT, "%.1e", Math.max(0, gap)) + " (LP " + lpSolvers
                + ", OR-Tools " + orTools + ")";
    }

    /**
     * The certificate as {@code key=value} lines, as the command writes it to certificate.txt and the app to the
     * draw record's record.txt: certificate, relaxation_bound, gap, lp_solvers, levels_closed_by (exact pricing
     * only), or_tools.
     */
    public String recordLines() {
        return "certificate=" + method.name().toLowerCase(Locale.ROOT).replace('_', '-')
                + "\nrelaxation_bound=" + plain(relaxationBound)
                + "\ngap=" + String.format(Locale.ROOT, "%.3e", Math.max(0, gap))
                + "\nlp_solvers=" + lpSolvers
                + (method == Method.EXACT_PRICING ? "\nlevels_closed_by=" + levelsClosedBy : "")
                + "\nor_tools=" + orTools + "\n";
    }

    private static String plain(double value) {
        // Ten decimals, trailing zeros dropped: 0.1, 0.0564971751.
        return new java.math.BigDecimal(value).setScale(10, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
    }
}
