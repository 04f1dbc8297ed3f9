package org.gongnon.survey.ui;

import java.util.List;
import org.gongnon.base.ui.ProcessStepsPage;

/**
 * The frame every survey page shares: the pages as links (waves → analysis). The links are plain addresses,
 * so a page listed here need not exist yet for the others to work; add a step here when a page is added.
 */
abstract class SurveyPage extends ProcessStepsPage {

    /** The waves list; the questionnaire builder of a wave sits under it. */
    static final String WAVES = "surveys";
    static final String ANALYSIS = "surveys/analysis";

    static final List<Step> STEPS = List.of(
            new Step(WAVES, "survey.nav.waves"),
            new Step(ANALYSIS, "survey.nav.analysis"));

    SurveyPage(String step) {
        super(step);
    }

    @Override
    protected List<Step> steps() {
        return STEPS;
    }

    @Override
    protected String stepsLabelKey() {
        return "survey.nav.label";
    }
}
