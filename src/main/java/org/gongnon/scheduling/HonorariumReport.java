package org.gongnon.scheduling;

import java.util.List;

/** Honorarium eligibility of every active panel member under the process's rule, counting held sessions only. */
public record HonorariumReport(SettingsForm settings, int heldSessions, int requiredHeldSessions, List<Row> rows) {

    public HonorariumReport {
        rows = List.copyOf(rows);
    }

    public long eligibleCount() {
        return rows.stream().filter(Row::eligible).count();
    }

    /** A member's attendance: sessions attended (as the rule counts them), required ones expected and attended. */
    public record Row(long panelMemberId, String displayName, int attended, int requiredExpected, int requiredAttended,
                      boolean eligible) {
    }
}
