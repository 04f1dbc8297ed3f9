package org.gongnon.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Signs a citizen in for this browser session after their link or code was checked. Citizens have no
 * password: the checked link or code is the credential.
 *
 * <p>It runs in a plain top-level HTTP request (see {@code CitizenEntryController}), never inside a
 * Vaadin UI request: renewing the session id while the page may have other requests in flight could
 * let a late request with the old id set a fresh, anonymous session cookie and sign the citizen out.
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
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                && attributes.getResponse() != null) {
            HttpServletRequest request = attributes.getRequest();
            HttpServletResponse response = attributes.getResponse();
            if (request.getSession(false) != null) {
                // A new session id for the new identity (session fixation).
                request.changeSessionId();
            }
            repository.saveContext(context, request, response);
        }
    }
}
