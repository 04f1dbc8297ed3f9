package org.gongnon.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongnon.base.ValidationException;
import org.junit.jupiter.api.Test;

/** The rules a process must meet before anything is saved; all problems are reported at once. */
class ProcessValidationTest {

    private static final LocalDate START = LocalDate.of(2027, 1, 4);

    static List<PhasePlan> weeklyPhases() {
        List<PhasePlan> plans = new ArrayList<>();
        for (Phase p : Phase.values()) {
            plans.add(new PhasePlan(p, START.plusWeeks(p.ordinal()), START.plusWeeks(p.ordinal()).plusDays(6)));
        }
        return plans;
    }

    static ProcessForm valid() {
        return new ProcessForm(null, 0, "  서울시 공론화  ", "어디에 지을 것인가", "", "서울특별시", ProcessStatus.DRAFT,
                START.plusYears(1), weeklyPhases());
    }

    @Test
    void aCompleteProcessPassesAndIsTrimmed() {
        DeliberationProcess.ValidProcess v = ProcessService.validate(valid());
        assertEquals("서울시 공론화", v.title());
        assertEquals(Phase.values().length, v.phases().size());
    }

    @Test
    void missingRequiredFieldsAreAllReported() {
        ProcessForm form = new ProcessForm(null, 0, " ", null, null, "", null, null, weeklyPhases());
        Map<String, String> problems = problems(form);
        assertEquals("validation.required", problems.get("title"));
        assertEquals("validation.required", problems.get("publicQuestion"));
        assertEquals("validation.required", problems.get("organiser"));
        assertEquals("validation.required", problems.get("status"));
        assertEquals("validation.required", problems.get("retentionDate"));
    }

    @Test
    void tooLongTextIsRefused() {
        ProcessForm f = valid();
        ProcessForm form = new ProcessForm(null, 0, "가".repeat(201), f.publicQuestion(), "x".repeat(4001),
                f.organiser(), f.status(), f.retentionDate(), f.phases());
        Map<String, String> problems = problems(form);
        assertEquals("validation.too-long", problems.get("title"));
        assertEquals("validation.too-long", problems.get("description"));
    }

    @Test
    void aPhaseEndingBeforeItStartsIsRefused() {
        List<PhasePlan> phases = new ArrayList<>(weeklyPhases());
        phases.set(2, new PhasePlan(Phase.PANEL_RECRUITMENT, START.plusWeeks(2), START.plusWeeks(2).minusDays(1)));
        assertEquals("process.validation.phase-end-before-start", problems(with(phases)).get("phase.PANEL_RECRUITMENT"));
    }

    @Test
    void aPhaseStartingBeforeThePreviousOneIsRefused() {
        List<PhasePlan> phases = new ArrayList<>(weeklyPhases());
        phases.set(4, new PhasePlan(Phase.EXPERT_FORUM, START, START.plusDays(2)));
        assertEquals("process.validation.phase-out-of-order", problems(with(phases)).get("phase.EXPERT_FORUM"));
    }

    @Test
    void everyPhaseNeedsBothDates() {
        List<PhasePlan> phases = new ArrayList<>(weeklyPhases());
        phases.set(0, new PhasePlan(Phase.AGENDA_SETTING, START, null));
        phases.remove(8);
        Map<String, String> problems = problems(with(phases));
        assertEquals("process.validation.phase-dates-required", problems.get("phase.AGENDA_SETTING"));
        assertEquals("process.validation.phase-dates-required", problems.get("phase.GOVERNMENT_RESPONSE"));
    }

    @Test
    void retentionMustOutlastTheLastPhase() {
        ProcessForm f = valid();
        ProcessForm form = new ProcessForm(null, 0, f.title(), f.publicQuestion(), f.description(), f.organiser(),
                f.status(), START.plusWeeks(8).plusDays(6), f.phases());
        assertEquals("process.validation.retention-before-end", problems(form).get("retentionDate"));
    }

    private static ProcessForm with(List<PhasePlan> phases) {
        ProcessForm f = valid();
        return new ProcessForm(null, 0, f.title(), f.publicQuestion(), f.description(), f.organiser(), f.status(),
                f.retentionDate(), phases);
    }

    private static Map<String, String> problems(ProcessForm form) {
        ValidationException e = assertThrows(ValidationException.class, () -> ProcessService.validate(form));
        assertTrue(!e.problems().isEmpty());
        return e.problems().stream().collect(Collectors.toMap(ValidationException.FieldProblem::field,
                ValidationException.FieldProblem::messageKey, (a, b) -> a));
    }
}
