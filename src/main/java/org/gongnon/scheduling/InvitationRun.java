package org.gongnon.scheduling;

/**
 * What inviting to a session did: members newly invited, members already invited (left alone), messages
 * queued in the outbox, and members with no phone or e-mail, who must be told another way.
 */
public record InvitationRun(int invited, int alreadyInvited, int messagesQueued, int withoutContact) {
}
