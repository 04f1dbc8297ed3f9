package org.gongnon.base;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;

/**
 * Long work started from a view (a LEXIMIN draw, a 10,000-row import) runs here, never on the request
 * thread, so the page keeps responding and can show progress. Tasks run as the user who started them
 * (their security context travels along), so the services' role and membership checks still apply.
 * Two workers: the machines this runs on have few cores, and each solver already uses one fully.
 */
@Configuration(proxyBeanMethods = false)
class BackgroundWork {

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService backgroundExecutor() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = r -> {
            Thread t = new Thread(r, "gongnon-background-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        return new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(2, threads));
    }
}
