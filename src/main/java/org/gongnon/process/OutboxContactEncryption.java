package org.gongnon.process;

import org.gongnon.base.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The outbox's recipient (an e-mail address or phone number) and the panel members' names are stored encrypted. */
@Configuration(proxyBeanMethods = false)
class OutboxContactEncryption {

    @Bean
    EncryptedColumn outboxRecipient() {
        return new EncryptedColumn("outbox_message", "id", "recipient", false);
    }

    @Bean
    EncryptedColumn panelMemberName() {
        return new EncryptedColumn("panel_member", "id", "display_name", false);
    }
}
