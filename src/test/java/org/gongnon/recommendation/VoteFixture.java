package org.gongnon.recommendation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.SystemAuthority;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.Question;
import org.gongnon.survey.QuestionType;
import org.gongnon.survey.Questionnaire;
import org.gongnon.survey.Questionnaires;
import org.gongnon.survey.Section;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.SyntheticResponse;
import org.gongnon.survey.SyntheticResponseService;
import org.gongnon.survey.TestWaves;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.SignIn;

/**
 * A process with a seated panel and a vote wave whose answers are known: ten members submit, an eleventh submits
 * without answering the vote questions, a twelfth has not submitted. Tests count by hand from {@link #SCALE},
 * {@link #SINGLE} and {@link #MULTI}. A bean in test contexts, so tests inject it instead of the services it needs.
 */
@org.springframework.stereotype.Component
public final class VoteFixture {

    /** R1 (Likert 5) of submitters 0…9: seven at 4 or 5, three at 5. */
    public static final List<String> SCALE = List.of("5", "4", "4", "5", "4", "4", "5", "2", "3", "1");
    /** R2 (single choice a/b/c): a six times, b three times, c once. */
    public static final List<String> SINGLE = List.of("a", "a", "b", "a", "c", "b", "a", "a", "b", "a");
    /** R3 (multiple choice x/y/z). */
    public static final List<List<String>> MULTI = List.of(List.of("x"), List.of("x", "y"), List.of("y"),
            List.of("x", "z"), List.of("z"), List.of("x"), List.of("x", "y", "z"), List.of("y"), List.of("x"),
            List.of("z"));

    public record Built(long processId, long waveId, int waveNumber, List<RosterMember> voters) {
    }

    private final SeatedPanels panels;
    private final SurveyService surveys;
    private final SyntheticResponseService synthetic;
    private final PanelSeatingService seating;
    private final SignIn signIn;
    private final java.time.Clock clock;
    private final TestWaves testWaves;

    VoteFixture(SeatedPanels panels, SurveyService surveys, SyntheticResponseService synthetic,
                PanelSeatingService seating, SignIn signIn, java.time.Clock clock, TestWaves testWaves) {
        this.testWaves = testWaves;
        this.clock = clock;
        this.panels = panels;
        this.surveys = surveys;
        this.synthetic = synthetic;
        this.seating = seating;
        this.signIn = signIn;
    }

    public static Questionnaire questionnaire() {
        List<Question> questions = List.of(
                Questionnaires.question("R1", QuestionType.LIKERT_5, "권고안 1에 동의하십니까?", List.of()),
                Questionnaires.question("R2", QuestionType.SINGLE_CHOICE, "어느 부지가 좋습니까?",
                        List.of(Questionnaires.option("a", "A 부지"), Questionnaires.option("b", "B 부지"),
                                Questionnaires.option("c", "C 부지"))),
                Questionnaires.question("R3", QuestionType.MULTIPLE_CHOICE, "어떤 보상이 필요합니까?",
                        List.of(Questionnaires.option("x", "관리비"), Questionnaires.option("y", "공원"),
                                Questionnaires.option("z", "일자리"))),
                Questionnaires.question("NOTE", QuestionType.TEXT, "하고 싶은 말", List.of()));
        return new Questionnaire(List.of(new Section("S1", LocalText.of("권고안 투표", "Vote"), null, questions)));
    }

    public Built build(String title) {
        long processId = panels.newProcessWithPanel(title, 30, 200);
        long waveId = testWaves.open(processId, questionnaire(), "권고안 투표");
        int number = signIn.facilitator(() -> surveys.wave(waveId).form().number());
        List<RosterMember> members = signIn.facilitator(() -> seating.roster(processId)).members();
        Instant start = clock.instant().minus(1, ChronoUnit.HOURS);
        List<SyntheticResponse> responses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Map<String, List<String>> answers = new HashMap<>();
            answers.put("R1", List.of(SCALE.get(i)));
            answers.put("R2", List.of(SINGLE.get(i)));
            answers.put("R3", MULTI.get(i));
            responses.add(new SyntheticResponse(members.get(i).panelMemberId(), start, start.plusSeconds(60 + i),
                    answers));
        }
        responses.add(new SyntheticResponse(members.get(10).panelMemberId(), start, start.plusSeconds(100),
                Map.of("NOTE", List.of("투표는 하지 않겠습니다"))));
        responses.add(new SyntheticResponse(members.get(11).panelMemberId(), start, null,
                Map.of("R1", List.of("5"), "R2", List.of("a"))));
        SystemAuthority.runAsSystem(() -> synthetic.record(waveId, responses));
        return new Built(processId, waveId, number, members.subList(0, 10));
    }
}
