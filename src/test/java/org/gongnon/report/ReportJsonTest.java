package org.gongnon.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.gongnon.algorithms.stats.SupportShare;
import org.gongnon.algorithms.stats.SupportThresholds;
import org.gongnon.recommendation.ItemResult;
import org.gongnon.recommendation.RecommendationResults;
import org.gongnon.report.ReportDocument.BarChart;
import org.gongnon.report.ReportDocument.BarGroup;
import org.gongnon.report.ReportDocument.KeyValue;
import org.gongnon.report.ReportDocument.KeyValues;
import org.gongnon.report.ReportDocument.Paragraph;
import org.gongnon.report.ReportDocument.Section;
import org.gongnon.report.ReportDocument.Subheading;
import org.gongnon.report.ReportDocument.Table;
import org.junit.jupiter.api.Test;

/** What a review freezes comes back exactly as it was written: every kind of block, and the vote's figures. */
class ReportJsonTest {

    @Test
    void everyKindOfBlockSurvivesTheRoundTrip() {
        ReportDocument doc = new ReportDocument("보고서", List.of("제1판"), List.of(new Section("1. 개요", List.of(
                new Subheading("권고 1. 지하화"),
                new Paragraph("첫 문단\n\n둘째 문단 <script>"),
                new KeyValues(List.of(new KeyValue("추첨 시드", "20261122"))),
                new Table("recommendations", "권고 항목", List.of("번호", "찬성"), List.of(List.of("1", "70.0%"))),
                new BarChart("찬성 비율", List.of("찬성"), List.of(
                        new BarGroup("1. 지하화", List.of(0.7), List.of(0.4), List.of(0.9)),
                        new BarGroup("2. 공원", List.of(0.5), null, Arrays.asList((Double) null))),
                        1.0, true, List.of(0.5, 2 / 3.0), "막대그래프")))));
        assertEquals(doc, ReportJson.document(ReportJson.write(doc)));
    }

    @Test
    void theStatedRecommendationsComeBackWithTheirFiguresIncludingAnItemNobodyVotedOn() {
        SupportThresholds thresholds = SupportThresholds.twoThirdsAndMajority();
        ItemResult voted = new ItemResult(11, 1, 2, "지하화", "본문", "근거",
                List.of(new ItemResult.OptionResult("A", 6, 10, 0.6, 0.31, 0.83)), "5차 · 투표 · R1",
                SupportShare.of(7, 10, thresholds),
                List.of(new ItemResult.StratumSupport("권역", "서북권", 3, 1, 1 / 3.0, 0.06, 0.79)),
                List.of(new ItemResult.MinorityOpinion(5, "반대", "이유", 3, "facilitator",
                        Instant.parse("2026-12-06T10:15:30.123456Z"))),
                "박진행", Instant.parse("2026-12-06T09:00:00Z"));
        ItemResult unvoted = new ItemResult(12, 2, 1, "공원", "본문", null, List.of(), "5차 · 투표 · R2",
                SupportShare.of(0, 0, thresholds), List.of(), List.of(), "박진행", Instant.parse("2026-12-06T09:00:00Z"));
        RecommendationResults results = new RecommendationResults(7, thresholds, List.of(voted, unvoted));
        RecommendationResults back = ReportJson.recommendations(ReportJson.write(results));
        assertEquals(results, back);
        assertEquals(Double.NaN, back.items().get(1).support().share(), "NaN share of nobody's vote kept");
    }
}
