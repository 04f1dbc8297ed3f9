package org.gongnon.process;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

/** Random link tokens and short codes for citizens, and the hashes under which they are stored. */
final class AccessSecrets {

    /** No 0/O, 1/I/L: codes are read aloud and typed on shared tablets. */
    static final String CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    static final int TOKEN_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AccessSecrets() {
    }

    /** 256 random bits, URL-safe. */
    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String newCodePart() {
        StringBuilder part = new StringBuilder(4);
        for (int i = 0; i < 4; i++) {
            part.append(CODE_ALPHABET.charAt(RANDOM.nextInt(CODE_ALPHABET.length())));
        }
        return part.toString();
    }

    /** Upper-cases and drops spaces and dashes, so "abcd efgh" and "ABCD-EFGH" are the same code. */
    static String normalizeCode(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }

    static boolean isWellFormedCode(String normalized) {
        if (normalized.length() != 8) {
            return false;
        }
        return normalized.chars().allMatch(c -> CODE_ALPHABET.indexOf(c) >= 0);
    }

    static String sha256(String value) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Compares hashes in constant time. */
    static boolean sameHash(String a, String b) {
        return a != null && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
