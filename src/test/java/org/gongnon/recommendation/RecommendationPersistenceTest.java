package org.gongnon.recommendation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.gongnon.algorithms.stats.SupportShare;
import org.gongnon.algorithms.stats.SupportStatus;
import org.gongnon.algorithms.stats.SupportThresholds;
import org.gongnon.base.IdNumbers;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.PanelSeatingService;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.security.StaffAccountService;
import org.gongnon.security.StaffRole;
import org.gongnon.survey.SubmittedAnswer;
import org.gongnon.survey.SurveyAnalysisService;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;

/**
 * Recommendation items on the real database: versions that are only ever added, refusals that save nothing, the
 * thresholds, and the results worked out by hand from the answers {@link VoteFixture}'s panel gave.
 */
@SpringBootTest
class RecommendationPersistenceTest {

    private static final double EPS = 1e-12;
    private static VoteFixture.Built built;

    @Autowired
    SignIn signIn;
    @Autowired
    VoteFixture votes;
    @Autowired
    SurveyAnalysisService analysis;
    @Autowired
    PanelSeatingService seating;
    @Autowired
    ProcessService processes;
    @Autowired
    StaffAccountService accounts;
    @Autowired
    RecommendationService service;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fixture() {
        if (built == null) {
            built = votes.build(TestNames.unique("권고안"));
        }
    }

    /** A process of its own with no items, for tests that look at the whole list. */
    long emptyProcess() {
        return signIn.facilitator(() -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("권고안 빈 공론"))));
    }

    ItemForm linked(String title, String code, SupportRule rule, List<ItemOption> options) {
        return new ItemForm(built.processId(), null, null, title, title + "의 내용", null, options, built.waveId(),
                code, rule, null);
    }

    static ValidationException refused(Runnable attempt) {
        return assertThrows(ValidationException.class, attempt::run);
    }

    static Map<String, String> problems(ValidationException e) {
        Map<String, String> byField = new LinkedHashMap<>();
        e.problems().forEach(p -> byField.putIfAbsent(p.field(), p.messageKey()));
        return byField;
    }

    ItemResult result(long itemId) {
        return signIn.facilitator(() -> service.results(built.processId())).items().stream().filter(i -> i.itemId() == itemId)
                .findFirst().orElseThrow();
    }

    /** Wilson's score interval written out (z = the 97.5 % normal quantile). */
    static double[] wilson(int k, int n) {
        double z = 1.959963984540054;
        double p = (double) k / n;
        double centre = (p + z * z / (2 * n)) / (1 + z * z / n);
        double half = z / (1 + z * z / n) * Math.sqrt(p * (1 - p) / n + z * z / (4.0 * n * n));
        return new double[] {Math.max(0, centre - half), Math.min(1, centre + half)};
    }

    // --- versions -------------------------------------------------------------------------------------------

    @Test
    void anEditAddsAVersionWithWhoAndWhenAndTheOldOneStaysAsItWas() {
        long processId = emptyProcess();
        ItemSaved first = signIn.facilitator(() -> service.save(new ItemForm(processId, null, null, "  소각시설 지하화  ",
                "소각시설은 지하에 짓는다.", "주민 수용성", List.of(), null, null, null, "처음 작성")));
        assertEquals(1, first.version());
        assertTrue(first.changed());

        RecommendationItem loaded = signIn.facilitator(() -> service.item(first.itemId()));
        assertEquals("소각시설 지하화", loaded.title(), "surrounding blanks are dropped");
        assertEquals("박진행", loaded.changedBy(), "the staff member's name");
        assertNotNull(loaded.changedAt());

        ItemForm edit = new ItemForm(processId, first.itemId(), 1, "소각시설 지하화", "소각시설은 지하에 짓고 상부는 공원으로 쓴다.",
                "주민 수용성", List.of(), null, null, null, "상부 이용 추가");
        ItemSaved second = signIn.facilitator(() -> service.save(edit));
        assertEquals(new ItemSaved(first.itemId(), 2, true), second);

        ItemSaved same = signIn.facilitator(() -> service.save(new ItemForm(processId, first.itemId(), 2, "소각시설 지하화",
                "소각시설은 지하에 짓고 상부는 공원으로 쓴다.", "주민 수용성", List.of(), null, null, null, "메모만")));
        assertEquals(new ItemSaved(first.itemId(), 2, false), same, "nothing changed: no new version");

        UserFacingException stale = assertThrows(UserFacingException.class, () -> signIn.facilitator(() -> service.save(edit)));
        assertEquals("recommendation.concurrent-edit", stale.messageKey(), "a save on top of version 1 is refused");

        List<ItemVersion> history = signIn.facilitator(() -> service.history(first.itemId()));
        assertEquals(List.of(1, 2), history.stream().map(ItemVersion::version).toList());
        assertEquals("소각시설은 지하에 짓는다.", history.get(0).text(), "version 1 still says what it said");
        assertEquals("처음 작성", history.get(0).changeNote());
        assertEquals("상부 이용 추가", history.get(1).changeNote());
        assertEquals("박진행", history.get(1).author());
        assertFalse(history.get(1).createdAt().isBefore(history.get(0).createdAt()));
        assertEquals(2, jdbc.queryForObject("SELECT COUNT(*) FROM recommendation_item_version WHERE item_id = ?",
                Integer.class, first.itemId()));
        assertEquals(2, signIn.facilitator(() -> service.item(first.itemId())).version());
    }

    @Test
    void itemsAreNumberedInOrderMoveAndDisappearWhenDeleted() {
        long processId = emptyProcess();
        long a = signIn.facilitator(() -> service.save(ItemForm.newItem(processId, "가", "가 내용"))).itemId();
        long b = signIn.facilitator(() -> service.save(ItemForm.newItem(processId, "나", "나 내용"))).itemId();
        long c = signIn.facilitator(() -> service.save(ItemForm.newItem(processId, "다", "다 내용"))).itemId();
        assertEquals(List.of("가", "나", "다"), signIn.facilitator(() -> service.items(processId)).stream()
                .map(RecommendationItem::title).toList());
        signIn.facilitator(() -> service.move(c, true));
        signIn.facilitator(() -> service.move(a, true)); // already first: nothing happens
        assertEquals(List.of("가", "다", "나"), signIn.facilitator(() -> service.items(processId)).stream()
                .map(RecommendationItem::title).toList());
        assertEquals(List.of(1, 2, 3), signIn.facilitator(() -> service.items(processId)).stream()
                .map(RecommendationItem::number).toList());

        signIn.facilitator(() -> service.delete(c));
        assertEquals(List.of(a, b), signIn.facilitator(() -> service.items(processId)).stream().map(RecommendationItem::itemId).toList());
        assertEquals(2, signIn.facilitator(() -> service.item(b)).number());
        UserFacingException gone = assertThrows(UserFacingException.class, () -> signIn.facilitator(() -> service.item(c)));
        assertEquals("recommendation.item.not-found", gone.messageKey());
        assertEquals(1, jdbc.queryForObject("SELECT COUNT(*) FROM recommendation_item_version WHERE item_id = ?",
                Integer.class, c), "a deleted item's versions are kept");
    }

    // --- validation -----------------------------------------------------------------------------------------

    @Test
    void refusedItemsSaveNothingAndSayWhatIsWrongAtEachField() {
        long processId = emptyProcess();
        Map<String, String> empty = problems(refused(() -> signIn.facilitator(() -> service.save(
                new ItemForm(processId, null, null, " ", "", "", List.of(new ItemOption(" ", null)), null, null,
                        null, null)))));
        assertEquals("recommendation.error.title-required", empty.get("title"));
        assertEquals("recommendation.error.text-required", empty.get("text"));
        assertEquals("recommendation.error.option-label-required", empty.get("options"));

        Map<String, String> tooLong = problems(refused(() -> signIn.facilitator(() -> service.save(ItemForm.newItem(processId,
                "가".repeat(201), "나".repeat(5001))))));
        assertEquals("recommendation.error.title-too-long", tooLong.get("title"));
        assertEquals("recommendation.error.text-too-long", tooLong.get("text"));
        // The limits themselves are fine.
        long ok = signIn.facilitator(() -> service.save(ItemForm.newItem(processId, "가".repeat(200), "나".repeat(5000)))).itemId();
        assertEquals(1, signIn.facilitator(() -> service.items(processId)).size());

        // A wave of another process is unknown here.
        Map<String, String> otherWave = problems(refused(() -> signIn.facilitator(() -> service.save(new ItemForm(processId, null,
                null, "제목", "내용", null, List.of(), built.waveId(), "R1", SupportRule.atLeast(4), null)))));
        assertEquals("recommendation.error.vote-wave-unknown", otherWave.get("voteWave"));

        assertEquals("recommendation.error.vote-question-unknown", problems(refused(() -> signIn.facilitator(() -> service.save(
                linked("제목", "NOPE", SupportRule.atLeast(4), List.of()))))).get("voteQuestion"));
        assertEquals("recommendation.error.vote-question-type", problems(refused(() -> signIn.facilitator(() -> service.save(
                linked("제목", "NOTE", SupportRule.atLeast(4), List.of()))))).get("voteQuestion"));
        assertEquals("recommendation.error.rule-min-range", problems(refused(() -> signIn.facilitator(() -> service.save(
                linked("제목", "R1", SupportRule.atLeast(6), List.of()))))).get("ruleMin"));
        assertEquals("recommendation.error.rule-min-range", problems(refused(() -> signIn.facilitator(() -> service.save(
                linked("제목", "R1", SupportRule.atLeast(0), List.of()))))).get("ruleMin"));
        assertEquals("recommendation.error.rule-kind-scale", problems(refused(() -> signIn.facilitator(() -> service.save(
                linked("제목", "R1", SupportRule.options(List.of("4")), List.of()))))).get("rule"));
        assertEquals("recommendation.error.rule-required", problems(refused(() -> signIn.facilitator(() -> service.save(
                linked("제목", "R2", null, List.of()))))).get("rule"));
        assertEquals("recommendation.error.rule-option-unknown", problems(refused(() -> signIn.facilitator(() -> service.save(
                linked("제목", "R2", SupportRule.options(List.of("a", "q")), List.of()))))).get("ruleOptions"));
        assertEquals("recommendation.error.rule-options-required", problems(refused(() -> signIn.facilitator(() -> service.save(
                linked("제목", "R2", SupportRule.options(List.of()), List.of()))))).get("ruleOptions"));
        assertEquals("recommendation.error.option-code-unknown", problems(refused(() -> signIn.facilitator(() -> service.save(
                linked("제목", "R2", SupportRule.options(List.of("a")), List.of(new ItemOption("D 부지", "d"))))))
        ).get("options"));
        assertEquals("recommendation.error.vote-question-required", problems(refused(() -> signIn.facilitator(() -> service.save(
                linked("제목", " ", SupportRule.atLeast(4), List.of()))))).get("voteQuestion"));

        // An edit that is refused leaves the item at its version.
        refused(() -> signIn.facilitator(() -> service.save(new ItemForm(processId, ok, 1, "", "내용", null, List.of(), null, null,
                null, null))));
        assertEquals(1, signIn.facilitator(() -> service.item(ok)).version());
        assertEquals(1, signIn.facilitator(() -> service.items(processId)).size(), "nothing else was saved");
        assertEquals(List.of(), signIn.facilitator(() -> service.items(built.processId())).stream()
                .filter(i -> i.title().equals("제목")).toList());
    }

    @Test
    void thresholdsArePercentsFrom0To100WithReservationsNotAboveAdoption() {
        long processId = emptyProcess();
        assertEquals(SupportThresholds.twoThirdsAndMajority(), signIn.facilitator(() -> service.thresholds(processId)),
                "no settings yet: two thirds and a majority");
        Map<String, String> range = problems(refused(() -> signIn.facilitator(() -> service.saveThresholds(processId, 101.0, -1.0))));
        assertEquals("recommendation.error.threshold-range", range.get("adopt"));
        assertEquals("recommendation.error.threshold-range", range.get("reservations"));
        assertEquals("recommendation.error.reservations-above-adopt", problems(refused(() -> signIn.facilitator(() ->
                service.saveThresholds(processId, 50.0, 60.0)))).get("reservations"));
        assertEquals("recommendation.error.threshold-required", problems(refused(() -> signIn.facilitator(() ->
                service.saveThresholds(processId, null, 50.0)))).get("adopt"));
        assertEquals(SupportThresholds.twoThirdsAndMajority(), signIn.facilitator(() -> service.thresholds(processId)),
                "nothing was saved");
        assertEquals(0, jdbc.queryForObject("SELECT COUNT(*) FROM recommendation_settings WHERE process_id = ?",
                Integer.class, processId));

        signIn.facilitator(() -> service.saveThresholds(processId, 60.0, 50.0));
        SupportThresholds saved = signIn.facilitator(() -> service.thresholds(processId));
        assertEquals(0.6, saved.adopt(), EPS);
        assertEquals(0.5, saved.reservations(), EPS);

        signIn.facilitator(() -> service.saveThresholds(processId, 66.7, 0.0));
        SupportThresholds thirds = signIn.facilitator(() -> service.thresholds(processId));
        assertEquals(2.0 / 3, thirds.adopt(), 1e-9, "66.7 is read as two thirds");
        assertEquals(SupportStatus.ADOPTED, SupportShare.of(2, 3, thirds).status(),
                "and 2 of 3 still meet it after the round trip");
        assertEquals(SupportStatus.ADOPTED, SupportShare.of(200, 300, thirds).status());
        assertEquals(0.0, thirds.reservations(), EPS);

        assertThrows(AuthorizationDeniedException.class,
                () -> signIn.official(() -> service.saveThresholds(processId, 70.0, 50.0)));
    }

    // --- results --------------------------------------------------------------------------------------------

    @Test
    void theSurveyApiGivesEachSubmittedAnswerWithTheRespondentsStrata() {
        List<SubmittedAnswer> answers = signIn.facilitator(() -> analysis.submittedAnswers(built.waveId(), "R1"));
        assertEquals(11, answers.size(), "every submitted response, the in-progress one left out");
        assertEquals(10, answers.stream().filter(SubmittedAnswer::answered).count());
        List<String> values = answers.stream().filter(SubmittedAnswer::answered).map(a -> a.values().getFirst())
                .sorted().toList();
        assertEquals(VoteFixture.SCALE.stream().sorted().toList(), values);
        List<Map<String, String>> strata = answers.stream().filter(SubmittedAnswer::answered)
                .map(SubmittedAnswer::strata).toList();
        for (RosterMember m : built.voters()) {
            assertTrue(strata.contains(m.features()), "each voter's strata come from the roster");
        }
        assertEquals("process.not-found", assertThrows(UserFacingException.class,
                () -> signIn.official(() -> analysis.submittedAnswers(built.waveId(), "R1")))
                .messageKey(), "an official outside the process sees no answers");
    }

    @Test
    void supportIsCountedFromTheLinkedAnswersAsWorkedOutByHand() {
        ItemSaved scale = signIn.facilitator(() -> service.save(linked("R1 동의", "R1", SupportRule.atLeast(4), List.of())));
        ItemResult r = result(scale.itemId());
        assertEquals("%d차 · 권고안 투표 · R1".formatted(built.waveNumber()), r.voteSource());
        SupportShare s = r.support();
        assertEquals(10, s.voters(), "the response without an answer and the unsubmitted one do not vote");
        assertEquals(7, s.supporters());
        assertEquals(0.7, s.share(), EPS);
        double[] ci = wilson(7, 10);
        assertEquals(ci[0], s.ciLow(), 1e-9);
        assertEquals(ci[1], s.ciHigh(), 1e-9);
        assertEquals(0.3968, s.ciLow(), 1e-4, "the published value for 7 of 10");
        assertEquals(0.8922, s.ciHigh(), 1e-4);
        assertEquals(SupportShare.of(7, 10, SupportThresholds.twoThirdsAndMajority()), s);
        assertEquals(SupportStatus.ADOPTED, r.status(), "70 % is above two thirds");
        assertFalse(r.needsMinorityOpinion());

        // By stratum: each value of each feature, counted by hand from the voters' roster features.
        List<String> features = signIn.facilitator(() -> seating.roster(built.processId())).features();
        assertFalse(features.isEmpty());
        for (String feature : features) {
            Map<String, int[]> expected = new LinkedHashMap<>();
            for (int i = 0; i < 10; i++) {
                String value = built.voters().get(i).features().get(feature);
                int[] c = expected.computeIfAbsent(value, v -> new int[2]);
                c[0]++;
                if (Integer.parseInt(VoteFixture.SCALE.get(i)) >= 4) {
                    c[1]++;
                }
            }
            List<ItemResult.StratumSupport> rows = r.byStratum().stream().filter(x -> x.feature().equals(feature))
                    .toList();
            assertEquals(10, rows.stream().mapToInt(ItemResult.StratumSupport::voters).sum(), feature);
            for (ItemResult.StratumSupport row : rows) {
                int[] c = expected.getOrDefault(row.value(), new int[2]);
                assertEquals(c[0], row.voters(), feature + "=" + row.value());
                assertEquals(c[1], row.supporters(), feature + "=" + row.value());
                if (c[0] > 0) {
                    assertEquals((double) c[1] / c[0], row.share(), EPS);
                    assertEquals(wilson(c[1], c[0])[0], row.ciLow(), 1e-9);
                } else {
                    assertTrue(Double.isNaN(row.share()));
                }
            }
            assertTrue(rows.stream().map(ItemResult.StratumSupport::value).toList().containsAll(expected.keySet()));
        }

        // With 5 only: 3 of 10 is below a majority.
        ItemSaved strict = signIn.facilitator(() -> service.save(linked("R1 강한 동의", "R1", SupportRule.atLeast(5), List.of())));
        assertEquals(3, result(strict.itemId()).support().supporters());
        assertEquals(SupportStatus.NOT_ADOPTED, result(strict.itemId()).status());
    }

    @Test
    void optionsAreCountedPerVoterWithTheirIntervals() {
        List<ItemOption> sites = List.of(new ItemOption("A 부지", "a"), new ItemOption("B 부지", "b"),
                new ItemOption("C 부지", "c"), new ItemOption("기타 의견", null));
        ItemSaved single = signIn.facilitator(() -> service.save(linked("부지 선택", "R2", SupportRule.options(List.of("a")), sites)));
        ItemResult r = result(single.itemId());
        assertEquals(List.of("A 부지", "B 부지", "C 부지"), r.options().stream().map(ItemResult.OptionResult::label)
                .toList(), "options without an answer code are not counted");
        assertEquals(List.of(6, 3, 1), r.options().stream().map(ItemResult.OptionResult::chosenBy).toList());
        for (ItemResult.OptionResult o : r.options()) {
            assertEquals(10, o.voters());
            assertEquals(o.chosenBy() / 10.0, o.share(), EPS);
            assertEquals(wilson(o.chosenBy(), 10)[0], o.ciLow(), 1e-9);
            assertEquals(wilson(o.chosenBy(), 10)[1], o.ciHigh(), 1e-9);
        }
        assertEquals(6, r.support().supporters());
        assertEquals(SupportStatus.WITH_RESERVATIONS, r.status(), "60 %: a majority, not two thirds");

        List<ItemOption> benefits = List.of(new ItemOption("관리비", "x"), new ItemOption("공원", "y"),
                new ItemOption("일자리", "z"));
        ItemSaved multi = signIn.facilitator(() -> service.save(linked("보상", "R3", SupportRule.options(List.of("y", "z")),
                benefits)));
        ItemResult m = result(multi.itemId());
        for (int o = 0; o < 3; o++) {
            String code = List.of("x", "y", "z").get(o);
            int chosen = (int) VoteFixture.MULTI.stream().filter(a -> a.contains(code)).count();
            assertEquals(chosen, m.options().get(o).chosenBy(), code);
        }
        assertEquals(List.of(6, 4, 4), m.options().stream().map(ItemResult.OptionResult::chosenBy).toList());
        int eitherYz = (int) VoteFixture.MULTI.stream().filter(a -> a.contains("y") || a.contains("z")).count();
        assertEquals(7, eitherYz);
        assertEquals(eitherYz, m.support().supporters(), "a voter naming both counts once");

        ItemSaved unlinked = signIn.facilitator(() -> service.save(new ItemForm(built.processId(), null, null, "투표 없음", "내용",
                null, List.of(new ItemOption("하나", null)), null, null, null, null)));
        ItemResult u = result(unlinked.itemId());
        assertNull(u.support());
        assertNull(u.voteSource());
        assertTrue(u.options().isEmpty());
        assertTrue(u.byStratum().isEmpty());
        assertFalse(u.needsMinorityOpinion());
    }

    @Test
    void anItemShortOfAdoptionNeedsAMinorityOpinionWhichIsCheckedAndCanBeRemoved() {
        ItemSaved item = signIn.facilitator(() -> service.save(linked("R1 매우 동의", "R1", SupportRule.atLeast(5), List.of())));
        long id = item.itemId();
        assertTrue(result(id).needsMinorityOpinion());
        assertTrue(signIn.facilitator(() -> service.results(built.processId())).missingMinorityOpinions().stream()
                .anyMatch(i -> i.itemId() == id));
        assertEquals(7, signIn.facilitator(() -> service.suggestedHolders(id)), "10 voters, 3 supporters");

        Map<String, String> empty = problems(refused(() -> signIn.facilitator(() -> service.saveMinorityOpinion(id,
                new MinorityOpinionForm(null, " ", "", -1)))));
        assertEquals("recommendation.error.opinion-position-required", empty.get("position"));
        assertEquals("recommendation.error.opinion-reasons-required", empty.get("reasons"));
        assertEquals("recommendation.error.holders-negative", empty.get("holders"));
        assertEquals("recommendation.error.holders-above-voters", problems(refused(() -> signIn.facilitator(() ->
                service.saveMinorityOpinion(id, new MinorityOpinionForm(null, "반대", "이유", 11))))).get("holders"));
        assertTrue(result(id).minorityOpinions().isEmpty(), "nothing was saved");

        long opinion = signIn.facilitator(() -> service.saveMinorityOpinion(id, new MinorityOpinionForm(null, "지상 시설이 낫다",
                "지하화 비용이 과하다", null)));
        ItemResult.MinorityOpinion saved = result(id).minorityOpinions().getFirst();
        assertEquals(opinion, saved.id());
        assertEquals(7, saved.holders(), "left empty: those who voted but did not support it");
        assertEquals("박진행", saved.recordedBy());
        assertFalse(result(id).needsMinorityOpinion());

        signIn.facilitator(() -> service.saveMinorityOpinion(id, new MinorityOpinionForm(opinion, "지상 시설이 낫다", "비용과 안전", 5)));
        assertEquals(List.of(5), result(id).minorityOpinions().stream().map(ItemResult.MinorityOpinion::holders)
                .toList(), "corrected in place");

        signIn.facilitator(() -> service.deleteMinorityOpinion(opinion));
        assertTrue(result(id).needsMinorityOpinion());

        // Without a vote, how many hold it must be given.
        long unlinked = signIn.facilitator(() -> service.save(ItemForm.newItem(built.processId(), "투표 없음 2", "내용"))).itemId();
        assertEquals("recommendation.error.holders-required", problems(refused(() -> signIn.facilitator(() ->
                service.saveMinorityOpinion(unlinked, new MinorityOpinionForm(null, "반대", "이유", null)))))
                .get("holders"));
    }

    @Test
    void idNumbersAreRefusedInEveryTextOfAnItemAndOfAMinorityOpinionAndNothingIsStored() {
        long processId = emptyProcess();
        Map<String, String> refusedFields = problems(refused(() -> signIn.facilitator(() -> service.save(new ItemForm(processId, null,
                null, "제목 850302-1234567", "연락 8503022234567", "근거 850302 1234567",
                List.of(new ItemOption("선택 850302-1******", null)), null, null, null, "메모 910101-5123456")))));
        assertEquals(Map.of("title", IdNumbers.REFUSED, "text", IdNumbers.REFUSED, "rationale", IdNumbers.REFUSED,
                "options", IdNumbers.REFUSED, "changeNote", IdNumbers.REFUSED), refusedFields);
        assertTrue(signIn.facilitator(() -> service.items(processId)).isEmpty(), "nothing was saved");
        // Phone numbers, dates and other long numbers are not ID numbers.
        signIn.facilitator(() -> service.save(ItemForm.newItem(processId, "2027-03-15까지 설계",
                "문의 010-1234-5678, 02-123-4567; 도서 9788936434120")));
        assertEquals(1, signIn.facilitator(() -> service.items(processId)).size());

        long item = signIn.facilitator(() -> service.save(ItemForm.newItem(built.processId(), "식별번호 시험", "내용"))).itemId();
        Map<String, String> opinion = problems(refused(() -> signIn.facilitator(() -> service.saveMinorityOpinion(item,
                new MinorityOpinionForm(null, "반대 850302-1234567", "이유 8503021234567", 1)))));
        assertEquals(Map.of("position", IdNumbers.REFUSED, "reasons", IdNumbers.REFUSED), opinion);
        assertTrue(result(item).minorityOpinions().isEmpty(), "nothing was saved");
    }

    // --- access ---------------------------------------------------------------------------------------------

    @Test
    void anItemOrOpinionOfAnotherProcessIsNotFoundAndOfficialsOnlyRead() {
        long item = signIn.facilitator(() -> service.save(ItemForm.newItem(built.processId(), "남의 권고안", "내용"))).itemId();
        long opinion = signIn.facilitator(() -> service.saveMinorityOpinion(item, new MinorityOpinionForm(null, "반대", "이유", 1)));
        String other = signIn.newStaff("rec", StaffRole.FACILITATOR);
        List<Runnable> attempts = new ArrayList<>(List.of(
                () -> service.item(item),
                () -> service.history(item),
                () -> service.items(built.processId()),
                () -> service.results(built.processId()),
                () -> service.delete(item),
                () -> service.move(item, true),
                () -> service.save(new ItemForm(built.processId(), item, 1, "바꿈", "바꿈", null, List.of(), null,
                        null, null, null)),
                () -> service.saveMinorityOpinion(item, new MinorityOpinionForm(opinion, "바꿈", "바꿈", 1)),
                () -> service.deleteMinorityOpinion(opinion)));
        for (Runnable attempt : attempts) {
            UserFacingException e = assertThrows(UserFacingException.class,
                    () -> signIn.as(other, attempt));
            assertEquals("process.not-found", e.messageKey(), "looks like no process at all");
        }
        // Their own process, someone else's item: still not found.
        long own = signIn.as(other, () -> processes.createProcess(
                ProcessTestForms.titled(TestNames.unique("다른 공론"))));
        UserFacingException crossed = assertThrows(UserFacingException.class, () -> signIn.as(
                other, () -> service.save(new ItemForm(own, item, 1, "바꿈", "바꿈", null, List.of(), null,
                        null, null, null))));
        assertEquals("process.not-found", crossed.messageKey());
        assertEquals("남의 권고안", signIn.facilitator(() -> service.item(item)).title(), "nothing changed");
        assertEquals(1, signIn.facilitator(() -> service.item(item)).version());

        UserFacingException missing = assertThrows(UserFacingException.class, () -> signIn.facilitator(() -> service.item(-5)));
        assertEquals("recommendation.item.not-found", missing.messageKey());
        assertThrows(AuthorizationDeniedException.class,
                () -> signIn.official(() -> service.delete(item)));
        assertEquals(1, signIn.facilitator(() -> service.items(built.processId())).stream().filter(i -> i.itemId() == item).count(),
                "not deleted");
    }
}
