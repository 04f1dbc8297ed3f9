package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.gongnon.base.ValidationException;
import org.junit.jupiter.api.Test;

class PoolValidatorTest {

    private static final LocalDate DAY = LocalDate.of(2025, 6, 1);
    private static final List<FeatureSpec> FEATURES = SeoulDefaults.features(DAY, true);
    private static final String HEADER = "이름,휴대폰,이메일,자치구,성별,나이,사전의견,동의,메모\n";
    private static final ColumnMapping MAPPING = new ColumnMapping("이름", "휴대폰", "이메일", "자치구", "동의",
            Map.of("권역", "자치구", "성별", "성별", "연령대", "나이", "사전의견", "사전의견"));

    private static PoolCheck check(String rows) {
        PoolTable table = PoolFileReader.read("pool.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
        return PoolValidator.validate(table, MAPPING, FEATURES);
    }

    /** Each problem as "row/column/code/args", e.g. "2/휴대폰/bad-phone/010-12". */
    private static List<String> problems(PoolCheck check) {
        return check.problems().stream().map(p -> p.rowNumber() + "/" + p.column() + "/"
                + p.messageKey().replace("recruitment.import.problem.", "") + "/" + String.join("|", p.args()))
                .toList();
    }

    @Test
    void turnsAValidRowIntoACandidate() {
        PoolCheck check = check("홍길동,010 1234 5678,Hong@Example.com,서울 종로구,남,45,동의,Y,\n");
        assertTrue(check.isClean());
        assertEquals(1, check.rowCount());
        assertEquals(List.of(new PoolCandidate(2, "홍길동", "010-1234-5678", "Hong@example.com", "종로구",
                        Map.of("권역", "도심권", "성별", "남성", "연령대", "40-49", "사전의견", "찬성"))),
                check.candidates());
        assertEquals(List.of("권역", "성별", "연령대", "사전의견"),
                List.copyOf(check.candidates().getFirst().featureValues().keySet()));
    }

    @Test
    void needsAName() {
        assertEquals(List.of("2/이름/missing-name/"), problems(check(" ,010-1234-5678,,종로구,남,45,찬성,Y,\n")));
    }

    @Test
    void refusesANameLongerThanTheColumnInsteadOfCuttingIt() {
        String longest = "👩‍👩‍👧".repeat(20); // 100 code points, 160 UTF-16 units: fits
        String tooLong = "가".repeat(PoolValidator.MAX_NAME + 1);
        PoolCheck check = check(longest + ",010-1234-5678,,종로구,남,45,찬성,Y,\n"
                + tooLong + ",010-1234-5679,,종로구,남,45,찬성,Y,\n");
        assertEquals(List.of(longest), check.candidates().stream().map(PoolCandidate::name).toList());
        assertEquals(List.of("3/이름/name-too-long/100"), problems(check));
    }

    @Test
    void checksPhoneAndEmailAndNeedsOneOfThem() {
        PoolCheck check = check("""
                가,010-1234-56,,종로구,남,45,찬성,Y,
                나,,na@example,종로구,남,45,찬성,Y,
                다,,,종로구,남,45,찬성,Y,
                라,,ra@example.com,종로구,남,45,찬성,Y,
                마,010-2222-3333,,종로구,남,45,찬성,Y,
                """);
        assertEquals(List.of("2/휴대폰/bad-phone/010-1234-56", "3/이메일/bad-email/na@example", "4/null/no-contact/"),
                problems(check));
        assertEquals(List.of(5, 6), check.candidates().stream().map(PoolCandidate::rowNumber).toList());
        assertNull(check.candidates().get(0).phone());
        assertNull(check.candidates().get(1).email());
    }

    @Test
    void needsConsentWhenAConsentColumnIsMapped() {
        PoolCheck check = check("""
                가,010-1000-0001,,종로구,남,45,찬성,Y,
                나,010-1000-0002,,종로구,남,45,찬성,예,
                다,010-1000-0003,,종로구,남,45,찬성,동의,
                라,010-1000-0004,,종로구,남,45,찬성,1,
                마,010-1000-0005,,종로구,남,45,찬성,TRUE,
                바,010-1000-0006,,종로구,남,45,찬성,o,
                사,010-1000-0007,,종로구,남,45,찬성,N,
                아,010-1000-0008,,종로구,남,45,찬성,,
                자,010-1000-0009,,종로구,남,45,찬성,미동의,
                차,010-1000-0010,,종로구,남,45,찬성,X,
                """);
        assertEquals(6, check.validCount());
        assertEquals(List.of("8/동의/no-consent/", "9/동의/no-consent/", "10/동의/no-consent/", "11/동의/no-consent/"),
                problems(check));

        ColumnMapping withoutConsent = new ColumnMapping("이름", "휴대폰", null, null, null, MAPPING.featureColumns());
        PoolTable table = PoolFileReader.read("pool.csv",
                (HEADER + "사,010-1000-0007,,종로구,남,45,찬성,N,\n").getBytes(StandardCharsets.UTF_8));
        assertTrue(PoolValidator.validate(table, withoutConsent, FEATURES).isClean());
    }

    @Test
    void namesUnmappableFeatureValuesWithTheAllowedOnes() {
        PoolCheck check = check("가,010-1234-5678,,부산 중구,기타,16,글쎄,Y,\n나,010-1234-5679,,종로구,,중년,찬성,Y,\n");
        assertEquals(List.of(
                "2/자치구/unknown-district/부산 중구",
                "2/성별/unknown-value/기타|성별|남성, 여성",
                "2/나이/age-out-of-range/16|16|18|120",
                "2/사전의견/unknown-value/글쎄|사전의견|찬성, 반대, 유보",
                "3/성별/missing-value/성별",
                "3/나이/bad-age/중년"), problems(check));
        assertEquals(2, check.rejectedCount());
        assertEquals(Map.of("recruitment.import.problem.unknown-district", 1,
                "recruitment.import.problem.unknown-value", 2, "recruitment.import.problem.age-out-of-range", 1,
                "recruitment.import.problem.missing-value", 1, "recruitment.import.problem.bad-age", 1),
                check.problemCounts());
    }

    @Test
    void findsPeopleListedTwiceByPhoneOrEmailNamingTheEarlierRow() {
        PoolCheck check = check("""
                가,010-1234-5678,ga@example.com,종로구,남,45,찬성,Y,
                나,01012345678,na@example.com,종로구,남,45,찬성,Y,
                다,010-9999-0000,GA@EXAMPLE.COM,종로구,남,45,찬성,Y,
                라,+82 10-1234-5678,GA@example.com,종로구,남,45,찬성,Y,
                """);
        assertEquals(List.of("3/휴대폰/duplicate-phone/2", "4/이메일/duplicate-email/2",
                "5/휴대폰/duplicate-phone/2", "5/이메일/duplicate-email/2"), problems(check));
        assertEquals(List.of(2), check.candidates().stream().map(PoolCandidate::rowNumber).toList());
    }

    @Test
    void aRowCanHaveSeveralProblems() {
        PoolCheck check = check("가,010-12,bad,강남,여자,2010,반대,N,\n");
        assertEquals(List.of("2/휴대폰/bad-phone/010-12", "2/이메일/bad-email/bad", "2/동의/no-consent/",
                "2/나이/age-out-of-range/2010|15|18|120"), problems(check));
        assertEquals(1, check.rejectedRows().size());
        assertEquals(4, check.rejectedRows().getFirst().problems().size());
    }

    @Test
    void refusesIdNumbersInAnyCellAndNeverRepeatsThem() {
        PoolCheck check = check("""
                가,010-1234-5678,,종로구,남,850302-1234567,찬성,Y,
                나,010-1234-5679,,종로구,남,45,찬성,Y,"주민번호 8503022234567, 확인함"
                """);
        assertEquals(List.of(
                "2/나이/id-number/",
                "2/나이/bad-age/******-*******",
                "3/메모/id-number/"), problems(check));
        assertEquals("주민번호 *************, 확인함", check.rejectedRows().get(1).cells().get(8));
        String csv = new String(check.rejectedRowsCsv((key, args) -> key + Arrays.toString(args)),
                StandardCharsets.UTF_8);
        assertFalse(csv.contains("1234567"), csv);
        assertFalse(csv.contains("2234567"), csv);
        assertFalse(check.problems().stream().anyMatch(p -> String.join("", p.args()).matches(".*\\d{6}.*")));
    }

    @Test
    void reportsValuesBeyondTheLastColumn() {
        // An address with an unquoted comma shifts the rest of the row one column to the right.
        PoolCheck check = check("가,010-1234-5678,,서울 종로구, 세종로,남,45,찬성,Y,메모\n");
        List<String> found = problems(check);
        assertEquals("2/null/extra-cells/1", found.getFirst());
        assertTrue(found.contains("2/성별/unknown-value/세종로|성별|남성, 여성"), found.toString());
        assertTrue(found.contains("2/동의/no-consent/"), found.toString());
    }

    @Test
    void refusesAnIncompleteMapping() {
        PoolTable table = PoolFileReader.read("pool.csv",
                (HEADER + "가,010-1234-5678,,종로구,남,45,찬성,Y,\n").getBytes(StandardCharsets.UTF_8));
        ColumnMapping noName = new ColumnMapping(null, "휴대폰", null, null, null, MAPPING.featureColumns());
        ValidationException e = assertThrows(ValidationException.class,
                () -> PoolValidator.validate(table, noName, FEATURES));
        assertEquals("recruitment.import.mapping.name-required", e.problems().getFirst().messageKey());
    }

    @Test
    void reportsProgress() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 450; i++) {
            rows.append("사람").append(i).append(",010-1000-").append(String.format("%04d", i))
                    .append(",,종로구,남,45,찬성,Y,\n");
        }
        PoolTable table = PoolFileReader.read("pool.csv", (HEADER + rows).getBytes(StandardCharsets.UTF_8));
        List<String> reports = new ArrayList<>();
        PoolCheck check = PoolValidator.validate(table, MAPPING, FEATURES,
                (done, total) -> reports.add(done + "/" + total));
        assertEquals(List.of("0/450", "200/450", "400/450", "450/450"), reports);
        assertEquals(450, check.validCount());
    }

    @Test
    void writesTheRejectedRowsAsACsvExcelOpensInKorean() {
        PoolCheck check = check("""
                가,010-1234-5678,,종로구,남,45,찬성,Y,
                "나, 둘째",010-12,,종로구,기타,45,찬성,Y,=HYPERLINK("x")
                """);
        byte[] bytes = check.rejectedRowsCsv((key, args) -> switch (key) {
            case "recruitment.import.rejected.row" -> "행";
            case "recruitment.import.rejected.problems" -> "문제";
            default -> key.replace("recruitment.import.problem.", "") + "(" + String.join(";",
                    Arrays.stream(args).map(String::valueOf).toList()) + ")";
        });
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF), List.of(bytes[0], bytes[1], bytes[2]));
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertTrue(text.endsWith("\r\n"));
        List<List<String>> records = Csv.parse(text).stream().filter(r -> !(r.size() == 1 && r.getFirst().isEmpty()))
                .toList();
        assertEquals(List.of(
                List.of("행", "이름", "휴대폰", "이메일", "자치구", "성별", "나이", "사전의견", "동의", "메모", "문제"),
                List.of("3", "나, 둘째", "010-12", "", "종로구", "기타", "45", "찬성", "Y", "'=HYPERLINK(\"x\")",
                        "[휴대폰] bad-phone(010-12) / [성별] unknown-value(기타;성별;남성, 여성)")), records);
    }

    @Test
    void validatesTheSampleFile() throws IOException {
        PoolTable table;
        try (InputStream in = getClass().getResourceAsStream("/recruitment/pool-sample.csv")) {
            table = PoolFileReader.read("pool-sample.csv", in.readAllBytes());
        }
        ColumnMapping mapping = ColumnMapping.guess(table.headers(), FEATURES);
        assertEquals(new ColumnMapping("이름", "휴대폰", "이메일", "자치구", "개인정보동의",
                Map.of("권역", "자치구", "성별", "성별", "연령대", "출생연도", "사전의견", "사전의견")), mapping);
        PoolCheck check = PoolValidator.validate(table, mapping, FEATURES);
        assertEquals(13, check.rowCount());
        assertEquals(List.of("김민준", "이서연", "박지훈", "최수아", "정우진"),
                check.candidates().stream().map(PoolCandidate::name).toList());
        PoolCandidate choi = check.candidates().get(3);
        assertEquals(new PoolCandidate(5, "최수아", null, "sua.choi@example.com", "종로구",
                Map.of("권역", "도심권", "성별", "여성", "연령대", "18-29", "사전의견", "찬성")), choi);
        assertEquals("010-5678-9012", check.candidates().get(4).phone());
        assertEquals("관악구", check.candidates().get(4).district());
        assertEquals(List.of(
                "7/이메일/bad-email/yerin@example",
                "8/휴대폰/bad-phone/010-789-01",
                "9/휴대폰/duplicate-phone/2",
                "10/개인정보동의/no-consent/",
                "10/자치구/unknown-district/성남시",
                "11/성별/unknown-value/기타|성별|남성, 여성",
                "11/출생연도/age-out-of-range/2009|16|18|120",
                "12/메모/id-number/",
                "13/null/no-contact/",
                "14/이메일/duplicate-email/2"), problems(check));
    }

    @Test
    void readsAndValidatesTenThousandRows() {
        List<String> districts = List.copyOf(SeoulDefaults.DISTRICT_TO_REGION.keySet());
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 10_000; i++) {
            String phone = i % 1000 == 999 ? "010-0000-0001" : String.format("010-%04d-%04d", i / 10_000 + 1000, i);
            String consent = i % 500 == 7 ? "N" : "Y";
            rows.append("사람").append(i).append(',').append(phone).append(",p").append(i).append("@example.com,")
                    .append(districts.get(i % 25)).append(',').append(i % 2 == 0 ? "남" : "여").append(',')
                    .append(18 + i % 80).append(',').append(List.of("찬성", "반대", "유보").get(i % 3)).append(',')
                    .append(consent).append(",\n");
        }
        byte[] content = (HEADER + rows).getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        PoolTable table = PoolFileReader.read("pool.csv", content);
        PoolCheck check = PoolValidator.validate(table, MAPPING, FEATURES);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("10,000 rows read and validated in " + millis + " ms");

        assertEquals(10_000, check.rowCount());
        // Rows 999, 1999, … share one phone: the first is kept, the nine others are duplicates of it.
        // Every 500th row from 7 on has no consent: 20 rows.
        assertEquals(9 + 20, check.rejectedCount());
        assertEquals(10_000 - 29, check.validCount());
        assertEquals(Map.of("recruitment.import.problem.duplicate-phone", 9,
                "recruitment.import.problem.no-consent", 20), check.problemCounts());
        PoolCandidate last = check.candidates().getLast();
        assertEquals(10_000, last.rowNumber());
        assertEquals(new PoolCandidate(10_000, "사람9998", "010-1000-9998", "p9998@example.com", "송파구",
                Map.of("권역", "동남권", "성별", "남성", "연령대", "70+", "사전의견", "유보")), last);
        Map<String, Long> byRegion = check.candidates().stream().collect(
                Collectors.groupingBy(c -> c.featureValues().get("권역"), LinkedHashMap::new, Collectors.counting()));
        assertEquals(5, byRegion.size());
        assertEquals(10_000 - 29, byRegion.values().stream().mapToLong(Long::longValue).sum());
    }
}
