package org.gongnon.process.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import java.util.List;
import org.gongnon.process.MessageChannel;
import org.gongnon.process.MessageStatus;
import org.gongnon.process.OutboxDispatcher;
import org.gongnon.process.OutboxMessageRow;
import org.gongnon.process.OutboxService;
import org.gongnon.process.OutgoingMessage;
import org.gongnon.process.ProcessService;
import org.gongnon.process.ProcessTestForms;
import org.gongnon.testsupport.TestNames;
import org.gongnon.testsupport.ViewTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

/** The outbox page in a browserless UI, on a fresh process with no mail server and no SMS gateway. */
class OutboxViewTest extends ViewTestBase {

    @Autowired
    ProcessService processes;
    @Autowired
    OutboxService outbox;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    JdbcTemplate jdbc;

    String path(long processId) {
        return "processes/" + processId + "/messages";
    }

    long newProcess() {
        return processes.createProcess(ProcessTestForms.titled(TestNames.unique("발송함 뷰")));
    }

    String countOn(String status) {
        Div card = find(Div.class).id("outbox-count-" + status);
        return card.getElement().getChild(1).getText();
    }

    @Test
    @WithUserDetails("facilitator")
    void aNewProcessHasAnEmptyOutboxAndSaysThatNothingWouldBeSent() {
        long id = newProcess();
        assertInstanceOf(ProcessDetailView.class, open("processes/" + id));
        test(find(Button.class).id("open-outbox")).click();
        OutboxView view = assertInstanceOf(OutboxView.class, getCurrentView());
        assertEquals(id, view.processId);
        assertTrue(find(Paragraph.class).id("outbox-empty").isVisible());
        assertTrue(find(Paragraph.class).all().stream().anyMatch(p -> p.getText().equals(ko("outbox.banner.none"))),
                "neither e-mail nor SMS is configured in the tests, and the page says so");
        assertEquals("0", countOn("queued"));
        assertFalse(find(Button.class).all().stream().anyMatch(b -> b.getId().orElse("").startsWith("retry-")));
        assertEquals(ko("outbox.title") + " · " + ko("app.name"), view.getPageTitle());
    }

    @Test
    @WithUserDetails("facilitator")
    void unsentMessagesAreListedFilteredAndRetried() {
        long id = newProcess();
        outbox.enqueue(id, List.of(
                new OutgoingMessage(id, null, MessageChannel.SMS, "010-1234-5678", null,
                        "내일 오후 2시 시민 토론회에 오세요.\n장소: 시청", "reminder"),
                new OutgoingMessage(id, null, MessageChannel.EMAIL, "kim@example.org", "공론장 초대",
                        "본문", "invitation"),
                new OutgoingMessage(id, null, MessageChannel.EMAIL, "lee@example.org", "공론장 초대",
                        "본문", "invitation")));
        dispatcher.dispatchNow();

        OutboxView view = assertInstanceOf(OutboxView.class, open(path(id)));
        assertEquals("3", countOn("not_sent"));
        assertEquals(3, test(view.grid).size());
        OutboxMessageRow sms = test(view.grid).getRow(2);
        assertEquals(MessageChannel.SMS, sms.channel(), "oldest last");
        assertEquals("내일 오후 2시 시민 토론회에 오세요.", test(view.grid).getCellText(2, 3),
                "an SMS has no subject: its first line stands in");
        assertEquals(ko("outbox.purpose.reminder"), test(view.grid).getCellText(2, 4));
        assertEquals(ko("outbox.status.not-sent"), test(view.grid).getCellText(2, 5));
        assertEquals(ko("outbox.reason.no-sms-gateway"), test(view.grid).getCellText(2, 6));

        test(view.statusFilter).selectItem(ko("outbox.status.sent"));
        assertEquals(0, test(view.grid).size());
        test(view.statusFilter).selectItem(ko("outbox.status.not-sent"));
        assertEquals(3, test(view.grid).size());

        Button retry = (Button) test(view.grid).getCellComponent(2, 7);
        test(retry).click();
        assertEquals(MessageStatus.QUEUED, outbox.list(id, MessageStatus.QUEUED).getFirst().status());
        assertEquals(sms.id(), outbox.list(id, MessageStatus.QUEUED).getFirst().id());
        assertTrue(notificationTexts().contains(ko("outbox.retried-kept")),
                "retrying without an SMS gateway says the message will be kept again");
        assertEquals("1", countOn("queued"));
        assertEquals("2", countOn("not_sent"));
        assertEquals(2, test(view.grid).size(), "the filter still shows only unsent messages");
    }

    @Test
    @WithUserDetails("facilitator")
    void recipientsAreMaskedUntilShownAndShowingThemIsLogged() {
        long id = newProcess();
        outbox.enqueue(id, List.of(
                new OutgoingMessage(id, null, MessageChannel.SMS, "010-1234-5678", null, "문자", "reminder"),
                new OutgoingMessage(id, null, MessageChannel.EMAIL, "kim.minsu@example.org", "공론장 초대",
                        "본문", "invitation")));
        dispatcher.dispatchNow();

        OutboxView view = assertInstanceOf(OutboxView.class, open(path(id)));
        assertEquals(2, test(view.grid).size());
        int columns = view.grid.getColumns().size() - 1; // the last holds the retry button
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < columns; c++) {
                String cell = test(view.grid).getCellText(r, c);
                assertFalse(cell.contains("1234") || cell.contains("kim.minsu"), "a full recipient is shown: " + cell);
            }
            Button retry = (Button) test(view.grid).getCellComponent(r, columns);
            String label = retry.getElement().getAttribute("aria-label");
            assertFalse(label.contains("010-1234-5678") || label.contains("kim.minsu@"), label);
        }
        assertEquals("ki***@example.org", test(view.grid).getCellText(0, 2));
        assertEquals("010-****-5678", test(view.grid).getCellText(1, 2));

        String subject = "contacts of outbox of process " + id;
        String count = "SELECT COUNT(*) FROM personal_data_access WHERE process_id = ? AND action = 'VIEW' AND subject = ?";
        assertEquals(0, jdbc.queryForObject(count, Integer.class, id, subject));
        test(find(Button.class).id("show-contacts")).click();
        assertEquals("kim.minsu@example.org", test(view.grid).getCellText(0, 2));
        assertEquals("010-1234-5678", test(view.grid).getCellText(1, 2));
        assertEquals(1, jdbc.queryForObject(count, Integer.class, id, subject),
                "showing the recipients writes an access-log row");
        assertEquals(2, jdbc.queryForObject("SELECT people FROM personal_data_access WHERE process_id = ? "
                + "AND subject = ?", Integer.class, id, subject));
    }

    @Test
    @WithUserDetails("official")
    void officialsCannotOpenTheOutbox() {
        long demo = org.gongnon.testsupport.DemoFixtures.demoProcessId(processes);
        assertFalse(open(path(demo)) instanceof OutboxView);
    }
}
