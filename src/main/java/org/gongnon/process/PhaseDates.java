package org.gongnon.process;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.time.LocalDate;

@Embeddable
record PhaseDates(@Column(name = "planned_start", nullable = false) LocalDate plannedStart,
                  @Column(name = "planned_end", nullable = false) LocalDate plannedEnd) {
}
