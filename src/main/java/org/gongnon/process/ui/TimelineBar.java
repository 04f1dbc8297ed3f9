package org.gongnon.process.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.gongnon.process.Phase;
import org.gongnon.process.PhasePlan;
import org.gongnon.process.Timeline;

/**
 * The phases of a process as a row of steps: done, current (highlighted) and upcoming. Screen readers
 * get it as a list, with the current step marked.
 */
public class TimelineBar extends Div {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M/d");

    public TimelineBar(Timeline timeline, LocalDate today) {
        addClassName("gn-timeline");
        getElement().setAttribute("role", "list");
        getElement().setAttribute("aria-label", getTranslation("timeline.label"));
        Optional<Phase> current = timeline.currentPhase(today);
        boolean finished = timeline.isFinished(today);
        for (PhasePlan plan : timeline.phases()) {
            Div step = new Div();
            step.addClassName("gn-step");
            step.getElement().setAttribute("role", "listitem");
            String state;
            if (!finished && current.isPresent() && current.get() == plan.phase()) {
                state = "current";
                step.getElement().setAttribute("aria-current", "step");
            } else if (finished || plan.end().isBefore(today)) {
                state = "done";
            } else {
                state = "upcoming";
            }
            step.addClassName("gn-step-" + state);
            Span name = new Span(getTranslation(plan.phase().messageKey()));
            name.addClassName("gn-step-name");
            Span dates = new Span(DAY.format(plan.start()) + "–" + DAY.format(plan.end()));
            dates.addClassName("gn-step-dates");
            step.add(new Div(), name, dates);
            step.getElement().setAttribute("title", getTranslation("timeline.state." + state));
            step.getElement().setAttribute("data-phase", plan.phase().name());
            add(step);
        }
    }

    /** A one-line description of where the process stands, e.g. "현재 단계: 숙의 토론". */
    public static String statusLine(com.vaadin.flow.component.Component where, Timeline timeline, LocalDate today) {
        if (timeline.isFinished(today)) {
            return where.getTranslation("timeline.finished");
        }
        return timeline.currentPhase(today)
                .map(p -> where.getTranslation("timeline.current", where.getTranslation(p.messageKey())))
                .orElseGet(() -> where.getTranslation("timeline.not-started"));
    }
}
