package dev.migrations.sample.audit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a handler method whose every request, whatever its outcome, writes one audit
 * event before the response is sent.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Audited {

	/** The action, such as {@code project.create}. */
	String action();

	/** Who acts through this endpoint. */
	String actor() default "management-api";

}
