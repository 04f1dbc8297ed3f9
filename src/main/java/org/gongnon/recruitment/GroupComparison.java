package org.gongnon.recruitment;

import java.util.List;
import org.gongnon.algorithms.stats.FitTest;
import org.gongnon.algorithms.stats.GroupShare;

/**
 * The representativeness report for one feature with extra columns: population, pool and panel as in the
 * recruitment report, then one column per named group (e.g. the attendees of each session), each with its
 * χ² test against the population.
 */
public record GroupComparison(String feature, List<String> groupLabels, List<Row> rows, FitTest panelTest,
                              List<FitTest> groupTests) {

    public GroupComparison {
        groupLabels = List.copyOf(groupLabels);
        rows = List.copyOf(rows);
        groupTests = List.copyOf(groupTests);
    }

    /** One value: its population share, pool and panel shares, and the share in each group, in label order. */
    public record Row(String value, double populationShare, GroupShare pool, GroupShare panel, List<GroupShare> groups) {

        public Row {
            groups = List.copyOf(groups);
        }
    }
}
