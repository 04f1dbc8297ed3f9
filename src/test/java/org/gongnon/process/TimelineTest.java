package org.gongnon.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final LocalDate D = LocalDate.of(2026, 3, 1);

    private final Timeline timeline = new Timeline(List.of(
            new PhasePlan(Phase.OPINION_POLL, D.plusDays(10), D.plusDays(19)),
            new PhasePlan(Phase.AGENDA_SETTING, D, D.plusDays(9)),
            new PhasePlan(Phase.PANEL_RECRUITMENT, D.plusDays(25), D.plusDays(30))));

    @Test
    void phasesAreKeptInProcessOrder() {
        assertEquals(List.of(Phase.AGENDA_SETTING, Phase.OPINION_POLL, Phase.PANEL_RECRUITMENT),
                timeline.phases().stream().map(PhasePlan::phase).toList());
    }

    @Test
    void currentPhaseIsTheOneContainingToday() {
        assertEquals(Optional.of(Phase.AGENDA_SETTING), timeline.currentPhase(D));
        assertEquals(Optional.of(Phase.AGENDA_SETTING), timeline.currentPhase(D.plusDays(9)));
        assertEquals(Optional.of(Phase.OPINION_POLL), timeline.currentPhase(D.plusDays(10)));
        assertEquals(Optional.of(Phase.PANEL_RECRUITMENT), timeline.currentPhase(D.plusDays(30)));
    }

    @Test
    void aGapBelongsToThePhaseBeforeIt() {
        assertEquals(Optional.of(Phase.OPINION_POLL), timeline.currentPhase(D.plusDays(22)));
    }

    @Test
    void beforeTheStartThereIsNoCurrentPhaseAndAfterTheEndItIsFinished() {
        assertEquals(Optional.empty(), timeline.currentPhase(D.minusDays(1)));
        assertTrue(timeline.isNotStarted(D.minusDays(1)));
        assertFalse(timeline.isFinished(D.plusDays(30)));
        assertTrue(timeline.isFinished(D.plusDays(31)));
    }
}
