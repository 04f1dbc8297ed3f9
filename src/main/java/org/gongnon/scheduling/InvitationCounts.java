package org.gongnon.scheduling;

import java.util.List;

/** A session's invitations: totals, and the same per feature value of the expected members. */
public record InvitationCounts(long sessionId, int expected, int invited, int confirmed, int declined, int pending,
                               int notInvited, List<StratumCount> strata) {

    public InvitationCounts {
        strata = List.copyOf(strata);
    }
}
