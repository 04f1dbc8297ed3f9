package org.gongnon.base;

import jakarta.annotation.PreDestroy;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Long work started from a view (a LEXIMIN draw, a 10,000-row import) runs here, never on the request
 * thread, so the page keeps responding and can show progress. Tasks run as the user who started them
 * (their security context travels along, taken when the task is handed over), so the services' role and
 * membership checks still apply. Two workers: these machines have few cores, and a solver fills one.
 */
@Component
public class BackgroundWork {

    private final ExecutorService workers;

    BackgroundWork() {
        AtomicInteger count = new AtomicInteger();
        workers = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "gongnon-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    public void start(Runnable task) {
        SecurityContext caller = SecurityContextHolder.getContext();
        workers.execute(() -> {
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(caller.getAuthentication());
            SecurityContextHolder.setContext(context);
            try {
                task.run();
            } finally {
                SecurityContextHolder.clearContext();
            }
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
