package org.gongnon.recommendation.ui;

import java.util.List;
import org.gongnon.base.ui.ProcessStepsPage;

/**
 * The frame of the recommendation pages. The links are plain addresses, so later pages (e.g. the report) can be
 * added here without this package importing them.
 */
abstract class RecommendationPage extends ProcessStepsPage {

    static final String ITEMS = "recommendations";

    /** The report that states the recommendations (package report.ui), reached by its address. */
    static final String REPORT = "report";

    static final List<Step> STEPS = List.of(new Step(ITEMS, "recommendation.nav.items"),
            new Step(REPORT, "recommendation.nav.report"));

    RecommendationPage(String step) {
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
