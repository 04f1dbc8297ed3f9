package org.gongnon.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.gongnon.algorithms.sortition.CellStratifiedSampling;
import org.gongnon.algorithms.stats.Group;
import org.gongnon.algorithms.stats.Representativeness;
import org.gongnon.recruitment.SeoulDefaults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticPoolTest {

    private static final List<SyntheticRespondent> POOL = SyntheticPool.generate();
    /** Seoul's adults by region, gender and age band: the figures the pool is skewed against. */
    private static final Map<String, Double> REGION_SHARES = SeoulDefaults.region().populationShares();
    private static final Map<String, Double> GENDER_SHARES = SeoulDefaults.gender().populationShares();
    private static final Map<String, Double> AGE_SHARES =
            SeoulDefaults.ageBand(LocalDate.of(2025, 6, 1)).populationShares();

    private static <K> Map<K, Long> count(List<SyntheticRespondent> pool, Function<SyntheticRespondent, K> key) {
        return pool.stream().collect(Collectors.groupingBy(key, LinkedHashMap::new, Collectors.counting()));
    }

    @Test
    void theSameSeedGivesTheSamePool() {
        assertEquals(POOL, SyntheticPool.generate(SyntheticPool.DEFAULT_SEED, SyntheticPool.DEFAULT_SIZE));
        assertArrayEquals(SyntheticPool.toCsv(POOL), SyntheticPool.toCsv(SyntheticPool.generate()));
        assertNotEquals(POOL, SyntheticPool.generate(SyntheticPool.DEFAULT_SEED + 1, SyntheticPool.DEFAULT_SIZE));
    }

    @Test
    void aThousandWellFormedRespondentsWithUniqueFakePhones() {
        assertEquals(1_000, POOL.size());
        Set<String> phones = new HashSet<>();
        Set<String> emails = new HashSet<>();
        Set<String> districts = SeoulDefaults.DISTRICT_TO_REGION.keySet();
        assertEquals(25, districts.size());
        for (SyntheticRespondent r : POOL) {
            assertTrue(r.phone().matches("010-0\\d{3}-\\d{4}"), r.phone());
            assertTrue(phones.add(r.phone()), "duplicate phone " + r.phone());
            if (r.hasEmail()) {
                assertTrue(r.email().matches("[a-z]+\\d{4}@example\\.com"), r.email());
                assertTrue(emails.add(r.email()), "duplicate e-mail " + r.email());
            }
            assertTrue(r.name().matches("\\p{IsHangul}{3}"), r.name());
            assertTrue(districts.contains(r.district()), r.district());
            assertTrue(Set.of("남성", "여성").contains(r.gender()), r.gender());
            assertTrue(r.age() >= 18 && r.age() <= 85, "age " + r.age());
            assertTrue(Set.of("찬성", "반대", "유보").contains(r.priorOpinion()), r.priorOpinion());
            assertTrue(r.consent());
        }
        assertEquals(1_000, phones.size());
        // "some" have an e-mail address: neither none nor all.
        assertTrue(emails.size() > 300 && emails.size() < 900, emails.size() + " e-mail addresses");
        assertEquals(25, count(POOL, SyntheticRespondent::district).size(), "every district has someone");
        assertEquals(3, count(POOL, SyntheticRespondent::priorOpinion).size());
    }

    @Test
    void aRespondentsRegionIsTheRegionOfTheirDistrict() {
        assertEquals("서남권", new SyntheticRespondent("a", "p", null, "관악구", "여성", 30, "유보", true).region());
        for (SyntheticRespondent r : POOL) {
            assertEquals(SeoulDefaults.DISTRICT_TO_REGION.get(r.district()), r.region(), r.district());
        }
        assertThrows(IllegalStateException.class,
                () -> new SyntheticRespondent("a", "p", null, "부산진구", "여성", 30, "유보", true).region());
    }

    @Test
    void thePoolIsSkewedLikeRealVolunteers() {
        double over60 = POOL.stream().filter(r -> r.age() >= 60).count() / (double) POOL.size();
        double seoul60Plus = AGE_SHARES.get("60-69") + AGE_SHARES.get("70+");
        assertTrue(over60 > seoul60Plus + 0.05, "60+: " + over60 + ", Seoul: " + seoul60Plus);
        double men = count(POOL, SyntheticRespondent::gender).get(SeoulDefaults.MALE) / (double) POOL.size();
        assertTrue(men > 0.5 && men > GENDER_SHARES.get(SeoulDefaults.MALE) + 0.05, "men: " + men);

        Map<String, Long> regions = count(POOL, SyntheticRespondent::region);
        for (String over : List.of("동남권", "서남권")) {
            assertTrue(regions.get(over) / (double) POOL.size() > REGION_SHARES.get(over) + 0.02, over);
        }
        assertTrue(regions.get("도심권") / (double) POOL.size() < REGION_SHARES.get("도심권"), "도심권");

        // The skew is large enough to show in the representativeness statistics.
        var comparison = Representativeness.compare("권역", SeoulDefaults.REGIONS, REGION_SHARES, regions, Map.of());
        assertTrue(comparison.test(Group.POOL).pValue() < 0.001, "p = " + comparison.test(Group.POOL).pValue());
    }

    @ParameterizedTest
    @ValueSource(longs = {SyntheticPool.DEFAULT_SEED, 1, 2, 3, 4, 5})
    void aPanelOf300WithProportionalRegionAndGenderQuotasCanBeFilled(long seed) {
        List<SyntheticRespondent> pool = SyntheticPool.generate(seed, 1_000);
        // Exact region sizes, whatever the seed: the pool's region shares (3.5, 25, 10, 33.5, 28 %) of 1,000.
        assertEquals(Map.of("도심권", 35L, "동북권", 250L, "서북권", 100L, "서남권", 335L, "동남권", 280L),
                count(pool, SyntheticRespondent::region));
        // Seoul-proportional seats per region × gender, each with a tolerance of ±2 seats: every cell needs
        // at least (seats − 2) people in the pool.
        Map<List<String>, Double> cellShares = new LinkedHashMap<>();
        REGION_SHARES.forEach((region, regionShare) -> GENDER_SHARES.forEach((gender, genderShare) ->
                cellShares.put(List.of(region, gender), regionShare * genderShare)));
        Map<List<String>, Integer> seats = CellStratifiedSampling.allocate(cellShares, 300);
        assertEquals(300, seats.values().stream().mapToInt(Integer::intValue).sum());
        Map<List<String>, Long> cells = count(pool, r -> List.of(r.region(), r.gender()));
        seats.forEach((cell, n) -> assertTrue(cells.getOrDefault(cell, 0L) >= n - 2,
                cell + ": " + cells.get(cell) + " in the pool for " + n + " ± 2 seats"));
    }

    @Test
    void theCsvIsUtf8WithBomKoreanHeadersAndOneLinePerRespondent() {
        byte[] csv = SyntheticPool.toCsv(POOL);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"));
        List<String> lines = List.of(text.split("\r\n"));
        assertEquals(1_001, lines.size());
        assertEquals("이름,휴대폰,이메일,자치구,성별,나이,사전의견,개인정보동의", lines.getFirst());
        for (int i = 0; i < POOL.size(); i++) {
            SyntheticRespondent r = POOL.get(i);
            String[] fields = lines.get(i + 1).split(",", -1);
            assertEquals(List.of(r.name(), r.phone(), r.hasEmail() ? r.email() : "", r.district(), r.gender(),
                    Integer.toString(r.age()), r.priorOpinion(), "동의"), List.of(fields));
        }
    }
}
