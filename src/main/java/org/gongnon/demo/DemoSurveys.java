package org.gongnon.demo;

import static org.gongnon.demo.DemoQuestionnaires.COMMENT;
import static org.gongnon.demo.DemoQuestionnaires.COMPENSATION;
import static org.gongnon.demo.DemoQuestionnaires.CRITERION;
import static org.gongnon.demo.DemoQuestionnaires.INFO_SOURCES;
import static org.gongnon.demo.DemoQuestionnaires.OWN_DISTRICT;
import static org.gongnon.demo.DemoQuestionnaires.SUPPORT;
import static org.gongnon.demo.DemoQuestionnaires.TRUST;
import static org.gongnon.demo.DemoQuestionnaires.WHY_NOT;
import static org.gongnon.demo.DemoQuestionnaires.YEARS_SEOUL;
import static org.gongnon.demo.DemoQuestionnaires.asks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.recruitment.SeoulDefaults;
import org.gongnon.survey.AnswerOption;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Question;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.SyntheticResponse;
import org.gongnon.survey.SyntheticResponseService;
import org.gongnon.survey.WaveAudience;
import org.gongnon.survey.WaveForm;
import org.gongnon.survey.WaveKind;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's four survey waves of the siting deliberation, set up through {@link SurveyService} as a facilitator
 * would, with made-up answers from the seated panel: the recruitment poll (1), before deliberation at the
 * orientation (2), after the regional round (3) — all closed — and after today's grand deliberation (4), open and
 * mostly answered, so completion is live and the analysis has a pre/post change at once. The demo citizen has
 * answered 1–3 and not 4, so a visitor can fill it in.
 *
 * <p>The answers come from a seeded model: each member has a latent view of the facility and a change over the
 * deliberation (most move towards support, some against, many not at all), members of the host region (서북권,
 * where Seoul chose the Mapo site in 2022) start less supportive and move less, and knowledge grows from about
 * 45 % to about 75 % correct. About a fifth skip wave 3. They are written with {@link SyntheticResponseService}
 * in JDBC batches: some 12,000 consents, saves and submits one by one through the citizen's service would add
 * more than a minute to the first start (see docs/benchmarks.md for the time of one save).
 */
@Component
@ConditionalOnProperty(name = "gongnon.demo.enabled", havingValue = "true")
class DemoSurveys {

    static final long SEED = 2026_0415L;
    /** The region that would host the facility in the demo's story. */
    static final String HOST_REGION = "서북권";
    /** Progress of the deliberation at each wave: how much of a member's change has happened. */
    private static final double[] PROGRESS = {0, 0, 0.05, 0.55, 1.0};
    /** Knowledge: the logit of a correct answer at each wave, before the item's and the person's terms. */
    private static final double[] KNOWLEDGE_LOGIT = {0, -0.35, -0.25, 0.7, 1.45};
    private static final double[] ITEM_EASE = {0.35, -0.15, -0.45, 0.2};
    private static final List<String> COMMENTS = List.of(
            "자치구마다 공평하게 부담을 나눌 방법을 먼저 정했으면 좋겠습니다.",
            "전문가 발표를 듣고 소각시설에 대한 걱정이 많이 줄었습니다.",
            "주민 감시단이 배출가스를 직접 확인할 수 있어야 합니다.",
            "우리 동네에 들어온다면 여전히 반대입니다.",
            "쓰레기를 줄이는 정책도 함께 논의해야 합니다.",
            "분임 토론에서 다른 지역 주민 이야기를 들을 수 있어 좋았습니다.",
            "운반 차량이 다니는 길의 교통 대책이 필요합니다.",
            "결정 과정을 모두 공개해 주세요.",
            "지원기금은 주민이 직접 운영해야 합니다.",
            "자료집이 어려웠습니다. 더 쉬운 설명이 있으면 좋겠습니다.");

    private final SurveyService surveys;
    private final SyntheticResponseService synthetic;
    private final PanelSeatingService seating;
    private final Clock clock;

    DemoSurveys(SurveyService surveys, SyntheticResponseService synthetic, PanelSeatingService seating, Clock clock) {
        this.surveys = surveys;
        this.synthetic = synthetic;
        this.seating = seating;
        this.clock = clock;
    }

    /** One member's view: where they start, how far they move, how much they know. */
    private record Person(RosterMember member, double attitude, double change, double ability, double[] knows,
                          int years) {
    }

    /** Creates the four waves and their answers; waves 1–3 end closed, wave 4 open. */
    void create(long processId, long demoCitizenId) {
        List<RosterMember> members = new ArrayList<>(seating.roster(processId).members());
        members.sort(Comparator.comparingLong(RosterMember::panelMemberId));
        Random random = new Random(SEED);
        List<Person> people = members.stream().map(m -> person(m, random)).toList();
        Map<Long, String> criterion = new LinkedHashMap<>();

        LocalDate today = LocalDate.now(clock);
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        WaveForm defaults = surveys.newWaveForm(processId);
        for (int wave = 1; wave <= 4; wave++) {
            LocalDateTime opens = switch (wave) {
                case 1 -> today.minusDays(140).atTime(9, 0);
                case 2 -> today.minusDays(56).atTime(16, 0);
                case 3 -> today.minusDays(16).atTime(17, 0);
                default -> now.minusHours(3);
            };
            LocalDateTime closes = switch (wave) {
                case 1 -> today.minusDays(127).atTime(21, 0);
                case 2 -> today.minusDays(49).atTime(23, 0);
                case 3 -> today.minusDays(9).atTime(23, 0);
                default -> today.plusDays(7).atTime(23, 0);
            };
            WaveKind kind = List.of(WaveKind.RECRUITMENT, WaveKind.PRE, WaveKind.MID, WaveKind.POST).get(wave - 1);
            long waveId = surveys.saveWave(processId, null, new WaveForm(wave, kind, title(wave), opens, closes,
                    WaveAudience.WHOLE_PANEL, null, defaults.purpose(), defaults.retention(), null));
            Questionnaire questionnaire = DemoQuestionnaires.wave(wave);
            surveys.saveQuestionnaire(waveId, questionnaire, surveys.wave(waveId).form().version());
            surveys.open(waveId);
            List<SyntheticResponse> responses = new ArrayList<>();
            for (Person p : people) {
                double r = random.nextDouble();
                boolean demoCitizen = p.member().panelMemberId() == demoCitizenId;
                boolean answers = demoCitizen ? wave < 4 : switch (wave) {
                    case 1 -> true;
                    case 2 -> r < 0.95;
                    case 3 -> r < 0.80;
                    default -> r < 0.89;
                };
                if (!answers) {
                    continue;
                }
                boolean inProgress = wave == 4 && r >= 0.83;
                LocalDateTime submitted = submittedAt(wave, p, opens, closes, now, random);
                LocalDateTime consented = submitted.minusMinutes(4 + random.nextInt(12));
                if (consented.isBefore(opens)) {
                    consented = opens;
                }
                Map<String, List<String>> given = answers(wave, questionnaire, p, criterion, random);
                if (inProgress) {
                    given.keySet().retainAll(List.of(SUPPORT, OWN_DISTRICT, WHY_NOT));
                }
                responses.add(new SyntheticResponse(p.member().panelMemberId(), instant(consented),
                        inProgress ? null : instant(submitted), given));
            }
            synthetic.record(waveId, responses);
            if (wave < 4) {
                surveys.close(waveId);
            }
        }
    }

    private static LocalText title(int wave) {
        return switch (wave) {
            case 1 -> LocalText.of("1차 여론조사 (참여단 모집)", "Wave 1: recruitment poll");
            case 2 -> LocalText.of("2차 사전 설문 (오리엔테이션)", "Wave 2: before deliberation (orientation)");
            case 3 -> LocalText.of("3차 중간 설문 (1차 권역별 숙의 후)", "Wave 3: after the regional deliberations");
            default -> LocalText.of("4차 사후 설문 (시민대토론회)", "Wave 4: after the grand deliberation");
        };
    }

    private Person person(RosterMember m, Random random) {
        boolean host = HOST_REGION.equals(m.value(SeoulDefaults.REGION));
        double attitude = random.nextGaussian() - (host ? 0.6 : 0);
        double u = random.nextDouble();
        double change;
        if (u < 0.60) {
            change = 1.0 + 0.3 * random.nextGaussian();
        } else if (u < 0.73) {
            change = -(0.6 + 0.2 * random.nextGaussian());
        } else {
            change = 0.1 * random.nextGaussian();
        }
        if (host) {
            change -= 0.35;
        }
        double ability = random.nextGaussian();
        double[] knows = new double[DemoQuestionnaires.KNOWLEDGE.size()];
        for (int k = 0; k < knows.length; k++) {
            knows[k] = random.nextDouble();
        }
        int oldest = ageLowerBound(m.value(SeoulDefaults.AGE_BAND)) + 5;
        int years = Math.max(1, (int) Math.round(oldest * (0.3 + 0.7 * random.nextDouble())));
        return new Person(m, attitude, change, ability, knows, years);
    }

    /** The lower bound of an age band such as "30-39" or "70+"; 40 when it cannot be read. */
    private static int ageLowerBound(String band) {
        String digits = band.replaceAll("^(\\d+).*$", "$1");
        return digits.matches("\\d+") ? Integer.parseInt(digits) : 40;
    }

    /** When the member submitted: mostly during the session the wave was handed out at, else online later. */
    private LocalDateTime submittedAt(int wave, Person p, LocalDateTime opens, LocalDateTime closes,
                                      LocalDateTime now, Random random) {
        if (wave == 4) {
            long seconds = Duration.between(opens, now).toSeconds() - 4 * 60;
            return opens.plusMinutes(3).plusSeconds((long) (random.nextDouble() * Math.max(60, seconds)));
        }
        boolean inTheHall = wave > 1 && random.nextDouble() < 0.75;
        if (wave == 3 && inTheHall) {
            // After the member's own regional session (the five sessions were 16 to 12 days ago, in region order).
            int region = Math.max(0, SeoulDefaults.REGIONS.indexOf(p.member().value(SeoulDefaults.REGION)));
            LocalDate day = LocalDate.now(clock).minusDays(16 - region);
            return day.atTime(LocalTime.of(17, 30)).plusSeconds(random.nextInt(45 * 60));
        }
        if (wave == 2 && inTheHall) {
            return opens.plusMinutes(30).plusSeconds(random.nextInt(50 * 60));
        }
        long seconds = Duration.between(opens, closes).toSeconds();
        LocalDateTime at = opens.plusSeconds((long) (random.nextDouble() * seconds));
        int hour = at.getHour();
        return hour < 8 ? at.plusHours(10) : at; // nobody answers a poll at four in the morning
    }

    private Map<String, List<String>> answers(int wave, Questionnaire q, Person p, Map<Long, String> criteria,
                                              Random random) {
        Map<String, List<String>> a = new LinkedHashMap<>();
        double progress = PROGRESS[wave];
        double view = p.attitude() + progress * p.change();
        a.put(SUPPORT, List.of(String.valueOf(clamp(Math.round(3.1 + 0.95 * view + 0.45 * random.nextGaussian()), 1, 5))));
        boolean host = HOST_REGION.equals(p.member().value(SeoulDefaults.REGION));
        int own = clamp(Math.round(4.6 + 1.5 * view - (host ? 1.2 : 0) + 0.9 * random.nextGaussian()), 0, 10);
        a.put(OWN_DISTRICT, List.of(String.valueOf(own)));
        if (own <= 3) {
            a.put(WHY_NOT, List.of(pick(DemoQuestionnaires.REASONS, new double[] {0.35, 0.2, 0.2, 0.15, 0.1}, random)));
        }
        String previous = criteria.get(p.member().panelMemberId());
        String criterion = previous != null && random.nextDouble() < 0.65 ? previous
                : pick(DemoQuestionnaires.CRITERIA, new double[] {0.38 - 0.1 * progress, 0.12 - 0.03 * progress,
                        0.17 + 0.17 * progress, 0.15 - 0.03 * progress, 0.18 - 0.01 * progress}, random);
        criteria.put(p.member().panelMemberId(), criterion);
        a.put(CRITERION, List.of(criterion));
        a.put(TRUST, List.of(String.valueOf(clamp(Math.round(2.7 + 0.35 * p.attitude() + 0.6 * progress
                + 0.6 * random.nextGaussian()), 1, 5))));
        for (int k = 0; k < DemoQuestionnaires.KNOWLEDGE.size(); k++) {
            Question item = q.question(DemoQuestionnaires.KNOWLEDGE.get(k)).orElseThrow();
            double chance = 1 / (1 + Math.exp(-(KNOWLEDGE_LOGIT[wave] + ITEM_EASE[k] + 0.8 * p.ability())));
            // The same draw in every wave: whoever knew it before still knows it as the chance grows.
            if (p.knows()[k] < chance) {
                a.put(item.code(), List.of(item.correctOption()));
            } else {
                List<String> wrong = item.options().stream().map(AnswerOption::code)
                        .filter(c -> !c.equals(item.correctOption())).toList();
                boolean dontKnow = random.nextDouble() < 0.5 - 0.08 * wave;
                a.put(item.code(), List.of(dontKnow ? "dk" : wrong.get(random.nextInt(wrong.size() - 1))));
            }
        }
        if (asks(wave, INFO_SOURCES)) {
            double[] chance = {0.5, 0.6, 0.35, 0.25, wave >= 2 ? 0.2 + 0.25 * wave : 0, wave >= 3 ? 0.5 : 0};
            List<String> chosen = new ArrayList<>();
            for (int s = 0; s < chance.length; s++) {
                if (random.nextDouble() < chance[s]) {
                    chosen.add(DemoQuestionnaires.SOURCES.get(s));
                }
            }
            if (chosen.isEmpty()) {
                chosen.add("portal");
            }
            a.put(INFO_SOURCES, chosen);
        }
        if (asks(wave, COMPENSATION) && random.nextDouble() < 0.9) {
            List<String> left = new ArrayList<>(DemoQuestionnaires.COMPENSATIONS);
            List<Double> weights = new ArrayList<>(List.of(1.0, 0.85, 0.7 + 0.3 * progress));
            List<String> order = new ArrayList<>();
            while (!left.isEmpty()) {
                double[] w = weights.stream().mapToDouble(Double::doubleValue).toArray();
                String next = pick(left, w, random);
                weights.remove(left.indexOf(next));
                left.remove(next);
                order.add(next);
            }
            a.put(COMPENSATION, order);
        }
        if (asks(wave, YEARS_SEOUL) && random.nextDouble() < 0.93) {
            a.put(YEARS_SEOUL, List.of(String.valueOf(p.years())));
        }
        if (asks(wave, COMMENT) && random.nextDouble() < (wave == 4 ? 0.3 : 0.15)) {
            a.put(COMMENT, List.of(COMMENTS.get(random.nextInt(COMMENTS.size()))));
        }
        return a;
    }

    private static String pick(List<String> values, double[] weights, Random random) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double r = random.nextDouble() * total;
        for (int i = 0; i < values.size(); i++) {
            r -= weights[i];
            if (r < 0) {
                return values.get(i);
            }
        }
        return values.getLast();
    }

    private static int clamp(long value, int min, int max) {
        return (int) Math.max(min, Math.min(max, value));
    }

    private Instant instant(LocalDateTime time) {
        return time.atZone(clock.getZone()).toInstant();
    }
}
