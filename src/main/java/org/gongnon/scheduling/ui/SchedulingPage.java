package org.gongnon.scheduling.ui;

import java.util.List;
import org.gongnon.base.ui.ProcessStepsPage;

/** The frame every scheduling page shares: the pages as links (programme → attendance → messages). */
abstract class SchedulingPage extends ProcessStepsPage {

    private static final List<Step> STEPS = List.of(
            new Step("programme", "scheduling.nav.programme"),
            new Step("attendance", "scheduling.nav.attendance"),
            new Step("messages", "scheduling.nav.messages"));

    SchedulingPage(String step) {
        super(step);
    }

    @Override
    protected List<Step> steps() {
        return STEPS;
    }

    @Override
    protected String stepsLabelKey() {
        return "scheduling.nav.label";
    }
}
