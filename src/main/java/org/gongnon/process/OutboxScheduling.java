package org.gongnon.process;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the outbox dispatcher every {@code gongnon.outbox.dispatch-interval} (default 10 s, measured from the
 * end of one run to the start of the next). An interval of 0 turns the schedule off; the tests do that and
 * call {@link OutboxDispatcher#dispatchNow()} themselves, so no run happens behind their back.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class OutboxScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(OutboxScheduling.class);

    private final OutboxDispatcher dispatcher;
    private final Duration interval;

    OutboxScheduling(OutboxDispatcher dispatcher, @Value("${gongnon.outbox.dispatch-interval:10s}") String interval) {
        this.dispatcher = dispatcher;
        this.interval = DurationStyle.detectAndParse(interval);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        if (interval.isZero() || interval.isNegative()) {
            log.info("Outbox dispatch is not scheduled (gongnon.outbox.dispatch-interval={})", interval);
            return;
        }
        registrar.addFixedDelayTask(this::run, interval);
    }

    private void run() {
        try {
            dispatcher.dispatchNow();
        } catch (RuntimeException e) {
            // E.g. the database is unreachable: try again at the next run.
            log.warn("Outbox dispatch failed; trying again in {}", interval, e);
        }
    }
}
