package org.gongnon.process;

import java.time.LocalDate;

/** The planned dates of one phase (both inclusive). */
public record PhasePlan(Phase phase, LocalDate start, LocalDate end) {

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }
}
