package org.gongnon.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.gongnon.base.UserFacingException;
import org.gongnon.base.ValidationException;
import org.gongnon.security.StaffRole;
import org.gongnon.security.SystemAuthority;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.authorization.AuthorizationDeniedException;
import org.springframework.transaction.PlatformTransactionManager;

/** The outbox on the real embedded MariaDB: queueing all or nothing, dispatching, retrying, and who may. */
@SpringBootTest
class OutboxPersistenceTest {

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    PanelService panel;
    @Autowired
    OutboxService outbox;
    @Autowired
    OutboxDispatcher dispatcher;
    @Autowired
    OutboxMessageRepository repository;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;
    @Autowired
    JdbcTemplate jdbc;

    long processId;

    @BeforeEach
    void newProcess() {
        processId = signIn.facilitator(() -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("발송함"))));
    }

    OutgoingMessage email(String recipient, String subject, String body) {
        return new OutgoingMessage(processId, null, MessageChannel.EMAIL, recipient, subject, body, "invitation");
    }

    OutgoingMessage sms(String recipient, String body) {
        return new OutgoingMessage(processId, null, MessageChannel.SMS, recipient, null, body, "reminder");
    }

    int storedForProcess() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_message WHERE process_id = ?", Integer.class, processId);
    }

    OutboxMessageRow only(List<OutboxMessageRow> rows) {
        assertEquals(1, rows.size(), rows.toString());
        return rows.getFirst();
    }

    @Test
    void aBadMessageInTheMiddleStoresNothingAndEveryProblemIsNamed() {
        List<OutgoingMessage> batch = List.of(
                email("kim@example.org", "공론장 초대", "안녕하세요"),
                email("이건 주소가 아님", "공론장 초대", "안녕하세요"),
                sms("010-1234-5678", "내일 오후 2시 시민 토론회"));
        ValidationException refused = assertThrows(ValidationException.class,
                () -> signIn.facilitator(() -> outbox.enqueue(processId, batch)));
        assertEquals(List.of("messages[1].recipient"),
                refused.problems().stream().map(ValidationException.FieldProblem::field).toList());
        assertEquals("outbox.validation.bad-email", refused.problems().getFirst().messageKey());
        assertEquals(2, refused.problems().getFirst().arguments()[0], "numbered from 1, as people count");
        assertEquals(0, storedForProcess(), "not even the valid first message");

        List<OutgoingMessage> manyProblems = List.of(
                sms("02-123-4567", "유선 전화로는 문자를 받을 수 없음"),
                email("lee@example.org", "제목\n두 줄", "본문"),
                email("park@example.org", "x".repeat(201), " \n "),
                sms("010-9876-5432", "가".repeat(2001)),
                new OutgoingMessage(processId, null, null, "010-1111-2222", null, "본문", ""));
        ValidationException all = assertThrows(ValidationException.class,
                () -> signIn.facilitator(() -> outbox.enqueue(processId, manyProblems)));
        assertEquals(Set.of("messages[0].recipient:outbox.validation.bad-mobile",
                        "messages[1].subject:outbox.validation.subject-one-line",
                        "messages[2].subject:outbox.validation.subject-too-long",
                        "messages[2].body:outbox.validation.body-required",
                        "messages[3].body:outbox.validation.body-too-long",
                        "messages[4].channel:outbox.validation.channel-required",
                        "messages[4].purpose:outbox.validation.purpose-required"),
                all.problems().stream().map(p -> p.field() + ":" + p.messageKey()).collect(Collectors.toSet()));
        assertEquals(0, storedForProcess());

        List<OutgoingMessage> good = List.of(
                email(" kim@example.org ", "공론장 초대", "안녕하세요,\n시민 패널에 초대합니다."),
                sms("+82 10-1234-5678", "가".repeat(2000)));
        assertEquals(2, signIn.facilitator(() -> outbox.enqueue(processId, good)));
        List<OutboxMessageRow> rows = signIn.facilitator(() -> outbox.list(processId, null));
        assertEquals(2, rows.size());
        assertTrue(rows.stream().allMatch(r -> r.status() == MessageStatus.QUEUED && r.attempts() == 0
                && r.createdBy().equals("facilitator") && r.sentAt() == null));
        OutboxMessageRow mail = rows.stream().filter(r -> r.channel() == MessageChannel.EMAIL).findFirst().orElseThrow();
        assertEquals("kim@example.org", mail.recipient(), "stored without the spaces around it");
        assertEquals("안녕하세요,\n시민 패널에 초대합니다.", mail.body());
        assertEquals(2000, rows.stream().filter(r -> r.channel() == MessageChannel.SMS).findFirst().orElseThrow()
                .body().length(), "2,000 Korean characters fit");
    }

    @Test
    void aPanelMemberOfAnotherProcessIsRefused() {
        long other = signIn.facilitator(() -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("다른 과제"))));
        long stranger = signIn.facilitator(() -> panel.addPanelMember(other, "다른 과제의 시민")).id();
        long ours = signIn.facilitator(() -> panel.addPanelMember(processId, "우리 과제의 시민")).id();
        ValidationException refused = assertThrows(ValidationException.class, () -> signIn.facilitator(() -> outbox.enqueue(processId,
                List.of(new OutgoingMessage(processId, stranger, MessageChannel.SMS, "010-2222-3333", null, "안내",
                        "invitation")))));
        assertEquals("outbox.validation.member-not-in-process", refused.problems().getFirst().messageKey());
        assertThrows(ValidationException.class, () -> signIn.facilitator(() -> outbox.enqueue(processId,
                List.of(new OutgoingMessage(other, null, MessageChannel.SMS, "010-2222-3333", null, "안내",
                        "invitation")))), "a message addressed to another process");
        assertEquals(1, signIn.facilitator(() -> outbox.enqueue(processId,
                List.of(new OutgoingMessage(processId, ours, MessageChannel.SMS, "010-2222-3333", null, "안내",
                        "invitation")))));
        assertEquals(ours, only(signIn.facilitator(() -> outbox.list(processId, null))).panelMemberId());
    }

    @Test
    void withNoSendersEveryMessageIsMarkedNotSentWithItsReasonAndCanBeRetried() {
        signIn.facilitator(() -> outbox.enqueue(processId, List.of(sms("010-1234-5678", "토론회 안내"),
                email("kim@example.org", "토론회 안내", "토론회 안내"))));
        OutboxOverview before = signIn.facilitator(() -> outbox.overview(processId));
        assertEquals(2, before.count(MessageStatus.QUEUED));
        assertFalse(before.emailConfigured(), "the tests configure no mail server");
        assertFalse(before.smsConfigured(), "there is no SMS gateway");

        assertTrue(dispatcher.dispatchNow() >= 2);

        List<OutboxMessageRow> notSent = signIn.facilitator(() -> outbox.list(processId, MessageStatus.NOT_SENT));
        assertEquals(2, notSent.size(), "nothing is left waiting or dropped");
        assertEquals(OutboxDispatcher.NO_SMS_GATEWAY, notSent.stream()
                .filter(r -> r.channel() == MessageChannel.SMS).findFirst().orElseThrow().lastError());
        assertEquals(OutboxDispatcher.NO_MAIL_SERVER, notSent.stream()
                .filter(r -> r.channel() == MessageChannel.EMAIL).findFirst().orElseThrow().lastError());
        assertTrue(notSent.stream().allMatch(r -> r.attempts() == 0 && r.sentAt() == null));
        OutboxOverview after = signIn.facilitator(() -> outbox.overview(processId));
        assertEquals(2, after.count(MessageStatus.NOT_SENT));
        assertEquals(0, after.count(MessageStatus.QUEUED));
        assertEquals(2, after.total());

        long smsId = notSent.stream().filter(r -> r.channel() == MessageChannel.SMS).findFirst().orElseThrow().id();
        signIn.facilitator(() -> outbox.retry(smsId));
        OutboxMessageRow retried = only(signIn.facilitator(() -> outbox.list(processId, MessageStatus.QUEUED)));
        assertEquals(smsId, retried.id());
        assertNull(retried.lastError());
        UserFacingException twice = assertThrows(UserFacingException.class,
                () -> signIn.facilitator(() -> outbox.retry(smsId)));
        assertEquals("outbox.retry-not-possible", twice.messageKey(), "a queued message is not retried again");
    }

    @Test
    void aSenderThatKeepsRefusingLeavesTheMessageFailedAfterThreeAttempts() {
        String address = TestNames.email("refused");
        List<String> tried = new ArrayList<>();
        MessageSender refusing = new MessageSender() {
            @Override
            public MessageChannel channel() {
                return MessageChannel.EMAIL;
            }

            @Override
            public void send(OutgoingMessage message) throws MessageDeliveryException {
                tried.add(message.recipient());
                throw new MessageDeliveryException("550 mailbox unavailable\n\tat some.Stack.trace(Line:1)");
            }
        };
        OutboxDispatcher refusingDispatcher = new OutboxDispatcher(repository,
                new MessageSenders(List.of(refusing)), transactions, clock);
        signIn.facilitator(() -> outbox.enqueue(processId, List.of(email(address, "초대", "본문"), sms("010-1234-5678", "본문"))));

        refusingDispatcher.dispatchNow();
        OutboxMessageRow first = only(signIn.facilitator(() -> outbox.list(processId, MessageStatus.QUEUED)));
        assertEquals(1, first.attempts());
        assertEquals("550 mailbox unavailable", first.lastError(), "one line, no stack trace");
        assertEquals(OutboxDispatcher.NO_SMS_GATEWAY, only(signIn.facilitator(() -> outbox.list(processId, MessageStatus.NOT_SENT)))
                .lastError(), "SMS has no sender here either: not sent at once, not retried");

        refusingDispatcher.dispatchNow();
        assertEquals(2, only(signIn.facilitator(() -> outbox.list(processId, MessageStatus.QUEUED))).attempts());
        refusingDispatcher.dispatchNow();
        OutboxMessageRow failed = only(signIn.facilitator(() -> outbox.list(processId, MessageStatus.FAILED)));
        assertEquals(3, failed.attempts());
        assertEquals("550 mailbox unavailable", failed.lastError());
        refusingDispatcher.dispatchNow();
        assertEquals(3, tried.stream().filter(address::equals).count(), "a failed message is not tried again");

        signIn.facilitator(() -> outbox.retry(failed.id()));
        assertEquals(0, only(signIn.facilitator(() -> outbox.list(processId, MessageStatus.QUEUED))).attempts());
    }

    @Test
    void anAcceptingSenderMarksSentAndABrokenOneCountsAsAnAttempt() {
        String accepted = TestNames.email("accepted");
        String broken = TestNames.email("broken");
        List<OutgoingMessage> handedOver = new ArrayList<>();
        MessageSender sender = new MessageSender() {
            @Override
            public MessageChannel channel() {
                return MessageChannel.EMAIL;
            }

            @Override
            public void send(OutgoingMessage message) {
                if (message.recipient().equals(broken)) {
                    throw new IllegalStateException("a bug in an adapter");
                }
                handedOver.add(message);
            }
        };
        OutboxDispatcher accepting = new OutboxDispatcher(repository, new MessageSenders(List.of(sender)), transactions,
                clock);
        signIn.facilitator(() -> outbox.enqueue(processId, List.of(email(accepted, "제목", "본문"), email(broken, "제목", "본문"))));
        accepting.dispatchNow();

        OutboxMessageRow sent = only(signIn.facilitator(() -> outbox.list(processId, MessageStatus.SENT)));
        assertEquals(accepted, sent.recipient());
        assertEquals(1, sent.attempts());
        assertNotNull(sent.sentAt());
        assertTrue(handedOver.stream().anyMatch(m -> m.recipient().equals(accepted) && m.processId() == processId
                && m.subject().equals("제목") && m.purpose().equals("invitation")));
        OutboxMessageRow stillQueued = only(signIn.facilitator(() -> outbox.list(processId, MessageStatus.QUEUED)));
        assertEquals(broken, stillQueued.recipient());
        assertEquals("sender error: IllegalStateException", stillQueued.lastError());
    }

    @Test
    void twoSendersForOneChannelAreAMistakeReportedAtStart() {
        MessageSender a = new MessageSender() {
            public MessageChannel channel() {
                return MessageChannel.SMS;
            }

            public void send(OutgoingMessage message) {
            }
        };
        assertThrows(IllegalStateException.class, () -> new MessageSenders(List.of(a, a)));
    }

    @Test
    void onlyTheProcesssOwnFacilitatorsAndAdminsReachItsOutbox() {
        signIn.facilitator(() -> outbox.enqueue(processId, List.of(sms("010-1234-5678", "안내"))));
        long messageId = only(signIn.facilitator(() -> outbox.list(processId, null))).id();
        String other = signIn.newStaff("obx", StaffRole.FACILITATOR);

        for (Runnable attempt : List.<Runnable>of(
                () -> outbox.list(processId, null),
                () -> outbox.overview(processId),
                () -> outbox.enqueue(processId, List.of(sms("010-1234-5678", "끼어들기"))),
                () -> outbox.retry(messageId))) {
            UserFacingException refused = assertThrows(UserFacingException.class,
                    () -> signIn.as(other, attempt));
            assertEquals("process.not-found", refused.messageKey());
        }
        assertEquals(1, storedForProcess(), "the other facilitator queued nothing");
        assertThrows(AuthorizationDeniedException.class,
                () -> signIn.official(() -> outbox.list(processId, null)));
        assertThrows(AuthenticationCredentialsNotFoundException.class, () -> outbox.overview(processId));
        assertEquals(1, SystemAuthority.runAsSystem(() -> outbox.list(processId, null)).size(), "admins see it");
    }
}
