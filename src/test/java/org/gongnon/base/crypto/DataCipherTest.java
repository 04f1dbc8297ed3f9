package org.gongnon.base.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataCipherTest {

    static final byte[] KEY = new byte[32];
    static final byte[] OTHER_KEY = new byte[32];

    static {
        for (int i = 0; i < 32; i++) {
            KEY[i] = (byte) i;
            OTHER_KEY[i] = (byte) (100 + i);
        }
    }

    final DataCipher cipher = new DataCipher(KEY);

    @Test
    void roundTripsTextAndBytesAndLeavesNoPlaintext() {
        String stored = cipher.encrypt("010-1234-5678");
        assertTrue(stored.startsWith("v1:"), stored);
        assertFalse(stored.contains("1234"), stored);
        assertEquals("010-1234-5678", cipher.decrypt(stored));
        assertEquals("홍길동@예시.kr ✉", cipher.decrypt(cipher.encrypt("홍길동@예시.kr ✉")));
        assertEquals("", cipher.decrypt(cipher.encrypt("")));
        assertNull(cipher.encrypt((String) null));
        assertNull(cipher.decrypt((String) null));

        byte[] csv = "행,이름,전화\n2,홍길동,010-1234-5678\n".getBytes(StandardCharsets.UTF_8);
        byte[] sealed = cipher.encrypt(csv);
        assertTrue(DataCipher.isEncrypted(sealed));
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains("010-1234"));
        assertArrayEquals(csv, cipher.decrypt(sealed));
    }

    @Test
    void theSameValueEncryptsDifferentlyEachTime() {
        String a = cipher.encrypt("hong@example.com");
        String b = cipher.encrypt("hong@example.com");
        assertNotEquals(a, b, "a random IV per value");
        // and the IVs themselves differ (the first 12 bytes after the prefix)
        byte[] ivA = java.util.Arrays.copyOf(Base64.getDecoder().decode(a.substring(3)), 12);
        byte[] ivB = java.util.Arrays.copyOf(Base64.getDecoder().decode(b.substring(3)), 12);
        assertFalse(java.util.Arrays.equals(ivA, ivB));
        // IV (12) + plaintext (16) + tag (16)
        assertEquals(12 + 16 + 16, Base64.getDecoder().decode(a.substring(3)).length);
    }

    @Test
    void aTamperedValueFailsInsteadOfDecryptingToSomethingElse() {
        String stored = cipher.encrypt("010-1234-5678");
        byte[] raw = Base64.getDecoder().decode(stored.substring(3));
        for (int position : new int[] {0, 13, raw.length - 1}) { // IV, ciphertext, tag
            byte[] altered = raw.clone();
            altered[position] ^= 1;
            String tampered = "v1:" + Base64.getEncoder().encodeToString(altered);
            assertThrows(DataCipher.DataDecryptionException.class, () -> cipher.decrypt(tampered),
                    "flipped bit at " + position);
        }
        assertThrows(DataCipher.DataDecryptionException.class, () -> cipher.decrypt("v1:AAAA"));
        assertThrows(DataCipher.DataDecryptionException.class, () -> cipher.decrypt("v1:not base64!"));
        byte[] sealed = cipher.encrypt(new byte[] {1, 2, 3});
        sealed[sealed.length - 1] ^= 1;
        assertThrows(DataCipher.DataDecryptionException.class, () -> cipher.decrypt(sealed));
    }

    @Test
    void aWrongKeyFailsClearly() {
        String stored = cipher.encrypt("hong@example.com");
        DataCipher.DataDecryptionException e = assertThrows(DataCipher.DataDecryptionException.class,
                () -> new DataCipher(OTHER_KEY).decrypt(stored));
        assertTrue(e.getMessage().contains("GONGNON_DATA_KEY"), e.getMessage());
        assertFalse(e.getMessage().contains("hong"), "the message never carries the value");
    }

    @Test
    void valuesWithoutThePrefixAreLegacyPlaintext() {
        assertEquals("010-9876-5432", cipher.decrypt("010-9876-5432"));
        assertFalse(DataCipher.isEncrypted("010-9876-5432"));
        byte[] legacy = "이름,전화\n".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(legacy, cipher.decrypt(legacy));
    }

    @Test
    void keysMustBeBase64Of32Bytes() {
        String good = Base64.getEncoder().encodeToString(KEY);
        assertEquals("x", DataCipher.fromBase64(good + "\n").decrypt(cipher.encrypt("x")));
        IllegalArgumentException shortKey = assertThrows(IllegalArgumentException.class,
                () -> DataCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(shortKey.getMessage().contains("openssl rand -base64 32"), shortKey.getMessage());
        assertThrows(IllegalArgumentException.class, () -> DataCipher.fromBase64("not a key!"));
    }

    @Test
    void theDevelopmentKeyIsGeneratedOnceBesideTheDataDirectoryAndKeptPrivate(@TempDir Path dir) throws Exception {
        Path keyFile = DataKeyConfiguration.keyFileBeside(dir.resolve("mariadb-data"));
        assertEquals(dir.resolve("mariadb-data.key"), keyFile);
        String first = DataKeyConfiguration.readOrCreateKey(keyFile);
        assertEquals(32, Base64.getDecoder().decode(first).length);
        assertEquals(first, DataKeyConfiguration.readOrCreateKey(keyFile), "read again, never replaced");
        assertEquals(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE),
                Files.getPosixFilePermissions(keyFile));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temporary file left behind");
        }
    }

    @Test
    void aRealDatabaseWithoutAKeyRefusesToStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new DataKeyConfiguration()
                .dataCipher("", "jdbc:mysql://db.example/gongnon", null));
        assertTrue(e.getMessage().contains("GONGNON_DATA_KEY"), e.getMessage());
    }
}
