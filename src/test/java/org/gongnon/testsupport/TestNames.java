package org.gongnon.testsupport;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The one source of unique names, titles, usernames and addresses in tests.
 *
 * <p>Tokens are lower-case Latin letters only: a run prefix (random per test JVM, so a test run against a
 * database that outlived an earlier run does not collide with it) and a counter written in base 26. With no
 * digit in them they can never look like a resident registration number, a phone number or a date, which
 * {@code System.nanoTime()} (the machine's uptime in nanoseconds) did about once in thirty titles once the
 * machine had been up for some minutes: the title was refused as personal data and the test failed.
 */
public final class TestNames {

    private static final char[] LETTERS = "abcdefghijklmnopqrstuvwxyz".toCharArray();
    /** Three letters per JVM: 17,576 runs before two could share a prefix. */
    private static final String RUN = randomLetters(3);
    private static final AtomicLong COUNTER = new AtomicLong();

    private TestNames() {
    }

    /** A token never handed out before in this JVM, e.g. {@code "qzkaab"}: letters only, at least six. */
    public static String token() {
        return RUN + lettersOf(COUNTER.getAndIncrement(), 3);
    }

    /** A title or name: the label, a space and a fresh token, e.g. {@code "일정 시험 qzkaab"}. */
    public static String unique(String label) {
        return label + " " + token();
    }

    /** A staff username: the prefix (lower-case letters) and a fresh token, e.g. {@code "facqzkaab"}. */
    public static String username(String prefix) {
        return prefix + token();
    }

    /** An e-mail address in the reserved example domain, e.g. {@code "refused-qzkaab@example.org"}. */
    public static String email(String prefix) {
        return prefix + "-" + token() + "@example.org";
    }

    /** {@code n} in base 26 with the letters a–z as digits, padded with 'a' to at least {@code width}. */
    static String lettersOf(long n, int width) {
        if (n < 0) {
            throw new IllegalArgumentException("negative: " + n);
        }
        StringBuilder out = new StringBuilder();
        long rest = n;
        do {
            out.append(LETTERS[(int) (rest % LETTERS.length)]);
            rest /= LETTERS.length;
        } while (rest > 0);
        while (out.length() < width) {
            out.append('a');
        }
        return out.reverse().toString();
    }

    private static String randomLetters(int count) {
        SecureRandom random = new SecureRandom();
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append(LETTERS[random.nextInt(LETTERS.length)]);
        }
        return out.toString();
    }
}
