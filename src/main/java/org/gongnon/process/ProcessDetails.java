package org.gongnon.process;

import java.util.List;

/** Everything the process page shows, and what the viewer may do there. */
public record ProcessDetails(ProcessForm form, Timeline timeline, List<TeamMember> team, boolean canEdit,
                             boolean canManageTeam) {

    public long id() {
        return form.id();
    }
}
