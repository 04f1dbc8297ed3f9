package org.gongnon.demo;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.gongnon.survey.AnswerOption;
import org.gongnon.survey.Condition;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.Section;

/**
 * The questionnaires of the demo's four survey waves on siting a household-waste facility in Seoul. The opinion
 * and knowledge questions are tracked (same code in every wave); a few others come and go between waves.
 *
 * <p>Facts behind the knowledge items (for the demo; check before reusing): the Wastes Control Act's enforcement
 * rule, as amended in 2021, bans the direct landfilling of household waste in the capital region from 2026
 * (elsewhere from 2030); Seoul runs four wide-area resource recovery facilities (Yangcheon, Nowon, Gangnam,
 * Mapo); life-cycle studies generally find landfilling mixed waste emits more greenhouse gas (methane) than
 * incineration with energy recovery.
 */
final class DemoQuestionnaires {

    static final String SUPPORT = "SUPPORT";
    static final String OWN_DISTRICT = "OWN_DISTRICT";
    static final String WHY_NOT = "WHY_NOT";
    static final String CRITERION = "CRITERION";
    static final String TRUST = "TRUST";
    static final String K_LANDFILL = "K_LANDFILL";
    static final String K_FACILITY = "K_FACILITY";
    static final String K_COUNT = "K_COUNT";
    static final String K_EMISSION = "K_EMISSION";
    static final String INFO_SOURCES = "INFO_SOURCES";
    static final String COMPENSATION = "COMPENSATION";
    static final String YEARS_SEOUL = "YEARS_SEOUL";
    static final String COMMENT = "COMMENT";

    static final List<String> KNOWLEDGE = List.of(K_LANDFILL, K_FACILITY, K_COUNT, K_EMISSION);
    static final List<String> CRITERIA = List.of("env", "cost", "fairness", "transport", "consent");
    static final List<String> REASONS = List.of("health", "smell", "traffic", "property", "distrust");
    static final List<String> SOURCES = List.of("tv", "portal", "sns", "neighbours", "materials", "experts");
    static final List<String> COMPENSATIONS = List.of("fee", "amenity", "fund");

    /** Whether the wave (1–4) asks the question; the opinion and knowledge questions are in every wave. */
    static boolean asks(int wave, String code) {
        return switch (code) {
            case INFO_SOURCES -> wave != 3;
            case COMPENSATION -> wave == 2 || wave == 4;
            case YEARS_SEOUL -> wave <= 2;
            case COMMENT -> wave >= 2;
            default -> true;
        };
    }

    private DemoQuestionnaires() {
    }

    static Questionnaire wave(int wave) {
        List<Question> opinion = List.of(
                new Question(SUPPORT, QuestionType.LIKERT_5,
                        t("서울시에 새 생활폐기물 처리시설(광역자원회수시설)을 짓는 데 찬성하십니까, 반대하십니까?",
                                "Do you support or oppose building a new household-waste facility (a wide-area "
                                        + "resource recovery facility) in Seoul?"),
                        null, true, true, List.of(o("1", "매우 반대", "Strongly oppose"),
                        o("2", "반대하는 편", "Somewhat oppose"), o("3", "보통", "Neither"),
                        o("4", "찬성하는 편", "Somewhat support"), o("5", "매우 찬성", "Strongly support")),
                        null, null, null, null, null),
                new Question(OWN_DISTRICT, QuestionType.SCALE_0_10,
                        t("그 시설이 내가 사는 자치구에 들어선다면 얼마나 받아들일 수 있습니까?",
                                "If the facility were built in your own district, how acceptable would that be?"),
                        t("0은 전혀 받아들일 수 없음, 10은 충분히 받아들일 수 있음입니다.",
                                "0 means not acceptable at all, 10 fully acceptable."),
                        true, true, List.of(o("0", "전혀 받아들일 수 없음", "Not acceptable at all"),
                        o("5", "보통", "Neutral"), o("10", "충분히 받아들일 수 있음", "Fully acceptable")),
                        null, null, null, null, null),
                new Question(WHY_NOT, QuestionType.SINGLE_CHOICE,
                        t("받아들이기 어려운 가장 큰 이유는 무엇입니까?", "What is the main reason it would be hard to accept?"),
                        null, true, false, List.of(o("health", "건강·환경 영향", "Health and environmental effects"),
                        o("smell", "냄새·소음", "Smell and noise"), o("traffic", "쓰레기 운반 차량 통행", "Waste trucks"),
                        o("property", "집값 하락", "Falling house prices"),
                        o("distrust", "운영 주체에 대한 불신", "Distrust of whoever runs it")),
                        null, null, null, null, new Condition(OWN_DISTRICT, List.of("0", "1", "2", "3"))),
                new Question(CRITERION, QuestionType.SINGLE_CHOICE,
                        t("입지를 정할 때 가장 중요하게 따져야 할 기준은 무엇이라고 생각하십니까?",
                                "Which criterion matters most when choosing the site?"),
                        null, true, true, List.of(o("env", "환경·건강 영향", "Environmental and health impact"),
                        o("cost", "건설·운영 비용", "Building and running costs"),
                        o("fairness", "자치구 간 형평성", "Fairness between districts"),
                        o("transport", "수거·운반 효율", "Collection and transport"),
                        o("consent", "주민 동의", "Residents’ consent")), null, null, null, null, null),
                new Question(TRUST, QuestionType.LIKERT_5,
                        t("서울시가 입지를 정하는 절차를 얼마나 신뢰하십니까?",
                                "How much do you trust the city’s process for choosing the site?"),
                        null, true, true, List.of(o("1", "전혀 신뢰하지 않음", "No trust at all"),
                        o("2", "별로 신뢰하지 않음", "Little trust"), o("3", "보통", "Some trust"),
                        o("4", "신뢰하는 편", "Fair trust"), o("5", "매우 신뢰함", "Complete trust")),
                        null, null, null, null, null));
        List<Question> knowledge = List.of(
                knowledge(K_LANDFILL, t("수도권에서 생활폐기물을 소각·선별 없이 그대로 땅에 묻는 ‘직매립’은 언제부터 금지됩니까?",
                        "From when is ‘direct landfilling’ of household waste (burying it without incineration or "
                                + "sorting) banned in the capital region?"), "y2026",
                        o("y2024", "2024년", "2024"), o("y2026", "2026년", "2026"), o("y2030", "2030년", "2030"),
                        o("never", "금지 계획이 없다", "No ban is planned")),
                knowledge(K_FACILITY, t("‘광역자원회수시설’은 어떤 시설입니까?",
                        "What is a ‘wide-area resource recovery facility’ (광역자원회수시설)?"), "burn",
                        o("burn", "여러 자치구의 생활폐기물을 태우고 그 열로 전기와 난방열을 만드는 시설",
                                "A plant that burns household waste from several districts and turns the heat into "
                                        + "electricity and district heating"),
                        o("sort", "재활용품만 골라내는 선별장", "A sorting plant for recyclables only"),
                        o("compost", "음식물 쓰레기로 퇴비를 만드는 시설", "A plant that composts food waste"),
                        o("landfill", "쓰레기를 묻는 매립지", "A landfill site")),
                knowledge(K_COUNT, t("지금 서울에서 가동 중인 광역자원회수시설은 몇 곳입니까?",
                        "How many wide-area resource recovery facilities operate in Seoul today?"), "n4",
                        o("n2", "2곳", "2"), o("n4", "4곳", "4"), o("n6", "6곳", "6"), o("n10", "10곳", "10")),
                knowledge(K_EMISSION, t("같은 양의 생활폐기물을 처리할 때, 일반적으로 온실가스를 더 많이 내보내는 방법은 무엇입니까?",
                        "For the same amount of household waste, which method generally emits more greenhouse gas?"),
                        "landfill", o("landfill", "직매립", "Direct landfilling"),
                        o("burn", "에너지를 회수하는 소각", "Incineration with energy recovery"),
                        o("same", "비슷하다", "About the same")));
        List<Question> more = new ArrayList<>();
        if (asks(wave, INFO_SOURCES)) {
            more.add(new Question(INFO_SOURCES, QuestionType.MULTIPLE_CHOICE,
                    t("이 문제에 대한 정보를 주로 어디에서 얻으셨습니까? (모두 고르세요)",
                            "Where did you mostly get information on this issue? (choose all that apply)"),
                    null, false, false, List.of(o("tv", "TV·신문", "TV and newspapers"),
                    o("portal", "인터넷 포털·뉴스", "Web portals and online news"), o("sns", "SNS·유튜브", "Social media and YouTube"),
                    o("neighbours", "가족·이웃", "Family and neighbours"),
                    o("materials", "공론화 자료집", "The deliberation’s briefing book"),
                    o("experts", "전문가 발표·질의응답", "Expert talks and Q&A")), null, null, null, null, null));
        }
        if (asks(wave, COMPENSATION)) {
            more.add(new Question(COMPENSATION, QuestionType.RANKING,
                    t("시설이 들어서는 지역 주민을 위한 지원 방안을 바람직한 순서대로 놓아 주세요.",
                            "Put these ways of supporting the residents near the facility in order of preference."),
                    null, false, false, List.of(o("fee", "관리비·난방비 감면", "Lower maintenance and heating bills"),
                    o("amenity", "주민 편의시설(체육시설·공원)", "Amenities (sports centre, park)"),
                    o("fund", "주민지원기금 조성", "A fund run by the residents")), null, null, null, null, null));
        }
        if (asks(wave, YEARS_SEOUL)) {
            more.add(new Question(YEARS_SEOUL, QuestionType.NUMBER, t("서울에 산 지 몇 년 되셨습니까?",
                    "How many years have you lived in Seoul?"), null, false, false, List.of(), BigDecimal.ZERO,
                    new BigDecimal("100"), null, null, null));
        }
        if (asks(wave, COMMENT)) {
            more.add(new Question(COMMENT, QuestionType.TEXT, t("숙의 과정이나 처리시설에 대해 하고 싶은 말씀이 있으면 적어 주세요.",
                    "Anything you would like to say about the deliberation or the facility?"), null, false, false,
                    List.of(), null, null, 1000, null, null));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("opinion", t("입지와 건립에 대한 의견", "Your views on the facility"), null, opinion));
        sections.add(new Section("knowledge", t("알고 계신 내용", "What you know"),
                t("답을 모르시면 ‘모름’을 골라 주세요. 점수를 매기지 않습니다.",
                        "If you don’t know, choose “Don’t know”. Nobody is graded."), knowledge));
        if (!more.isEmpty()) {
            sections.add(new Section("more", t("몇 가지 더", "A few more questions"), null, more));
        }
        return new Questionnaire(sections);
    }

    private static Question knowledge(String code, LocalText text, String correct, AnswerOption... options) {
        List<AnswerOption> all = new ArrayList<>(List.of(options));
        all.add(o("dk", "모름", "Don’t know"));
        return new Question(code, QuestionType.KNOWLEDGE, text, null, true, true, all, null, null, null, correct,
                null);
    }

    private static LocalText t(String ko, String en) {
        return LocalText.of(ko, en);
    }

    private static AnswerOption o(String code, String ko, String en) {
        return new AnswerOption(code, LocalText.of(ko, en));
    }
}
