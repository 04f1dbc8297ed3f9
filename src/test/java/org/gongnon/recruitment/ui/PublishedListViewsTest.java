package org.gongnon.recruitment.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import org.gongnon.demo.SyntheticPool;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.PoolFilePreview;
import org.gongnon.recruitment.PoolService;
import org.gongnon.recruitment.RecruitmentTargets;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.recruitment.ToleranceMode;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/**
 * The draw from a published list in a browserless UI: the draw page's second mode publishes the list, the list page
 * shows the numbered panels (ids only) with print and download, and the number typed in picks the panel.
 */
class PublishedListViewsTest extends ViewTestBase {

    @Autowired
    ProcessService processes;
    @Autowired
    TargetsService targets;
    @Autowired
    PoolService pool;

    @Test
    @WithUserDetails("facilitator")
    void aListIsPublishedPrintedAndDrawnFromByNumber() {
        String title = TestNames.unique("공개 목록 화면");
        long id = processes.createProcess(ProcessTestForms.titled(title));
        RecruitmentTargets seoul = targets.seoulDefaults("test");
        targets.save(id, new RecruitmentTargets(20, ToleranceMode.SEATS, 2, 4, seoul.sharesSource(), seoul.features()));
        byte[] csv = SyntheticPool.toCsv(SyntheticPool.generate(SyntheticPool.DEFAULT_SEED, 200));
        PoolFilePreview preview = pool.preview(id, "pool.csv", csv);
        pool.importFile(id, "pool.csv", csv, preview.guessed(), false,
                (key, args) -> key, n -> { });

        DrawView drawView = assertInstanceOf(DrawView.class, open("processes/" + id + "/recruitment/draw"));
        assertFalse(find(PublishListPanel.class).exists(), "the list mode is built when chosen");
        test(drawView.mode).selectItem(ko("recruitment.draw.mode.list"));
        PublishListPanel panel = find(PublishListPanel.class).single();
        assertEquals(1000, panel.count.getValue(), "a thousand panels by default: three ten-sided dice");
        assertEquals(ko("recruitment.list.count-invalid", 10_000), panel.count.getI18n().getMaxErrorMessage(),
                "an M out of range turns the field red and says why (the button is off)");
        assertEquals(ko("recruitment.list.count-invalid", 10_000), panel.count.getI18n().getRequiredErrorMessage());
        test(panel.count).setValue(100);
        assertTrue(find(com.vaadin.flow.component.html.Span.class).id("list-fingerprint").getText().matches("[0-9a-f]{64}"));
        test(panel.publish).click();
        test(find(ConfirmDialog.class).single()).confirm();
        RecruitmentViewsTest.await(() -> getCurrentView() instanceof PublishedListView);

        PublishedListView listView = (PublishedListView) getCurrentView();
        assertEquals(100, listView.panels.getChildren().count());
        String first = ((ListItem) listView.panels.getChildren().findFirst().orElseThrow()).getText();
        assertEquals(20, first.split(" ").length, "20 pool ids, separated by single spaces");
        assertTrue(first.matches("[0-9 ]+"), "ids only, no names: " + first);
        assertEquals(ko("recruitment.list.process", title), find(Paragraph.class).id("list-process").getText(),
                "the printed list names its process (the app's frame is not printed)");
        assertTrue(find(com.vaadin.flow.component.html.Div.class).all().stream()
                .filter(d -> d.hasClassName("gn-print-area")).findFirst().orElseThrow().getElement().getChildren()
                .findFirst().orElseThrow().getChildren().anyMatch(c -> "list-process".equals(c.getAttribute("id"))),
                "inside the part that is printed");
        assertTrue(find(Button.class).withId("print-list").exists());
        assertTrue(find(Anchor.class).withId("download-list").exists());
        String loss = find(Paragraph.class).id("list-loss").getText();
        assertTrue(loss.startsWith("최소 선정 확률") && loss.matches(".*\\d\\.\\d\\d%p 낮음\\)$"),
                "the difference in percentage points, like the chances beside it: " + loss);

        assertEquals(ko("recruitment.list.number-invalid", 100), listView.number.getI18n().getMaxErrorMessage(),
                "a number out of range says why as it is typed");
        assertTrue(((com.vaadin.flow.component.orderedlayout.HorizontalLayout) listView.number.getParent().orElseThrow())
                .isWrap(), "on a phone the button goes below the field, not off the screen");

        assertEquals(100, listView.number.getMax(), "the field takes numbers of the list only");
        test(listView.drawButton).click();
        assertTrue(listView.number.isInvalid(), "no number, no draw: the field says so before anything happens");
        assertFalse(find(ConfirmDialog.class).exists());
        test(listView.number).setValue(42);
        test(listView.drawButton).click();
        test(find(ConfirmDialog.class).single()).confirm();
        DrawResultView result = assertInstanceOf(DrawResultView.class, getCurrentView());
        assertEquals(42L, result.details.summary().seed());
        assertTrue(find(Paragraph.class).id("result-from-list").getText().startsWith("공개 목록의 100개 중 42번 참여단"));
        String recordLine = find(Paragraph.class).all().stream().map(Paragraph::getText)
                .filter(t -> t.contains("참여단 20명 · 예비")).findFirst().orElseThrow();
        assertTrue(recordLine.contains("뽑은 번호 42") && !recordLine.contains("시드"),
                "no seed was typed: the record line names the number drawn: " + recordLine);
        assertEquals(listView.list.panels().get(41).stream().sorted().toList(), result.details.currentPanel().stream()
                .map(s -> String.valueOf(s.member().id())).sorted().toList());

        // The history says the same: the list and the number, not a seed nobody typed.
        DrawHistoryView history = assertInstanceOf(DrawHistoryView.class, open("processes/" + id + "/recruitment/draws"));
        assertEquals(ko("recruitment.history.list-number", listView.list.summary().id(), 42), test(history.grid).getCellText(0, 4));
    }
}
