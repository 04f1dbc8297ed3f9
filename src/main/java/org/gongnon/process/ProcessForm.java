package org.gongnon.process;

import java.time.LocalDate;
import java.util.List;

/**
 * A process as an editor sends it. {@code id} is null for a new process; {@code version} is the version
 * the editor loaded, so a save over someone else's newer change is refused instead of overwriting it.
 */
public record ProcessForm(Long id, long version, String title, String publicQuestion, String description,
                          String organiser, ProcessStatus status, LocalDate retentionDate, List<PhasePlan> phases) {
}
