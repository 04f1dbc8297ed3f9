package org.gongnon.survey;

import static org.gongnon.survey.AnalysisFixture.BOTH;
import static org.gongnon.survey.AnalysisFixture.MID_COUNT;
import static org.gongnon.survey.AnalysisFixture.POST_ONLY;
import static org.gongnon.survey.AnalysisFixture.PRE_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import org.gongnon.algorithms.stats.CategoryShare;
import org.gongnon.algorithms.stats.PairedChange;
import org.gongnon.algorithms.stats.ShareChange;
import org.gongnon.algorithms.stats.WeightedShare;
import org.gongnon.base.UserFacingException;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.FeatureTarget;
import org.gongnon.recruitment.RosterMember;
import org.gongnon.recruitment.SeoulDefaults;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.recruitment.ValueTarget;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The analysis on the real database, against figures worked out here from the answers the fixture's citizens
 * gave (see {@link AnalysisFixture}): who is matched with whom, grouping by stratum, the knowledge index and
 * the weights. The statistics library's own correctness is tested with the library.
 */
@SpringBootTest
class SurveyAnalysisPersistenceTest {

    private static final double EPS = 1e-9;
    private static AnalysisFixture.Built built;

    @Autowired
    AnalysisFixture analysisFixture;
    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    TargetsService targets;
    @Autowired
    CitizenAccessService citizens;
    @Autowired
    SurveyAnalysisService analysis;

    @BeforeEach
    void fixture() {
        // One process for the class: the draw and ~70 citizen submissions take a while.
        if (built == null) {
            built = analysisFixture.build();
        }
    }

    SurveyAnalysis analyse(Long before, Long after, String feature) {
        return signIn.facilitator(() -> analysis.analysis(built.processId(), before, after, feature));
    }

    static QuestionAnalysis question(SurveyAnalysis a, String code) {
        return a.questions().stream().filter(q -> q.code().equals(code)).findFirst().orElseThrow();
    }

    static QuestionAnalysis.WaveAnswers inWave(QuestionAnalysis q, long waveId) {
        return q.waves().stream().filter(w -> w.waveId() == waveId).findFirst().orElseThrow();
    }

    /** Members who submitted PRE, POST, and both. */
    static IntStream preSubmitters() {
        return IntStream.rangeClosed(0, PRE_ONLY);
    }

    static IntStream postSubmitters() {
        return IntStream.concat(IntStream.range(0, BOTH), IntStream.of(POST_ONLY));
    }

    static IntStream bothSubmitters() {
        return IntStream.range(0, BOTH);
    }

    /** Mean, sample SD of differences, t and d_z of paired values, written out. */
    static void assertPaired(PairedChange c, double[] before, double[] after) {
        int n = before.length;
        assertEquals(n, c.n());
        double mb = 0;
        double ma = 0;
        for (int i = 0; i < n; i++) {
            mb += before[i] / n;
            ma += after[i] / n;
        }
        double md = ma - mb;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            ss += Math.pow(after[i] - before[i] - md, 2);
        }
        double sd = Math.sqrt(ss / (n - 1));
        assertEquals(mb, c.meanBefore(), EPS);
        assertEquals(ma, c.meanAfter(), EPS);
        assertEquals(md, c.meanDifference(), EPS);
        assertEquals(sd, c.sdDifference(), EPS);
        if (sd > 0) {
            // With no spread in the differences t and d_z are undefined; the library decides how to say so.
            assertEquals(md / (sd / Math.sqrt(n)), c.tStatistic(), 1e-6);
            assertEquals(md / sd, c.effectSize(), 1e-6);
            assertTrue(c.ciLow() < md && md < c.ciHigh(), "the CI holds the mean difference");
        }
    }

    static int side(int point) {
        return Integer.compare(point, 3);
    }

    @Test
    void theDefaultPairIsPreAgainstPostAndOnlySubmittedResponsesCount() {
        SurveyAnalysis a = analyse(null, null, null);
        assertEquals(List.of(built.pre(), built.mid(), built.post(), built.draft()),
                a.waves().stream().map(AnalysisWave::id).toList());
        assertEquals(List.of(23, MID_COUNT, 23, 0), a.waves().stream().map(AnalysisWave::submitted).toList(),
                "member 24 started POST without submitting and is not counted");
        assertEquals(built.pre(), a.beforeWaveId());
        assertEquals(built.post(), a.afterWaveId());
        assertEquals(BOTH, a.pairedRespondents());
        assertEquals(List.of("SUPPORT", "SITE", "SOURCES", "K1"), a.tracked().stream()
                .map(SurveyAnalysis.TrackedQuestion::code).toList());
        SurveyAnalysis.TrackedQuestion sources = a.tracked().get(2);
        assertTrue(sources.kindsDiffer(), "MID asks SOURCES as a single choice");
        assertEquals(List.of(built.pre(), built.mid(), built.post(), built.draft()), sources.waveIds());
        assertFalse(a.tracked().get(0).kindsDiffer());
        assertEquals(List.of("SUPPORT", "SITE", "SOURCES", "K1"),
                a.questions().stream().map(QuestionAnalysis::code).toList());
        assertNull(a.weighting());
        assertEquals(List.of(SeoulDefaults.REGION, SeoulDefaults.GENDER, SeoulDefaults.AGE_BAND), a.weightingFeatures());
    }

    @Test
    void aScaleComparesTheSamePeopleAndCountsWhoCrossedTheMidpoint() {
        QuestionAnalysis q = question(analyse(null, null, null), "SUPPORT");
        assertEquals(QuestionType.LIKERT_5, q.type());
        assertEquals(List.of("1", "2", "3", "4", "5"), q.categories().stream().map(QuestionAnalysis.Category::code).toList());
        assertEquals("매우 찬성", q.categories().get(4).label().ko(), "the question's label of point 5");
        assertEquals("3", q.categories().get(2).label().ko(), "an unlabelled point shows its number");
        assertEquals(List.of(built.pre(), built.mid(), built.post(), built.draft()),
                q.waves().stream().map(QuestionAnalysis.WaveAnswers::waveId).toList(), "every wave that asks it");
        assertEquals(List.of(23, MID_COUNT, 23, 0), q.waves().stream().map(QuestionAnalysis.WaveAnswers::answered).toList());

        QuestionAnalysis.WaveAnswers pre = inWave(q, built.pre());
        for (int point = 1; point <= 5; point++) {
            int p = point;
            long count = preSubmitters().filter(i -> AnalysisFixture.supportPre(i) == p).count();
            CategoryShare share = pre.distribution().get(point - 1);
            assertEquals(String.valueOf(point), share.category());
            assertEquals(count, share.count());
            assertEquals(count / 23.0, share.share(), EPS);
        }
        assertEquals(preSubmitters().map(AnalysisFixture::supportPre).average().orElseThrow(), pre.mean(), EPS);
        assertEquals(postSubmitters().map(AnalysisFixture::supportPost).average().orElseThrow(),
                inWave(q, built.post()).mean(), EPS);
        assertEquals(IntStream.range(0, MID_COUNT).map(AnalysisFixture::supportMid).average().orElseThrow(),
                inWave(q, built.mid()).mean(), EPS);
        assertTrue(Double.isNaN(inWave(q, built.draft()).mean()), "nobody answered the draft");

        assertEquals(BOTH, q.pairedN());
        assertPaired(q.change(), bothSubmitters().mapToDouble(AnalysisFixture::supportPre).toArray(),
                bothSubmitters().mapToDouble(AnalysisFixture::supportPost).toArray());
        assertEquals(PositionRule.SIDE_OF_MIDPOINT, q.positionRule());
        ShareChange position = q.position();
        long up = bothSubmitters().filter(i -> side(AnalysisFixture.supportPost(i)) > side(AnalysisFixture.supportPre(i)))
                .count();
        long down = bothSubmitters().filter(i -> side(AnalysisFixture.supportPost(i)) < side(AnalysisFixture.supportPre(i)))
                .count();
        assertEquals(BOTH, position.n());
        assertEquals(up, position.increased());
        assertEquals(down, position.decreased());
        assertEquals(BOTH - up - down, position.unchanged());
        assertEquals((up + down) / (double) BOTH, position.shareChanged(), EPS);
        assertTrue(up > 0 && down > 0, "the fixture moves people both ways");
    }

    @Test
    void choicesCountAnyOtherOptionAndSetsOfOptionsShareOfPeople() {
        SurveyAnalysis a = analyse(null, null, null);
        QuestionAnalysis site = question(a, "SITE");
        assertEquals(PositionRule.OPTION, site.positionRule());
        assertNull(site.change(), "no mean of options");
        IntPredicate answeredSiteBoth = i -> AnalysisFixture.sitePost(i) != null;
        long pairs = bothSubmitters().filter(answeredSiteBoth).count();
        long changed = bothSubmitters().filter(answeredSiteBoth)
                .filter(i -> !AnalysisFixture.sitePre(i).equals(AnalysisFixture.sitePost(i))).count();
        assertTrue(pairs < BOTH, "some skipped it after");
        assertEquals(pairs, site.pairedN());
        assertEquals(pairs, site.position().n());
        assertEquals(changed, site.position().increased() + site.position().decreased());
        assertEquals(changed / (double) pairs, site.position().shareChanged(), EPS);
        QuestionAnalysis.WaveAnswers sitePost = inWave(site, built.post());
        long postAnswers = postSubmitters().filter(i -> AnalysisFixture.sitePost(i) != null).count();
        assertEquals(postAnswers, sitePost.answered());
        for (CategoryShare s : sitePost.distribution()) {
            long count = postSubmitters().filter(i -> s.category().equals(AnalysisFixture.sitePost(i))).count();
            assertEquals(count, s.count(), s.category());
            assertEquals(count / (double) postAnswers, s.share(), EPS);
        }
        assertTrue(Double.isNaN(site.waves().getFirst().mean()));

        QuestionAnalysis sources = question(a, "SOURCES");
        assertEquals(List.of(built.pre(), built.post(), built.draft()),
                sources.waves().stream().map(QuestionAnalysis.WaveAnswers::waveId).toList(),
                "MID asks it as another kind and is left out");
        QuestionAnalysis.WaveAnswers pre = inWave(sources, built.pre());
        long preAnswers = preSubmitters().filter(i -> AnalysisFixture.sourcesPre(i) != null).count();
        assertEquals(preAnswers, pre.answered());
        for (CategoryShare s : pre.distribution()) {
            long chose = preSubmitters().filter(i -> AnalysisFixture.sourcesPre(i) != null
                    && AnalysisFixture.sourcesPre(i).contains(s.category())).count();
            assertEquals(chose, s.count(), s.category());
            assertEquals(chose / (double) preAnswers, s.share(), EPS, "a share of the people answering");
        }
        IntPredicate both = i -> AnalysisFixture.sourcesPre(i) != null;
        long setPairs = bothSubmitters().filter(both).count();
        long setChanged = bothSubmitters().filter(both).filter(i -> !new HashSet<>(AnalysisFixture.sourcesPre(i))
                .equals(new HashSet<>(AnalysisFixture.sourcesPost(i)))).count();
        assertEquals(setPairs, sources.pairedN());
        assertEquals(setChanged / (double) setPairs, sources.position().shareChanged(), EPS,
                "the same options in another order is no change");
        assertNull(sources.correctOption());

        QuestionAnalysis k1 = question(a, "K1");
        assertEquals("t", k1.correctOption(), "a tracked knowledge item says which option is right");
        assertEquals(PositionRule.OPTION, k1.positionRule());
        assertEquals(BOTH, k1.pairedN());
        long k1Changed = bothSubmitters().filter(i -> !AnalysisFixture.k1(false, i).equals(AnalysisFixture.k1(true, i)))
                .count();
        assertEquals(k1Changed / (double) BOTH, k1.position().shareChanged(), EPS);
    }

    @Test
    void theChangeIsBrokenDownByEveryValueOfEveryRecruitmentFeature() {
        QuestionAnalysis q = question(analyse(null, null, null), "SUPPORT");
        List<String> expectedRows = new ArrayList<>();
        built.roster().features().forEach(f -> built.roster().values().get(f).forEach(v -> expectedRows.add(f + "=" + v)));
        assertEquals(expectedRows, q.strata().stream().map(s -> s.feature() + "=" + s.value()).toList(),
                "every value of every target feature, in the targets' order");
        int tested = 0;
        for (StratumChange s : q.strata()) {
            int[] group = bothSubmitters().filter(i -> s.value().equals(built.roster().members().get(i).value(s.feature())))
                    .toArray();
            assertEquals(group.length, s.n(), s.feature() + "=" + s.value());
            if (group.length < 2) {
                assertTrue(s.tooSmall());
                assertNull(s.change(), "too small a group gets no statistics");
                assertNull(s.position());
            } else {
                tested++;
                assertPaired(s.change(), IntStream.of(group).mapToDouble(AnalysisFixture::supportPre).toArray(),
                        IntStream.of(group).mapToDouble(AnalysisFixture::supportPost).toArray());
                long changed = IntStream.of(group).filter(i -> side(AnalysisFixture.supportPre(i))
                        != side(AnalysisFixture.supportPost(i))).count();
                assertEquals(changed / (double) group.length, s.position().shareChanged(), EPS);
            }
        }
        assertTrue(tested >= 4, "several groups are large enough");
        for (String feature : built.roster().features()) {
            assertEquals(BOTH, q.strata().stream().filter(s -> s.feature().equals(feature))
                    .mapToInt(StratumChange::n).sum(), "every matched person is in one group of " + feature);
        }
    }

    /** The share of the knowledge items shown (K3 only to those choosing site a) answered correctly. */
    static double index(boolean post, int i) {
        String site = post ? AnalysisFixture.sitePost(i) : AnalysisFixture.sitePre(i);
        int shown = "a".equals(site) ? 3 : 2;
        int correct = ("t".equals(AnalysisFixture.k1(post, i)) ? 1 : 0)
                + ("y".equals(AnalysisFixture.k2(post, i)) ? 1 : 0)
                + ("a".equals(site) && "x".equals(AnalysisFixture.k3(post, i)) ? 1 : 0);
        return correct / (double) shown;
    }

    @Test
    void theKnowledgeIndexIsTheShareOfShownItemsAnsweredCorrectly() {
        KnowledgeAnalysis k = analyse(null, null, null).knowledge();
        assertNotNull(k);
        assertEquals(List.of(built.pre(), built.post(), built.draft()),
                k.waves().stream().map(KnowledgeAnalysis.WaveIndex::waveId).toList(), "MID has no knowledge items");
        KnowledgeAnalysis.WaveIndex pre = k.waves().getFirst();
        assertEquals(List.of("K1", "K2", "K3"), pre.items());
        assertEquals(23, pre.respondents());
        assertEquals(preSubmitters().mapToDouble(i -> index(false, i)).average().orElseThrow(), pre.mean(), EPS);
        assertEquals(postSubmitters().mapToDouble(i -> index(true, i)).average().orElseThrow(), k.waves().get(1).mean(),
                EPS);
        assertEquals(0, k.waves().get(2).respondents());
        assertTrue(Double.isNaN(k.waves().get(2).mean()));
        assertTrue(k.sameItems());
        assertEquals(BOTH, k.pairedN());
        assertPaired(k.change(), bothSubmitters().mapToDouble(i -> index(false, i)).toArray(),
                bothSubmitters().mapToDouble(i -> index(true, i)).toArray());
        assertEquals(BOTH, k.strata().stream().filter(s -> s.feature().equals(SeoulDefaults.GENDER))
                .mapToInt(StratumChange::n).sum());
        assertTrue(k.strata().stream().allMatch(s -> s.position() == null), "no positions for an index");
    }

    @Test
    void weightingByOneFeatureMakesTheRespondentsLookLikeThePopulation() {
        String feature = SeoulDefaults.GENDER;
        Map<String, Double> shares = new LinkedHashMap<>();
        FeatureTarget target = signIn.facilitator(() -> targets.targets(built.processId())).orElseThrow().features().stream()
                .filter(f -> f.feature().equals(feature)).findFirst().orElseThrow();
        double total = target.values().stream().mapToDouble(ValueTarget::populationShare).sum();
        target.values().forEach(v -> shares.put(v.value(), v.populationShare() / total));
        IntFunction<String> cell = i -> built.roster().members().get(i).value(feature);

        SurveyAnalysis a = analyse(null, null, feature);
        assertEquals(feature, a.weighting().feature());
        SurveyAnalysis.WaveWeights preWeights = a.weighting().waves().getFirst();
        assertEquals(built.pre(), preWeights.waveId());
        assertEquals(23, preWeights.respondents());
        assertEquals(23, preWeights.weighable(), "every seated member has a gender");
        assertEquals(kish(weights(preSubmitters().toArray(), cell, shares)), preWeights.effectiveN(), 1e-6);
        assertTrue(preWeights.emptyCells().isEmpty());
        SurveyAnalysis.WaveWeights draftWeights = a.weighting().waves().get(3);
        assertEquals(0, draftWeights.weighable());
        assertEquals(List.copyOf(shares.keySet()), draftWeights.emptyCells());

        // The weighted mean of SUPPORT in PRE: each person weighs population share ÷ sample share of their gender.
        int[] pre = preSubmitters().toArray();
        double[] w = weights(pre, cell, shares);
        double weightedSum = 0;
        double weightTotal = 0;
        for (int k = 0; k < pre.length; k++) {
            weightedSum += w[k] * AnalysisFixture.supportPre(pre[k]);
            weightTotal += w[k];
        }
        QuestionAnalysis.Weighted support = inWave(question(a, "SUPPORT"), built.pre()).weighted();
        assertEquals(23, support.weighable());
        assertEquals(weightedSum / weightTotal, support.mean().mean(), EPS);
        assertEquals(kish(w), support.effectiveN(), 1e-6);
        double unweighted = preSubmitters().map(AnalysisFixture::supportPre).average().orElseThrow();
        assertTrue(Math.abs(weightedSum / weightTotal - unweighted) > 1e-6, "the weights change the estimate");

        // A weighted distribution over the people who answered the question in POST.
        int[] site = postSubmitters().filter(i -> AnalysisFixture.sitePost(i) != null).toArray();
        double[] sw = weights(site, cell, shares);
        QuestionAnalysis.Weighted sitePost = inWave(question(a, "SITE"), built.post()).weighted();
        assertEquals(kish(sw), sitePost.effectiveN(), 1e-6);
        assertNull(sitePost.mean(), "no mean of options");
        double swTotal = 0;
        for (double x : sw) {
            swTotal += x;
        }
        for (WeightedShare s : sitePost.distribution()) {
            double chose = 0;
            for (int k = 0; k < site.length; k++) {
                if (s.category().equals(AnalysisFixture.sitePost(site[k]))) {
                    chose += sw[k];
                }
            }
            assertEquals(chose / swTotal, s.share(), EPS, s.category());
        }

        KnowledgeAnalysis.WaveIndex knowledgePre = a.knowledge().waves().getFirst();
        double kSum = 0;
        for (int k = 0; k < pre.length; k++) {
            kSum += w[k] * index(false, pre[k]);
        }
        assertEquals(kSum / weightTotal, knowledgePre.weighted().mean(), EPS);
        assertEquals(kish(w), knowledgePre.effectiveN(), 1e-6);
    }

    static double[] weights(int[] members, IntFunction<String> cell, Map<String, Double> shares) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int m : members) {
            counts.merge(cell.apply(m), 1, Integer::sum);
        }
        double[] w = new double[members.length];
        for (int k = 0; k < members.length; k++) {
            String c = cell.apply(members[k]);
            w[k] = shares.get(c) / (counts.get(c) / (double) members.length);
        }
        return w;
    }

    static double kish(double[] w) {
        double sum = 0;
        double squares = 0;
        for (double x : w) {
            sum += x;
            squares += x * x;
        }
        return sum * sum / squares;
    }

    @Test
    void anyTwoWavesCanBeComparedAndAPairWithoutCommonRespondentsHasNoStatistics() {
        SurveyAnalysis midPost = analyse(built.mid(), built.post(), null);
        assertEquals(MID_COUNT, midPost.pairedRespondents());
        assertEquals(List.of("SUPPORT"), midPost.questions().stream().map(QuestionAnalysis::code).toList(),
                "SITE is not asked in MID and SOURCES is another kind there");
        assertPaired(question(midPost, "SUPPORT").change(),
                IntStream.range(0, MID_COUNT).mapToDouble(AnalysisFixture::supportMid).toArray(),
                IntStream.range(0, MID_COUNT).mapToDouble(AnalysisFixture::supportPost).toArray());
        assertEquals(0, midPost.knowledge().pairedN(), "MID has no knowledge items");
        assertNull(midPost.knowledge().change());

        SurveyAnalysis postDraft = analyse(built.post(), built.draft(), null);
        assertEquals(0, postDraft.pairedRespondents());
        assertEquals(4, postDraft.questions().size());
        for (QuestionAnalysis q : postDraft.questions()) {
            assertEquals(0, q.pairedN());
            assertNull(q.change());
            assertNull(q.position());
            assertTrue(q.strata().stream().allMatch(s -> s.n() == 0 && s.change() == null));
        }
        assertEquals(0, postDraft.knowledge().pairedN());

        assertEquals("survey.analysis.same-wave", refusal(() -> analyse(built.pre(), built.pre(), null)));
        assertEquals("survey.wave.not-found", refusal(() -> analyse(built.pre(), -1L, null)));
        assertEquals("survey.wave.not-found", refusal(() -> analyse(built.pre(), null, null)));
        assertEquals("survey.analysis.unknown-feature", refusal(() -> analyse(null, null, "혈액형")));
    }

    @Test
    void aProcessWithoutWavesHasAnEmptyAnalysis() {
        long empty = signIn.facilitator(() -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("설문 없는 공론화"))));
        SurveyAnalysis a = signIn.facilitator(() -> analysis.analysis(empty, null, null, null));
        assertTrue(a.waves().isEmpty());
        assertTrue(a.tracked().isEmpty());
        assertFalse(a.hasPair());
        assertTrue(a.questions().isEmpty());
        assertNull(a.knowledge());
        assertTrue(a.weightingFeatures().isEmpty(), "no targets, nothing to weight by");
    }

    @Test
    void noNameLeavesTheService() {
        String everything = analyse(null, null, SeoulDefaults.REGION).toString();
        for (RosterMember m : built.roster().members()) {
            assertFalse(everything.contains(m.displayName()), "the analysis names nobody");
        }
    }

    static String refusal(Runnable work) {
        return assertThrows(UserFacingException.class, work::run).messageKey();
    }
}
