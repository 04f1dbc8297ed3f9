package org.gongnon.algorithms.stats;

import java.util.Map;

/**
 * One value of a feature (e.g. 동남권 of 권역): its population share and how each group compares.
 *
 * @param populationShare the value's share of the population, normalised so the feature's shares sum to 1
 * @param groups          per group, in {@link Group} order
 */
public record ValueComparison(String value, double populationShare, Map<Group, GroupShare> groups) {

    public ValueComparison {
        groups = Representativeness.inGroupOrder(groups);
    }

    /** This value in one group; throws when the group was not compared. */
    public GroupShare in(Group group) {
        GroupShare share = groups.get(group);
        if (share == null) {
            throw new IllegalArgumentException("group " + group + " was not compared");
        }
        return share;
    }
}
