package org.gongnon.demo;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Approximate reference figures for Seoul's adult population, for the demo: districts (자치구) grouped
 * into the five 생활권 regions (권역) of the Seoul Plan, head counts per district, and shares by gender and
 * age band. Rounded from resident registration (Korean nationals, end of 2023); good enough to show
 * quotas and representativeness, not for a real recruitment, which should load current official figures.
 */
public final class SeoulPopulation {

    public static final String MALE = "남성";
    public static final String FEMALE = "여성";

    /** Residents per district in thousands, grouped by region, regions in the Seoul Plan's order. */
    private static final Map<String, Map<String, Integer>> THOUSANDS = new LinkedHashMap<>();

    static {
        region("도심권", "종로구", 139, "중구", 121, "용산구", 213);
        region("동북권", "성동구", 281, "광진구", 337, "동대문구", 343, "중랑구", 385, "성북구", 430, "강북구", 288,
                "도봉구", 306, "노원구", 497);
        region("서북권", "은평구", 465, "서대문구", 310, "마포구", 366);
        region("서남권", "양천구", 434, "강서구", 562, "구로구", 398, "금천구", 230, "영등포구", 377, "동작구", 378,
                "관악구", 487);
        region("동남권", "서초구", 405, "강남구", 556, "송파구", 656, "강동구", 464);
    }

    /** Adults (18+) by gender. */
    public static final Map<String, Double> GENDER_SHARES = orderedShares(MALE, 0.48, FEMALE, 0.52);

    /** Adults (18+) by age band, youngest first; the last band is open-ended. */
    public static final Map<String, Double> AGE_BAND_SHARES = orderedShares(
            "18–29", 0.18, "30–39", 0.18, "40–49", 0.17, "50–59", 0.17, "60–69", 0.16, "70+", 0.14);

    /** Share of adults aged 60 or more (the last two age bands). */
    public static final double SHARE_60_PLUS = AGE_BAND_SHARES.get("60–69") + AGE_BAND_SHARES.get("70+");

    private SeoulPopulation() {
    }

    public static List<String> regions() {
        return List.copyOf(THOUSANDS.keySet());
    }

    /** The districts of one region, in the Seoul Plan's order. */
    public static List<String> districts(String region) {
        Map<String, Integer> districts = THOUSANDS.get(region);
        if (districts == null) {
            throw new IllegalArgumentException("no Seoul region " + region);
        }
        return List.copyOf(districts.keySet());
    }

    /** All 25 districts, region by region. */
    public static List<String> districts() {
        return THOUSANDS.values().stream().flatMap(d -> d.keySet().stream()).toList();
    }

    public static String regionOf(String district) {
        return THOUSANDS.entrySet().stream().filter(e -> e.getValue().containsKey(district)).map(Map.Entry::getKey)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("not a Seoul district: " + district));
    }

    /** Residents of a district, in thousands. */
    public static int thousands(String district) {
        return THOUSANDS.get(regionOf(district)).get(district);
    }

    /** Each region's share of the population, summing to 1, in the Seoul Plan's order. */
    public static Map<String, Double> regionShares() {
        double total = THOUSANDS.values().stream().flatMap(d -> d.values().stream()).mapToInt(Integer::intValue)
                .sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        THOUSANDS.forEach((region, districts) -> shares.put(region,
                districts.values().stream().mapToInt(Integer::intValue).sum() / total));
        return shares;
    }

    private static void region(String name, Object... districtThousands) {
        Map<String, Integer> districts = new LinkedHashMap<>();
        for (int i = 0; i < districtThousands.length; i += 2) {
            districts.put((String) districtThousands[i], (Integer) districtThousands[i + 1]);
        }
        THOUSANDS.put(name, districts);
    }

    private static Map<String, Double> orderedShares(Object... valueShare) {
        Map<String, Double> shares = new LinkedHashMap<>();
        for (int i = 0; i < valueShare.length; i += 2) {
            shares.put((String) valueShare[i], (Double) valueShare[i + 1]);
        }
        return Collections.unmodifiableMap(shares);
    }
}
