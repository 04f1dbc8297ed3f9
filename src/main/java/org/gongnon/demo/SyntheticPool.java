package org.gongnon.demo;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongnon.algorithms.sortition.QuotaAllocation;
import org.gongnon.recruitment.SeoulDefaults;

/**
 * A made-up pool of Seoul poll respondents who volunteered for the panel, skewed the way real volunteer
 * pools are: older, more men, and regions unevenly represented (the south-east and south-west over, the
 * centre and the north under). The same seed always gives the same pool.
 *
 * <p>Plain Java, so it can feed the demo, tests and benchmarks alike; {@link #toCsv} writes the file a
 * facilitator would upload.
 */
public final class SyntheticPool {

    public static final long DEFAULT_SEED = 20_250_301L;
    public static final int DEFAULT_SIZE = 1_000;
    public static final List<String> CSV_HEADERS = List.of("이름", "휴대폰", "이메일", "자치구", "성별", "나이", "사전의견",
            "개인정보동의");
    /** How consent is written in the CSV. */
    public static final String CONSENT_GIVEN = "동의";
    public static final String OPINION_FOR = "찬성";
    public static final String OPINION_AGAINST = "반대";
    public static final String OPINION_UNDECIDED = "유보";

    /**
     * Phone numbers are fake. Random numbers in an issued block (e.g. 010-9xxx) would belong to real
     * people, who could get the demo's messages; the middle part of 010 numbers is issued from 2000 up,
     * so 010-0xxx-xxxx reaches no one while keeping the mobile format that importers accept.
     */
    static final String PHONE_PREFIX = "010-0";

    /**
     * Regions' shares of the pool: 동남권 and 서남권 volunteer more than their share of Seoul
     * ({@link SeoulDefaults#region()}: about 22 % and 30 %), 도심권 (5 %) and the north less. In the order of
     * {@link SeoulDefaults#REGIONS}, since the order of the regions is part of the seeded sequence.
     */
    private static final Map<String, Double> POOL_REGION_SHARES = SeoulDefaults.REGIONS.stream().collect(
            Collectors.toMap(region -> region,
                    Map.of("도심권", 0.035, "동북권", 0.25, "서북권", 0.10, "서남권", 0.335, "동남권", 0.28)::get,
                    (a, b) -> a, LinkedHashMap::new));
    private static final double POOL_MALE_SHARE = 0.58;
    /** Age bands of the pool as {from, to, weight in ‰}: 40 % are 60 or older (adults of Seoul: 30 %). */
    private static final int[][] POOL_AGE_BANDS = {
            {18, 29, 100}, {30, 39, 120}, {40, 49, 160}, {50, 59, 220}, {60, 69, 250}, {70, 85, 150}};

    // Common family names, weighted by frequency (per mille of Koreans, rounded), with a romanisation for e-mail.
    private static final String[] FAMILY = {"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서",
            "신", "권", "황", "안", "송", "류", "홍"};
    private static final int[] FAMILY_WEIGHT = {215, 147, 84, 47, 43, 24, 21, 21, 20, 17, 15, 15, 15, 15, 14, 14, 13,
            13, 12, 11};
    private static final String[] FAMILY_LATIN = {"kim", "lee", "park", "choi", "jung", "kang", "cho", "yoon", "jang",
            "lim", "han", "oh", "seo", "shin", "kwon", "hwang", "ahn", "song", "ryu", "hong"};
    // Given names of people born before and after about 1975.
    private static final String[] MALE_OLDER = {"영수", "영호", "정호", "상철", "광수", "성호", "명수", "재호", "종민", "병철",
            "기현", "승우"};
    private static final String[] MALE_YOUNGER = {"민준", "서준", "도윤", "예준", "시우", "하준", "지호", "준서", "현우", "지훈",
            "동현", "승민"};
    private static final String[] FEMALE_OLDER = {"영희", "정숙", "순자", "미경", "은정", "현숙", "경희", "미영", "혜숙", "영미",
            "선영", "정희"};
    private static final String[] FEMALE_YOUNGER = {"서연", "지민", "서윤", "지우", "하은", "민서", "수아", "지아", "예은", "수빈",
            "지영", "수진"};

    private SyntheticPool() {
    }

    /** {@value #DEFAULT_SIZE} respondents from {@value #DEFAULT_SEED}. */
    public static List<SyntheticRespondent> generate() {
        return generate(DEFAULT_SEED, DEFAULT_SIZE);
    }

    public static List<SyntheticRespondent> generate(long seed, int size) {
        if (size < 0 || size > 100_000) {
            throw new IllegalArgumentException("a synthetic pool has 0 to 100,000 respondents, not " + size);
        }
        Random random = new Random(seed); // java.util.Random: its sequence is fixed by its specification
        // Exact region sizes (largest remainder), so the skew and the smallest region do not depend on luck.
        List<String> regions = new ArrayList<>(size);
        QuotaAllocation.largestRemainder(POOL_REGION_SHARES, size)
                .forEach((region, n) -> regions.addAll(Collections.nCopies(n, region)));
        Collections.shuffle(regions, random);

        Set<String> phones = new HashSet<>();
        List<SyntheticRespondent> pool = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            String district = district(regions.get(i), random);
            boolean male = random.nextDouble() < POOL_MALE_SHARE;
            int age = age(random);
            int family = weighted(FAMILY_WEIGHT, random);
            String[] given = male ? (age >= 50 ? MALE_OLDER : MALE_YOUNGER) : (age >= 50 ? FEMALE_OLDER : FEMALE_YOUNGER);
            String name = FAMILY[family] + given[random.nextInt(given.length)];
            String phone;
            do {
                phone = PHONE_PREFIX + String.format(Locale.ROOT, "%03d-%04d", random.nextInt(1_000),
                        random.nextInt(10_000));
            } while (!phones.add(phone));
            // Younger respondents give an e-mail address more often.
            double emailChance = age < 40 ? 0.9 : age < 60 ? 0.7 : 0.4;
            String email = random.nextDouble() < emailChance
                    ? String.format(Locale.ROOT, "%s%04d@example.com", FAMILY_LATIN[family], i + 1) : null;
            pool.add(new SyntheticRespondent(name, phone, email, district, male ? SeoulDefaults.MALE
                    : SeoulDefaults.FEMALE, age, opinion(age, random), true));
        }
        return List.copyOf(pool);
    }

    /**
     * The pool as an upload file: UTF-8 with a byte-order mark (so Excel opens it as UTF-8), Korean headers
     * {@link #CSV_HEADERS}, CRLF line ends, an empty cell for a missing e-mail address.
     */
    public static byte[] toCsv(List<SyntheticRespondent> respondents) {
        StringBuilder csv = new StringBuilder();
        csv.append(String.join(",", CSV_HEADERS.stream().map(SyntheticPool::csvField).toList())).append("\r\n");
        for (SyntheticRespondent r : respondents) {
            List<String> fields = List.of(r.name(), r.phone(), r.hasEmail() ? r.email() : "", r.district(), r.gender(),
                    Integer.toString(r.age()), r.priorOpinion(), r.consent() ? CONSENT_GIVEN : "");
            csv.append(String.join(",", fields.stream().map(SyntheticPool::csvField).toList())).append("\r\n");
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.writeBytes(csv.toString().getBytes(StandardCharsets.UTF_8));
        return bytes.toByteArray();
    }

    /** RFC 4180: quoted only when needed, inner quotes doubled. */
    private static String csvField(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    /** A district of the region, in proportion to the districts' populations. */
    private static String district(String region, Random random) {
        List<String> districts = SeoulDefaults.districts(region);
        int[] weights = districts.stream().mapToInt(SeoulDefaults.DISTRICT_POPULATION::get).toArray();
        return districts.get(weighted(weights, random));
    }

    private static int age(Random random) {
        int[] weights = new int[POOL_AGE_BANDS.length];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = POOL_AGE_BANDS[i][2];
        }
        int[] band = POOL_AGE_BANDS[weighted(weights, random)];
        return band[0] + random.nextInt(band[1] - band[0] + 1);
    }

    /** Older respondents oppose a new waste facility more often (the demo's question). */
    private static String opinion(int age, Random random) {
        int[] forAgainstUndecided = age >= 60 ? new int[] {30, 48, 22} : age < 40 ? new int[] {40, 30, 30}
                : new int[] {36, 40, 24};
        return switch (weighted(forAgainstUndecided, random)) {
            case 0 -> OPINION_FOR;
            case 1 -> OPINION_AGAINST;
            default -> OPINION_UNDECIDED;
        };
    }

    private static int weighted(int[] weights, Random random) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        throw new IllegalStateException("unreachable");
    }
}
