package org.gongnon.recruitment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gongnon.base.ValidationException.FieldProblem;
import org.junit.jupiter.api.Test;

class ColumnMappingTest {

    private static final List<FeatureSpec> FEATURES = SeoulDefaults.features(LocalDate.of(2025, 6, 1), true);

    @Test
    void guessesKoreanHeaders() {
        List<String> headers = List.of("번호", "성명", "연락처", "휴대폰", "이메일", "거주 자치구", "성별", "출생연도",
                "사전 의견", "개인정보 수집·이용 동의");
        ColumnMapping m = ColumnMapping.guess(headers, FEATURES);
        assertEquals("성명", m.name());
        assertEquals("휴대폰", m.phone()); // a mobile column is preferred to a general contact column
        assertEquals("이메일", m.email());
        assertEquals("거주 자치구", m.district());
        assertEquals("개인정보 수집·이용 동의", m.consent());
        assertEquals(Map.of("권역", "거주 자치구", "성별", "성별", "연령대", "출생연도", "사전의견", "사전 의견"),
                m.featureColumns());
        assertTrue(m.problems(headers, FEATURES).isEmpty());
    }

    @Test
    void guessesEnglishHeadersIgnoringCaseAndSpaces() {
        List<String> headers = List.of("Name", "Phone Number", "E-mail", "District", "Sex", "Birth Year", "Opinion",
                "Consent");
        ColumnMapping m = ColumnMapping.guess(headers, FEATURES);
        assertEquals(new ColumnMapping("Name", "Phone Number", "E-mail", "District", "Consent",
                Map.of("권역", "District", "성별", "Sex", "연령대", "Birth Year", "사전의견", "Opinion")), m);
    }

    @Test
    void takesAHeaderThatContainsANameWhenNoneIsExact() {
        List<String> headers = List.of("응답자 이름(필수)", "휴대폰 번호 (숫자만)", "만 나이", "성별*", "권역");
        ColumnMapping m = ColumnMapping.guess(headers, FEATURES);
        assertEquals("응답자 이름(필수)", m.name());
        assertEquals("휴대폰 번호 (숫자만)", m.phone());
        assertEquals("만 나이", m.featureColumn("연령대"));
        assertEquals("성별*", m.featureColumn("성별"));
        assertEquals("권역", m.featureColumn("권역")); // a region column wins over the district column
        assertNull(m.email());
        assertNull(m.district());
        assertNull(m.consent());
        assertNull(m.featureColumn("사전의견"));
    }

    @Test
    void namesWhatIsMissingOrWrong() {
        List<String> headers = List.of("이름", "성별");
        ColumnMapping m = new ColumnMapping(null, null, " ", "구", null, Map.of("성별", "성별"));
        assertNull(m.email());
        List<FieldProblem> problems = m.problems(headers, FEATURES);
        assertEquals(List.of("name:recruitment.import.mapping.name-required",
                        "phone:recruitment.import.mapping.contact-required",
                        "feature:권역:recruitment.import.mapping.feature-required",
                        "feature:연령대:recruitment.import.mapping.feature-required",
                        "feature:사전의견:recruitment.import.mapping.feature-required",
                        "district:recruitment.import.mapping.unknown-column"),
                problems.stream().map(p -> p.field() + ":" + p.messageKey()).toList());
        assertEquals(List.of("구"), List.of(problems.getLast().arguments()));
    }

    @Test
    void changesOneFeatureColumn() {
        ColumnMapping m = new ColumnMapping("이름", "전화", null, null, null, Map.of("성별", "A"));
        assertEquals("B", m.withFeatureColumn("성별", "B").featureColumn("성별"));
        assertNull(m.withFeatureColumn("성별", null).featureColumn("성별"));
        assertEquals("A", m.featureColumn("성별"));
    }
}
