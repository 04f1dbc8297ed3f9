package org.gongnon.survey;

import java.math.BigDecimal;
import java.util.List;

/** Small questionnaires for tests: one of each kind of question, written the way a facilitator would. */
public final class Questionnaires {

    private Questionnaires() {
    }

    public static AnswerOption option(String code, String ko) {
        return new AnswerOption(code, LocalText.of(ko, code));
    }

    public static Question question(String code, QuestionType type, String ko, List<AnswerOption> options) {
        return new Question(code, type, LocalText.of(ko, ko + " (en)"), null, false, false, options, null, null, null,
                null, null);
    }

    public static Question required(Question q) {
        return new Question(q.code(), q.type(), q.text(), q.help(), true, q.tracked(), q.options(), q.min(), q.max(),
                q.maxLength(), q.correctOption(), q.showIf());
    }

    public static Question tracked(Question q) {
        return new Question(q.code(), q.type(), q.text(), q.help(), q.required(), true, q.options(), q.min(), q.max(),
                q.maxLength(), q.correctOption(), q.showIf());
    }

    /** Every kind of question, over two sections; Q6 is shown only when Q1 is "yes". */
    public static Questionnaire everyKind() {
        List<AnswerOption> yesNo = List.of(option("yes", "예"), option("no", "아니오"));
        Question support = required(tracked(question("SUPPORT", QuestionType.LIKERT_5, "새 자원회수시설 건립에 찬성하십니까?",
                List.of())));
        Question q1 = required(question("Q1", QuestionType.SINGLE_CHOICE, "공청회에 참석한 적이 있습니까?", yesNo));
        Question sources = question("SOURCES", QuestionType.MULTIPLE_CHOICE, "정보를 어디서 얻습니까?",
                List.of(option("tv", "TV"), option("web", "인터넷"), option("friends", "지인")));
        Question thermometer = tracked(question("NEARBY", QuestionType.SCALE_0_10, "우리 구에 짓는 것을 받아들일 수 있습니까?",
                List.of()));
        Question years = new Question("YEARS", QuestionType.NUMBER, LocalText.of("서울에 산 햇수", "Years in Seoul"), null,
                false, false, List.of(), BigDecimal.ZERO, new BigDecimal("120"), null, null, null);
        Question hearing = new Question("Q6", QuestionType.TEXT, LocalText.of("공청회에서 무엇을 느꼈습니까?", "Hearing?"), null,
                true, false, List.of(), null, null, 200, null, new Condition("Q1", List.of("yes")));
        Question rank = question("RANK", QuestionType.RANKING, "보상 방안의 순위를 정해 주세요",
                List.of(option("fee", "관리비 지원"), option("park", "공원"), option("jobs", "일자리")));
        Question know = new Question("K1", QuestionType.KNOWLEDGE,
                LocalText.of("수도권 생활폐기물 직매립 금지는 언제부터입니까?", "When does the direct-landfill ban start?"), null,
                false, true, List.of(option("y2026", "2026년"), option("y2030", "2030년"), option("dk", "모름")), null, null,
                null, "y2026", null);
        Question likert7 = question("TRUST", QuestionType.LIKERT_7, "서울시의 절차를 신뢰합니까?", List.of());
        return new Questionnaire(List.of(
                new Section("S1", LocalText.of("의견", "Views"), null, List.of(support, q1, sources, thermometer, years)),
                new Section("S2", LocalText.of("경험과 지식", "Experience"), null, List.of(hearing, rank, know, likert7))));
    }
}
