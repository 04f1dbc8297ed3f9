package org.gongnon.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Pins the application's {@link TestClock} for a test (or every test of a class) that depends on the time of
 * day. The value takes the forms of {@value TestClock#PROPERTY}: {@code 2026-03-16T09:30} (in the clock's zone,
 * Seoul), {@code 2026-03-16T09:30:00+09:00}, {@code before-midnight}, {@code after-midnight}. The clock goes back
 * to the suite's setting after the test ({@link TestFixturesListener}).
 */
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Inherited
public @interface PinnedClock {

    String value();
}
