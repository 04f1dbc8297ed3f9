package org.gongnon.survey.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableHeaderCell;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Section;
import com.vaadin.flow.component.html.UnorderedList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.gongnon.base.ui.ShareBarChart;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.SeoulDefaults;
import org.gongnon.survey.AnalysisFixture;
import org.gongnon.survey.LocalText;
import org.gongnon.survey.SurveyService;
import org.gongnon.survey.WaveAudience;
import org.gongnon.survey.WaveForm;
import org.gongnon.survey.WaveKind;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The analysis page in a browserless UI, on the analysis fixture's process (answers known in advance). */
class SurveyAnalysisViewTest extends ViewTestBase {

    private static AnalysisFixture.Built built;

    @Autowired
    AnalysisFixture analysisFixture;
    @Autowired
    ProcessService processes;
    @Autowired
    SurveyService surveys;

    AnalysisFixture.Built fixture() {
        if (built == null) {
            built = analysisFixture.build();
        }
        return built;
    }

    SurveyAnalysisView openAnalysis(long processId) {
        return assertInstanceOf(SurveyAnalysisView.class, open("processes/" + processId + "/surveys/analysis"));
    }

    NativeTable table(String id) {
        return find(NativeTable.class).id(id);
    }

    List<String> headings(String tableId) {
        return table(tableId).getHead().getRow(0).orElseThrow().getHeaderCells().stream()
                .map(NativeTableHeaderCell::getText).toList();
    }

    boolean present(String id) {
        return !find(Component.class).withId(id).all().isEmpty();
    }

    static String two(double value) {
        return AnalysisFormats.number(Locale.KOREAN, value, 2);
    }

    @Test
    @WithUserDetails("facilitator")
    void theDefaultComparisonShowsACardPerTrackedQuestionWithItsNumbers() {
        AnalysisFixture.Built b = fixture();
        SurveyAnalysisView view = openAnalysis(b.processId());
        assertEquals(b.pre(), view.before.getValue().id());
        assertEquals(b.post(), view.after.getValue().id());
        assertEquals(ko("survey.analysis.summary", "1차 설문", 23,
                "3차 설문", 23, AnalysisFixture.BOTH),
                find(Paragraph.class).id("analysis-summary").getText());
        for (String code : List.of("SUPPORT", "SITE", "SOURCES", "K1")) {
            assertTrue(present("analysis-question-" + code), code);
        }
        assertTrue(present("analysis-legend"));

        // The distribution chart: one series per wave with answers (the draft has none), with its hidden table.
        ShareBarChart chart = find(ShareBarChart.class).id("chart-SUPPORT");
        String chartText = chart.getElement().getTextRecursively();
        assertTrue(chartText.contains(ko("survey.analysis.series", ko("survey.analysis.wave-short", 1), 23)));
        assertTrue(chartText.contains(ko("survey.analysis.series", ko("survey.analysis.wave-short", 2),
                AnalysisFixture.MID_COUNT)));
        assertFalse(chartText.contains(ko("survey.analysis.wave-short", 4)), "no bars for a wave nobody answered");
        long fives = IntStream.rangeClosed(0, AnalysisFixture.PRE_ONLY).filter(i -> AnalysisFixture.supportPre(i) == 5)
                .count();
        assertTrue(chartText.contains(String.format(Locale.ROOT, "%.1f%%", fives * 100.0 / 23)));

        // Means per wave, then the change among the same 22 people, worked out here from the answers.
        List<List<String>> means = SurveyAnalysisView.rows(table("means-SUPPORT"));
        assertEquals(4, means.size());
        assertEquals(List.of("1차 설문", "23",
                two(IntStream.rangeClosed(0, AnalysisFixture.PRE_ONLY).map(AnalysisFixture::supportPre).average()
                        .orElseThrow())), means.getFirst());
        assertEquals("–", means.get(3).get(2), "no mean without answers");

        double[] before = IntStream.range(0, AnalysisFixture.BOTH).mapToDouble(AnalysisFixture::supportPre).toArray();
        double[] after = IntStream.range(0, AnalysisFixture.BOTH).mapToDouble(AnalysisFixture::supportPost).toArray();
        double meanBefore = java.util.Arrays.stream(before).average().orElseThrow();
        double meanAfter = java.util.Arrays.stream(after).average().orElseThrow();
        List<String> change = SurveyAnalysisView.rows(table("change-SUPPORT")).getFirst();
        assertEquals(ko("survey.analysis.all"), change.get(0));
        assertEquals("22", change.get(1));
        assertEquals(two(meanBefore), change.get(2));
        assertEquals(two(meanAfter), change.get(3));
        assertTrue(change.get(4).matches(Pattern.quote(AnalysisFormats.signed(Locale.KOREAN, meanAfter - meanBefore, 2))
                + " \\[−?\\d+\\.\\d\\d, −?\\d+\\.\\d\\d]"), "difference and its CI: " + change.get(4));
        assertTrue(change.get(6).matches("< 0\\.001|\\d\\.\\d{3}"), "p as 0.000 or < 0.001: " + change.get(6));
        assertTrue(change.get(7).matches("< 0\\.001|\\d\\.\\d{3}"), change.get(7));
        assertTrue(change.get(9).matches("\\d+\\.\\d% \\[\\d+\\.\\d%, \\d+\\.\\d%]"), "share changed: " + change.get(9));
        assertEquals(List.of(ko("survey.analysis.col.group"), ko("survey.analysis.col.n"),
                ko("survey.analysis.col.mean-before"), ko("survey.analysis.col.mean-after"),
                ko("survey.analysis.col.difference"), ko("survey.analysis.col.t"), ko("survey.analysis.col.t-p"),
                ko("survey.analysis.col.wilcoxon-p"), ko("survey.analysis.col.effect"), ko("survey.analysis.col.changed"),
                ko("survey.analysis.col.up-down")), headings("change-SUPPORT"));
        NativeTableHeaderCell effect = table("change-SUPPORT").getHead().getRow(0).orElseThrow().getHeaderCells().get(8);
        assertEquals(ko("survey.analysis.legend.effect.text"), effect.getElement().getAttribute("title"),
                "each statistic explains itself in a tooltip");

        // A knowledge item's chart marks the correct option.
        assertTrue(find(ShareBarChart.class).id("chart-K1").getElement().getTextRecursively()
                .contains(ko("survey.analysis.correct-option", "맞다")));

        // A choice has no means: only the share who changed option.
        assertEquals(List.of(ko("survey.analysis.col.group"), ko("survey.analysis.col.n"),
                ko("survey.analysis.col.changed")), headings("change-SITE"));

        // By stratum: a row per value of every recruitment feature; groups under 2 show their n and dashes.
        List<List<String>> strata = SurveyAnalysisView.rows(table("strata-SUPPORT"));
        int values = b.roster().features().stream().mapToInt(f -> b.roster().values().get(f).size()).sum();
        assertEquals(values, strata.size());
        String firstFeature = b.roster().features().getFirst();
        assertEquals(String.valueOf(b.roster().values().get(firstFeature).size()), table("strata-SUPPORT").getBody()
                .getRows().getFirst().getHeaderCells().getFirst().getElement().getAttribute("rowspan"),
                "a feature heads its rows once");
        for (List<String> row : strata) {
            int n = (int) IntStream.range(0, AnalysisFixture.BOTH)
                    .filter(i -> row.get(1).equals(b.roster().members().get(i).value(row.get(0)))).count();
            assertEquals(String.valueOf(n), row.get(2), row.toString());
            if (n < 2) {
                assertEquals("–", row.get(3), "no statistics for a group of " + n);
            } else {
                assertFalse(row.get(3).equals("–"));
            }
        }

        // The knowledge index per wave as a share.
        assertTrue(present("analysis-knowledge"));
        List<List<String>> knowledge = SurveyAnalysisView.rows(table("knowledge-waves"));
        assertEquals(3, knowledge.size(), "PRE, POST and the draft have knowledge items; MID has none");
        assertEquals("K1, K2, K3", knowledge.getFirst().get(1));
        assertEquals("23", knowledge.getFirst().get(2));
        assertTrue(knowledge.getFirst().get(3).endsWith("%"));
        assertEquals("22", SurveyAnalysisView.rows(table("knowledge-change")).getFirst().get(1));
    }

    @Test
    @WithUserDetails("facilitator")
    void choosingWavesAndAWeightingFeatureRedrawsTheResults() {
        AnalysisFixture.Built b = fixture();
        SurveyAnalysisView view = openAnalysis(b.processId());

        test(view.weighting).selectItem(SeoulDefaults.GENDER);
        assertTrue(present("analysis-weighting-card"));
        assertEquals(4, SurveyAnalysisView.rows(table("weighting-table")).size());
        assertTrue(headings("means-SUPPORT").contains(ko("survey.analysis.col.weighted-mean")));
        assertTrue(present("chart-weighted-SUPPORT"));
        String weightedMean = SurveyAnalysisView.rows(table("means-SUPPORT")).getFirst().get(3);
        assertTrue(weightedMean.matches("\\d\\.\\d\\d \\[−?\\d+\\.\\d\\d, \\d+\\.\\d\\d]"), weightedMean);

        test(view.before).selectItem(view.before.getItemLabelGenerator().apply(
                view.analysis.wave(b.mid()).orElseThrow()));
        assertTrue(present("analysis-question-SUPPORT"));
        assertFalse(present("analysis-question-SITE"), "not asked in MID");
        String others = find(UnorderedList.class).id("analysis-other-tracked").getElement().getTextRecursively();
        assertTrue(others.contains("SITE") && others.contains("SOURCES"), others);
        assertTrue(others.contains(ko("survey.analysis.other-tracked.kinds-differ")));

        test(view.before).selectItem(view.before.getItemLabelGenerator().apply(
                view.analysis.wave(b.post()).orElseThrow()));
        assertTrue(present("analysis-refusal"), "the same wave twice is refused");
        assertEquals(ko("survey.analysis.same-wave"), find(Paragraph.class).id("analysis-refusal").getText());

        test(view.after).selectItem(view.after.getItemLabelGenerator().apply(
                view.analysis.wave(b.draft()).orElseThrow()));
        assertTrue(present("analysis-empty-common"), "nobody answered the draft");
        assertTrue(present("change-empty-SUPPORT"));
        assertFalse(present("change-SUPPORT"));
    }

    @Test
    @WithUserDetails("facilitator")
    void aProcessWithoutWavesOrWithOneWaveSaysSo() {
        long none = processes.createProcess(ProcessTestForms.titled(TestNames.unique("설문 없는 공론화")));
        openAnalysis(none);
        assertEquals(ko("survey.analysis.empty.no-waves"), find(Paragraph.class).id("analysis-empty-waves").getText());
        assertFalse(present("analysis-legend"));

        WaveForm form = surveys.newWaveForm(none);
        surveys.saveWave(none, null, new WaveForm(form.number(), WaveKind.PRE, LocalText.of("사전 설문", "Pre"),
                form.opensAt(), form.closesAt(), WaveAudience.WHOLE_PANEL, null, form.purpose(), form.retention(),
                null));
        SurveyAnalysisView view = openAnalysis(none);
        assertEquals(ko("survey.analysis.empty.one-wave"), find(Paragraph.class).id("analysis-empty-pair").getText());
        assertEquals(ko("survey.analysis.wave-label", 1, "사전 설문") + " · " + ko("survey.analysis.submitted-count", 0),
                view.before.getItemLabelGenerator().apply(view.analysis.waves().getFirst()),
                "a title without its number gets one");
        assertTrue(find(Section.class).withId("analysis-question-SUPPORT").all().isEmpty());
    }
}
