package org.gongnon.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccessSecretsTest {

    @Test
    void tokensCarryAtLeast128RandomBits() {
        String token = AccessSecrets.newToken();
        assertTrue(Base64.getUrlDecoder().decode(token).length * 8 >= 128);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(AccessSecrets.newToken()), "tokens must not repeat");
        }
    }

    @Test
    void codesUseOnlyUnambiguousCharacters() {
        for (int i = 0; i < 500; i++) {
            String part = AccessSecrets.newCodePart();
            assertEquals(4, part.length());
            assertTrue(part.chars().noneMatch(c -> "01OIL".indexOf(c) >= 0), part);
        }
    }

    @Test
    void typedCodesAreNormalized() {
        assertEquals("ABCDEFGH", AccessSecrets.normalizeCode(" abcd-efgh "));
        assertEquals("ABCDEFGH", AccessSecrets.normalizeCode("AB CD EF GH"));
        assertTrue(AccessSecrets.isWellFormedCode("K8VSJB82"));
        assertFalse(AccessSecrets.isWellFormedCode("K8VSJB8"), "too short");
        assertFalse(AccessSecrets.isWellFormedCode("K8VSJB8O"), "O is not in the alphabet");
        assertFalse(AccessSecrets.isWellFormedCode("' OR 1=1"));
    }

    @Test
    void hashesAreStableAndCompareInConstantTime() {
        String h = AccessSecrets.sha256("secret");
        assertEquals(64, h.length());
        assertEquals(h, AccessSecrets.sha256("secret"));
        assertNotEquals(h, AccessSecrets.sha256("secreT"));
        assertTrue(AccessSecrets.sameHash(h, AccessSecrets.sha256("secret")));
        assertFalse(AccessSecrets.sameHash(h, null));
    }
}
