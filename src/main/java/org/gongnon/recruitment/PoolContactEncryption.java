package org.gongnon.recruitment;

import org.gongnon.base.crypto.EncryptedColumn;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pool's columns holding names and contact data, stored encrypted (older plaintext is rewritten at startup). */
@Configuration(proxyBeanMethods = false)
class PoolContactEncryption {

    @Bean
    EncryptedColumn poolMemberName() {
        return new EncryptedColumn("pool_member", "id", "name", false);
    }

    @Bean
    EncryptedColumn poolMemberPhone() {
        return new EncryptedColumn("pool_member", "id", "phone", false);
    }

    @Bean
    EncryptedColumn poolMemberEmail() {
        return new EncryptedColumn("pool_member", "id", "email", false);
    }

    @Bean
    EncryptedColumn poolImportRejectedRows() {
        return new EncryptedColumn("pool_import", "id", "rejected_csv", true);
    }
}
