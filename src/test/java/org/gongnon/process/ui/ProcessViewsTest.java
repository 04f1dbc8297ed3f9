package org.gongnon.process.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import org.gongnon.demo.DemoData;
import org.gongnon.process.PanelMemberSummary;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.process.ui.HomeView;
import org.gongnon.process.ui.ProcessDetailView;
import org.gongnon.process.ui.ProcessEditorView;
import org.gongnon.process.ui.TimelineBar;
import org.gongnon.security.StaffAccountSummary;
import org.gongnon.testsupport.DemoFixtures;
import org.gongnon.testsupport.SeatedPanels;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessViewsTest extends ViewTestBase {

    @Autowired
    ProcessService processes;
    @Autowired
    SeatedPanels seatedPanels;

    long demoProcessId() {
        return DemoFixtures.demoProcessId(processes);
    }

    @Test
    @WithUserDetails("facilitator")
    void homeListsTheFacilitatorsProcessesWithTheirTimeline() {
        navigate(HomeView.class);
        Div card = find(Div.class).withClassName("gn-card").all().stream()
                .filter(c -> c.getElement().getAttribute("data-process-id").equals(String.valueOf(demoProcessId())))
                .findFirst().orElseThrow();
        TimelineBar timeline = find(TimelineBar.class, card).single();
        assertEquals(9, timeline.getChildren().count(), "one step per phase");
        assertTrue(timeline.getChildren().anyMatch(step -> "step".equals(step.getElement().getAttribute("aria-current"))),
                "the demo process is in a current phase");
        assertTrue(find(Button.class).id("new-process").isVisible());
    }

    @Test
    @WithUserDetails("official")
    void officialsCannotCreateProcesses() {
        navigate(HomeView.class);
        assertFalse(find(Button.class).withId("new-process").exists());
        assertFalse(open("processes/edit") instanceof ProcessEditorView);
    }

    @Test
    @WithUserDetails("facilitator")
    void aFacilitatorCreatesAProcessFromTheTemplate() {
        ProcessEditorView editor = navigate(ProcessEditorView.class);
        String title = TestNames.unique("뷰 테스트 공론화");
        test(editor.title).setValue(title);
        test(editor.publicQuestion).setValue("쓰레기를 어떻게 줄일 것인가");
        test(editor.organiser).setValue("서울특별시");
        test(editor.save).click();

        ProcessDetailView detail = assertInstanceOf(ProcessDetailView.class, getCurrentView());
        assertEquals(title, find(H2.class).first().getText());
        assertTrue(notificationTexts().contains(ko("editor.saved")));
        assertTrue(detail.getPageTitle().startsWith(title));
        assertTrue(processes.listMyProcesses().stream().anyMatch(p -> p.title().equals(title)));
    }

    @Test
    @WithUserDetails("facilitator")
    void missingFieldsAreMarkedAndNothingIsSaved() {
        int before = processes.listMyProcesses().size();
        ProcessEditorView editor = navigate(ProcessEditorView.class);
        test(editor.publicQuestion).setValue("질문만 있음");
        test(editor.starts.get(org.gongnon.process.Phase.EXPERT_FORUM)).setValue(null);
        test(editor.save).click();

        assertInstanceOf(ProcessEditorView.class, getCurrentView(), "the editor stays open with the input");
        assertTrue(editor.title.isInvalid());
        assertEquals(ko("validation.required"), editor.title.getErrorMessage());
        assertTrue(editor.organiser.isInvalid());
        assertTrue(editor.starts.get(org.gongnon.process.Phase.EXPERT_FORUM).isInvalid());
        assertEquals("질문만 있음", editor.publicQuestion.getValue(), "nothing the user typed is lost");
        assertEquals(before, processes.listMyProcesses().size());
    }

    @Test
    @WithUserDetails("facilitator")
    void aResidentRegistrationNumberInTheDescriptionIsShownAtTheFieldAndNothingIsSaved() {
        int before = processes.listMyProcesses().size();
        ProcessEditorView editor = navigate(ProcessEditorView.class);
        test(editor.title).setValue(TestNames.unique("식별번호 화면"));
        test(editor.publicQuestion).setValue("쓰레기를 어떻게 줄일 것인가");
        test(editor.organiser).setValue("서울특별시");
        test(editor.description).setValue("담당 주민 850302-1234567에게 연락");
        test(editor.save).click();

        assertInstanceOf(ProcessEditorView.class, getCurrentView(), "the editor stays open with the input");
        assertTrue(editor.description.isInvalid());
        assertEquals(ko("validation.id-number"), editor.description.getErrorMessage());
        assertTrue(ko("validation.id-number").contains("주민등록번호"));
        assertEquals(before, processes.listMyProcesses().size());
    }

    @Test
    @WithUserDetails("facilitator")
    void editingKeepsTheProcessAndShowsTheChange() {
        String title = TestNames.unique("편집 시험");
        long id = processes.createProcess(ProcessTestForms.titled(title));
        ProcessEditorView editor = navigate(ProcessEditorView.class, Map.of("id", String.valueOf(id)));
        assertEquals(title, editor.title.getValue());
        String description = TestNames.unique("설명 수정");
        test(editor.description).setValue(description);
        test(editor.save).click();
        assertInstanceOf(ProcessDetailView.class, getCurrentView());
        assertEquals(description, processes.getProcess(id).form().description());
    }

    @Test
    @WithUserDetails("facilitator")
    void facilitatorsIssueAPersonalLinkAndCodeShownOnce() {
        ProcessDetailView view = navigate(ProcessDetailView.class,
                seatedPanels.newProcessWithPanel(TestNames.unique("참여단 목록"), 20, 120));
        @SuppressWarnings("unchecked")
        Grid<PanelMemberSummary> grid = view.panelGrid;
        assertEquals(20, test(grid).size(), "the seated panel is listed");
        String name = TestNames.unique("새 참여자");
        TextField newMember = find(TextField.class).all().stream()
                .filter(f -> ko("panel.new-member").equals(f.getPlaceholder())).findFirst().orElseThrow();
        test(newMember).setValue(name);
        test(find(Button.class).withText(ko("panel.add")).single()).click();
        List<String> names = java.util.stream.IntStream.range(0, test(grid).size())
                .mapToObj(i -> test(grid).getRow(i).displayName()).toList();
        assertEquals(21, names.size());
        assertTrue(names.contains(name), names.toString());

        int row = names.indexOf(name);
        test(grid).getCellComponent(row, 2).getChildren().findFirst()
                .map(Button.class::cast).ifPresent(b -> test(b).click());
        Dialog dialog = find(Dialog.class).single();
        assertTrue(dialog.isOpened());
        String link = find(TextField.class, dialog).id("issued-link").getValue();
        String code = find(TextField.class, dialog).id("issued-code").getValue();
        assertTrue(link.contains("/c/") && link.length() > 50, link);
        assertTrue(code.matches("[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}"), code);
    }

    @Test
    @WithUserDetails("official")
    void officialsSeeTheProcessButNotThePanelOrTheEditButton() {
        navigate(ProcessDetailView.class, demoProcessId());
        assertEquals(DemoData.PROCESS_TITLE, find(H2.class).first().getText());
        assertFalse(find(Button.class).withId("edit-process").exists());
        assertFalse(find(Grid.class).exists(), "officials do not see citizens' access");
    }

    @Test
    @WithUserDetails("admin")
    void adminsPutTheTeamTogetherAndRemovingAsksFirst() {
        long id = processes.createProcess(new org.gongnon.process.ProcessForm(null, 0, TestNames.unique("팀 구성"),
                "질문", "", "주최", org.gongnon.process.ProcessStatus.DRAFT,
                processes.newProcessTemplate().retentionDate(), processes.newProcessTemplate().phases()));
        navigate(ProcessDetailView.class, id);
        assertTrue(find(Paragraph.class).all().stream().anyMatch(p -> p.getText().equals(ko("team.empty"))));

        @SuppressWarnings("unchecked")
        Select<StaffAccountSummary> account = find(Select.class).withCaption(ko("team.account")).single();
        test(account).selectItem("이공무 (" + ko("role.official") + ")");
        test(find(Button.class).withText(ko("team.assign")).single()).click();
        assertTrue(processes.team(id).stream().anyMatch(m -> m.username().equals("official")
                && m.role() == org.gongnon.process.ProcessRole.OFFICIAL));

        test(find(Button.class).withText(ko("team.remove")).single()).click();
        assertEquals(1, processes.team(id).size(), "nothing removed before confirming");
        test(find(ConfirmDialog.class).single()).confirm();
        assertTrue(processes.team(id).isEmpty());
    }

    @Test
    @WithUserDetails("admin")
    void anUnknownProcessSendsTheUserHomeWithAMessage() {
        assertInstanceOf(HomeView.class, open("processes/987654321"));
        assertTrue(notificationTexts().contains(ko("process.not-found")), notificationTexts().toString());
    }
}
