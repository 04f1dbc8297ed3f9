package org.gongnon.recommendation.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Set;
import org.gongnon.process.ProcessRole;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recommendation.ItemForm;
import org.gongnon.recommendation.ItemResult;
import org.gongnon.recommendation.RecommendationItem;
import org.gongnon.recommendation.RecommendationService;
import org.gongnon.recommendation.SupportRule;
import org.gongnon.recommendation.VoteFixture;
import org.gongnon.security.StaffAccountService;
import org.gongnon.survey.WaveQuestion;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The recommendations page in a browserless UI, on a process whose panel has voted (see {@link VoteFixture}). */
class RecommendationsViewTest extends ViewTestBase {

    private static VoteFixture.Built built;

    @Autowired
    SignIn signIn;
    @Autowired
    VoteFixture votes;
    @Autowired
    ProcessService processes;
    @Autowired
    StaffAccountService staff;
    @Autowired
    RecommendationService service;

    @BeforeEach
    void fixture() {
        if (built == null) {
            built = votes.build(TestNames.unique("권고안 화면"));
        }
    }

    RecommendationsView openPage(long processId) {
        UI.getCurrent().navigate("processes/" + processId + "/recommendations");
        return assertInstanceOf(RecommendationsView.class, getCurrentView());
    }

    long newestItem(long processId) {
        return signIn.facilitator(() -> service.items(processId)).getLast().itemId();
    }

    ItemResult result(long itemId) {
        return signIn.facilitator(() -> service.results(built.processId())).items().stream().filter(i -> i.itemId() == itemId)
                .findFirst().orElseThrow();
    }

    String text(String id) {
        return find(Paragraph.class).id(id).getText();
    }

    @Test
    @WithUserDetails("facilitator")
    void anEmptyListSaysSoAndTheEditorShowsTheServicesProblemsAtTheFields() {
        long id = signIn.facilitator(() -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("권고안 없음"))));
        RecommendationsView view = openPage(id);
        assertTrue(view.empty.isVisible());
        assertEquals(ko("recommendation.empty"), find(Paragraph.class).withClassName("gn-empty").single().getText());
        assertEquals(66.67, view.adopt.getValue(), 1e-9, "two thirds until the process says otherwise");
        assertEquals(50.0, view.reservations.getValue(), 1e-9);

        test(find(Button.class).id("new-item")).click();
        RecommendationsView.ItemDialog dialog = find(RecommendationsView.ItemDialog.class).single();
        test(dialog.save).click();
        assertTrue(dialog.isOpened());
        assertEquals(ko("recommendation.error.title-required"), dialog.title.getErrorMessage());
        assertTrue(dialog.title.isInvalid());
        assertEquals(ko("recommendation.error.text-required"), dialog.text.getErrorMessage());
        assertTrue(signIn.facilitator(() -> service.items(id)).isEmpty(), "nothing was saved");

        test(dialog.title).setValue("음식물 쓰레기 감량");
        test(dialog.text).setValue("2030년까지 음식물 쓰레기를 30% 줄인다.");
        test(dialog.save).click();
        assertFalse(dialog.isOpened());
        List<RecommendationItem> items = signIn.facilitator(() -> service.items(id));
        assertEquals(1, items.size());
        long itemId = items.getFirst().itemId();
        assertFalse(view.empty.isVisible());
        assertEquals(ko("recommendation.item.heading", 1, "음식물 쓰레기 감량"),
                find(H3.class).id("item-heading-" + itemId).getText());
        assertEquals(ko("recommendation.status.no_vote"), find(Span.class).id("status-" + itemId).getText());
        assertEquals(ko("recommendation.support.no-vote"), text("support-" + itemId));
    }

    @Test
    @WithUserDetails("facilitator")
    void aChoiceItemShowsSupportWithItsIntervalItsOptionsAndItsSupportPerStratum() {
        RecommendationsView view = openPage(built.processId());
        test(find(Button.class).id("new-item")).click();
        RecommendationsView.ItemDialog dialog = find(RecommendationsView.ItemDialog.class).single();
        test(dialog.title).setValue("부지 선택");
        test(dialog.text).setValue("A 부지에 짓는다.");
        WaveQuestion r2 = dialog.vote.getListDataView().getItems().filter(q -> q.code().equals("R2")).findFirst()
                .orElseThrow();
        assertTrue(dialog.vote.getListDataView().getItems().noneMatch(q -> q.code().equals("NOTE")),
                "a text question cannot carry a vote");
        dialog.vote.setValue(r2);
        assertTrue(dialog.ruleOptions.isVisible());
        assertFalse(dialog.ruleMin.isVisible());
        dialog.ruleOptions.setValue(Set.of("a"));
        test(find(Button.class).withText(ko("recommendation.option.add")).single()).click();
        test(find(Button.class).withText(ko("recommendation.option.add")).single()).click();
        dialog.optionRows.get(0).label.setValue("A 부지");
        dialog.optionRows.get(0).code.setValue("a");
        dialog.optionRows.get(1).label.setValue("B 부지");
        dialog.optionRows.get(1).code.setValue("b");
        test(dialog.save).click();
        assertFalse(dialog.isOpened(), "saved: " + dialog.conflict.getElement().getTextRecursively());

        long itemId = newestItem(built.processId());
        ItemResult r = result(itemId);
        assertEquals(6, r.support().supporters());
        assertEquals(10, r.support().voters());
        String support = text("support-" + itemId);
        assertTrue(support.contains("60.0%") && support.contains("6/10명"), support);
        assertTrue(support.contains(r.voteSource()), support);
        assertEquals(ko("recommendation.status.with_reservations"), find(Span.class).id("status-" + itemId).getText());
        assertTrue(find(Paragraph.class).withId("missing-opinion-" + itemId).exists(),
                "short of adoption and no minority opinion: the page says so");

        @SuppressWarnings("unchecked")
        Grid<ItemResult.OptionResult> options = find(Grid.class).id("options-" + itemId);
        assertEquals(2, test(options).size());
        assertEquals("A 부지", test(options).getCellText(0, 0));
        assertEquals(ko("recommendation.count-of", 6, 10), test(options).getCellText(0, 1));
        assertEquals(ko("recommendation.count-of", 3, 10), test(options).getCellText(1, 1));
        assertEquals("30.0%", test(options).getCellText(1, 2));

        @SuppressWarnings("unchecked")
        Grid<ItemResult.StratumSupport> strata = find(Grid.class).id("strata-" + itemId);
        assertEquals(r.byStratum().size(), test(strata).size());
        ItemResult.StratumSupport first = r.byStratum().getFirst();
        assertEquals(first.feature(), test(strata).getCellText(0, 0));
        assertEquals(first.value(), test(strata).getCellText(0, 1));
        assertEquals(ko("recommendation.count-of", first.supporters(), first.voters()), test(strata).getCellText(0, 2));
    }

    @Test
    @WithUserDetails("facilitator")
    void thresholdsAreCheckedAtTheFieldsAndChangeEachItemsStatus() {
        long itemId = signIn.facilitator(() -> service.save(new ItemForm(built.processId(), null, null, "R1 동의", "내용", null,
                List.of(), built.waveId(), "R1", SupportRule.atLeast(4), null))).itemId();
        RecommendationsView view = openPage(built.processId());
        assertEquals(ko("recommendation.status.adopted"), find(Span.class).id("status-" + itemId).getText(),
                "7 of 10 is above two thirds");

        test(view.adopt).setValue(120.0);
        test(view.reservations).setValue(50.0);
        test(view.saveThresholds).click();
        assertTrue(view.adopt.isInvalid());
        assertEquals(ko("recommendation.error.threshold-range"), view.adopt.getErrorMessage());
        assertEquals(2.0 / 3, signIn.facilitator(() -> service.thresholds(built.processId())).adopt(), 1e-9, "nothing saved");

        test(view.adopt).setValue(40.0);
        test(view.saveThresholds).click();
        assertEquals(ko("recommendation.error.reservations-above-adopt"), view.reservations.getErrorMessage());

        test(view.adopt).setValue(75.0);
        test(view.saveThresholds).click();
        assertFalse(view.adopt.isInvalid());
        assertEquals(0.75, signIn.facilitator(() -> service.thresholds(built.processId())).adopt(), 1e-9);
        assertEquals(ko("recommendation.status.with_reservations"), find(Span.class).id("status-" + itemId).getText(),
                "70 % is short of 75 %");

        // Back to what the field showed at first: read as two thirds again.
        test(view.adopt).setValue(66.67);
        test(view.saveThresholds).click();
        assertEquals(2.0 / 3, signIn.facilitator(() -> service.thresholds(built.processId())).adopt(), 1e-9);
        assertEquals(ko("recommendation.status.adopted"), find(Span.class).id("status-" + itemId).getText());
    }

    @Test
    @WithUserDetails("facilitator")
    void minorityOpinionsHistoryAndDeletingWorkFromTheCards() {
        long itemId = signIn.facilitator(() -> service.save(new ItemForm(built.processId(), null, null, "지하화", "지하에 짓는다.", null,
                List.of(), built.waveId(), "R1", SupportRule.atLeast(5), null))).itemId();
        RecommendationsView view = openPage(built.processId());
        assertTrue(find(Paragraph.class).withId("missing-opinion-" + itemId).exists());

        test(find(Button.class).id("add-opinion-" + itemId)).click();
        RecommendationsView.OpinionDialog opinion = find(RecommendationsView.OpinionDialog.class).single();
        assertEquals(7, opinion.holders.getValue(), "prefilled: 10 voters, 3 supporters");
        test(opinion.save).click();
        assertTrue(opinion.isOpened());
        assertEquals(ko("recommendation.error.opinion-position-required"), opinion.position.getErrorMessage());
        assertEquals(ko("recommendation.error.opinion-reasons-required"), opinion.reasons.getErrorMessage());
        test(opinion.position).setValue("지상에 짓고 차폐한다");
        test(opinion.reasons).setValue("지하화 비용이 너무 크다");
        test(opinion.save).click();
        assertFalse(opinion.isOpened());
        assertFalse(find(Paragraph.class).withId("missing-opinion-" + itemId).exists());
        assertEquals(1, result(itemId).minorityOpinions().size());
        assertEquals(7, result(itemId).minorityOpinions().getFirst().holders());

        test(find(Button.class).id("edit-item-" + itemId)).click();
        RecommendationsView.ItemDialog edit = find(RecommendationsView.ItemDialog.class).single();
        assertEquals("지하화", edit.title.getValue());
        assertEquals(5, edit.ruleMin.getValue(), "the rule is loaded with the item");
        test(edit.title).setValue("소각시설 지하화");
        test(edit.changeNote).setValue("제목을 분명하게");
        test(edit.save).click();
        assertFalse(edit.isOpened());
        assertEquals(2, signIn.facilitator(() -> service.item(itemId)).version());

        test(find(Button.class).id("history-item-" + itemId)).click();
        RecommendationsView.HistoryDialog history = find(RecommendationsView.HistoryDialog.class).single();
        assertEquals(2, history.versions.size());
        assertTrue(find(Div.class).id("version-2").getElement().getTextRecursively().contains("제목을 분명하게"));
        assertTrue(find(Div.class).id("version-1").getElement().getTextRecursively().contains("지하화"));
        history.close();

        test(find(Button.class).id("delete-item-" + itemId)).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertTrue(signIn.facilitator(() -> service.items(built.processId())).stream().noneMatch(i -> i.itemId() == itemId));
        assertFalse(find(Div.class).withId("item-" + itemId).exists());
    }

    @Test
    @WithUserDetails("official")
    void anOfficialReadsTheItemsWithoutButtonsThatChangeThem() {
        long itemId = signIn.facilitator(() -> service.save(ItemForm.newItem(built.processId(), "공무원이 볼 항목", "내용"))).itemId();
        signIn.admin(() -> {
            long official = staff.listAssignableStaff().stream().filter(a -> a.username().equals("official"))
                    .findFirst().orElseThrow().id();
            if (processes.getProcess(built.processId()).team().stream().noneMatch(t -> t.accountId() == official)) {
                processes.assignToProcess(built.processId(), official, ProcessRole.OFFICIAL);
            }
        });
        RecommendationsView view = openPage(built.processId());
        assertFalse(view.canEdit);
        assertTrue(find(Paragraph.class).withId("items-read-only").exists());
        assertTrue(view.adopt.isReadOnly());
        assertTrue(find(Div.class).withId("item-" + itemId).exists());
        assertTrue(find(Button.class).withId("history-item-" + itemId).exists(), "history is for reading");
        for (String id : List.of("new-item", "save-thresholds", "edit-item-" + itemId, "delete-item-" + itemId,
                "add-opinion-" + itemId, "up-item-" + itemId)) {
            assertFalse(find(Button.class).withId(id).exists(), id);
        }
    }
}
