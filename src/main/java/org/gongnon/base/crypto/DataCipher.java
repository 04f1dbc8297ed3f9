package org.gongnon.base.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest with AES-256-GCM: a fresh random 96-bit IV per value, a 128-bit tag, so the
 * same phone number encrypts differently every time and an altered value or a wrong key is detected, never
 * decrypted to garbage.
 *
 * <p>Texts are stored as {@code v1:} + base64(iv ‖ ciphertext ‖ tag); bytes as the ASCII bytes {@code v1:}
 * followed by iv ‖ ciphertext ‖ tag. The prefix names the format (and key generation) so that a later key
 * rotation can add {@code v2:}. A stored value without the prefix is plaintext written before encryption
 * existed: it is read as it is, and {@link EncryptedColumns} rewrites such values encrypted at startup.
 */
public final class DataCipher {

    public static final String PREFIX = "v1:";
    private static final byte[] PREFIX_BYTES = PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey key;

    /** @param key 32 bytes (AES-256) */
    public DataCipher(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("The data key must be 32 bytes (AES-256), got "
                    + (key == null ? "none" : key.length + " bytes"));
        }
        this.key = new SecretKeySpec(key.clone(), "AES");
    }

    /** A key given as base64 of 32 bytes, as in {@code GONGNON_DATA_KEY} ({@code openssl rand -base64 32}). */
    public static DataCipher fromBase64(String base64Key) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The data key (GONGNON_DATA_KEY) is not valid base64; "
                    + "generate one with: openssl rand -base64 32");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("The data key (GONGNON_DATA_KEY) must be base64 of 32 bytes, got "
                    + key.length + " bytes; generate one with: openssl rand -base64 32");
        }
        return new DataCipher(key);
    }

    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    public static boolean isEncrypted(byte[] stored) {
        return stored != null && stored.length >= PREFIX_BYTES.length
                && Arrays.equals(stored, 0, PREFIX_BYTES.length, PREFIX_BYTES, 0, PREFIX_BYTES.length);
    }

    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        return PREFIX + Base64.getEncoder().encodeToString(seal(plaintext.getBytes(StandardCharsets.UTF_8)));
    }

    /** The plaintext of a stored value; a value without the {@code v1:} prefix is legacy plaintext. */
    public String decrypt(String stored) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        byte[] sealed;
        try {
            sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new DataDecryptionException("a stored encrypted value is not valid base64", e);
        }
        return new String(open(sealed), StandardCharsets.UTF_8);
    }

    public byte[] encrypt(byte[] plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] sealed = seal(plaintext);
        byte[] out = Arrays.copyOf(PREFIX_BYTES, PREFIX_BYTES.length + sealed.length);
        System.arraycopy(sealed, 0, out, PREFIX_BYTES.length, sealed.length);
        return out;
    }

    public byte[] decrypt(byte[] stored) {
        if (stored == null || !isEncrypted(stored)) {
            return stored;
        }
        return open(Arrays.copyOfRange(stored, PREFIX_BYTES.length, stored.length));
    }

    private byte[] seal(byte[] plaintext) {
        byte[] iv = new byte[IV_BYTES];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ciphertext = cipher.doFinal(plaintext);
            byte[] out = Arrays.copyOf(iv, IV_BYTES + ciphertext.length);
            System.arraycopy(ciphertext, 0, out, IV_BYTES, ciphertext.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    private byte[] open(byte[] sealed) {
        if (sealed.length < IV_BYTES + TAG_BITS / 8) {
            throw new DataDecryptionException("a stored encrypted value is too short", null);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, IV_BYTES));
            return cipher.doFinal(sealed, IV_BYTES, sealed.length - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new DataDecryptionException("the data key (GONGNON_DATA_KEY) is not the key this value was "
                    + "encrypted with, or the stored value was altered", e);
        }
    }

    /** A stored value could not be decrypted: wrong key or tampered data. Never shows the value. */
    public static final class DataDecryptionException extends IllegalStateException {
        DataDecryptionException(String reason, Throwable cause) {
            super("Cannot decrypt stored personal data: " + reason, cause);
        }
    }
}
