package org.gongnon.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.gongnon.report.ReportDocument.BarChart;
import org.gongnon.report.ReportDocument.BarGroup;
import org.gongnon.report.ReportDocument.Block;
import org.gongnon.report.ReportDocument.KeyValue;
import org.gongnon.report.ReportDocument.KeyValues;
import org.gongnon.report.ReportDocument.Paragraph;
import org.gongnon.report.ReportDocument.Section;
import org.gongnon.report.ReportDocument.Table;

/** A realistic Korean report: an overview, the panel (one row per person), one section per survey wave. */
final class SampleReports {

    static final String TITLE = "서울시 생활폐기물 처리시설 공론화 — 권고안 보고서";
    static final String SCRIPT = "<script>alert('x')</script>";
    static final String FORMULA = "=cmd|' /C calc'!A0";
    static final String LONG_LABEL = "광역 자원회수시설을 현 부지에 증설하고 주민지원기금을 두 배로 늘리는 방안에 대한 지지";
    static final String[] PANEL_HEADERS = {"번호", "참여자", "성별", "연령대", "거주 지역", "사전 지지도", "사후 지지도", "비고"};
    static final String[] REGIONS = {"종로구", "마포구", "강서구", "노원구", "은평구", "송파구", "강남구", "관악구"};

    private SampleReports() {
    }

    static ReportDocument sample(int people, int waves) {
        Random random = new Random(20260915);
        List<Section> sections = new ArrayList<>();
        sections.add(new Section("1. 공론화 개요", List.of(
                new Paragraph("""
                        이 보고서는 시민참여단 %d명이 네 차례의 숙의 과정을 거쳐 마련한 권고안과 그 근거를 담고 있습니다. \
                        참여자는 층화 무작위 추첨으로 선정되었으며, 성별·연령대·거주 지역이 서울시 인구 구성과 \
                        비슷하도록 하였습니다.

                        숙의 과정에서는 전문가 발표, 분임 토의, 전체 토의를 거쳤습니다. 참여자 한 분은 자유 의견에 \
                        "좋아요 🙂👍🏻 다음에도 참여하고 싶어요"라고 적었고, 다른 분은 %s 같은 글을 입력하기도 \
                        했습니다. 보고서는 입력된 글을 그대로 옮깁니다.

                        띄어쓰기없이아주길게이어지는한국어문장도페이지의너비를넘으면글자단위로줄을바꾸어야하며잘리거나\
                        겹치지않고모두보여야합니다그래서이문장은일부러한줄보다길게만들었습니다끝.
                        """.formatted(people, SCRIPT)),
                new KeyValues(List.of(
                        new KeyValue("주관 기관", "서울특별시 공론화위원회"),
                        new KeyValue("추첨 시드", "20260915"),
                        new KeyValue("참여 인원", people + "명 (예비 참여자 30명 별도)"),
                        new KeyValue("입력 지문 (SHA-256)",
                                "3f5a9c0e1b7d4a2f8e6c5b3a1d9f7e5c3b1a9f8e7d6c5b4a3f2e1d0c9b8a7f6e"),
                        new KeyValue("일정", "2026년 9월 15일 – 10월 2일, 네 차례 모임"))))));

        List<List<String>> panel = new ArrayList<>();
        for (int i = 1; i <= people; i++) {
            String note = i == 7 ? FORMULA : i == 11 ? "쉼표, \"따옴표\"와\n줄바꿈이 있는 비고" : i % 50 == 0 ? "예비 참여자로 교체됨" : "";
            panel.add(List.of(String.valueOf(i), String.format(Locale.ROOT, "참여자-%03d", i),
                    random.nextBoolean() ? "여성" : "남성", (20 + 10 * random.nextInt(6)) + "대",
                    REGIONS[random.nextInt(REGIONS.length)],
                    String.format(Locale.ROOT, "%.1f", 1 + 4 * random.nextDouble()),
                    i % 97 == 0 ? "-0.4" : String.format(Locale.ROOT, "%.1f", 1 + 4 * random.nextDouble()), note));
        }
        sections.add(new Section("2. 시민참여단 구성", List.of(
                new Paragraph("아래 표는 시민참여단 전원의 구성입니다. 이름 대신 가명 번호를 씁니다."),
                new Table("participants", "표 1. 시민참여단 명단과 지지도 변화", List.of(PANEL_HEADERS), panel))));

        String[] items = {"분리배출 의무화", "음식물 쓰레기 감량 목표", LONG_LABEL, "소각시설 현대화", "재활용 선별장 확충",
                "주민 감시단 운영", "매립지 사용 종료 시점", "처리 비용의 자치구 분담", "대형 폐기물 수거 개선",
                "일회용품 사용 제한 🙂", "교육 프로그램 확대", "처리 정보 공개"};
        for (int w = 1; w <= waves; w++) {
            List<BarGroup> support = new ArrayList<>();
            List<List<String>> rows = new ArrayList<>();
            for (String item : items) {
                double before = 0.3 + 0.5 * random.nextDouble();
                double after = Math.min(0.95, before + 0.15 * random.nextDouble());
                double half = 0.055;
                support.add(new BarGroup(item, List.of(before, after), List.of(before - half, after - half),
                        List.of(before + half, Math.min(1, after + half))));
                rows.add(List.of(item, String.format(Locale.ROOT, "%.3f", before),
                        String.format(Locale.ROOT, "%.3f", after), after >= 0.667 ? "권고" : after >= 0.5 ? "조건부 권고" : "권고하지 않음"));
            }
            List<BarGroup> knowledge = new ArrayList<>();
            for (int q = 1; q <= 6; q++) {
                knowledge.add(new BarGroup("지식 문항 " + q + (q == 3 ? " — 매립지 사용 기한과 대체 부지 선정 절차" : ""),
                        List.of(1 + 4 * random.nextDouble()), null, null));
            }
            List<Block> blocks = List.of(
                    new Paragraph("%d차 조사는 %d명이 응답했습니다. 지지율은 95%% 신뢰구간과 함께 보이며, 점선은 권고 기준(50%%, 66.7%%)입니다."
                            .formatted(w, people - w)),
                    new BarChart("그림 %d. %d차 조사: 권고안 항목별 지지율 (사전·사후)".formatted(2 * w - 1, w), List.of("사전", "사후"),
                            support, 1.0, true, List.of(0.5, 0.667),
                            "항목별 사전·사후 지지율 막대그래프. 사후 지지율이 가장 높은 항목은 분리배출 의무화입니다."),
                    new Table("wave-" + w + "-support", "표 %d. %d차 조사 항목별 지지율".formatted(w + 1, w),
                            List.of("항목", "사전 지지율", "사후 지지율", "판정"), rows),
                    new BarChart("그림 %d. %d차 조사: 지식 문항 평균 점수 (5점 만점)".formatted(2 * w, w), List.of("평균"),
                            knowledge, 5, false, List.of(), "지식 문항별 평균 점수."));
            sections.add(new Section("%d. %d차 조사 결과".formatted(2 + w, w), blocks));
        }
        sections.add(new Section("%d. 부록: 방법과 한계".formatted(3 + waves), List.of(
                new Paragraph("지지율의 신뢰구간은 윌슨 방법으로 계산했습니다. 응답하지 않은 참여자는 분모에서 제외했습니다."))));
        return new ReportDocument(TITLE, List.of("시민참여단 권고안 · 제1판", "발행일 2026년 10월 2일",
                "입력 지문 3f5a9c0e1b7d4a2f8e6c5b3a1d9f7e5c"), sections);
    }
}
