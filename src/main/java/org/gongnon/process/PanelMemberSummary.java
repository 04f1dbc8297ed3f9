package org.gongnon.process;

import java.time.Instant;

/** A panel member as facilitators see them in the panel list. */
public record PanelMemberSummary(long id, String displayName, boolean hasAccess, Instant accessIssuedAt) {
}
