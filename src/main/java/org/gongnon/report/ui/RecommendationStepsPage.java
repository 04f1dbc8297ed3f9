package org.gongnon.report.ui;

import java.util.List;
import org.gongnon.base.ui.ProcessStepsPage;

/**
 * The frame of the last steps of a process: the recommendations, then the report that states them. The same links
 * as recommendation.ui's pages (which cannot import this package), so the two read as one row.
 */
abstract class RecommendationStepsPage extends ProcessStepsPage {

    static final String RECOMMENDATIONS = "recommendations";
    static final String REPORT = "report";

    static final List<Step> STEPS = List.of(
            new Step(RECOMMENDATIONS, "recommendation.nav.items"),
            new Step(REPORT, "recommendation.nav.report"));

    RecommendationStepsPage(String step) {
        super(step);
    }

    @Override
    protected List<Step> steps() {
        return STEPS;
    }

    @Override
    protected String stepsLabelKey() {
        return "recommendation.nav.label";
    }
}
