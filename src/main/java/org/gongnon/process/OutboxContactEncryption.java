package org.gongnon.process;

import org.gongnon.base.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox's recipient (an e-mail address or phone number) is stored encrypted. */
@Configuration(proxyBeanMethods = false)
class OutboxContactEncryption {

    @Bean
    EncryptedColumn outboxRecipient() {
        return new EncryptedColumn("outbox_message", "id", "recipient", false);
    }
}
