package org.gongnon.testsupport;

import java.util.function.Supplier;
import org.gongnon.process.CitizenAccessService;
import org.gongnon.process.IssuedAccess;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs a piece of a test as a citizen signed in through their real personal link (the token of an issued
 * access), on the current thread; the previous security context is restored afterwards.
 */
public final class AsCitizen {

    private AsCitizen() {
    }

    public static String tokenOf(IssuedAccess access) {
        return access.link().substring(access.link().lastIndexOf("/c/") + 3);
    }

    public static <T> T as(CitizenAccessService citizens, IssuedAccess access, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        try {
            if (!citizens.signInWithToken(tokenOf(access))) {
                throw new IllegalStateException("the citizen's link did not sign in");
            }
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void run(CitizenAccessService citizens, IssuedAccess access, Runnable work) {
        as(citizens, access, () -> {
            work.run();
            return null;
        });
    }
}
