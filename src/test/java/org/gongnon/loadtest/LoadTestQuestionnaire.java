package org.gongnon.loadtest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.gongnon.survey.AnswerOption;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.Section;

/**
 * The survey of the load test: 30 questions on 5 pages, each page with a 5- and a 7-point Likert item, a 0–10
 * scale, a single and a multiple choice, and either an open text (pages 1, 3, 5) or a number (2, 4), all
 * required, so every citizen saves exactly 30 answers. Also what one simulated citizen answers.
 */
public final class LoadTestQuestionnaire {

    public static final int SECTIONS = 5;
    public static final int PER_SECTION = 6;
    static final List<String> SENTENCES = List.of(
            "주민 건강을 지킬 감시 장치가 먼저 마련되어야 합니다.",
            "자치구마다 부담을 공평하게 나누는 기준이 필요합니다.",
            "전문가 발표를 듣고 생각이 조금 바뀌었습니다. 🙂",
            "운반 차량 동선과 교통 대책을 함께 논의해 주세요.",
            "결정 과정과 자료를 모두 공개해 주세요.");

    private LoadTestQuestionnaire() {
    }

    public static Questionnaire build() {
        List<Section> sections = new ArrayList<>();
        for (int s = 1; s <= SECTIONS; s++) {
            List<AnswerOption> four = options(s, "C", 4);
            List<AnswerOption> five = options(s, "M", 5);
            List<Question> questions = List.of(
                    question("S" + s + "_L5", QuestionType.LIKERT_5, s, "시설 건립에 찬성하십니까?", List.of(), null, null, null),
                    question("S" + s + "_L7", QuestionType.LIKERT_7, s, "입지 선정 절차를 신뢰하십니까?", List.of(), null, null, null),
                    question("S" + s + "_T10", QuestionType.SCALE_0_10, s, "서울시를 얼마나 신뢰하십니까?", List.of(), null, null, null),
                    question("S" + s + "_ONE", QuestionType.SINGLE_CHOICE, s, "가장 중요한 기준은 무엇입니까?", four, null, null, null),
                    question("S" + s + "_MANY", QuestionType.MULTIPLE_CHOICE, s, "어디에서 정보를 얻으십니까? (모두 고르기)", five, null, null,
                            null),
                    s % 2 == 1
                            ? question("S" + s + "_TEXT", QuestionType.TEXT, s, "그렇게 생각하시는 이유를 적어 주세요.", List.of(), null,
                                    null, 500)
                            : question("S" + s + "_NUM", QuestionType.NUMBER, s, "서울에 몇 년 사셨습니까?", List.of(),
                                    BigDecimal.ZERO, BigDecimal.valueOf(100), null));
            sections.add(new Section("P" + s, LocalText.of(s + "쪽 · 부하 시험", "Page " + s + " · load test"), null,
                    questions));
        }
        return new Questionnaire(sections);
    }

    private static Question question(String code, QuestionType type, int section, String ko, List<AnswerOption> options,
                                     BigDecimal min, BigDecimal max, Integer maxLength) {
        return new Question(code, type, LocalText.of(section + "쪽: " + ko, code), null, true, false, options, min, max,
                maxLength, null, null);
    }

    private static List<AnswerOption> options(int section, String prefix, int count) {
        return IntStream.rangeClosed(1, count)
                .mapToObj(i -> new AnswerOption(prefix.toLowerCase() + i, LocalText.of("보기 " + section + "-" + i,
                        "Option " + section + "-" + i)))
                .toList();
    }

    /** The codes a choice question offers, in the order the form shows them. */
    public static List<String> choiceCodes(Question q) {
        if (q.type().isScale()) {
            return IntStream.rangeClosed(q.type().scaleMin(), q.type().scaleMax()).mapToObj(String::valueOf).toList();
        }
        return q.options().stream().map(AnswerOption::code).toList();
    }

    /**
     * What one citizen answers to a question, as the list the service takes: an option code, some option codes
     * in the options' order, a whole number, or a sentence.
     */
    public static List<String> answer(Question q, Random random) {
        return switch (q.type()) {
            case NUMBER -> List.of(String.valueOf(1 + random.nextInt(80)));
            case TEXT -> List.of(SENTENCES.get(random.nextInt(SENTENCES.size())) + " #" + random.nextInt(1000));
            case MULTIPLE_CHOICE -> {
                List<String> codes = choiceCodes(q);
                List<String> chosen = new ArrayList<>();
                for (String code : codes) {
                    if (random.nextBoolean()) {
                        chosen.add(code);
                    }
                }
                if (chosen.isEmpty()) {
                    chosen.add(codes.get(random.nextInt(codes.size())));
                }
                yield chosen;
            }
            default -> {
                List<String> codes = choiceCodes(q);
                yield List.of(codes.get(random.nextInt(codes.size())));
            }
        };
    }

    /** How the database keeps an answer (one column: codes joined by commas, or the value). */
    public static String stored(Question q, List<String> answer) {
        return String.join(",", answer);
    }
}
