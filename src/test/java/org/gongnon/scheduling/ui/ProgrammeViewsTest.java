package org.gongnon.scheduling.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.router.RouterLink;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.gongnon.process.PanelService;
import org.gongnon.process.ProcessRole;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.recruitment.TargetsService;
import org.gongnon.scheduling.AgendaItemForm;
import org.gongnon.scheduling.AgendaKind;
import org.gongnon.scheduling.Programme;
import org.gongnon.scheduling.ProgrammeService;
import org.gongnon.scheduling.RoundForm;
import org.gongnon.scheduling.RoundKind;
import org.gongnon.scheduling.RoundRow;
import org.gongnon.scheduling.SessionForm;
import org.gongnon.scheduling.SessionSummary;
import org.gongnon.scheduling.VenueForm;
import org.gongnon.scheduling.VenueRow;
import org.gongnon.security.StaffAccountService;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;

/** The programme and session pages in a browserless UI, each test on a process of its own. */
class ProgrammeViewsTest extends ViewTestBase {

    /**
     * Inside the deliberation window of {@link ProcessTestForms}' phases (orientation 2027-01-25 to the
     * deliberation rounds' end 2027-02-14), so no "outside the phases" warning unless a test wants one.
     */
    static final LocalDate IN_WINDOW = LocalDate.of(2027, 2, 6);

    @Autowired
    SignIn signIn;
    @Autowired
    java.time.Clock clock;
    @Autowired
    ProcessService processes;
    @Autowired
    ProgrammeService programmes;
    @Autowired
    PanelService panel;
    @Autowired
    TargetsService targets;
    @Autowired
    StaffAccountService staff;

    long newProcess(String name) {
        return signIn.as("facilitator",
                () -> processes.createProcess(ProcessTestForms.titled(TestNames.unique(name))));
    }

    static String programmePath(long processId) {
        return "processes/" + processId + "/programme";
    }

    static String sessionPath(long processId, Object session) {
        return programmePath(processId) + "/sessions/" + session;
    }

    /**
     * Opens the programme page. A TabSheet attaches its tabs' content when the response is written, as
     * the end of a request would: a round trip does that here.
     */
    ProgrammeView openProgramme(long processId) {
        ProgrammeView view = assertInstanceOf(ProgrammeView.class, open(programmePath(processId)));
        roundTrip();
        return view;
    }

    void selectTab(ProgrammeView view, int index) {
        test(view.tabs).select(index);
        roundTrip();
    }

    Programme programme(long processId) {
        return signIn.facilitator(() -> programmes.programme(processId));
    }

    /** A round, a venue and one session, straight through the service. */
    SessionForm sessionThroughService(long processId, String title, int capacity) {
        return signIn.facilitator(() -> {
            RoundRow round = programmes.saveRound(new RoundForm(null, 0, processId, "권역별 토론", RoundKind.REGIONAL_DELIBERATION));
            VenueRow venue = programmes.saveVenue(new VenueForm(null, 0, processId, "시민청", "서울 중구 세종대로 110",
                    capacity, ""));
            return programmes.saveSession(new SessionForm(null, 0, processId, round.id(), title, IN_WINDOW,
                    LocalTime.of(14, 0), LocalTime.of(17, 0), venue.id(), "", null, null, true, "", false,
                    List.of(new AgendaItemForm(LocalTime.of(14, 0), LocalTime.of(15, 0), AgendaKind.PRESENTATION,
                            "전문가 발표", "김교수"))), true);
        });
    }

    @Test
    @WithUserDetails("facilitator")
    void aFacilitatorCreatesARoundAVenueAndASessionThroughThePages() {
        long id = newProcess("프로그램 뷰");
        // Targets give the panel its features (권역 …), so a session can be for one region.
        signIn.facilitator(() -> targets.save(id, targets.seoulDefaults("test")));
        ProgrammeView view = openProgramme(id);
        assertTrue(find(Paragraph.class).withClassName("gn-empty").exists(), "an empty programme says what to do first");
        assertFalse(view.newSession.isEnabled(), "no session before there is a round");

        // A round: refused without a title, then saved.
        test(find(Button.class).id("empty-add-round")).click();
        ProgrammeView.RoundDialog roundDialog = find(ProgrammeView.RoundDialog.class).single();
        test(roundDialog.kind).selectItem(ko("scheduling.round-kind.regional-deliberation"));
        test(roundDialog.save).click();
        assertTrue(roundDialog.title.isInvalid());
        assertEquals(ko("validation.required"), roundDialog.title.getErrorMessage());
        assertTrue(programme(id).rounds().isEmpty(), "nothing was saved");
        test(roundDialog.title).setValue("2차 권역별 숙의토론");
        test(roundDialog.save).click();
        assertFalse(roundDialog.isOpened());
        RoundRow round = programme(id).rounds().getFirst();
        assertEquals("2차 권역별 숙의토론", round.title());
        assertEquals(RoundKind.REGIONAL_DELIBERATION, round.kind());
        assertEquals(1, test(view.roundGrid).size());
        assertTrue(view.newSession.isEnabled());

        // A venue: a capacity of 0 is refused at its field by the service's own rule, then 40 is saved.
        selectTab(view, 3);
        test(find(Button.class).id("add-venue")).click();
        ProgrammeView.VenueDialog venueDialog = find(ProgrammeView.VenueDialog.class).single();
        test(venueDialog.name).setValue("동북권 시민센터");
        test(venueDialog.address).setValue("서울 노원구 동일로 1");
        test(venueDialog.capacity).setValue(0);
        test(venueDialog.save).click();
        assertTrue(venueDialog.capacity.isInvalid());
        assertEquals(ko("scheduling.venue.capacity-positive"), venueDialog.capacity.getErrorMessage());
        assertTrue(programme(id).venues().isEmpty());
        test(venueDialog.capacity).setValue(40);
        test(venueDialog.save).click();
        assertEquals(1, test(view.venueGrid).size());
        VenueRow venue = programme(id).venues().getFirst();
        assertEquals(40, venue.capacity());

        // A session for 동북권 with a one-item agenda.
        test(view.newSession).click();
        SessionEditorView editor = assertInstanceOf(SessionEditorView.class, getCurrentView());
        assertNull(editor.loaded.id());
        assertEquals(round, editor.round.getValue(), "the only round is preselected");
        test(editor.title).setValue("동북권 숙의토론");
        test(editor.date).setValue(IN_WINDOW);
        test(editor.start).setValue(LocalTime.of(10, 0));
        test(editor.end).setValue(LocalTime.of(12, 0));
        test(editor.venue).selectItem(ko("scheduling.session.venue-option", "동북권 시민센터", 40));
        test(editor.audience).selectItem(ko("scheduling.audience.part"));
        test(editor.audienceFeature).selectItem("권역");
        test(editor.audienceValue).selectItem("동북권");
        test(editor.addItem).click();
        SessionEditorView.AgendaRow item = editor.agenda.getFirst();
        assertEquals(LocalTime.of(10, 0), item.itemStart.getValue(), "the first item starts with the session");
        assertEquals(LocalTime.of(10, 30), item.itemEnd.getValue(), "and lasts half an hour");
        test(item.kind).selectItem(ko("scheduling.agenda-kind.small-group"));
        test(item.itemTitle).setValue("분임토의");
        test(editor.save).click();

        SessionEditorView saved = assertInstanceOf(SessionEditorView.class, getCurrentView());
        assertNotNull(saved.loaded.id(), "after saving a new session, its own page is shown");
        SessionSummary summary = programme(id).sessions().getFirst();
        assertEquals(saved.loaded.id(), summary.id());
        assertEquals("동북권 숙의토론", summary.title());
        assertEquals("권역", summary.audienceFeature());
        assertEquals("동북권", summary.audienceValue());
        assertEquals(List.of(new AgendaItemForm(LocalTime.of(10, 0), LocalTime.of(10, 30), AgendaKind.SMALL_GROUP,
                "분임토의", "")), saved.loaded.agenda());

        // The list shows it under its round, linked to its page.
        view = openProgramme(id);
        Grid<SessionSummary> grid = view.sessionGrids.get(round.id());
        assertEquals(1, test(grid).size());
        assertEquals(ko("scheduling.audience.subset", "권역", "동북권"), test(grid).getCellText(0, 5));
        assertEquals("동북권 시민센터", test(grid).getCellText(0, 4));
        assertEquals("10:00–12:00", test(grid).getCellText(0, 1));
        assertEquals("2027. 2. 6.(토)", test(grid).getCellText(0, 0), "Korean date with its weekday");
    }

    @Test
    @WithUserDetails("facilitator")
    void endBeforeStartIsShownAtTheFieldAgendaProblemsAboveTheAgendaAndNothingIsSaved() {
        long id = newProcess("시간 오류");
        signIn.facilitator(() -> programmes.saveRound(new RoundForm(null, 0, id, "오리엔테이션",
                RoundKind.ORIENTATION)));
        SessionEditorView editor = assertInstanceOf(SessionEditorView.class, open(sessionPath(id, "new")));
        test(editor.title).setValue("오리엔테이션");
        test(editor.date).setValue(IN_WINDOW);
        test(editor.start).setValue(LocalTime.of(14, 0));
        test(editor.end).setValue(LocalTime.of(13, 0));
        test(editor.onlineUrl).setValue("https://meet.example.org/orientation");
        test(editor.addItem).click(); // its title left empty
        test(editor.save).click();

        assertTrue(editor.end.isInvalid());
        assertEquals(ko("scheduling.session.end-before-start"), editor.end.getErrorMessage());
        assertTrue(editor.agendaErrors.isVisible());
        List<String> agendaProblems = editor.agendaErrors.getChildren()
                .flatMap(c -> c instanceof UnorderedList list ? list.getChildren() : Stream.empty())
                .map(c -> ((ListItem) c).getText()).toList();
        assertTrue(agendaProblems.contains(ko("scheduling.agenda.title-required", 1)), agendaProblems.toString());
        assertTrue(editor.agenda.getFirst().hasClassName("gn-agenda-row-invalid"));
        assertTrue(programme(id).sessions().isEmpty(), "nothing was saved");
        assertNull(editor.warningsDialog);

        test(editor.end).setValue(LocalTime.of(16, 0));
        test(editor.agenda.getFirst().itemTitle).setValue("인사");
        test(editor.agenda.getFirst().kind).selectItem(ko("scheduling.agenda-kind.other"));
        test(editor.save).click();
        assertEquals(1, programme(id).sessions().size(), "once corrected it saves");
    }

    @Test
    @WithUserDetails("facilitator")
    void moreExpectedPeopleThanSeatsAsksFirstAndSavesOnceAccepted() {
        long id = newProcess("수용 인원");
        signIn.facilitator(() -> {
            for (String name : List.of("가", "나", "다")) {
                panel.addPanelMember(id, "참여자 " + name);
            }
            programmes.saveRound(new RoundForm(null, 0, id, "전체 토론", RoundKind.GRAND_DELIBERATION));
            programmes.saveVenue(new VenueForm(null, 0, id, "작은 방", "서울 종로구 1", 2, "엘리베이터 있음"));
        });
        SessionEditorView editor = assertInstanceOf(SessionEditorView.class, open(sessionPath(id, "new")));
        test(editor.title).setValue("시민대토론회");
        test(editor.date).setValue(IN_WINDOW);
        test(editor.venue).selectItem(ko("scheduling.session.venue-option", "작은 방", 2));
        test(editor.save).click();

        assertNotNull(editor.warningsDialog, "three expected, two seats: the facilitator is asked");
        List<String> warnings = editor.warningsDialog.getChildren()
                .flatMap(c -> c instanceof UnorderedList list ? list.getChildren() : Stream.empty())
                .map(c -> ((ListItem) c).getText()).toList();
        assertEquals(List.of(ko("scheduling.warning.over-capacity", 3, 2)), warnings);
        test(find(Button.class).id("warnings-back")).click();
        assertNull(editor.warningsDialog);
        assertTrue(programme(id).sessions().isEmpty(), "going back saves nothing");

        test(editor.save).click();
        test(find(Button.class).id("warnings-accept")).click();
        SessionEditorView saved = assertInstanceOf(SessionEditorView.class, getCurrentView());
        assertNotNull(saved.loaded.id());
        SessionSummary summary = programme(id).sessions().getFirst();
        assertEquals("시민대토론회", summary.title());
        assertEquals(3, summary.expected());
        assertEquals(2, summary.venueCapacity());
    }

    @Test
    @WithUserDetails("facilitator")
    void aStaleEditorGetsTheConflictMessageAndKeepsItsInput() {
        long id = newProcess("동시 수정");
        SessionForm session = sessionThroughService(id, "전문가 포럼", 100);
        SessionEditorView editor = assertInstanceOf(SessionEditorView.class, open(sessionPath(id, session.id())));
        assertEquals(session.version(), editor.loaded.version());
        test(editor.title).setValue("전문가 포럼 (수정 A)");

        // Meanwhile someone else saves the same session.
        signIn.facilitator(() -> {
            SessionForm theirs = programmes.session(session.id());
            programmes.saveSession(new SessionForm(theirs.id(), theirs.version(), id, theirs.roundId(), "전문가 포럼 (수정 B)",
                    theirs.date(), theirs.start(), theirs.end(), theirs.venueId(), theirs.onlineUrl(), null, null,
                    theirs.required(), theirs.whatToBring(), false, theirs.agenda()), true);
        });

        test(editor.save).click();
        assertTrue(editor.conflict.isVisible());
        assertTrue(find(Paragraph.class).all().stream().anyMatch(p -> p.getText().equals(ko("scheduling.concurrent-edit"))));
        assertTrue(notificationTexts().contains(ko("scheduling.concurrent-edit")));
        assertEquals("전문가 포럼 (수정 A)", editor.title.getValue(), "the user's input stays on screen");
        assertEquals("전문가 포럼 (수정 B)", signIn.facilitator(() -> programmes.session(session.id())).title(),
                "the other change was not overwritten");

        test(find(Button.class).id("reload-session")).click();
        assertEquals("전문가 포럼 (수정 B)", editor.title.getValue());
        assertFalse(editor.conflict.isVisible());
        test(editor.title).setValue("전문가 포럼 (최종)");
        test(editor.save).click();
        assertEquals("전문가 포럼 (최종)", signIn.facilitator(() -> programmes.session(session.id())).title(),
                "with the latest version loaded, the save goes through");
    }

    @Test
    @WithUserDetails("facilitator")
    void theCalendarOpensOnTheNextSessionsMonthAndShowsItInItsDay() {
        long id = newProcess("달력");
        SessionForm session = sessionThroughService(id, "권역 토론", 100);
        ProgrammeView view = openProgramme(id);
        selectTab(view, 1);
        ProgrammeCalendar calendar = view.calendar;
        assertEquals(YearMonth.from(IN_WINDOW), calendar.month(), "opens on the month of the next session");

        Component day = calendar.dayCell(IN_WINDOW).orElseThrow();
        List<RouterLink> links = day.getChildren().flatMap(ProgrammeViewsTest::descendants)
                .filter(RouterLink.class::isInstance).map(RouterLink.class::cast).toList();
        assertEquals(1, links.size());
        assertEquals("14:00 권역 토론", links.getFirst().getText());
        assertEquals(sessionPath(id, session.id()), links.getFirst().getHref());
        assertTrue(links.getFirst().getElement().getAttribute("aria-label").startsWith(
                ScheduleTexts.fullDate(java.util.Locale.KOREAN, IN_WINDOW)), "its accessible name starts with the full date");
        assertTrue(calendar.dayCell(IN_WINDOW.plusDays(1)).orElseThrow().getChildren()
                .flatMap(ProgrammeViewsTest::descendants).noneMatch(RouterLink.class::isInstance), "the next day is empty");

        test(calendar.next).click();
        assertEquals(YearMonth.from(IN_WINDOW).plusMonths(1), calendar.month());
        assertTrue(calendar.dayCell(IN_WINDOW).isEmpty(), "another month has other days");
        test(calendar.previous).click();
        RouterLink again = calendar.dayCell(IN_WINDOW).orElseThrow().getChildren().flatMap(ProgrammeViewsTest::descendants)
                .filter(RouterLink.class::isInstance).map(RouterLink.class::cast).findFirst().orElseThrow();
        test(again).click();
        SessionEditorView editor = assertInstanceOf(SessionEditorView.class, getCurrentView());
        assertEquals(session.id(), editor.loaded.id());
    }

    @Test
    @WithUserDetails("official")
    void anOfficialSeesTheProgrammeWithoutEditButtons() {
        long id = newProcess("공무원 열람");
        SessionForm session = sessionThroughService(id, "오리엔테이션", 100);
        signIn.admin(() -> {
            long official = staff.listAssignableStaff().stream().filter(a -> a.username().equals("official"))
                    .findFirst().orElseThrow().id();
            processes.assignToProcess(id, official, ProcessRole.OFFICIAL);
        });

        ProgrammeView view = openProgramme(id);
        assertFalse(view.programme.canEdit());
        assertEquals(1, test(view.sessionGrids.values().iterator().next()).size(), "the session is listed");
        assertNull(view.newSession);
        for (String button : List.of("new-session", "add-round", "add-venue", "empty-add-round")) {
            assertFalse(find(Button.class).withId(button).exists(), button);
        }
        assertEquals(3, view.roundGrid.getColumns().size(), "no actions column for rounds");
        assertEquals(5, view.venueGrid.getColumns().size(), "no actions column for venues");

        SessionEditorView editor = assertInstanceOf(SessionEditorView.class, open(sessionPath(id, session.id())));
        assertTrue(editor.title.isReadOnly());
        assertTrue(editor.agenda.getFirst().itemTitle.isReadOnly());
        assertFalse(find(Button.class).withId("save-session").exists());
        assertFalse(find(Button.class).withId("delete-session").exists());
        assertFalse(open(sessionPath(id, "new")) instanceof SessionEditorView, "officials cannot start a new session");
    }

    @Test
    @WithUserDetails("facilitator")
    void aRoundWithSessionsCannotBeDeletedAndTheServiceSaysWhy() {
        long id = newProcess("회차 삭제");
        sessionThroughService(id, "토론", 100);
        ProgrammeView view = openProgramme(id);
        selectTab(view, 2);
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) test(view.roundGrid).getCellComponent(0, 3);
        Button delete = (Button) actions.getComponentAt(1);
        assertEquals(ko("scheduling.round.delete-named", "권역별 토론"), delete.getElement().getAttribute("aria-label"));
        test(delete).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertTrue(notificationTexts().contains(ko("scheduling.round.has-sessions")));
        assertEquals(1, programme(id).rounds().size());
    }

    @Test
    @WithUserDetails("facilitator")
    void aSessionUnderAnotherProcesssAddressIsNotShown() {
        long mine = newProcess("주소 확인 A");
        long other = newProcess("주소 확인 B");
        SessionForm session = sessionThroughService(mine, "토론", 100);
        assertFalse(open(sessionPath(other, session.id())) instanceof SessionEditorView);
        assertFalse(open(sessionPath(mine, "abc")) instanceof SessionEditorView, "only numbers or 'new'");
    }

    @Test
    @WithUserDetails("facilitator")
    void agendaItemsMoveAndGoAndASessionCanBeDeleted() {
        long id = newProcess("순서 편집");
        SessionForm session = sessionThroughService(id, "전문가 포럼", 100);
        SessionEditorView editor = assertInstanceOf(SessionEditorView.class, open(sessionPath(id, session.id())));
        assertEquals(1, editor.agenda.size());
        test(editor.addItem).click();
        SessionEditorView.AgendaRow added = editor.agenda.get(1);
        assertEquals(LocalTime.of(15, 0), added.itemStart.getValue(), "starts where the previous item ends");
        assertEquals(LocalTime.of(15, 30), added.itemEnd.getValue());
        assertEquals(ko("scheduling.agenda.row-title", 2), added.itemTitle.getAriaLabel().orElseThrow());
        assertFalse(added.down.isEnabled(), "the last item cannot go further down");

        test(added.up).click();
        assertEquals(added, editor.agenda.getFirst());
        assertEquals(ko("scheduling.agenda.row-title", 1), added.itemTitle.getAriaLabel().orElseThrow(),
                "labels follow the position");
        assertFalse(added.up.isEnabled());
        test(added.down).click();
        assertEquals(added, editor.agenda.get(1));
        test(added.itemTitle).setValue("질의응답");
        test(added.kind).selectItem(ko("scheduling.agenda-kind.qa"));
        test(editor.save).click();
        List<AgendaItemForm> stored = signIn.facilitator(() -> programmes.session(session.id())).agenda();
        assertEquals(List.of("전문가 발표", "질의응답"), stored.stream().map(AgendaItemForm::title).toList());

        test(editor.agenda.getFirst().removeButton).click();
        assertEquals(1, editor.agenda.size());
        test(editor.save).click();
        stored = signIn.facilitator(() -> programmes.session(session.id())).agenda();
        assertEquals(List.of("질의응답"), stored.stream().map(AgendaItemForm::title).toList());

        test(editor.delete).click();
        test(find(ConfirmDialog.class).single()).confirm();
        assertInstanceOf(ProgrammeView.class, getCurrentView());
        assertTrue(programme(id).sessions().isEmpty());
    }

    @Test
    @WithUserDetails("facilitator")
    void aRecordedPastSessionIsMarkedAndTheCalendarThenOpensOnToday() {
        long id = newProcess("지난 회의");
        LocalDate lastWeek = LocalDate.now(clock).minusDays(7);
        signIn.facilitator(() -> {
            RoundRow round = programmes.saveRound(new RoundForm(null, 0, id, "오리엔테이션", RoundKind.ORIENTATION));
            programmes.saveSession(new SessionForm(null, 0, id, round.id(), "사전 설명회", lastWeek, LocalTime.of(19, 0),
                    LocalTime.of(20, 0), null, "https://meet.example.org/a", null, null, false, "", true, List.of()), true);
        });
        ProgrammeView view = openProgramme(id);
        Grid<SessionSummary> grid = view.sessionGrids.values().iterator().next();
        Component title = test(grid).getCellComponent(0, 2);
        assertTrue(descendants(title).anyMatch(c -> c instanceof com.vaadin.flow.component.html.Span span
                && ko("scheduling.session.past").equals(span.getText())), "the past session is marked");
        assertEquals(ko("scheduling.place.online"), test(grid).getCellText(0, 4));
        assertEquals(ko("scheduling.audience.whole"), test(grid).getCellText(0, 5));
        assertEquals(YearMonth.now(clock), view.calendar.month(),
                "no session ahead: the calendar shows this month");
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(ProgrammeViewsTest::descendants));
    }
}
