package org.gongnon.scheduling;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Hands out check-in codes: 8 characters without look-alikes (no 0/O, 1/I/L), so they can be typed too. */
@Component
class CheckInPasses {

    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CheckInPassRepository passes;

    CheckInPasses(CheckInPassRepository passes) {
        this.passes = passes;
    }

    String codeOf(long panelMemberId) {
        return passes.findById(panelMemberId).map(CheckInPass::getCode).orElseGet(() -> {
            String code;
            do {
                code = newCode();
            } while (passes.findByCode(code).isPresent());
            return passes.saveAndFlush(new CheckInPass(panelMemberId, code)).getCode();
        });
    }

    Optional<Long> memberOf(String typed) {
        String code = normalise(typed);
        return code.length() == 8 ? passes.findByCode(code).map(CheckInPass::getPanelMemberId) : Optional.empty();
    }

    /** Scanners and people add spaces, dashes or a "GN-" prefix, and type lower case. */
    static String normalise(String typed) {
        if (typed == null) {
            return "";
        }
        String s = typed.strip().toUpperCase(Locale.ROOT);
        if (s.startsWith("GN-")) {
            s = s.substring(3);
        }
        return s.replaceAll("[\\s-]", "");
    }

    private static String newCode() {
        StringBuilder s = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return s.toString();
    }
}
