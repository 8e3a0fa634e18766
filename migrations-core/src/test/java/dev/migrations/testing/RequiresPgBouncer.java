package dev.migrations.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks tests that start a real PgBouncer in front of the test server. Without the binary
 * they are skipped, with the reason shown; under {@code CI=true} they fail instead
 * ({@code .ci/run} installs it).
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@RequiresPostgres
@ExtendWith(PgBouncerAvailableCondition.class)
public @interface RequiresPgBouncer {

}
