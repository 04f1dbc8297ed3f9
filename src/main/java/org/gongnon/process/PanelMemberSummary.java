package org.gongnon.process;

import java.time.Instant;

/**
 * A panel member as facilitators see them in the panel list: whether they have access, the pool member
 * they were drawn as (empty when added by hand), and whether they withdrew after being seated.
 */
public record PanelMemberSummary(long id, String displayName, boolean hasAccess, Instant accessIssuedAt,
                                 Long poolMemberId, boolean withdrawn) {
}
