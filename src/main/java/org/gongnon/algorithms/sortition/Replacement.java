package org.gongnon.algorithms.sortition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who takes the seat of a panel member who declines or drops out (the rule of the Shin-Kori 5·6
 * deliberation): the first reserve, in reserve order, from the same stratum (the same value for every
 * quota feature), which keeps every quota exactly where it was; failing that, the first reserve in order
 * whose swap keeps every quota within its minimum and maximum; failing that, nobody, with the reason.
 */
public final class Replacement {

    private Replacement() {
    }

    /**
     * The proposed replacement, if any; {@code sameStratum} tells whether it shares every quota value with
     * the person who left, and {@code reason} says why this reserve, or why nobody, in plain words.
     */
    public record Proposal(Optional<String> reserveId, boolean sameStratum, String reason) {
    }

    /**
     * @param panelIds   the current panel, including the person leaving
     * @param reserveIds the reserves still available, in reserve order (already-used ones left out)
     * @throws IllegalArgumentException when an id is not in the pool, the person leaving is not on the
     *                                  panel, or a reserve is on the panel
     */
    public static Proposal propose(SelectionProblem problem, List<String> panelIds, List<String> reserveIds,
                                   String decliningId) {
        Map<String, Person> byId = new HashMap<>();
        problem.pool().forEach(p -> byId.put(p.id(), p));
        Set<String> panel = new HashSet<>();
        for (String id : panelIds) {
            requireInPool(byId, id, "panel member");
            if (!panel.add(id)) {
                throw new IllegalArgumentException("panel member " + id + " is listed twice");
            }
        }
        requireInPool(byId, decliningId, "person leaving");
        if (!panel.contains(decliningId)) {
            throw new IllegalArgumentException(decliningId + " is not on the panel");
        }
        for (String id : reserveIds) {
            requireInPool(byId, id, "reserve");
            if (panel.contains(id)) {
                throw new IllegalArgumentException("reserve " + id + " is already on the panel");
            }
        }
        Person leaving = byId.get(decliningId);
        List<String> stratum = stratum(problem, leaving);
        for (String id : reserveIds) {
            if (stratum(problem, byId.get(id)).equals(stratum)) {
                return new Proposal(Optional.of(id), true, id + " is the first reserve in the same stratum as "
                        + decliningId + " (" + describe(problem, stratum) + "); every quota stays as it was");
            }
        }
        Map<Quota, Integer> counts = new HashMap<>();
        for (Quota q : problem.quotas()) {
            int n = 0;
            for (String id : panel) {
                if (!id.equals(decliningId) && counts(q, byId.get(id))) {
                    n++;
                }
            }
            counts.put(q, n);
        }
        List<String> broken = new ArrayList<>();
        for (String id : reserveIds) {
            Person candidate = byId.get(id);
            Optional<String> breaks = problem.quotas().stream()
                    .filter(q -> {
                        int n = counts.get(q) + (counts(q, candidate) ? 1 : 0);
                        return n < q.min() || n > q.max();
                    })
                    .map(q -> q.feature() + "=" + q.value())
                    .findFirst();
            if (breaks.isEmpty()) {
                return new Proposal(Optional.of(id), false, "no reserve left in the stratum of " + decliningId
                        + " (" + describe(problem, stratum) + "); " + id
                        + " is the first reserve whose swap keeps every quota");
            }
            broken.add(id + " would break " + breaks.get());
        }
        String why = reserveIds.isEmpty() ? "no reserves are left"
                : "no reserve left in the stratum of " + decliningId + " (" + describe(problem, stratum)
                + ") and no other reserve keeps every quota: " + String.join("; ", broken);
        return new Proposal(Optional.empty(), false, why);
    }

    private static void requireInPool(Map<String, Person> byId, String id, String role) {
        if (!byId.containsKey(id)) {
            throw new IllegalArgumentException(role + " " + id + " is not in the pool");
        }
    }

    private static boolean counts(Quota q, Person p) {
        return q.value().equals(p.value(q.feature()));
    }

    private static List<String> stratum(SelectionProblem problem, Person p) {
        return problem.features().stream().map(p::value).toList();
    }

    private static String describe(SelectionProblem problem, List<String> stratum) {
        List<String> features = problem.features();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            parts.add(features.get(i) + "=" + stratum.get(i));
        }
        return String.join(", ", parts);
    }
}
