package org.gongnon.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import org.gongnon.testsupport.SignIn;
import org.gongnon.testsupport.TestNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * E-mail from the outbox through a real SMTP server (GreenMail, in this JVM on a free port): Korean
 * subject, body and sender name arrive intact, and a server that cannot be reached gives a one-line reason.
 */
@SpringBootTest
class OutboxSmtpTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    static final String FROM = "공론 사무국 <samuguk@gongnon.test>";
    static final String SUBJECT = "[공론] 시민 패널 1차 숙의 토론회 초대 — 3월 14일(토) 오후 2시";
    static final String BODY = """
            김민지 님, 안녕하세요.
            광역 자원회수시설 공론화 시민 패널의 첫 번째 토론회에 초대합니다.
            장소: 서울시청 본관 8층 다목적홀 (중구 세종대로 110)
            참석 여부를 알려 주세요. 😊""";

    @Autowired
    SignIn signIn;
    @Autowired
    ProcessService processes;
    @Autowired
    OutboxService outbox;
    @Autowired
    OutboxMessageRepository repository;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    static JavaMailSenderImpl mailServer(int port) {
        JavaMailSenderImpl mail = new JavaMailSenderImpl();
        mail.setHost("localhost");
        mail.setPort(port);
        mail.getJavaMailProperties().put("mail.smtp.connectiontimeout", "5000");
        mail.getJavaMailProperties().put("mail.smtp.timeout", "5000");
        return mail;
    }

    @Test
    void aQueuedKoreanEmailArrivesIntactAndIsMarkedSent() throws Exception {
        long processId = signIn.as("facilitator",
                () -> processes.createProcess(ProcessTestForms.titled(TestNames.unique("메일 발송"))));
        signIn.facilitator(() -> outbox.enqueue(processId, List.of(new OutgoingMessage(processId, null,
                MessageChannel.EMAIL, "minji.kim@example.org", SUBJECT, BODY, "invitation"))));
        MessageSenders smtp = new MessageSenders(List.of(new SmtpEmailSender(mailServer(SMTP.getSmtp().getPort()), FROM)));
        new OutboxDispatcher(repository, smtp, transactions, clock).dispatchNow();

        assertTrue(SMTP.waitForIncomingEmail(10_000, 1));
        MimeMessage received = SMTP.getReceivedMessagesForDomain("example.org")[0];
        assertEquals(SUBJECT, received.getSubject());
        assertEquals(normalised(BODY), normalised((String) received.getContent()));
        assertTrue(received.getContentType().toLowerCase().contains("charset=utf-8"), received.getContentType());
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertEquals("samuguk@gongnon.test", from.getAddress());
        assertEquals("공론 사무국", from.getPersonal());
        assertEquals("minji.kim@example.org",
                ((InternetAddress) received.getRecipients(Message.RecipientType.TO)[0]).getAddress());

        OutboxMessageRow row = signIn.facilitator(() -> outbox.list(processId, null)).getFirst();
        assertEquals(MessageStatus.SENT, row.status());
        assertEquals(1, row.attempts());
    }

    @Test
    void anUnreachableMailServerGivesAOneLineReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmtpEmailSender sender = new SmtpEmailSender(mailServer(closedPort), "noreply@gongnon.test");
        MessageDeliveryException refused = assertThrows(MessageDeliveryException.class, () -> sender.send(
                new OutgoingMessage(1, null, MessageChannel.EMAIL, "minji.kim@example.org", "제목", "본문", "test")));
        assertTrue(refused.getMessage().startsWith("e-mail not accepted: ConnectException"), refused.getMessage());
        assertFalse(refused.getMessage().contains("\n"));
    }

    @Test
    void theReasonNeverQuotesTheRecipientsAddress() {
        String reason = SmtpEmailSender.reason(new org.springframework.mail.MailSendException("failed",
                new jakarta.mail.SendFailedException("550 5.1.1 <minji.kim@example.org>: Recipient address rejected")));
        assertFalse(reason.contains("minji.kim"), reason);
        assertTrue(reason.endsWith("SendFailedException: 550 5.1.1 <<address>>: Recipient address rejected"), reason);
    }

    @Test
    void aBadFromAddressStopsTheStartInsteadOfFailingEveryMessage() {
        assertThrows(IllegalArgumentException.class, () -> new SmtpEmailSender(new JavaMailSenderImpl(), "사무국"));
        assertEquals(MessageChannel.EMAIL, new SmtpEmailSender(new JavaMailSenderImpl(), "noreply@localhost").channel(),
                "the default From address (gongnon.mail.from) is accepted");
    }

    /** Spring Boot makes a mail sender only when spring.mail.host is set; e-mail counts as configured exactly then. */
    @Test
    void emailIsConfiguredExactlyWhenSpringBootHasAMailServer() throws Exception {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(MailSenderAutoConfiguration.class))
                .withUserConfiguration(MessageSenders.class);
        runner.run(context -> {
            assertFalse(context.getBean(MessageSenders.class).isConfigured(MessageChannel.EMAIL));
            assertFalse(context.getBean(MessageSenders.class).isConfigured(MessageChannel.SMS));
        });
        runner.withPropertyValues("spring.mail.host=localhost", "spring.mail.port=" + SMTP.getSmtp().getPort(),
                "gongnon.mail.from=" + FROM).run(context -> {
            MessageSenders senders = context.getBean(MessageSenders.class);
            assertTrue(senders.isConfigured(MessageChannel.EMAIL));
            assertFalse(senders.isConfigured(MessageChannel.SMS));
            senders.forChannel(MessageChannel.EMAIL).orElseThrow().send(new OutgoingMessage(1, null,
                    MessageChannel.EMAIL, "wiring@example.net", "설정 확인", "스프링 부트가 만든 메일 발송기", "test"));
        });
        assertTrue(SMTP.waitForIncomingEmail(10_000, 1));
        assertEquals("설정 확인", SMTP.getReceivedMessagesForDomain("example.net")[0].getSubject());
    }

    private static String normalised(String text) {
        return text.replace("\r\n", "\n").strip();
    }
}
