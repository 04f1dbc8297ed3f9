package org.gongnon.process;

import java.util.Optional;
import org.gongnon.base.UserFacingException;
import org.gongnon.security.CurrentUser;
import org.gongnon.security.StaffUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who may see or change which process. Roles say what kind of user someone is; membership says which
 * processes are theirs. A process outside a user's reach is reported as not found, and the attempt logged.
 */
@Component
public class ProcessAccess {

    private static final Logger log = LoggerFactory.getLogger(ProcessAccess.class);

    private final CurrentUser currentUser;
    private final ProcessMembershipRepository memberships;

    ProcessAccess(CurrentUser currentUser, ProcessMembershipRepository memberships) {
        this.currentUser = currentUser;
        this.memberships = memberships;
    }

    Optional<ProcessRole> roleIn(long processId) {
        StaffUser user = currentUser.requireStaff();
        return memberships.findByProcessIdAndAccountId(processId, user.accountId()).map(ProcessMembership::getRole);
    }

    public boolean canView(long processId) {
        return currentUser.isAdmin() || roleIn(processId).isPresent();
    }

    public boolean canEdit(long processId) {
        return currentUser.isAdmin() || roleIn(processId).filter(r -> r == ProcessRole.FACILITATOR).isPresent();
    }

    /** Officials of the process answer for the city (admins may too). */
    public boolean isOfficial(long processId) {
        return currentUser.isAdmin() || roleIn(processId).filter(r -> r == ProcessRole.OFFICIAL).isPresent();
    }

    public void requireView(long processId) {
        if (!canView(processId)) {
            denied(processId, "view");
        }
    }

    public void requireEdit(long processId) {
        if (!canEdit(processId)) {
            if (canView(processId)) {
                throw new UserFacingException("process.read-only");
            }
            denied(processId, "edit");
        }
    }

    private void denied(long processId, String action) {
        log.warn("Access denied: account {} tried to {} process {}",
                currentUser.staff().map(u -> String.valueOf(u.accountId())).orElse("?"), action, processId);
        throw new UserFacingException("process.not-found");
    }
}
