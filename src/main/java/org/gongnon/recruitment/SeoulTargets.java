package org.gongnon.recruitment;

import java.time.LocalDate;
import java.util.List;

/**
 * Seoul's default targets, from {@link SeoulDefaults}: 권역 (from the district), 성별 and 연령대 with their
 * approximate population shares, a 300-person panel, ±2 seats and 60 reserves.
 */
final class SeoulTargets {

    static final int PANEL_SIZE = 300;
    static final int TOLERANCE_SEATS = 2;
    static final int RESERVES = 60;

    private SeoulTargets() {
    }

    /** {@code today} in the deliberation's zone: the age bands are counted from it. */
    static RecruitmentTargets defaults(String sharesSource, LocalDate today) {
        List<FeatureTarget> features = SeoulDefaults.features(today, false).stream()
                .map(SeoulTargets::target).toList();
        return new RecruitmentTargets(PANEL_SIZE, ToleranceMode.SEATS, TOLERANCE_SEATS, RESERVES, sharesSource,
                features);
    }

    private static FeatureTarget target(FeatureSpec spec) {
        FeatureDerivation derivation = switch (spec.derivation()) {
            case Derivation.RegionFromDistrict r -> FeatureDerivation.REGION_FROM_DISTRICT;
            case Derivation.AgeBand a -> FeatureDerivation.AGE_BAND;
            case Derivation.Direct d -> FeatureDerivation.COLUMN;
        };
        // Rounded to the stored precision, so that what the facilitator sees is exactly what is saved.
        return new FeatureTarget(spec.name(), derivation, spec.values().stream()
                .map(v -> new ValueTarget(v, Math.round(spec.populationShares().get(v) * 1e6) / 1e6, null, null))
                .toList());
    }
}
