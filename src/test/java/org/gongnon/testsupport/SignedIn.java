package org.gongnon.testsupport;

import java.util.function.Supplier;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;

/** Runs a piece of a test as a real staff account, loaded through the application's own user service. */
public final class SignedIn {

    private SignedIn() {
    }

    public static <T> T as(UserDetailsService users, String username, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        UserDetails user = users.loadUserByUsername(username);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(UserDetailsService users, String username, Runnable work) {
        as(users, username, () -> {
            work.run();
            return null;
        });
    }
}
