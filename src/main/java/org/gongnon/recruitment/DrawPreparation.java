package org.gongnon.recruitment;

import java.util.List;

/**
 * What a draw is about to use, shown before it runs: pool size, panel size, reserves, the quotas, the
 * SHA-256 fingerprint of all inputs, and whether the quotas can be met (if not, what conflicts).
 */
public record DrawPreparation(String algorithm, String algorithmVersion, int poolSize, int panelSize,
                              int reserveCount, List<QuotaRow> quotas, String fingerprint,
                              List<QuotaConflict> conflicts) {

    public DrawPreparation {
        quotas = List.copyOf(quotas);
        conflicts = List.copyOf(conflicts);
    }

    public boolean feasible() {
        return conflicts.isEmpty();
    }
}
