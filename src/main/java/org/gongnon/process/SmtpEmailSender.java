package org.gongnon.process;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends outbox e-mail through Spring's {@link JavaMailSender} over SMTP, as UTF-8 plain text (Korean
 * subjects and bodies arrive intact). Used when Spring Boot has configured a mail sender, i.e. when
 * {@code spring.mail.host} is set; the From address is {@code gongnon.mail.from} (see {@link MessageSenders}).
 */
public class SmtpEmailSender implements MessageSender {

    private final JavaMailSender mail;
    private final InternetAddress from;

    /**
     * @param from an address, optionally with a display name ({@code 공론 <noreply@example.org>})
     * @throws IllegalArgumentException when {@code from} is not an e-mail address, so a bad setting stops
     *         the start instead of failing every message
     */
    public SmtpEmailSender(JavaMailSender mail, String from) {
        this.mail = mail;
        this.from = parseFrom(from);
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.EMAIL;
    }

    @Override
    public void send(OutgoingMessage message) throws MessageDeliveryException {
        try {
            MimeMessage mime = mail.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, false, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(message.recipient());
            helper.setSubject(message.subject() == null ? "" : message.subject());
            helper.setText(message.body(), false);
            mail.send(mime);
        } catch (MailException | MessagingException e) {
            throw new MessageDeliveryException(reason(e), e);
        }
    }

    private static final java.util.regex.Pattern EMAIL_SHAPED =
            java.util.regex.Pattern.compile("[^\\s<>\"'`(),;:\\[\\]]+@[^\\s<>\"'`(),;:\\[\\]]+");

    /** The innermost cause in one line, e.g. "ConnectException: Connection refused". */
    static String reason(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().strip();
        int lineEnd = message.indexOf('\n');
        if (lineEnd >= 0) {
            message = message.substring(0, lineEnd).strip();
        }
        // Mail servers and address parsers quote the recipient ("<hong@…>: Recipient address rejected"); the
        // reason goes to the log and the outbox list, so addresses are blanked out.
        message = EMAIL_SHAPED.matcher(message).replaceAll("<address>");
        return "e-mail not accepted: " + root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static InternetAddress parseFrom(String from) {
        try {
            InternetAddress address = new InternetAddress(from, true);
            if (address.getPersonal() != null) {
                // Encode a Korean display name as UTF-8 in the header, not as raw bytes.
                address.setPersonal(address.getPersonal(), StandardCharsets.UTF_8.name());
            }
            return address;
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new IllegalArgumentException("gongnon.mail.from is not an e-mail address: " + from, e);
        }
    }
}
