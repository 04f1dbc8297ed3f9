package org.gongnon.process;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** A process's planned phases in order, and where a given day falls in them. */
public record Timeline(List<PhasePlan> phases) {

    public Timeline {
        phases = phases.stream().sorted(Comparator.comparing(PhasePlan::phase)).toList();
    }

    /**
     * The phase a day belongs to: the one whose dates contain it, or else the latest phase that has
     * started (a gap between phases still belongs to the phase before it). Empty before the first phase.
     */
    public Optional<Phase> currentPhase(LocalDate today) {
        Phase current = null;
        for (PhasePlan plan : phases) {
            if (plan.contains(today)) {
                return Optional.of(plan.phase());
            }
            if (!plan.start().isAfter(today)) {
                current = plan.phase();
            }
        }
        return Optional.ofNullable(current);
    }

    public boolean isFinished(LocalDate today) {
        return !phases.isEmpty() && phases.getLast().end().isBefore(today);
    }

    public boolean isNotStarted(LocalDate today) {
        return phases.isEmpty() || phases.getFirst().start().isAfter(today);
    }
}
