package org.gongnon.process;

public record TeamMember(long accountId, String username, String displayName, ProcessRole role) {
}
