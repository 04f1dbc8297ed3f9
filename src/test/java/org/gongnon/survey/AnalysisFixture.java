package org.gongnon.survey;

import static org.gongnon.survey.Questionnaires.option;

import java.util.ArrayList;
import java.util.List;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.recruitment.PanelRoster;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.springframework.stereotype.Component;

/**
 * A process with a seated panel and four waves whose answers are known in advance, given through the real
 * services by signed-in citizens, so the analysis can be checked against figures worked out by hand:
 * <ul>
 * <li>PRE (wave 1) and POST (wave 3) ask the same questionnaire: SUPPORT (1–5, tracked, required), SITE (single
 * choice, tracked), SOURCES (multiple choice, tracked), knowledge items K1 (tracked), K2 and K3 (K3 shown only
 * to those who chose site a). Members 0–21 submit both, member 22 only PRE, member 23 only POST, and member 24 answers
 * POST without submitting.</li>
 * <li>MID (wave 2) asks SUPPORT and asks SOURCES as a single choice (another kind); members 0–4 submit it.</li>
 * <li>DRAFT (wave 4) has PRE's questionnaire and is never opened.</li>
 * </ul>
 * The answers are the functions below of the member's index in the roster. A bean in test contexts, so tests
 * inject it instead of the services it needs.
 */
@Component
public final class AnalysisFixture {

    public static final int BOTH = 22;
    public static final int PRE_ONLY = 22;
    public static final int POST_ONLY = 23;
    public static final int UNSUBMITTED = 24;
    public static final int MID_COUNT = 5;
    public static final List<String> SITES = List.of("a", "b", "c");
    public static final List<String> SOURCES = List.of("tv", "web", "friends");

    public record Built(long processId, long pre, long mid, long post, long draft, PanelRoster roster) {

        public long member(int index) {
            return roster.members().get(index).panelMemberId();
        }
    }

    private final SeatedPanels panels;
    private final SurveyService surveys;
    private final CitizenSurveyService citizenSurveys;
    private final PanelService panel;
    private final PanelSeatingService seating;
    private final SignIn signIn;

    AnalysisFixture(SeatedPanels panels, SurveyService surveys, CitizenSurveyService citizenSurveys, PanelService panel,
                    PanelSeatingService seating, SignIn signIn) {
        this.panels = panels;
        this.surveys = surveys;
        this.citizenSurveys = citizenSurveys;
        this.panel = panel;
        this.seating = seating;
        this.signIn = signIn;
    }

    // --- the answers ------------------------------------------------------------------------------------------

    public static int supportPre(int i) {
        return 1 + i % 5;
    }

    public static int supportPost(int i) {
        return Math.max(1, Math.min(5, supportPre(i) + i % 4 - 1));
    }

    public static int supportMid(int i) {
        return Math.min(5, supportPre(i) + 1);
    }

    public static String sitePre(int i) {
        return SITES.get(i % 3);
    }

    /** Null: skipped. */
    public static String sitePost(int i) {
        return i % 7 == 6 ? null : i % 2 == 0 ? sitePre(i) : SITES.get((i + 1) % 3);
    }

    /** Null: skipped. */
    public static List<String> sourcesPre(int i) {
        return switch (i % 4) {
            case 0 -> List.of("tv");
            case 1 -> List.of("tv", "web");
            case 2 -> List.of("friends");
            default -> null;
        };
    }

    public static List<String> sourcesPost(int i) {
        return switch (i % 3) {
            case 0 -> List.of("tv");
            case 1 -> List.of("web", "tv");
            default -> List.of("web", "friends");
        };
    }

    public static String k1(boolean post, int i) {
        return post ? (i % 3 != 2 ? "t" : "dk") : (i % 2 == 0 ? "t" : "f");
    }

    /** Null: skipped (counts as not known). */
    public static String k2(boolean post, int i) {
        return post ? (i % 2 == 1 ? "y" : "n") : (i % 5 == 0 ? null : i % 3 == 0 ? "y" : "n");
    }

    /** Asked only of those who chose site a in that wave. */
    public static String k3(boolean post, int i) {
        return post || i % 4 == 0 ? "x" : "z";
    }

    // --- the questionnaires -----------------------------------------------------------------------------------

    static Question knowledge(String code, List<AnswerOption> options, String correct, Condition showIf) {
        return new Question(code, QuestionType.KNOWLEDGE, LocalText.of(code + " 지식 문항", code + " knowledge item"),
                null, false, false, options, null, null, null, correct, showIf);
    }

    public static Questionnaire prePost() {
        Question support = Questionnaires.required(Questionnaires.tracked(Questionnaires.question("SUPPORT",
                QuestionType.LIKERT_5, "자원회수시설 건립에 찬성하십니까?", List.of(option("1", "전혀 반대"),
                        option("5", "매우 찬성")))));
        Question site = Questionnaires.tracked(Questionnaires.question("SITE", QuestionType.SINGLE_CHOICE,
                "어느 부지가 가장 적절합니까?", List.of(option("a", "가 부지"), option("b", "나 부지"), option("c", "다 부지"))));
        Question sources = Questionnaires.tracked(Questionnaires.question("SOURCES", QuestionType.MULTIPLE_CHOICE,
                "정보를 어디서 얻습니까?", List.of(option("tv", "TV"), option("web", "인터넷"), option("friends", "지인"))));
        Question k1 = Questionnaires.tracked(knowledge("K1", List.of(option("t", "맞다"), option("f", "틀리다"),
                option("dk", "모름")), "t", null));
        Question k2 = knowledge("K2", List.of(option("y", "예"), option("n", "아니오")), "y", null);
        Question k3 = knowledge("K3", List.of(option("x", "엑스"), option("z", "제트")), "x",
                new Condition("SITE", List.of("a")));
        return new Questionnaire(List.of(
                new Section("S1", LocalText.of("의견", "Views"), null, List.of(support, site, sources)),
                new Section("S2", LocalText.of("지식", "Knowledge"), null, List.of(k1, k2, k3))));
    }

    public static Questionnaire mid() {
        Question support = Questionnaires.required(Questionnaires.tracked(Questionnaires.question("SUPPORT",
                QuestionType.LIKERT_5, "자원회수시설 건립에 찬성하십니까?", List.of())));
        Question sources = Questionnaires.question("SOURCES", QuestionType.SINGLE_CHOICE, "주로 어디서 얻습니까?",
                List.of(option("tv", "TV"), option("web", "인터넷")));
        return new Questionnaire(List.of(new Section("S1", LocalText.of("의견", "Views"), null,
                List.of(support, sources))));
    }

    // --- building it ------------------------------------------------------------------------------------------

    /** A new process with the four waves and their answers. */
    public Built build() {
        long processId = panels.newProcessWithPanel(TestNames.unique("설문 분석"), 30, 200);
        PanelRoster roster = signIn.facilitator(() -> seating.roster(processId));
        long pre = wave(processId, 1, WaveKind.PRE, prePost(), true);
        long mid = wave(processId, 2, WaveKind.MID, mid(), true);
        long post = wave(processId, 3, WaveKind.POST, prePost(), true);
        long draft = wave(processId, 4, WaveKind.OTHER, prePost(), false);
        List<IssuedAccess> access = new ArrayList<>();
        for (int i = 0; i <= UNSUBMITTED; i++) {
            long memberId = roster.members().get(i).panelMemberId();
            access.add(signIn.facilitator(() -> panel.issueAccess(memberId)));
        }
        for (int i = 0; i <= UNSUBMITTED; i++) {
            int index = i;
            signIn.citizen(access.get(i), () -> {
                if (index < BOTH || index == PRE_ONLY) {
                    answerPrePost(citizenSurveys, pre, false, index);
                }
                if (index < MID_COUNT) {
                    citizenSurveys.consent(mid);
                    citizenSurveys.saveAnswer(mid, "SUPPORT", List.of(String.valueOf(supportMid(index))));
                    citizenSurveys.saveAnswer(mid, "SOURCES", List.of("tv"));
                    citizenSurveys.submit(mid);
                }
                if (index < BOTH || index == POST_ONLY) {
                    answerPrePost(citizenSurveys, post, true, index);
                }
                if (index == UNSUBMITTED) {
                    citizenSurveys.consent(post);
                    citizenSurveys.saveAnswer(post, "SUPPORT", List.of("5"));
                }
            });
        }
        return new Built(processId, pre, mid, post, draft, roster);
    }

    private static void answerPrePost(CitizenSurveyService citizenSurveys, long waveId, boolean post, int i) {
        citizenSurveys.consent(waveId);
        citizenSurveys.saveAnswer(waveId, "SUPPORT", List.of(String.valueOf(post ? supportPost(i) : supportPre(i))));
        String site = post ? sitePost(i) : sitePre(i);
        if (site != null) {
            citizenSurveys.saveAnswer(waveId, "SITE", List.of(site));
        }
        List<String> sources = post ? sourcesPost(i) : sourcesPre(i);
        if (sources != null) {
            citizenSurveys.saveAnswer(waveId, "SOURCES", sources);
        }
        citizenSurveys.saveAnswer(waveId, "K1", List.of(k1(post, i)));
        if (k2(post, i) != null) {
            citizenSurveys.saveAnswer(waveId, "K2", List.of(k2(post, i)));
        }
        if ("a".equals(site)) {
            citizenSurveys.saveAnswer(waveId, "K3", List.of(k3(post, i)));
        }
        citizenSurveys.submit(waveId);
    }

    private long wave(long processId, int number, WaveKind kind, Questionnaire questionnaire, boolean open) {
        return signIn.facilitator(() -> {
            WaveForm form = surveys.newWaveForm(processId);
            long id = surveys.saveWave(processId, null, new WaveForm(number, kind,
                    LocalText.of(number + "차 설문", "Wave " + number), form.opensAt().minusHours(1), form.closesAt(),
                    WaveAudience.WHOLE_PANEL, null, form.purpose(), form.retention(), null));
            surveys.saveQuestionnaire(id, questionnaire, surveys.wave(id).form().version());
            if (open) {
                surveys.open(id);
            }
            return id;
        });
    }
}
