package org.gongnon.recruitment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Seoul's default targets, approximate shares: a 300-person panel, ±2 seats, 60 reserves. */
final class SeoulTargets {

    static final int PANEL_SIZE = 300;
    static final int TOLERANCE_SEATS = 2;
    static final int RESERVES = 60;

    private SeoulTargets() {
    }

    static RecruitmentTargets defaults() {
        List<FeatureTarget> features = new ArrayList<>();
        features.add(feature("권역", FeatureDerivation.REGION_FROM_DISTRICT, Map.of(
                "도심권", 0.050, "동북권", 0.303, "서북권", 0.120, "서남권", 0.305, "동남권", 0.222),
                List.of("도심권", "동북권", "서북권", "서남권", "동남권")));
        features.add(feature("성별", FeatureDerivation.COLUMN, Map.of("남성", 0.485, "여성", 0.515),
                List.of("남성", "여성")));
        features.add(feature("연령대", FeatureDerivation.AGE_BAND, Map.of("18-29", 0.175, "30-39", 0.175,
                "40-49", 0.165, "50-59", 0.175, "60-69", 0.155, "70+", 0.155),
                List.of("18-29", "30-39", "40-49", "50-59", "60-69", "70+")));
        return new RecruitmentTargets(PANEL_SIZE, ToleranceMode.SEATS, TOLERANCE_SEATS, RESERVES,
                "approx. Seoul resident registration 2024 (adults); check before use", features);
    }

    private static FeatureTarget feature(String name, FeatureDerivation derivation, Map<String, Double> shares,
                                         List<String> order) {
        return new FeatureTarget(name, derivation,
                order.stream().map(v -> new ValueTarget(v, shares.get(v), null, null)).toList());
    }
}
