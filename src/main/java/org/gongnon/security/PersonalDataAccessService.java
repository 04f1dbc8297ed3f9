package org.gongnon.security;

import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/** The personal-data access log for admins: read it and verify its hash chain. */
@Service
@PreAuthorize(Roles.HAS_ADMIN)
public class PersonalDataAccessService {

    private final PersonalDataAccessLog log;

    PersonalDataAccessService(PersonalDataAccessLog log) {
        this.log = log;
    }

    public List<PersonalDataAccess> latest(Long processId, int limit) {
        return log.latest(processId, Math.clamp(limit, 1, 5000));
    }

    public ChainVerification verify() {
        return log.verify();
    }
}
