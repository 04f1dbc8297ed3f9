package org.gongnon.security;

import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.VaadinServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Signs a citizen in for this browser session after their link or code was checked. Citizens have no
 * password: the checked link or code is the credential.
 */
@Component
public class CitizenSignIn {

    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    public void signIn(CitizenPrincipal citizen) {
        var authentication = UsernamePasswordAuthenticationToken.authenticated(citizen, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.CITIZEN)));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        SecurityContextHolder.setContext(context);
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        VaadinServletResponse response = VaadinServletResponse.getCurrent();
        if (request != null && response != null) {
            // A new session (and id) for the new identity, against session fixation; Vaadin carries
            // the UI state over.
            VaadinService.reinitializeSession(request);
            HttpServletRequest http = request.getHttpServletRequest();
            repository.saveContext(context, http, response.getHttpServletResponse());
        }
    }
}
