package org.gongnon.base;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one clock of the application, in the deliberation's time zone (Seoul by default, whatever zone
 * the server runs in), so "today" on a timeline is the citizens' today.
 */
@Configuration(proxyBeanMethods = false)
class TimeConfiguration {

    @Bean
    Clock clock(@Value("${gongnon.time-zone:Asia/Seoul}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
