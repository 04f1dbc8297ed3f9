package org.gongnon.algorithms.tables;

import java.util.Map;

/**
 * The weights of the objective (see {@link TableAssigner} for the formula).
 *
 * @param featureWeights  weight per feature; a feature not listed weighs {@code defaultFeatureWeight};
 *                        weight 0 leaves a feature out of the objective (it is still counted in the profiles)
 * @param defaultFeatureWeight the weight of features not listed, 1 by default (all features equal)
 * @param bandWeight      extra cost per squared step a table's count lies outside [floor, ceil] of its
 *                        proportional share (times the feature weight); 0 leaves only the squared deviation
 * @param encounterWeight the cost of one earlier meeting repeated at a table, in units of squared deviation
 */
public record TableObjective(Map<String, Double> featureWeights, double defaultFeatureWeight, double bandWeight,
        double encounterWeight) {

    /**
     * Equal feature weights; a count one outside its floor/ceil band costs 2 more; one repeated meeting costs as
     * much as one unit of squared deviation.
     */
    public static final TableObjective DEFAULT = new TableObjective(Map.of(), 1.0, 2.0, 1.0);

    public TableObjective {
        featureWeights = Map.copyOf(featureWeights == null ? Map.of() : featureWeights);
        for (Map.Entry<String, Double> e : featureWeights.entrySet()) {
            requireWeight("feature weight of " + e.getKey(), e.getValue());
        }
        requireWeight("default feature weight", defaultFeatureWeight);
        requireWeight("band weight", bandWeight);
        requireWeight("encounter weight", encounterWeight);
    }

    public double weightOf(String feature) {
        return featureWeights.getOrDefault(feature, defaultFeatureWeight);
    }

    public TableObjective withFeatureWeights(Map<String, Double> weights) {
        return new TableObjective(weights, defaultFeatureWeight, bandWeight, encounterWeight);
    }

    public TableObjective withDefaultFeatureWeight(double weight) {
        return new TableObjective(featureWeights, weight, bandWeight, encounterWeight);
    }

    public TableObjective withBandWeight(double weight) {
        return new TableObjective(featureWeights, defaultFeatureWeight, weight, encounterWeight);
    }

    public TableObjective withEncounterWeight(double weight) {
        return new TableObjective(featureWeights, defaultFeatureWeight, bandWeight, weight);
    }

    private static void requireWeight(String what, double weight) {
        if (!(weight >= 0) || Double.isInfinite(weight)) {
            throw new TableAssignmentException(TableAssignmentException.Reason.INVALID_SETTING,
                    what + " must be a finite number >= 0, got " + weight);
        }
    }
}
