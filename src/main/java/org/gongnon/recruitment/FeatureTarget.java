package org.gongnon.recruitment;

import java.util.List;

/** One feature the panel must mirror: its name, where its values come from, and each value's target. */
public record FeatureTarget(String feature, FeatureDerivation derivation, List<ValueTarget> values) {

    public FeatureTarget {
        values = List.copyOf(values);
    }

    public List<String> valueLabels() {
        return values.stream().map(ValueTarget::value).toList();
    }
}
