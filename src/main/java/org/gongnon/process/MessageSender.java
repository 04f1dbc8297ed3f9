package org.gongnon.process;

/**
 * Delivers outbox messages of one channel: the place where a provider's adapter plugs in.
 *
 * <p>E-mail is covered by {@link SmtpEmailSender}, which is used whenever Spring Boot has a mail server
 * ({@code spring.mail.host} set). There is no SMS gateway here: SMS messages are marked
 * {@link MessageStatus#NOT_SENT} with the reason "no SMS gateway configured", and stay in the outbox.
 * To send SMS, write a Spring bean implementing this interface for {@link MessageChannel#SMS} that calls
 * the provider's API (e.g. a Korean bulk-SMS service); the dispatcher picks up every {@code MessageSender}
 * bean, at most one per channel. A bean for {@link MessageChannel#EMAIL} replaces the SMTP sender.
 *
 * <p>{@link #send} is called by the dispatcher, once per message and attempt, inside the transaction that
 * records the outcome. It must either hand the message over or throw: a refusal the provider reports is
 * a {@link MessageDeliveryException} with a short reason (shown to facilitators, so no stack traces or
 * secrets); after {@link OutboxDispatcher#MAX_ATTEMPTS} failed attempts the message is marked failed.
 */
public interface MessageSender {

    MessageChannel channel();

    void send(OutgoingMessage message) throws MessageDeliveryException;
}
