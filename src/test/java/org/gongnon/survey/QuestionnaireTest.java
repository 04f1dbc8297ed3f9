package org.gongnon.survey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.gongnon.survey.Questionnaires.option;
import static org.gongnon.survey.Questionnaires.question;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.junit.jupiter.api.Test;

class QuestionnaireTest {

    private final Questionnaire everyKind = Questionnaires.everyKind();

    @Test
    void aWellFormedQuestionnaireValidates() {
        everyKind.validate();
        assertEquals(9, everyKind.questions().size());
        assertEquals(List.of("SUPPORT", "NEARBY", "K1"), everyKind.tracked().stream().map(Question::code).toList());
    }

    @Test
    void theFileFormatRoundTripsEveryKind() {
        String json = QuestionnaireFiles.write(everyKind);
        assertTrue(json.contains("\"format\" : \"gongnon-questionnaire\""), json);
        assertFalse(json.contains("\"empty\""), "derived getters are not written: " + json);
        assertEquals(everyKind, QuestionnaireFiles.read(json));
    }

    @Test
    void filesThatAreNotQuestionnairesAreRefusedClearly() {
        assertEquals("survey.import.empty", key(() -> QuestionnaireFiles.read("  ")));
        assertEquals("survey.import.not-a-questionnaire", key(() -> QuestionnaireFiles.read("{not json")));
        assertEquals("survey.import.not-a-questionnaire", key(() -> QuestionnaireFiles.read("{\"format\":\"x\"}")));
        assertEquals("survey.import.not-a-questionnaire",
                key(() -> QuestionnaireFiles.read("{\"format\":\"gongnon-questionnaire\",\"version\":1,\"sectionz\":[]}")));
        assertEquals("survey.import.unknown-version",
                key(() -> QuestionnaireFiles.read("{\"format\":\"gongnon-questionnaire\",\"version\":9,\"sections\":[]}")));
    }

    @Test
    void structuralProblemsAreAllReportedAtOnce() {
        Question noOptions = question("A", QuestionType.SINGLE_CHOICE, "질문", List.of(option("x", "엑스")));
        Question duplicate = question("A", QuestionType.TEXT, "또", List.of());
        Question badCode = question("B C", QuestionType.TEXT, "", List.of());
        Question knowledge = new Question("K", QuestionType.KNOWLEDGE, LocalText.of("지식", ""), null, false, false,
                List.of(option("a", "가"), option("b", "나")), null, null, null, "z", null);
        Question laterCondition = new Question("L", QuestionType.TEXT, LocalText.of("조건", ""), null, false, false,
                List.of(), null, null, null, null, new Condition("Z", List.of("a")));
        Question range = new Question("N", QuestionType.NUMBER, LocalText.of("수", ""), null, false, false, List.of(),
                BigDecimal.TEN, BigDecimal.ONE, null, null, null);
        Questionnaire q = new Questionnaire(List.of(new Section("S", LocalText.of("부분", ""), null,
                List.of(noOptions, duplicate, badCode, knowledge, laterCondition, range))));
        ValidationException e = assertThrows(ValidationException.class, q::validate);
        List<String> keys = e.problems().stream().map(p -> p.field() + ":" + p.messageKey()).toList();
        assertTrue(keys.contains("A:survey.builder.two-options"), keys.toString());
        assertTrue(keys.contains("A:survey.builder.duplicate-question"), keys.toString());
        assertTrue(keys.contains("B C:survey.builder.bad-code"), keys.toString());
        assertTrue(keys.contains("B C:survey.builder.text-required"), keys.toString());
        assertTrue(keys.contains("K:survey.builder.correct-required"), keys.toString());
        assertTrue(keys.contains("L:survey.builder.condition-earlier"), keys.toString());
        assertTrue(keys.contains("N:survey.builder.min-above-max"), keys.toString());
        assertEquals("survey.builder.no-questions",
                assertThrows(ValidationException.class, () -> Questionnaire.empty().validate()).problems().getFirst()
                        .messageKey());
    }

    @Test
    void answersAreCheckedAgainstTheirQuestion() {
        Map<String, Question> q = everyKind.byCode();
        q.get("SUPPORT").validate(List.of("5"));
        assertEquals("survey.answer.not-on-scale", key(() -> q.get("SUPPORT").validate(List.of("6"))));
        assertEquals("survey.answer.not-on-scale", key(() -> q.get("SUPPORT").validate(List.of("abc"))));
        q.get("NEARBY").validate(List.of("0"));
        assertEquals("survey.answer.not-on-scale", key(() -> q.get("NEARBY").validate(List.of("11"))));
        assertEquals("survey.answer.unknown-option", key(() -> q.get("Q1").validate(List.of("maybe"))));
        assertEquals("survey.answer.one-value", key(() -> q.get("Q1").validate(List.of("yes", "no"))));
        q.get("SOURCES").validate(List.of("tv", "web"));
        assertEquals("survey.answer.repeated-option", key(() -> q.get("SOURCES").validate(List.of("tv", "tv"))));
        assertEquals("survey.answer.rank-all", key(() -> q.get("RANK").validate(List.of("fee", "park"))));
        q.get("RANK").validate(List.of("jobs", "fee", "park"));
        assertEquals("survey.answer.out-of-range", key(() -> q.get("YEARS").validate(List.of("121"))));
        assertEquals("survey.answer.not-a-number", key(() -> q.get("YEARS").validate(List.of("열"))));
        q.get("Q6").validate(List.of("가".repeat(200)));
        assertEquals("survey.answer.too-long", key(() -> q.get("Q6").validate(List.of("가".repeat(201)))));
        assertEquals("survey.answer.empty-value", key(() -> q.get("Q6").validate(List.of(" "))));
        q.get("Q6").validate(List.of());
    }

    @Test
    void conditionsKnowledgeAndLanguages() {
        Question hearing = everyKind.question("Q6").orElseThrow();
        assertFalse(hearing.isShown(Map.of()));
        assertFalse(hearing.isShown(Map.of("Q1", List.of("no"))));
        assertTrue(hearing.isShown(Map.of("Q1", List.of("yes"))));
        Question k1 = everyKind.question("K1").orElseThrow();
        assertTrue(k1.isCorrect(List.of("y2026")));
        assertFalse(k1.isCorrect(List.of("dk")));
        assertEquals("Years in Seoul", everyKind.question("YEARS").orElseThrow().text().in(Locale.ENGLISH));
        assertEquals("서울에 산 햇수", everyKind.question("YEARS").orElseThrow().text().in(Locale.KOREAN));
        assertEquals("한국어만", LocalText.of("한국어만", "").in(Locale.ENGLISH));
    }

    @Test
    void multiValuedAnswersSurviveStorage() {
        Question rank = everyKind.question("RANK").orElseThrow();
        List<String> order = List.of("park", "jobs", "fee");
        assertEquals(order, AnswerCodec.decode(rank, AnswerCodec.encode(rank, order)));
        Question text = everyKind.question("Q6").orElseThrow();
        List<String> withCommas = List.of("소음, 냄새, 교통");
        assertEquals(withCommas, AnswerCodec.decode(text, AnswerCodec.encode(text, withCommas)));
    }

    private static String key(Runnable r) {
        return assertThrows(UserFacingException.class, r::run).messageKey();
    }
}
