package org.gongnon.recruitment.ui;

import java.util.List;
import org.gongnon.base.ui.ProcessStepsPage;

/** The frame every recruitment page shares: the steps as links (targets → pool → draw → history). */
abstract class RecruitmentPage extends ProcessStepsPage {

    private static final List<Step> STEPS = List.of(
            new Step("recruitment/targets", "recruitment.nav.targets"),
            new Step("recruitment/pool", "recruitment.nav.pool"),
            new Step("recruitment/draw", "recruitment.nav.draw"),
            new Step("recruitment/draws", "recruitment.nav.history"));

    RecruitmentPage(String step) {
        super("recruitment/" + step);
    }

    @Override
    protected List<Step> steps() {
        return STEPS;
    }

    @Override
    protected String stepsLabelKey() {
        return "recruitment.nav.label";
    }
}
