package org.gongnon.security;

import java.time.Instant;

/** One row of the personal-data access log: who, when, whose data (subject, people), what. */
public record PersonalDataAccess(long seq, Instant at, Long accountId, String accountName, Long processId,
                                 PersonalDataAction action, String subject, int people, String prevHash,
                                 String rowHash) {
}
