package org.gongnon.testsupport;

import java.time.ZoneId;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Every test context runs the application on the {@link TestClock}: it takes the place of the application's
 * own clock wherever a {@code Clock} is injected, in the services, the views and the tests alike.
 */
@Configuration(proxyBeanMethods = false)
class TestClockConfiguration {

    @Bean
    @Primary
    TestClock testClock(@Value("${gongnon.time-zone:Asia/Seoul}") String zone) {
        TestClock clock = TestClock.forSuite(ZoneId.of(zone));
        LoggerFactory.getLogger(TestClockConfiguration.class).info("The application runs on {} (JVM zone {})", clock,
                ZoneId.systemDefault());
        return clock;
    }
}
