package org.gongnon.recruitment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The features a Seoul citizens' panel is usually balanced on, with approximate population shares of Seoul's
 * adults: 권역 (from the 자치구), 성별, 연령대, and optionally 사전의견.
 *
 * <p><b>Shares are approximate.</b> They are rounded estimates after the resident registration statistics
 * (주민등록 인구통계, Ministry of the Interior and Safety / Seoul Metropolitan Government) at the end of 2024,
 * Korean residents only: the region shares from the total residents of each district (adults are distributed
 * over the districts within about a percentage point of that), the gender and age shares from the
 * residents aged 18 and over. They are a starting point; facilitators should check them against current
 * statistics and may edit them. {@link #SHARES_NOTE_KEY} is the text the UI shows next to them.
 */
public final class SeoulDefaults {

    public static final String REGION = "권역";
    public static final String GENDER = "성별";
    public static final String AGE_BAND = "연령대";
    public static final String PRIOR_OPINION = "사전의견";

    /** The two values of {@link #GENDER}. */
    public static final String MALE = "남성";
    public static final String FEMALE = "여성";

    /** Translation key of the note that the default shares are approximate, and where they come from. */
    public static final String SHARES_NOTE_KEY = "recruitment.defaults.shares-note";

    public static final List<String> REGIONS = List.of("도심권", "동북권", "서북권", "서남권", "동남권");

    /** The 25 autonomous districts (자치구) → their region (권역), by region. */
    public static final Map<String, String> DISTRICT_TO_REGION;

    /** Approximate residents per district, end of 2024, rounded to thousands (see the class comment). */
    public static final Map<String, Integer> DISTRICT_POPULATION;

    /** English names of the districts, which the district column may use instead. */
    private static final Map<String, String> ENGLISH_NAMES;

    static {
        Map<String, String> regions = new LinkedHashMap<>();
        Map<String, Integer> population = new LinkedHashMap<>();
        Map<String, String> english = new LinkedHashMap<>();
        Object[][] districts = {
                {"종로구", "도심권", 139_000, "Jongno"},
                {"중구", "도심권", 119_000, "Jung"},
                {"용산구", "도심권", 209_000, "Yongsan"},
                {"성동구", "동북권", 280_000, "Seongdong"},
                {"광진구", "동북권", 335_000, "Gwangjin"},
                {"동대문구", "동북권", 343_000, "Dongdaemun"},
                {"중랑구", "동북권", 378_000, "Jungnang"},
                {"성북구", "동북권", 425_000, "Seongbuk"},
                {"강북구", "동북권", 283_000, "Gangbuk"},
                {"도봉구", "동북권", 300_000, "Dobong"},
                {"노원구", "동북권", 490_000, "Nowon"},
                {"은평구", "서북권", 460_000, "Eunpyeong"},
                {"서대문구", "서북권", 312_000, "Seodaemun"},
                {"마포구", "서북권", 357_000, "Mapo"},
                {"양천구", "서남권", 430_000, "Yangcheon"},
                {"강서구", "서남권", 556_000, "Gangseo"},
                {"구로구", "서남권", 393_000, "Guro"},
                {"금천구", "서남권", 226_000, "Geumcheon"},
                {"영등포구", "서남권", 373_000, "Yeongdeungpo"},
                {"동작구", "서남권", 377_000, "Dongjak"},
                {"관악구", "서남권", 484_000, "Gwanak"},
                {"서초구", "동남권", 410_000, "Seocho"},
                {"강남구", "동남권", 557_000, "Gangnam"},
                {"송파구", "동남권", 650_000, "Songpa"},
                {"강동구", "동남권", 470_000, "Gangdong"},
        };
        for (Object[] d : districts) {
            regions.put((String) d[0], (String) d[1]);
            population.put((String) d[0], (Integer) d[2]);
            english.put((String) d[0], (String) d[3]);
        }
        DISTRICT_TO_REGION = Collections.unmodifiableMap(regions);
        DISTRICT_POPULATION = Collections.unmodifiableMap(population);
        ENGLISH_NAMES = Collections.unmodifiableMap(english);
    }

    /** Approximate Seoul residents aged 18+ by sex, end of 2024, in thousands. */
    private static final Map<String, Double> ADULTS_BY_GENDER = ordered(MALE, 3_950.0, FEMALE, 4_290.0);

    /** Approximate Seoul residents aged 18+ by age band, end of 2024, in thousands. */
    private static final Map<String, Double> ADULTS_BY_AGE = ordered("18-29", 1_430.0, "30-39", 1_460.0,
            "40-49", 1_390.0, "50-59", 1_500.0, "60-69", 1_320.0, "70+", 1_140.0);

    /** District spellings → region; built once, it is used for every row. */
    private static final Derivation.RegionFromDistrict REGION_OF_DISTRICT =
            new Derivation.RegionFromDistrict(DISTRICT_TO_REGION, districtSpellings());

    private static final Map<String, String> GENDER_SPELLINGS = aliases(
            MALE, List.of("남", "남자", "남성", "m", "male", "man", "男"),
            FEMALE, List.of("여", "여자", "여성", "f", "female", "woman", "w", "女"));

    private static final Map<String, String> OPINION_SPELLINGS = aliases(
            "찬성", List.of("찬", "찬성함", "동의", "동의함", "예", "yes", "agree", "for", "pro"),
            "반대", List.of("반", "반대함", "비동의", "동의안함", "아니오", "아니요", "no", "disagree", "against", "con"),
            "유보", List.of("판단유보", "의견유보", "모름", "잘모름", "모르겠음", "잘 모르겠다", "중립", "보통", "무응답",
                    "모름/무응답", "undecided", "neutral", "unsure", "don't know", "dk"));

    private SeoulDefaults() {
    }

    /** 권역, 성별 and 연령대 (ages counted on {@code referenceDate}), plus 사전의견 if asked for. */
    public static List<FeatureSpec> features(LocalDate referenceDate, boolean withPriorOpinion) {
        List<FeatureSpec> features = new ArrayList<>(List.of(region(), gender(), ageBand(referenceDate)));
        if (withPriorOpinion) {
            features.add(priorOpinion());
        }
        return List.copyOf(features);
    }

    /** The districts of one region, in the order of {@link #DISTRICT_TO_REGION}. */
    public static List<String> districts(String region) {
        if (!REGIONS.contains(region)) {
            throw new IllegalArgumentException("not a Seoul region: " + region);
        }
        return DISTRICT_TO_REGION.entrySet().stream().filter(e -> e.getValue().equals(region))
                .map(Map.Entry::getKey).toList();
    }

    /** 권역 from the district column; shares by district population. */
    public static FeatureSpec region() {
        Map<String, Double> shares = new LinkedHashMap<>();
        REGIONS.forEach(r -> shares.put(r, 0.0));
        DISTRICT_POPULATION.forEach((district, people) ->
                shares.merge(DISTRICT_TO_REGION.get(district), (double) people, Double::sum));
        return new FeatureSpec(REGION, REGIONS, fractions(shares), REGION_OF_DISTRICT);
    }

    /** 성별: 남성, 여성 (spellings such as 남/남자/M/male and 여/여자/F/female are accepted). */
    public static FeatureSpec gender() {
        return new FeatureSpec(GENDER, List.of(MALE, FEMALE), fractions(ADULTS_BY_GENDER),
                new Derivation.Direct(GENDER_SPELLINGS));
    }

    /** 연령대: 18-29, 30-39, 40-49, 50-59, 60-69, 70+, from an age, a birth year or a birth date. */
    public static FeatureSpec ageBand(LocalDate referenceDate) {
        Derivation.AgeBand bands = new Derivation.AgeBand(
                Derivation.AgeBand.fromLowerBounds(18, 30, 40, 50, 60, 70), referenceDate);
        return new FeatureSpec(AGE_BAND, bands.labels(), fractions(ADULTS_BY_AGE), bands);
    }

    /**
     * 사전의견 (the respondent's view on the issue before deliberation): 찬성, 반대, 유보. No population
     * shares: they are the poll's own result, which the facilitator knows best.
     */
    public static FeatureSpec priorOpinion() {
        return new FeatureSpec(PRIOR_OPINION, List.of("찬성", "반대", "유보"), Map.of(),
                new Derivation.Direct(OPINION_SPELLINGS));
    }

    /**
     * The district a text names: "종로구", "종로", "Jongno-gu", "서울특별시 종로구", or an address beginning
     * with one of these ("서울 종로구 세종대로 209").
     */
    public static Optional<String> district(String text) {
        return REGION_OF_DISTRICT.district(text);
    }

    /**
     * Other spellings of each district: without 구 (종로), with a city prefix (서울 / 서울시 / 서울특별시 /
     * Seoul), and the English name (Jongno-gu, Jongno).
     */
    private static Map<String, String> districtSpellings() {
        Map<String, String> spellings = new LinkedHashMap<>();
        List<String> prefixes = List.of("", "서울", "서울시", "서울특별시", "seoul");
        DISTRICT_TO_REGION.keySet().forEach(district -> {
            String shortName = district.substring(0, district.length() - 1);
            String englishName = ENGLISH_NAMES.get(district);
            for (String prefix : prefixes) {
                spellings.put(prefix + district, district);
                spellings.put(prefix + shortName, district);
                spellings.put(prefix + englishName + "-gu", district);
                spellings.put(prefix + englishName, district);
            }
        });
        return spellings;
    }

    private static Map<String, Double> fractions(Map<String, Double> counts) {
        double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        counts.forEach((value, count) -> shares.put(value, count / total));
        return shares;
    }

    private static Map<String, Double> ordered(Object... valueThenCount) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < valueThenCount.length; i += 2) {
            map.put((String) valueThenCount[i], (Double) valueThenCount[i + 1]);
        }
        return map;
    }

    private static Map<String, String> aliases(String value1, List<String> spellings1, String value2,
                                               List<String> spellings2) {
        return aliases(value1, spellings1, value2, spellings2, null, List.of());
    }

    private static Map<String, String> aliases(String value1, List<String> spellings1, String value2,
                                               List<String> spellings2, String value3, List<String> spellings3) {
        Map<String, String> map = new LinkedHashMap<>();
        spellings1.forEach(s -> map.put(s, value1));
        spellings2.forEach(s -> map.put(s, value2));
        spellings3.forEach(s -> map.put(s, value3));
        return map;
    }
}
