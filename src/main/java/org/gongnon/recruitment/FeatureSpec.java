package org.gongnon.recruitment;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A feature the panel is balanced on (e.g. 성별), its allowed values, the population share of each value,
 * and how a pool member's value is read from their row.
 *
 * @param name             the feature's name, also its name in quotas
 * @param values           the allowed values, in display order
 * @param populationShares share of each value in the population (fractions summing to about 1), in the order
 *                         of {@code values}; empty when not known (the panel may then mirror the pool)
 * @param derivation       how the value is obtained from the cell of the feature's column
 */
public record FeatureSpec(String name, List<String> values, Map<String, Double> populationShares,
                          Derivation derivation) {

    public FeatureSpec {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a feature needs a name");
        }
        values = List.copyOf(values);
        if (values.isEmpty() || new HashSet<>(values).size() != values.size()
                || values.stream().anyMatch(String::isBlank)) {
            throw new IllegalArgumentException("feature " + name + " needs distinct, non-blank values");
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (String value : values) {
            Double share = populationShares.get(value);
            if (share != null) {
                if (share < 0 || share.isNaN() || share.isInfinite()) {
                    throw new IllegalArgumentException("feature " + name + ": share of " + value + " must be >= 0");
                }
                shares.put(value, share);
            }
        }
        if (!values.containsAll(populationShares.keySet())) {
            throw new IllegalArgumentException("feature " + name + ": shares given for values it does not have");
        }
        if (!shares.isEmpty() && shares.size() != values.size()) {
            throw new IllegalArgumentException("feature " + name + ": give a share for every value or for none");
        }
        populationShares = Collections.unmodifiableMap(shares);
        if (derivation == null) {
            throw new IllegalArgumentException("feature " + name + " needs a derivation");
        }
        checkDerivation(name, values, derivation);
    }

    private static void checkDerivation(String name, List<String> values, Derivation derivation) {
        Set<String> targets = switch (derivation) {
            case Derivation.Direct direct -> new HashSet<>(direct.aliases().values());
            case Derivation.RegionFromDistrict region -> new HashSet<>(region.districtToRegion().values());
            case Derivation.AgeBand age -> {
                if (!age.labels().equals(values)) {
                    throw new IllegalArgumentException("feature " + name + ": values must be the age band labels "
                            + age.labels());
                }
                yield Set.of();
            }
        };
        if (!values.containsAll(targets)) {
            targets.removeAll(values);
            throw new IllegalArgumentException("feature " + name + ": derivation gives values it does not have: "
                    + targets);
        }
    }

    /** True if population shares are known for this feature. */
    public boolean hasPopulationShares() {
        return !populationShares.isEmpty();
    }

    /** This feature's value for one cell of its column, or the problem with it. */
    public Derivation.Result derive(String cell) {
        return derivation.derive(cell, this);
    }
}
