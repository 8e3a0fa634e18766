package dev.migrations.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that need the real MariaDB server. Without one they are skipped, with the
 * reason shown; under {@code CI=true} they fail instead, so that a missing server cannot
 * hide behind skipped tests.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(MariaDbAvailableCondition.class)
public @interface RequiresMariaDb {

}
