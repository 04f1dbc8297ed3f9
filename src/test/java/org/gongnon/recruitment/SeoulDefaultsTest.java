package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeoulDefaultsTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

    @Test
    void mapsAllTwentyFiveDistrictsToTheFiveRegions() {
        assertEquals(25, SeoulDefaults.DISTRICT_TO_REGION.size());
        assertEquals(List.of("도심권", "동북권", "서북권", "서남권", "동남권"), SeoulDefaults.REGIONS);
        Map<String, Set<String>> byRegion = SeoulDefaults.DISTRICT_TO_REGION.entrySet().stream().collect(
                Collectors.groupingBy(Map.Entry::getValue, Collectors.mapping(Map.Entry::getKey,
                        Collectors.toCollection(TreeSet::new))));
        assertEquals(Map.of(
                "도심권", new TreeSet<>(Set.of("종로구", "중구", "용산구")),
                "동북권", new TreeSet<>(Set.of("성동구", "광진구", "동대문구", "중랑구", "성북구", "강북구", "도봉구", "노원구")),
                "서북권", new TreeSet<>(Set.of("은평구", "서대문구", "마포구")),
                "서남권", new TreeSet<>(Set.of("양천구", "강서구", "구로구", "금천구", "영등포구", "동작구", "관악구")),
                "동남권", new TreeSet<>(Set.of("서초구", "강남구", "송파구", "강동구"))), byRegion);
        assertEquals(SeoulDefaults.DISTRICT_TO_REGION.keySet(), SeoulDefaults.DISTRICT_POPULATION.keySet());
    }

    @Test
    void listsTheDistrictsOfARegionInTableOrder() {
        assertEquals(List.of("종로구", "중구", "용산구"), SeoulDefaults.districts("도심권"));
        assertEquals(List.of("서초구", "강남구", "송파구", "강동구"), SeoulDefaults.districts("동남권"));
        assertEquals(List.of(8, 3, 7), List.of(SeoulDefaults.districts("동북권").size(),
                SeoulDefaults.districts("서북권").size(), SeoulDefaults.districts("서남권").size()));
        assertEquals(List.copyOf(SeoulDefaults.DISTRICT_TO_REGION.keySet()),
                SeoulDefaults.REGIONS.stream().flatMap(r -> SeoulDefaults.districts(r).stream()).toList(),
                "the districts are listed region by region");
        assertThrows(IllegalArgumentException.class, () -> SeoulDefaults.districts("경기권"));
    }

    @Test
    void regionSharesFollowTheDistrictPopulations() {
        FeatureSpec region = SeoulDefaults.region();
        int total = SeoulDefaults.DISTRICT_POPULATION.values().stream().mapToInt(Integer::intValue).sum();
        int dongnam = SeoulDefaults.DISTRICT_POPULATION.get("서초구") + SeoulDefaults.DISTRICT_POPULATION.get("강남구")
                + SeoulDefaults.DISTRICT_POPULATION.get("송파구") + SeoulDefaults.DISTRICT_POPULATION.get("강동구");
        assertEquals((double) dongnam / total, region.populationShares().get("동남권"), 1e-12);
        // A plausible Seoul: 9.0–9.6 million residents, the north-east and south-west the largest regions.
        assertTrue(total > 9_000_000 && total < 9_600_000, "total " + total);
        assertTrue(region.populationShares().get("동북권") > region.populationShares().get("동남권"));
        assertTrue(region.populationShares().get("도심권") < 0.06);
    }

    @Test
    void everyFeatureHasSharesSummingToOneExceptPriorOpinion() {
        List<FeatureSpec> features = SeoulDefaults.features(DAY, true);
        assertEquals(List.of("권역", "성별", "연령대", "사전의견"), features.stream().map(FeatureSpec::name).toList());
        for (FeatureSpec f : features.subList(0, 3)) {
            assertEquals(f.values(), List.copyOf(f.populationShares().keySet()), f.name());
            assertEquals(1.0, f.populationShares().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
            assertTrue(f.populationShares().values().stream().allMatch(s -> s > 0.03 && s < 0.6), f.name());
        }
        assertFalse(features.get(3).hasPopulationShares());
        assertEquals(3, SeoulDefaults.features(DAY, false).size());
        assertEquals(List.of("18-29", "30-39", "40-49", "50-59", "60-69", "70+"), features.get(2).values());
        assertEquals(List.of(SeoulDefaults.MALE, SeoulDefaults.FEMALE), features.get(1).values());
        assertTrue(features.get(1).populationShares().get("여성") > features.get(1).populationShares().get("남성"));
    }

    @Test
    void understandsCommonSpellingsOfDistricts() {
        for (String spelling : List.of("종로구", "종로", " 종로 구 ", "서울 종로구", "서울시 종로구", "서울특별시 종로구",
                "서울특별시 종로구 세종대로 209", "종로구 청운동", "Jongno-gu", "jongno", "JONGNO GU", "Seoul Jongno-gu")) {
            assertEquals(Optional.of("종로구"), SeoulDefaults.district(spelling), spelling);
        }
        assertEquals(Optional.of("중구"), SeoulDefaults.district("중구"));
        assertEquals(Optional.of("중랑구"), SeoulDefaults.district("중랑"));
        assertEquals(Optional.of("영등포구"), SeoulDefaults.district("Yeongdeungpo-gu"));
        assertEquals(Optional.empty(), SeoulDefaults.district("부산 중구"));
        assertEquals(Optional.empty(), SeoulDefaults.district("수원시"));
        assertEquals(Optional.empty(), SeoulDefaults.district(""));
    }

    @Test
    void derivesTheRegionFromTheDistrictOrTakesARegionName() {
        FeatureSpec region = SeoulDefaults.region();
        assertEquals("동남권", region.derive("송파구").value());
        assertEquals("서남권", region.derive("서울 관악구 신림동").value());
        assertEquals("서북권", region.derive("서북권").value());
        Derivation.Result unknown = region.derive("성남시");
        assertEquals("recruitment.import.problem.unknown-district", unknown.messageKey());
        assertEquals(List.of("성남시"), unknown.args());
        assertEquals("recruitment.import.problem.missing-value", region.derive(" ").messageKey());
        for (String district : SeoulDefaults.DISTRICT_TO_REGION.keySet()) {
            assertEquals(SeoulDefaults.DISTRICT_TO_REGION.get(district), region.derive(district).value());
        }
    }

    @Test
    void understandsCommonSpellingsOfGenderAndOpinion() {
        FeatureSpec gender = SeoulDefaults.gender();
        for (String s : List.of("남", "남자", "남성", "M", "male", " Male ", "ｍ")) {
            assertEquals("남성", gender.derive(s).value(), s);
        }
        for (String s : List.of("여", "여자", "여성", "F", "female", "Woman")) {
            assertEquals("여성", gender.derive(s).value(), s);
        }
        Derivation.Result unknown = gender.derive("기타");
        assertEquals("recruitment.import.problem.unknown-value", unknown.messageKey());
        assertEquals(List.of("기타", "성별", "남성, 여성"), unknown.args());

        FeatureSpec opinion = SeoulDefaults.priorOpinion();
        assertEquals("찬성", opinion.derive("동의").value());
        assertEquals("찬성", opinion.derive("찬성").value());
        assertEquals("반대", opinion.derive("비동의").value());
        assertEquals("유보", opinion.derive("모름/무응답").value());
        assertEquals("유보", opinion.derive("잘 모르겠다").value());
        assertEquals("recruitment.import.problem.unknown-value", opinion.derive("글쎄").messageKey());
    }
}
