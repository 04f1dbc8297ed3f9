package org.gongnon.algorithms.sortition;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * A SHA-256 fingerprint of everything that decides a lottery except the seed: published before the
 * seed is drawn, it lets anyone check afterwards that the draw used exactly these inputs.
 *
 * <p>The hash is taken over the UTF-8 bytes of this text, one line per item, each line ending in
 * {@code \n}, where {@code s(x)} is a string written as its UTF-8 length in bytes, a colon and the string
 * itself (so no value can be mistaken for a separator), and numbers are written in decimal:
 *
 * <pre>
 * gongnon-sortition-inputs/1
 * algorithm s(version)                       e.g. algorithm 9:leximin/2
 * panel-size k
 * reserves r
 * quota s(feature) s(value) min max          one line per quota, sorted by feature, then value
 * person s(id) s(value1) ... s(valueN)       one line per pool member, sorted by id; the values of the
 *                                            quota features, features in sorted order
 * </pre>
 *
 * Strings are sorted by {@link String#compareTo}. The order of the input files therefore does not
 * matter, and neither do columns that no quota names; every other change gives a different fingerprint.
 */
public final class InputsFingerprint {

    static final String HEADER = "gongnon-sortition-inputs/1";

    private InputsFingerprint() {
    }

    /** The fingerprint as 64 lowercase hex digits. */
    public static String of(SelectionProblem problem, String algorithmVersion, int reserveCount) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(canonicalText(problem, algorithmVersion, reserveCount)
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The text that is hashed (see the class comment). */
    public static String canonicalText(SelectionProblem problem, String algorithmVersion, int reserveCount) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("algorithm ").append(s(algorithmVersion)).append('\n');
        text.append("panel-size ").append(problem.panelSize()).append('\n');
        text.append("reserves ").append(reserveCount).append('\n');
        problem.quotas().stream()
                .sorted(Comparator.comparing(Quota::feature).thenComparing(Quota::value))
                .forEach(q -> text.append("quota ").append(s(q.feature())).append(' ').append(s(q.value()))
                        .append(' ').append(q.min()).append(' ').append(q.max()).append('\n'));
        List<String> features = problem.features().stream().sorted().toList();
        problem.pool().stream().sorted(Comparator.comparing(Person::id)).forEach(p -> {
            text.append("person ").append(s(p.id()));
            for (String f : features) {
                text.append(' ').append(s(p.value(f)));
            }
            text.append('\n');
        });
        return text.toString();
    }

    private static String s(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length + ":" + value;
    }
}
