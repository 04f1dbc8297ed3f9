package org.gongnon.algorithms.sortition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InputsFingerprintTest {

    static final List<Quota> QUOTAS = List.of(new Quota("gender", "f", 1, 1), new Quota("gender", "m", 1, 1),
            new Quota("region", "도심권", 0, 2), new Quota("region", "동북권", 0, 2));

    static Person person(String id, String gender, String region) {
        return new Person(id, Map.of("gender", gender, "region", region));
    }

    static SelectionProblem problem() {
        return new SelectionProblem(List.of(person("p1", "f", "도심권"), person("p2", "m", "동북권"),
                person("p3", "f", "동북권")), QUOTAS, 2);
    }

    @Test
    void theHashedTextIsTheDocumentedCanonicalForm() {
        String expected = """
                gongnon-sortition-inputs/1
                algorithm 9:leximin/1
                panel-size 2
                reserves 1
                quota 6:gender 1:f 1 1
                quota 6:gender 1:m 1 1
                quota 6:region 9:도심권 0 2
                quota 6:region 9:동북권 0 2
                person 2:p1 1:f 9:도심권
                person 2:p2 1:m 9:동북권
                person 2:p3 1:f 9:동북권
                """;
        assertEquals(expected, InputsFingerprint.canonicalText(problem(), "leximin/1", 1));
        // SHA-256 of that text, computed independently (Python's hashlib), so the fingerprint of these
        // inputs can never drift without this test noticing.
        assertEquals("d27a47ef736db229390d955fa0661295b6f05b756701eb1ef487ce7e2819d997",
                InputsFingerprint.of(problem(), "leximin/1", 1));
    }

    @Test
    void inputOrderAndUnusedColumnsDoNotMatter() {
        Map<String, String> withExtra = new LinkedHashMap<>();
        withExtra.put("phone", "010-0000-0000");
        withExtra.put("region", "도심권");
        withExtra.put("gender", "f");
        SelectionProblem reordered = new SelectionProblem(List.of(person("p3", "f", "동북권"), new Person("p1", withExtra),
                person("p2", "m", "동북권")), List.of(QUOTAS.get(3), QUOTAS.get(1), QUOTAS.get(2), QUOTAS.get(0)), 2);
        assertEquals(InputsFingerprint.of(problem(), "leximin/1", 1), InputsFingerprint.of(reordered, "leximin/1", 1));
    }

    @Test
    void everyRelevantChangeGivesAnotherFingerprint() {
        SelectionProblem base = problem();
        List<String> fingerprints = List.of(
                InputsFingerprint.of(base, "leximin/1", 1),
                InputsFingerprint.of(base, "leximin/2", 1),
                InputsFingerprint.of(base, "legacy/1", 1),
                InputsFingerprint.of(base, "leximin/1", 0),
                InputsFingerprint.of(new SelectionProblem(base.pool(), base.quotas(), 1), "leximin/1", 1),
                InputsFingerprint.of(new SelectionProblem(List.of(person("p1", "f", "도심권"), person("p2", "m", "동북권"),
                        person("p3", "f", "도심권")), QUOTAS, 2), "leximin/1", 1),
                InputsFingerprint.of(new SelectionProblem(List.of(person("p1", "f", "도심권"), person("p2", "m", "동북권"),
                        person("p4", "f", "동북권")), QUOTAS, 2), "leximin/1", 1),
                InputsFingerprint.of(new SelectionProblem(base.pool().subList(0, 2), QUOTAS, 2), "leximin/1", 1),
                InputsFingerprint.of(new SelectionProblem(base.pool(), List.of(QUOTAS.get(0), QUOTAS.get(1),
                        QUOTAS.get(2), new Quota("region", "동북권", 0, 1)), 2), "leximin/1", 1),
                InputsFingerprint.of(new SelectionProblem(base.pool(), List.of(QUOTAS.get(0), QUOTAS.get(1),
                        QUOTAS.get(2), new Quota("region", "동북권", 1, 2)), 2), "leximin/1", 1));
        Set<String> distinct = new HashSet<>(fingerprints);
        assertEquals(fingerprints.size(), distinct.size(), "every variant differs: " + fingerprints);
        fingerprints.forEach(f -> assertEquals(64, f.length()));
    }
}
