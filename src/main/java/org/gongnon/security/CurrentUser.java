package org.gongnon.security;

import java.util.Optional;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in, for services that must check more than a role (e.g. membership of a process). */
@Component
public class CurrentUser {

    public Optional<StaffUser> staff() {
        return principal() instanceof StaffUser user ? Optional.of(user) : Optional.empty();
    }

    public StaffUser requireStaff() {
        return staff().orElseThrow(() -> new AccessDeniedException("staff account required"));
    }

    /** Who is acting, for records such as "drawn by": the staff username, or "system" for start-up work. */
    public String actorName() {
        return staff().map(StaffUser::getUsername).orElseGet(() -> {
            Authentication auth = SecurityContextHolder.getContext().getAuthentication();
            if (auth == null || !isAdmin()) {
                throw new AccessDeniedException("staff account required");
            }
            return auth.getName();
        });
    }

    /** Who is acting, as people read it in records ("reviewed by 박진행"): the staff member's name, else as above. */
    public String actorDisplayName() {
        return staff().map(StaffUser::displayName).orElseGet(this::actorName);
    }

    /** Admins, and start-up work running with the system authority. */
    public boolean isAdmin() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth != null && auth.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.ADMIN).equals(a.getAuthority()));
    }

    public Optional<CitizenPrincipal> citizen() {
        return principal() instanceof CitizenPrincipal citizen ? Optional.of(citizen) : Optional.empty();
    }

    public CitizenPrincipal requireCitizen() {
        return citizen().orElseThrow(() -> new AccessDeniedException("citizen access required"));
    }

    private static Object principal() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? null : auth.getPrincipal();
    }
}
