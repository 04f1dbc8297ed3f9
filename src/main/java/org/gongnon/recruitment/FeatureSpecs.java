package org.gongnon.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongnon.base.UserFacingException;

/**
 * The process's stored targets as the importer reads them: each feature with the derivation that turns a
 * cell into one of its values. Known Seoul features keep their accepted spellings (남/남자/M → 남성).
 */
final class FeatureSpecs {

    private FeatureSpecs() {
    }

    static List<FeatureSpec> of(List<FeatureTarget> targets, LocalDate referenceDate) {
        List<FeatureSpec> specs = new ArrayList<>();
        for (FeatureTarget t : targets) {
            Map<String, Double> shares = new LinkedHashMap<>();
            t.values().forEach(v -> shares.put(v.value(), v.populationShare()));
            try {
                specs.add(new FeatureSpec(t.feature(), t.valueLabels(), shares, derivation(t, referenceDate)));
            } catch (IllegalArgumentException e) {
                throw new UserFacingException("recruitment.import.feature-unreadable", t.feature(),
                        String.join(", ", t.valueLabels()));
            }
        }
        return specs;
    }

    private static Derivation derivation(FeatureTarget t, LocalDate referenceDate) {
        return switch (t.derivation()) {
            case REGION_FROM_DISTRICT -> SeoulDefaults.region().derivation();
            case AGE_BAND -> new Derivation.AgeBand(Derivation.AgeBand.fromLowerBounds(lowerBounds(t)), referenceDate);
            case COLUMN -> {
                // A Seoul default feature with the default values keeps its spellings; others match exactly.
                for (FeatureSpec known : List.of(SeoulDefaults.gender(), SeoulDefaults.priorOpinion())) {
                    if (known.name().equals(t.feature()) && known.values().equals(t.valueLabels())) {
                        yield known.derivation();
                    }
                }
                yield new Derivation.Direct(Map.of());
            }
        };
    }

    /** "18-29", "30-39", …, "70+" → 18, 30, …, 70. */
    private static int[] lowerBounds(FeatureTarget t) {
        int[] mins = new int[t.values().size()];
        for (int i = 0; i < mins.length; i++) {
            String label = t.values().get(i).value();
            String digits = label.replaceAll("^(\\d+).*$", "$1");
            if (!digits.matches("\\d+")) {
                throw new UserFacingException("recruitment.import.age-labels", t.feature(), label);
            }
            mins[i] = Integer.parseInt(digits);
        }
        return mins;
    }
}
