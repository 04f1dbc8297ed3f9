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
    private final org.springframework.jdbc.core.JdbcTemplate jdbc;

    CheckInPasses(CheckInPassRepository passes, org.springframework.jdbc.core.JdbcTemplate jdbc) {
        this.passes = passes;
        this.jdbc = jdbc;
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

    /** Makes sure each of these members has a code, creating the missing ones in one batch. */
    void ensureCodes(java.util.Collection<Long> panelMemberIds) {
        java.util.Set<Long> missing = new java.util.HashSet<>(panelMemberIds);
        passes.findAllById(panelMemberIds).forEach(p -> missing.remove(p.getPanelMemberId()));
        if (missing.isEmpty()) {
            return;
        }
        java.util.Map<String, Long> fresh = new java.util.HashMap<>();
        for (Long member : missing) {
            String code;
            do {
                code = newCode();
            } while (fresh.containsKey(code));
            fresh.put(code, member);
        }
        // Codes already taken (a one-in-billions chance) are drawn again before anything is written.
        for (CheckInPass taken : passes.findByCodeIn(fresh.keySet())) {
            Long member = fresh.remove(taken.getCode());
            String code;
            do {
                code = newCode();
            } while (fresh.containsKey(code) || passes.findByCode(code).isPresent());
            fresh.put(code, member);
        }
        jdbc.batchUpdate("INSERT INTO checkin_pass (panel_member_id, code) VALUES (?, ?)",
                fresh.entrySet().stream().map(e -> new Object[] {e.getValue(), e.getKey()}).toList());
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
