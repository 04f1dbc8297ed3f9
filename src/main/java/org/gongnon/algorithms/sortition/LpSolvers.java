package org.gongnon.algorithms.sortition;

import com.google.ortools.linearsolver.MPSolver;
import java.util.List;

/**
 * The LP solvers OR-Tools ships, in the order the engine tries them when one fails on an LP: GLOP (the default:
 * simplex, warm starts), CLP (COIN-OR's simplex) and PDLP (first-order; its answers are only as exact as its
 * tolerances, so it comes last and asks for tight ones). HiGHS is left out: through OR-Tools 9.14 its row duals
 * come back on another scale (the shares of the level LP sum to 14 instead of 1), and the engine reads which types
 * are stuck at a level from those duals. A lottery's certificate says which solvers were used.
 */
final class LpSolvers {

    static final List<String> ORDER = List.of("GLOP", "CLP", "PDLP");

    /**
     * The most iterations one PDLP solve may take. A count, not a time, so that the route a lottery takes (and
     * hence the lottery) does not depend on the machine's speed: `sortition verify` re-runs it elsewhere.
     */
    static final int PDLP_ITERATION_LIMIT = 100_000;

    private LpSolvers() {
    }

    /** A new solver of this kind; throws {@link LpFailure} if this build of OR-Tools lacks it. */
    static MPSolver create(String name) {
        MPSolver solver = MPSolver.createSolver(name);
        if (solver == null) {
            throw new LpFailure(name + " is not available in this OR-Tools build");
        }
        if (name.equals("PDLP")) {
            // PDLP stops at 1e-4 by default: far too loose for probabilities compared to 1e-7.
            // First-order methods can crawl towards tight tolerances on large LPs; past the iteration limit PDLP
            // reports NOT_SOLVED and the engine moves on to the column generation route instead of hanging.
            boolean accepted = solver.setSolverSpecificParametersAsString("termination_criteria { "
                    + "simple_optimality_criteria { eps_optimal_absolute: 1e-9 eps_optimal_relative: 1e-9 } "
                    + "iteration_limit: " + PDLP_ITERATION_LIMIT + " }");
            if (!accepted) {
                solver.delete();
                throw new LpFailure("PDLP did not accept its tolerances");
            }
        }
        return solver;
    }

    /** The OR-Tools version that solved the LPs, for the certificate and the draw record. */
    static String orToolsVersion() {
        try {
            return com.google.ortools.init.OrToolsVersion.getVersionString();
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    /** An LP that no solver in {@link #ORDER} could solve to optimality. */
    static final class LpFailure extends IllegalStateException {

        LpFailure(String message) {
            super(message);
        }
    }
}
