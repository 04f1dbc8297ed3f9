package org.gongnon.testsupport;

import java.time.ZoneId;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * What every test with an application context gets, in one place (registered in
 * {@code META-INF/spring.factories}, so no test class repeats it):
 * <ul>
 *   <li>the clock pinned for a test marked {@link PinnedClock}, and put back to the suite's setting after
 *       every test;</li>
 *   <li>nobody signed in after a test, whoever it signed in as;</li>
 *   <li>the shared demo process left as it was: after each test class its tables are compared with what they
 *       held before (a {@link DemoSnapshot}), and a class that changed them fails, naming what changed.
 *       Tests read the demo; tests that write make their own data.</li>
 * </ul>
 */
public class TestFixturesListener implements TestExecutionListener, Ordered {

    /** The demo as the last test class left it; one database per test JVM, whichever context runs. */
    private static DemoSnapshot demoBefore;

    @Override
    public int getOrder() {
        // After SecurityStrategyPerContext, before Spring Security's own listeners (which sign in for
        // @WithUserDetails) so that a pinned clock is in place when they and the test run.
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        if (isSpringBootTest(testContext)) {
            synchronized (TestFixturesListener.class) {
                if (demoBefore == null) {
                    demoBefore = DemoSnapshot.take(jdbc(testContext.getApplicationContext()));
                }
            }
        }
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        PinnedClock pinned = AnnotatedElementUtils.findMergedAnnotation(testContext.getTestMethod(), PinnedClock.class);
        if (pinned == null) {
            pinned = AnnotatedElementUtils.findMergedAnnotation(testContext.getTestClass(), PinnedClock.class);
        }
        if (pinned != null) {
            TestClock clock = clock(testContext);
            ZoneId zone = clock.getZone();
            clock.pin(TestClock.parse(pinned.value(), zone, java.time.Clock.systemUTC()));
        }
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(TestClock.class).ifAvailable(TestClock::reset);
        }
        SecurityContextHolder.clearContext();
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        if (!isSpringBootTest(testContext) || !testContext.hasApplicationContext()) {
            return;
        }
        synchronized (TestFixturesListener.class) {
            DemoSnapshot after = DemoSnapshot.take(jdbc(testContext.getApplicationContext()));
            DemoSnapshot before = demoBefore;
            demoBefore = after;
            if (before == null || after == null) {
                return;
            }
            List<String> changes = after.changesSince(before);
            if (!changes.isEmpty()) {
                throw new AssertionError(testContext.getTestClass().getSimpleName() + " changed the shared demo "
                        + "process (tests read it; a test that writes makes its own process): " + changes);
            }
        }
    }

    private static boolean isSpringBootTest(TestContext testContext) {
        return AnnotatedElementUtils.hasAnnotation(testContext.getTestClass(),
                org.springframework.boot.test.context.SpringBootTest.class);
    }

    private static TestClock clock(TestContext testContext) {
        return testContext.getApplicationContext().getBean(TestClock.class);
    }

    private static JdbcTemplate jdbc(ApplicationContext context) {
        return new JdbcTemplate(context.getBean(DataSource.class));
    }
}
