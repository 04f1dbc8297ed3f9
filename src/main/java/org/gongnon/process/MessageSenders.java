package org.gongnon.process;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Which channel can actually be sent on this server: every {@link MessageSender} bean (a provider's
 * adapter), plus the SMTP sender whenever Spring Boot has made a {@link JavaMailSender} (it does when
 * {@code spring.mail.host} is set) and no other bean sends e-mail. Resolved when the bean is made, after
 * every bean definition (auto-configured ones included) is known.
 */
@Component
class MessageSenders {

    private final Map<MessageChannel, MessageSender> byChannel = new EnumMap<>(MessageChannel.class);

    @Autowired
    MessageSenders(ObjectProvider<MessageSender> adapters, ObjectProvider<JavaMailSender> mail,
                   @Value("${gongnon.mail.from:noreply@localhost}") String from) {
        this(withSmtp(adapters.orderedStream().toList(), mail.getIfUnique(), from));
    }

    MessageSenders(List<MessageSender> senders) {
        for (MessageSender sender : senders) {
            MessageSender earlier = byChannel.putIfAbsent(sender.channel(), sender);
            if (earlier != null) {
                throw new IllegalStateException("two senders for " + sender.channel() + ": "
                        + earlier.getClass().getName() + " and " + sender.getClass().getName());
            }
        }
    }

    private static List<MessageSender> withSmtp(List<MessageSender> adapters, JavaMailSender mail, String from) {
        boolean emailAdapter = adapters.stream().anyMatch(s -> s.channel() == MessageChannel.EMAIL);
        if (mail == null || emailAdapter) {
            return adapters;
        }
        return Stream.concat(adapters.stream(), Stream.of(new SmtpEmailSender(mail, from))).toList();
    }

    Optional<MessageSender> forChannel(MessageChannel channel) {
        return Optional.ofNullable(byChannel.get(channel));
    }

    boolean isConfigured(MessageChannel channel) {
        return byChannel.containsKey(channel);
    }
}
