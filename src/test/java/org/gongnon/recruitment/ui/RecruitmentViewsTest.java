package org.gongnon.recruitment.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.upload.Upload;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.gongnon.base.ui.ShareBarChart;
import org.gongnon.demo.SyntheticPool;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.DrawService;
import org.gongnon.recruitment.DrawSummary;
import org.gongnon.recruitment.PoolService;
import org.gongnon.recruitment.QuotaRow;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The recruitment pages in a browserless UI, on the demo process and on fresh processes. */
class RecruitmentViewsTest extends ViewTestBase {

    @Autowired
    ProcessService processes;
    @Autowired
    TargetsService targets;
    @Autowired
    PoolService pool;
    @Autowired
    DrawService draws;

    long demo() {
        return DemoFixtures.demoProcessId(processes);
    }

    String path(long processId, String step) {
        return "processes/" + processId + "/recruitment/" + step;
    }

    /** Background work reports back through UI.access; round-trip until it has. */
    static void await(BooleanSupplier done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("background work did not finish in time");
            }
            // The test thread holds the session lock, so tasks queued by UI.access from the worker wait
            // for it: run them here, as the end of a request would.
            com.vaadin.flow.server.VaadinSession session = com.vaadin.flow.server.VaadinSession.getCurrent();
            session.getService().runPendingAccessTasks(session);
            roundTrip();
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Autowired
    org.gongnon.recruitment.PanelSeatingService seating;

    @Test
    @WithUserDetails("facilitator")
    void theDemoDrawIsInTheHistoryAndItsResultShowsPanelReservesAndRepresentativeness() {
        DrawHistoryView history = assertInstanceOf(DrawHistoryView.class, open(path(demo(), "draws")));
        List<DrawSummary> listed = draws.history(demo());
        assertFalse(listed.isEmpty(), "the demo has a completed draw");
        assertEquals(listed.size(), test(history.grid).size());
        DrawSummary demoDraw = listed.getLast();
        assertEquals("LEXIMIN", demoDraw.algorithm());
        assertEquals(300, demoDraw.panelSize());

        DrawResultView result = assertInstanceOf(DrawResultView.class,
                open(path(demo(), "draws/" + demoDraw.id())));
        assertEquals(demoDraw.fingerprint(), find(Span.class).id("result-fingerprint").getText());
        assertEquals(300 - result.details.replacements().stream().filter(r -> r.replacement().isEmpty()).count(),
                test(result.panelGrid).size());
        result.sheet.setSelectedIndex(1);
        assertEquals(60, test(result.reserveGrid).size());
        result.sheet.setSelectedIndex(4);
        assertEquals(1000, test(result.probabilityGrid).size());
        result.sheet.setSelectedIndex(2);
        assertEquals(3, find(ShareBarChart.class).all().size(), "one chart per feature: 권역, 성별, 연령대");
        assertTrue(find(Paragraph.class).all().stream().anyMatch(p -> p.getText().contains("χ²")));
    }

    @Test
    @WithUserDetails("facilitator")
    void aFacilitatorStartsFromSeoulsDefaultsAndSeesTheQuotaTable() {
        long id = processes.createProcess(ProcessTestForms.titled(TestNames.unique("목표 뷰")));
        TargetsView view = assertInstanceOf(TargetsView.class, open(path(id, "targets")));
        assertTrue(find(Paragraph.class).withClassName("gn-empty").exists());
        test(find(Button.class).id("use-seoul-defaults")).click();
        view.panelSize.clear();
        test(find(Button.class).id("save-targets")).click();
        assertTrue(view.panelSize.isInvalid(), "a panel of 0 is refused on its field");
        assertTrue(targets.targets(id).isEmpty(), "nothing was saved");

        test(view.panelSize).setValue(120);
        test(find(Button.class).id("save-targets")).click();
        assertFalse(view.panelSize.isInvalid());
        assertTrue(notificationTexts().contains(ko("recruitment.targets.saved")));
        List<QuotaRow> rows = targets.quotaTable(id);
        assertEquals(13, rows.size());
        assertEquals(13, test(view.quotaGrid).size());
        assertEquals(120, rows.stream().filter(r -> r.feature().equals("성별")).mapToInt(QuotaRow::seats).sum());
    }

    @Test
    @WithUserDetails("facilitator")
    void priorOpinionCanBeAddedAndSharesFilledInFromThePool() {
        TargetsView view = assertInstanceOf(TargetsView.class, open(path(demo(), "targets")));
        int before = view.featureEditors.getChildren().toList().size();
        test(find(Button.class).id("add-opinion")).click();
        test(find(Button.class).id("add-opinion")).click();
        assertEquals(before + 1, view.featureEditors.getChildren().toList().size(), "added once");
        assertEquals("사전의견", view.current().features().getLast().feature());

        TargetsView.FeatureEditor region = (TargetsView.FeatureEditor) view.featureEditors.getChildren().findFirst()
                .orElseThrow();
        region.fillFromPool();
        long central = pool.overview(demo()).counts().get("권역").get("도심권");
        assertEquals(central / 1000.0, view.current().features().getFirst().values().getFirst().populationShare(), 1e-9,
                "도심권's share is now its share of the 1,000 respondents");
        assertTrue(targets.targets(demo()).orElseThrow().features().stream().noneMatch(f -> f.feature().equals("사전의견")),
                "nothing is saved before Save");
    }

    @Test
    @WithUserDetails("facilitator")
    void theDemoPoolCanBeFilteredAndIsLockedAfterTheDraw() {
        PoolView view = assertInstanceOf(PoolView.class, open(path(demo(), "pool")));
        assertEquals(1000, test(view.grid).size());
        test(view.filters.get("권역")).selectItem("도심권");
        long central = pool.overview(demo()).counts().get("권역").get("도심권");
        assertEquals(central, test(view.grid).size());
        assertEquals(ko("recruitment.pool.shown", central, 1000), view.shown.getText());
        assertFalse(find(Upload.class).exists(), "a drawn pool cannot be replaced");

        assertInstanceOf(DrawView.class, open(path(demo(), "draw")));
        assertTrue(find(Paragraph.class).withId("draw-again-warning").exists(),
                "drawing again is possible, but the page says every earlier draw stays on record");
    }

    @Test
    @WithUserDetails("facilitator")
    void aFacilitatorImportsAPoolDrawsAndRecordsADecline() {
        long id = processes.createProcess(ProcessTestForms.titled(TestNames.unique("가져오기 뷰")));
        targets.save(id, small(targets.seoulDefaults("test")));
        PoolView view = assertInstanceOf(PoolView.class, open(path(id, "pool")));
        byte[] csv = SyntheticPool.toCsv(SyntheticPool.generate(SyntheticPool.DEFAULT_SEED, 200));
        test(find(Upload.class).id("pool-upload")).upload("응답자.csv", "text/csv", csv);
        await(() -> find(Button.class).withId("check-pool").exists());
        PoolImportPanel panel = find(PoolImportPanel.class).single();
        assertEquals("이름", panel.columns.get("name").getValue(), "the name column is guessed");
        test(find(Button.class).id("check-pool")).click();
        await(() -> panel.checked != null);
        assertTrue(panel.checked.isClean());
        test(find(Button.class).id("import-pool")).click();
        await(() -> pool.overview(id).members().size() == 200 && test(view.grid).size() == 200);

        DrawView drawView = assertInstanceOf(DrawView.class, open(path(id, "draw")));
        assertFalse(find(Paragraph.class).withId("draw-again-warning").exists(), "no earlier draw");
        assertTrue(find(Span.class).id("draw-fingerprint").getText().matches("[0-9a-f]{64}"));
        test(drawView.seed).setValue("12 34 56");
        test(drawView.drawButton).click();
        ConfirmDialog confirm = find(ConfirmDialog.class).single();
        test(confirm).confirm();
        await(() -> getCurrentView() instanceof DrawResultView);
        DrawResultView result = (DrawResultView) getCurrentView();
        assertEquals(123456L, result.details.summary().seed());
        assertTrue(find(Paragraph.class).id("result-certificate").getText().startsWith("최적성 증명: 모든 단계에서"),
                "the result says how the lottery was proven optimal");
        long drawId = result.details.summary().id();
        assertFalse(open(path(demo(), "draws/" + drawId)) instanceof DrawResultView,
                "a draw is only shown under its own process's address");
        result = assertInstanceOf(DrawResultView.class, open(path(id, "draws/" + drawId)));
        assertEquals(20, test(result.panelGrid).size());
        assertEquals(ko("recruitment.seating.not-seated"), find(Paragraph.class).id("seating-state").getText());
        test(find(Button.class).id("seat-panel")).click();
        assertEquals(20, seating.roster(id).members().size(), "the drawn panel is seated as panel members");
        assertTrue(find(Paragraph.class).id("seating-state").getText().contains("facilitator"));

        long leaving = result.details.currentPanel().getFirst().member().id();
        result.proposeFor(result.details.currentPanel().getFirst());
        assertTrue(find(Paragraph.class).id("replacement-proposal").getText().length() > 0);
        test(find(ConfirmDialog.class).last()).confirm();
        assertEquals(1, result.details.replacements().size());
        assertEquals(leaving, result.details.replacements().getFirst().declined().id());
        // The seated panel follows the replacement at once: the one who left is withdrawn, the reserve joins.
        List<Long> seatedPool = seating.roster(id).members().stream()
                .map(org.gongnon.recruitment.RosterMember::poolMemberId).toList();
        assertFalse(seatedPool.contains(leaving));
        assertEquals(result.details.currentPanel().size(), seatedPool.size());
    }

    @Test
    @WithUserDetails("official")
    void officialsCannotOpenRecruitmentPages() {
        for (String step : List.of("targets", "pool", "draw", "draws")) {
            assertFalse(open(path(demo(), step)) instanceof RecruitmentPage, step);
        }
    }

    private static org.gongnon.recruitment.RecruitmentTargets small(org.gongnon.recruitment.RecruitmentTargets seoul) {
        return new org.gongnon.recruitment.RecruitmentTargets(20, seoul.toleranceMode(), 2, 5, seoul.sharesSource(),
                seoul.features());
    }
}
