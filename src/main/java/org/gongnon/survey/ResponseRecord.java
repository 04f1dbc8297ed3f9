package org.gongnon.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One submitted response as analysis and export see it: a pseudonymous key, never a name. The panel member id
 * is kept only to join the member's strata (region, gender, age, prior opinion) and is null once that link has
 * been cut.
 */
record ResponseRecord(long participantId, String participantKey, Long panelMemberId, Instant submittedAt,
                      Map<String, List<String>> answers) {
}
