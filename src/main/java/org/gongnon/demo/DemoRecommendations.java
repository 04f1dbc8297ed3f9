package org.gongnon.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.gongnon.recommendation.ItemForm;
import org.gongnon.recommendation.ItemOption;
import org.gongnon.recommendation.MinorityOpinionForm;
import org.gongnon.recommendation.RecommendationService;
import org.gongnon.recommendation.SupportRule;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.recruitment.SeoulDefaults;
import org.gongnon.report.GovernmentResponseService;
import org.gongnon.report.ReportService;
import org.gongnon.report.ReportSummary;
import org.gongnon.report.ResponseForm;
import org.gongnon.report.ResponseStatus;
import org.gongnon.survey.AnswerOption;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.Section;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.SyntheticResponse;
import org.gongnon.survey.SyntheticResponseService;
import org.gongnon.survey.WaveAudience;
import org.gongnon.survey.WaveForm;
import org.gongnon.survey.WaveKind;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/**
 * The end of the demo's deliberation: the panel's vote on five recommendations at the close of today's grand
 * deliberation (a closed wave 5), the items as the facilitator drafted them (one edited, so it has a history),
 * minority opinions where support fell short, version 1 of the report reviewed and published, and the city's
 * first responses recorded by the official. The story is compressed — in a real process the report comes weeks
 * after the last session — so every page has something to show.
 *
 * <p>The drafting is done as the demo facilitator and the responses as the demo official (their own security
 * context), so history, logs and "recorded by" name them as they would after real use.
 */
@Component
@ConditionalOnProperty(name = "gongnon.demo.enabled", havingValue = "true")
class DemoRecommendations {

    static final long SEED = 2026_1206L;
    static final String VOTE_TITLE = "권고안 투표 (시민대토론회 마무리)";
    /** Each item's vote question and the chance a member supports it, before the host region's discount. */
    private static final String[] CODES = {"R1", "R2", "R3", "R4", "R5"};
    private static final double[] SUPPORT = {0.82, 0.76, 0.64, 0.0, 0.40};
    /** The host region (where the facility would go) supports less: by this much, per item. */
    private static final double[] HOST_DISCOUNT = {0.10, 0.02, 0.30, 0.0, 0.15};

    private final SurveyService surveys;
    private final SyntheticResponseService synthetic;
    private final PanelSeatingService seating;
    private final RecommendationService recommendations;
    private final ReportService reports;
    private final GovernmentResponseService responses;
    private final UserDetailsService users;
    private final Clock clock;

    DemoRecommendations(SurveyService surveys, SyntheticResponseService synthetic, PanelSeatingService seating,
                        RecommendationService recommendations, ReportService reports,
                        GovernmentResponseService responses, UserDetailsService users, Clock clock) {
        this.surveys = surveys;
        this.synthetic = synthetic;
        this.seating = seating;
        this.recommendations = recommendations;
        this.reports = reports;
        this.responses = responses;
        this.users = users;
        this.clock = clock;
    }

    /** Runs with the system authority (the demo's start-up work); parts run as the demo facilitator and official. */
    void create(long processId) {
        long waveId = voteWave(processId);
        List<Long> items = as("facilitator", () -> draft(processId, waveId));
        ReportSummary published = as("facilitator", () -> {
            minorityOpinions(items);
            ReportSummary draft = reports.createDraft(processId, Locale.KOREAN);
            reports.review(draft.id(), "진행팀 검토 회의에서 권고문과 소수의견 문구를 확인함 (데모)");
            return reports.publish(draft.id(), LocalDate.now(clock).plusDays(90));
        });
        as("official", () -> {
            responses.record(new ResponseForm(published.id(), 1, ResponseStatus.ACCEPTED,
                    "입지선정위원회 평가표에서 환경·건강 영향 항목의 비중을 40%로 정하고, 평가표와 점수를 모두 "
                            + "공개하겠습니다.", LocalDate.now(clock).plusDays(180)));
            responses.record(new ResponseForm(published.id(), 2, ResponseStatus.UNDER_REVIEW,
                    "지하화 공사비와 공원 조성비를 재정 부서와 협의하고 있습니다. 결과를 알려 드리겠습니다.",
                    LocalDate.now(clock).plusDays(45)));
            return null;
        });
    }

    /** Wave 5: the vote, held at the end of today's session and closed. Kind OTHER: it is not a pre/post survey. */
    private long voteWave(long processId) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime opens = now.minusMinutes(150);
        LocalDateTime closes = now.minusMinutes(90);
        WaveForm defaults = surveys.newWaveForm(processId);
        long waveId = surveys.saveWave(processId, null, new WaveForm(defaults.number(), WaveKind.OTHER,
                LocalText.of(VOTE_TITLE, "Wave 5: vote on the recommendations"), opens, closes,
                WaveAudience.WHOLE_PANEL, null, defaults.purpose(), defaults.retention(), null));
        surveys.saveQuestionnaire(waveId, questionnaire(), surveys.wave(waveId).form().version());
        surveys.open(waveId);

        List<RosterMember> members = new ArrayList<>(seating.roster(processId).members());
        members.sort(Comparator.comparingLong(RosterMember::panelMemberId));
        Random random = new Random(SEED);
        ZoneId zone = clock.getZone();
        List<SyntheticResponse> votes = new ArrayList<>();
        for (RosterMember m : members) {
            if (random.nextDouble() >= 0.9) {
                continue; // about one in ten did not stay for the vote
            }
            boolean host = DemoSurveys.HOST_REGION.equals(m.value(SeoulDefaults.REGION));
            Map<String, List<String>> answers = new HashMap<>();
            for (int i = 0; i < CODES.length; i++) {
                if (i == 3) {
                    answers.put(CODES[i], List.of(siteChoice(random, host)));
                } else {
                    boolean supports = random.nextDouble() < SUPPORT[i] - (host ? HOST_DISCOUNT[i] : 0);
                    answers.put(CODES[i], List.of(String.valueOf(supports ? 4 + random.nextInt(2)
                            : 1 + random.nextInt(3))));
                }
            }
            Instant submitted = opens.plusMinutes(5 + random.nextInt(50)).atZone(zone).toInstant();
            votes.add(new SyntheticResponse(m.panelMemberId(), submitted.minusSeconds(120 + random.nextInt(300)),
                    submitted, answers));
        }
        synthetic.record(waveId, votes);
        surveys.close(waveId);
        return waveId;
    }

    /** Where to look first: a new site by open call is the plurality, short of a majority. */
    private static String siteChoice(Random random, boolean host) {
        double u = random.nextDouble();
        if (host) {
            return u < 0.58 ? "open-call" : u < 0.78 ? "joint" : "expand";
        }
        return u < 0.42 ? "open-call" : u < 0.72 ? "joint" : "expand";
    }

    private static Questionnaire questionnaire() {
        List<AnswerOption> agree = List.of(o("1", "매우 반대", "Strongly oppose"), o("2", "반대하는 편", "Somewhat oppose"),
                o("3", "보통", "Neither"), o("4", "찬성하는 편", "Somewhat support"), o("5", "매우 찬성", "Strongly support"));
        List<Question> questions = List.of(
                likert("R1", "권고 1. 입지는 환경·건강 영향을 가장 중요한 기준으로 삼아 공개된 평가표로 정한다.",
                        "Recommendation 1: choose the site by a published scoring sheet with health and the "
                                + "environment weighing most.", agree),
                likert("R2", "권고 2. 시설은 지하에 짓고 지상은 주민 공원과 체육시설로 만든다.",
                        "Recommendation 2: build the facility underground, with a park and sports grounds above.",
                        agree),
                likert("R3", "권고 3. 주변 지역 주민지원기금을 만들고 주민이 직접 운영한다.",
                        "Recommendation 3: set up a fund for the neighbourhood, run by its residents.", agree),
                new Question("R4", QuestionType.SINGLE_CHOICE,
                        LocalText.of("권고 4. 입지 후보를 어떻게 찾아야 합니까?",
                                "Recommendation 4: how should candidate sites be found?"),
                        null, true, false, List.of(
                        o("open-call", "자치구 공모로 새 부지를 찾는다", "An open call to the districts for a new site"),
                        o("joint", "인접 자치구들이 함께 짓는다", "Neighbouring districts build one together"),
                        o("expand", "기존 시설 부지를 넓힌다", "Enlarge an existing facility’s site")),
                        null, null, null, null, null),
                likert("R5", "권고 5. 2026년 직매립 금지에 맞춰 종량제 봉투 가격을 올리고 그 수입을 감량 정책에 쓴다.",
                        "Recommendation 5: raise the price of pay-as-you-throw bags with the 2026 landfill ban and "
                                + "spend the income on waste reduction.", agree));
        return new Questionnaire(List.of(new Section("vote", LocalText.of("권고안 투표", "Vote on the recommendations"),
                LocalText.of("각 권고안에 대한 생각을 골라 주세요. 결과는 집계로만 공개됩니다.",
                        "Choose what you think of each recommendation. Only totals are published."), questions)));
    }

    private List<Long> draft(long processId, long waveId) {
        List<Long> ids = new ArrayList<>();
        ids.add(save(processId, null, "환경·건강 영향을 가장 중요한 입지 기준으로",
                "입지선정위원회는 환경·건강 영향을 가장 중요한 기준으로 삼아 평가표를 만들고, 평가표와 후보지별 "
                        + "점수를 모두 공개한다.",
                "분임토의에서 가장 많이 나온 걱정은 배출가스와 건강 영향이었고, 결정 과정이 공개되지 않으면 "
                        + "신뢰하기 어렵다는 의견이 모든 권역에서 나왔다.",
                List.of(), waveId, "R1", SupportRule.atLeast(4), "시민대토론회 분임토의 정리안"));
        long second = save(processId, null, "지하화와 지상 공원 조성",
                "새 시설은 지하에 짓고, 지상에는 주민 공원을 만든다.",
                "마포·강남 시설 견학 후 지하화가 주민 수용성을 높인다는 의견이 많았다.",
                List.of(), waveId, "R2", SupportRule.atLeast(4), "시민대토론회 분임토의 정리안");
        ids.add(second);
        // Edited after the tables reported back: a second version, so the item has a history.
        save(processId, second, "지하화와 지상 공원·체육시설 조성",
                "새 시설은 지하에 짓고, 지상에는 주민 공원과 체육시설을 만든다.",
                "마포·강남 시설 견학 후 지하화가 주민 수용성을 높인다는 의견이 많았다. 청년 분임에서 체육시설을 "
                        + "함께 만들자는 제안이 나왔다.",
                List.of(), waveId, "R2", SupportRule.atLeast(4), "청년 분임 제안 반영: 체육시설 추가");
        ids.add(save(processId, null, "주민이 운영하는 주민지원기금",
                "시설 주변 지역에 주민지원기금을 만들고, 기금은 주민 대표가 과반인 위원회가 운영한다.",
                "보상이 행정의 재량에 맡겨지면 갈등이 커진다는 의견이 있었다.",
                List.of(), waveId, "R3", SupportRule.atLeast(4), "시민대토론회 분임토의 정리안"));
        ids.add(save(processId, null, "자치구 공모로 새 입지 후보 찾기",
                "입지 후보는 자치구 공모로 찾고, 공모에 응한 자치구에는 추가 지원을 한다.",
                "강제 지정보다 자발적 유치가 갈등을 줄인다는 의견이 있었으나, 공동 설치와 기존 부지 확장 의견도 "
                        + "적지 않았다.",
                List.of(new ItemOption("자치구 공모로 새 부지", "open-call"),
                        new ItemOption("인접 자치구 공동 설치", "joint"),
                        new ItemOption("기존 시설 부지 확장", "expand")),
                waveId, "R4", SupportRule.options(List.of("open-call")), "시민대토론회 분임토의 정리안"));
        ids.add(save(processId, null, "종량제 봉투 가격 인상과 감량 정책",
                "2026년 수도권 직매립 금지에 맞춰 종량제 봉투 가격을 올리고, 그 수입은 재활용과 감량 정책에만 쓴다.",
                "처리시설만으로는 부족하고 배출량을 줄여야 한다는 의견이 있었다.",
                List.of(), waveId, "R5", SupportRule.atLeast(4), "시민대토론회 분임토의 정리안"));
        return ids;
    }

    private long save(long processId, Long itemId, String title, String text, String rationale,
                      List<ItemOption> options, long waveId, String code, SupportRule rule, String note) {
        Integer expected = itemId == null ? null : recommendations.item(itemId).version();
        return recommendations.save(new ItemForm(processId, itemId, expected, title, text, rationale, options, waveId,
                code, rule, note)).itemId();
    }

    /** Every item that fell short gets its minority opinion, with how many hold it by default. */
    private void minorityOpinions(List<Long> items) {
        String[][] opinions = {
                {"주민지원기금은 시가 운영하고 주민은 감시만 해야 한다",
                        "기금 운영을 둘러싼 주민 사이의 갈등과 전문성 부족이 걱정된다는 의견"},
                {"인접 자치구 공동 설치나 기존 부지 확장이 더 현실적이다",
                        "공모에 응하는 자치구가 없으면 결정이 늦어지고, 기존 부지는 이미 기반 시설이 있다는 의견"},
                {"봉투 가격 인상보다 생산 단계의 감량(포장재 규제)이 먼저다",
                        "가격 인상은 저소득 가구에 부담이 크고 불법 투기를 늘릴 수 있다는 의견"}};
        for (int i = 2; i < items.size(); i++) {
            long itemId = items.get(i);
            Integer holders = recommendations.suggestedHolders(itemId);
            recommendations.saveMinorityOpinion(itemId, new MinorityOpinionForm(null, opinions[i - 2][0],
                    opinions[i - 2][1], holders == null ? 0 : holders));
        }
    }

    private <T> T as(String username, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        UserDetails user = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    private static Question likert(String code, String ko, String en, List<AnswerOption> options) {
        return new Question(code, QuestionType.LIKERT_5, LocalText.of(ko, en), null, true, false, options, null, null,
                null, null, null);
    }

    private static AnswerOption o(String code, String ko, String en) {
        return new AnswerOption(code, LocalText.of(ko, en));
    }
}
