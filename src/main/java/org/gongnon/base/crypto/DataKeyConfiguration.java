package org.gongnon.base.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.gongnon.base.database.EmbeddedMariaDb;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The key that encrypts personal data at rest: {@code gongnon.data-key} ({@code GONGNON_DATA_KEY}, base64 of
 * 32 bytes).
 *
 * <p>Without it, a real database ({@code spring.datasource.url}) refuses to start. The embedded database
 * (development, demo, tests) gets a random key generated once and kept in a file beside its data directory
 * (owner-only permissions). That is safer than a fixed development key in the source: a fixed key is public,
 * so a developer's database — which may well hold a trial import of a real pool file — would be as good as
 * plaintext; a generated key is as private as the data beside it, and losing it loses only that data.
 */
@Configuration(proxyBeanMethods = false)
class DataKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DataKeyConfiguration.class);

    @Bean
    DataCipher dataCipher(@Value("${gongnon.data-key:}") String configuredKey,
                          @Value("${spring.datasource.url:}") String datasourceUrl,
                          ObjectProvider<EmbeddedMariaDb> embedded) {
        if (!configuredKey.isBlank()) {
            return DataCipher.fromBase64(configuredKey);
        }
        if (!datasourceUrl.isBlank()) {
            throw new IllegalStateException("A database is configured (spring.datasource.url) but no data key: set "
                    + "GONGNON_DATA_KEY to base64 of 32 random bytes (openssl rand -base64 32) and keep it safe; "
                    + "contact data is encrypted with it and cannot be read without it.");
        }
        EmbeddedMariaDb db = embedded.getIfAvailable();
        if (db == null) {
            throw new IllegalStateException("No data key (GONGNON_DATA_KEY) and no embedded database to keep one beside");
        }
        Path keyFile = keyFileBeside(db.dataDirectory());
        log.warn("No GONGNON_DATA_KEY set: contact data is encrypted with the local development key in {}. "
                + "Production must set GONGNON_DATA_KEY (openssl rand -base64 32).", keyFile);
        return DataCipher.fromBase64(readOrCreateKey(keyFile));
    }

    static Path keyFileBeside(Path dataDirectory) {
        Path dir = dataDirectory.toAbsolutePath();
        return dir.resolveSibling(dir.getFileName() + ".key");
    }

    /** The key in the file, or a new random key written there first (never overwriting an existing one). */
    static String readOrCreateKey(Path keyFile) {
        try {
            if (!Files.exists(keyFile)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path tmp = Files.createTempFile(keyFile.getParent(), ".data-key", ".tmp");
                try {
                    restrict(tmp);
                    Files.writeString(tmp, Base64.getEncoder().encodeToString(key) + "\n");
                    Files.createLink(keyFile, tmp); // atomic, and fails rather than replace a key another JVM wrote
                } catch (FileAlreadyExistsException raced) {
                    // another process created it first: use theirs
                } finally {
                    Files.deleteIfExists(tmp);
                }
            }
            return Files.readString(keyFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the development data key " + keyFile, e);
        }
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file stays with the user profile's default permissions
        }
    }
}
