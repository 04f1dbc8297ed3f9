package org.gongnon.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.gongnon.process.IssuedAccess;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessService;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.SeoulDefaults;
import org.gongnon.survey.CitizenSurveyService;
import org.gongnon.survey.Completion;
import org.gongnon.survey.MyWave;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.WaveKind;
import org.gongnon.survey.WaveStatus;
import org.gongnon.survey.WaveSummary;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.SignIn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The demo process has its four survey waves: 1–3 closed, 4 open and mostly answered, with a shift towards
 * support and a gain in knowledge between before (2) and after (4), and a less supportive host region. (Wave 5,
 * the vote on the recommendations, is {@link DemoRecommendationsTest}'s.)
 */
@SpringBootTest
class DemoSurveysTest {

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    PanelService panel;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    SurveyService surveys;
    @Autowired
    CitizenSurveyService citizenSurveys;
    @Autowired
    JdbcTemplate jdbc;

    /** The four survey waves (the demo's wave 5 is the vote on the recommendations; tests may add more). */
    List<WaveSummary> waves() {
        long processId = DemoFixtures.demoProcessId(processes);
        return signIn.facilitator(() -> surveys.waves(processId)).stream()
                .filter(w -> w.number() <= 4).toList();
    }

    long waveId(int number) {
        return waves().stream().filter(w -> w.number() == number).findFirst().orElseThrow().id();
    }

    /** Submitted answers to a question in a wave, as numbers (scale points) or codes. */
    List<String> answers(int wave, String question) {
        return jdbc.queryForList("SELECT a.answer_value FROM survey_answer a JOIN survey_participation p "
                + "ON p.id = a.participation_id WHERE p.wave_id = ? AND p.submitted_at IS NOT NULL "
                + "AND a.question_code = ?", String.class, waveId(wave), question);
    }

    double mean(List<String> values) {
        return values.stream().mapToInt(Integer::parseInt).average().orElseThrow();
    }

    double correctShare(int wave) {
        long correct = 0;
        long total = 0;
        Map<String, String> key = Map.of("K_LANDFILL", "y2026", "K_FACILITY", "burn", "K_COUNT", "n4",
                "K_EMISSION", "landfill");
        for (var item : key.entrySet()) {
            List<String> given = answers(wave, item.getKey());
            total += given.size();
            correct += given.stream().filter(item.getValue()::equals).count();
        }
        return (double) correct / total;
    }

    @Test
    void fourWavesThreeClosedAndTheLastOneOpen() {
        List<WaveSummary> waves = waves();
        assertEquals(List.of(1, 2, 3, 4), waves.stream().map(WaveSummary::number).toList());
        assertEquals(List.of(WaveKind.RECRUITMENT, WaveKind.PRE, WaveKind.MID, WaveKind.POST),
                waves.stream().map(WaveSummary::kind).toList());
        assertEquals(List.of(WaveStatus.CLOSED, WaveStatus.CLOSED, WaveStatus.CLOSED, WaveStatus.OPEN),
                waves.stream().map(WaveSummary::status).toList());
        assertTrue(waves.get(3).acceptingAnswers());
        assertTrue(waves.stream().allMatch(w -> w.trackedQuestions() == 8), "4 opinion + 4 knowledge items");
        WaveSummary pre = waves.get(1);
        WaveSummary mid = waves.get(2);
        WaveSummary post = waves.get(3);
        assertTrue(waves.getFirst().submitted() >= 300, "everyone answered the recruitment poll");
        assertTrue(mid.submitted() < pre.submitted() - 30, "some skipped wave 3: " + mid.submitted());
        assertTrue(post.started() > post.submitted(), "some are still filling in wave 4");

        Completion completion = signIn.facilitator(() -> surveys.completion(post.id()));
        assertTrue(completion.submittedShare() > 0.7 && completion.submittedShare() < 0.95,
                "mostly answered, not all: " + completion.submittedShare());
        assertTrue(completion.strata().stream().filter(s -> s.feature().equals(SeoulDefaults.REGION))
                .allMatch(s -> s.submitted() > 0));
    }

    @Test
    void opinionsShiftAndKnowledgeGrowsBetweenBeforeAndAfter() {
        long drawn = signIn.facilitator(() -> seating.roster(DemoFixtures.demoProcessId(processes)))
                .members().stream().filter(m -> m.poolMemberId() != null).count();
        for (String tracked : List.of("SUPPORT", "OWN_DISTRICT", "CRITERION", "TRUST", "K_LANDFILL", "K_FACILITY",
                "K_COUNT", "K_EMISSION")) {
            for (int wave : List.of(2, 4)) {
                int answered = answers(wave, tracked).size();
                assertTrue(answered >= 0.75 * drawn, tracked + " in wave " + wave + ": " + answered);
            }
        }
        double before = mean(answers(2, "SUPPORT"));
        double after = mean(answers(4, "SUPPORT"));
        assertTrue(after - before > 0.25 && after - before < 0.7, "support " + before + " → " + after);
        double knowledgeBefore = correctShare(2);
        double knowledgeAfter = correctShare(4);
        assertTrue(knowledgeBefore > 0.35 && knowledgeBefore < 0.55, "knowledge before " + knowledgeBefore);
        assertTrue(knowledgeAfter > 0.65 && knowledgeAfter < 0.85, "knowledge after " + knowledgeAfter);

        // Not everyone moves, and some move against: the same people in waves 2 and 4.
        List<Map<String, Object>> pairs = jdbc.queryForList("SELECT a2.answer_value AS pre, a4.answer_value AS post "
                + "FROM survey_participation p2 JOIN survey_participation p4 ON p4.participant_id = p2.participant_id "
                + "JOIN survey_answer a2 ON a2.participation_id = p2.id AND a2.question_code = 'SUPPORT' "
                + "JOIN survey_answer a4 ON a4.participation_id = p4.id AND a4.question_code = 'SUPPORT' "
                + "WHERE p2.wave_id = ? AND p4.wave_id = ? AND p2.submitted_at IS NOT NULL "
                + "AND p4.submitted_at IS NOT NULL", waveId(2), waveId(4));
        long up = pairs.stream().filter(r -> cmp(r) > 0).count();
        long down = pairs.stream().filter(r -> cmp(r) < 0).count();
        long same = pairs.size() - up - down;
        assertTrue(pairs.size() > 200, "pairs " + pairs.size());
        assertTrue(up > down && down > 0.05 * pairs.size() && same > 0.2 * pairs.size(),
                "up " + up + ", down " + down + ", same " + same);

        // The host region is less supportive than the rest of the panel.
        List<Map<String, Object>> byRegion = jdbc.queryForList("SELECT a.answer_value AS support, "
                + "s.panel_member_id AS member FROM survey_answer a JOIN survey_participation p "
                + "ON p.id = a.participation_id JOIN survey_participant s ON s.id = p.participant_id "
                + "WHERE p.wave_id = ? AND p.submitted_at IS NOT NULL AND a.question_code = 'SUPPORT'", waveId(4));
        var roster = signIn.facilitator(() -> seating.roster(DemoFixtures.demoProcessId(processes)));
        double host = byRegion.stream().filter(r -> roster.member(((Number) r.get("member")).longValue())
                        .map(m -> m.value(SeoulDefaults.REGION).equals(DemoSurveys.HOST_REGION)).orElse(false))
                .mapToInt(r -> Integer.parseInt((String) r.get("support"))).average().orElseThrow();
        double others = byRegion.stream().filter(r -> roster.member(((Number) r.get("member")).longValue())
                        .map(m -> !m.value(SeoulDefaults.REGION).equals(DemoSurveys.HOST_REGION)).orElse(false))
                .mapToInt(r -> Integer.parseInt((String) r.get("support"))).average().orElseThrow();
        assertTrue(host < others - 0.3, "host region " + host + ", others " + others);
    }

    private static int cmp(Map<String, Object> row) {
        return Integer.compare(Integer.parseInt((String) row.get("post")), Integer.parseInt((String) row.get("pre")));
    }

    @Test
    void theDemoCitizenAnsweredTheFirstThreeAndCanFillInTheLast() {
        IssuedAccess access = DemoFixtures.freshAccess(processes, panel, 0);
        List<MyWave> all = signIn.citizen(access, citizenSurveys::myWaves);
        assertEquals(5, all.size(), "the four surveys and the vote on the recommendations");
        assertEquals(DemoRecommendations.VOTE_TITLE, all.get(4).title().ko());
        List<MyWave> mine = all.subList(0, 4);
        assertEquals(List.of(MyWave.State.SUBMITTED, MyWave.State.SUBMITTED, MyWave.State.SUBMITTED),
                mine.subList(0, 3).stream().map(MyWave::state).toList());
        // The demo leaves wave 4 to the demo citizen, and no test fills it in (TestFixturesListener checks).
        assertEquals(MyWave.State.NOT_STARTED, mine.get(3).state());
        assertTrue(signIn.citizen(access, () -> citizenSurveys.open(mine.get(3).waveId())).acceptingAnswers());
    }
}
