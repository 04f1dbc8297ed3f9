package org.gongnon.recruitment;

import java.util.Optional;

/**
 * The app's proposal when a panel member leaves: the first reserve of the same stratum (every quota kept
 * exactly), else the first reserve whose swap keeps every quota, else nobody, and why.
 */
public record ReplacementProposal(PoolMemberRow leaving, Optional<PoolMemberRow> reserve, boolean sameStratum) {
}
