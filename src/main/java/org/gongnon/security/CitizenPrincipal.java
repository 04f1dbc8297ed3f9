package org.gongnon.security;

import java.io.Serializable;
import java.security.Principal;
import java.time.Instant;

/**
 * The principal of a citizen who came in through their personal link or code. It names the panel
 * member and their process by id only (the security package knows nothing of the features), and
 * when their access was issued, so re-issuing or revoking it ends sessions opened with the old one.
 */
public record CitizenPrincipal(long panelMemberId, long processId, String displayName, Instant accessIssuedAt) implements Principal, Serializable {

    /** What the header shows for a signed-in citizen: their name, nothing else. */
    @Override
    public String getName() {
        return displayName;
    }
}
