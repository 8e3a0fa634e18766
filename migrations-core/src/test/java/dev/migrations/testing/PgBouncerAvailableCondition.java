package dev.migrations.testing;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables PgBouncer tests when the binary is installed; under {@code CI=true} a missing
 * one is a failure.
 */
public final class PgBouncerAvailableCondition implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (PgBouncer.executable().isPresent()) {
			return ConditionEvaluationResult.enabled("PgBouncer is installed");
		}
		String reason = "PgBouncer is not installed (apt-get install pgbouncer, or set " + PgBouncer.EXECUTABLE_VARIABLE
				+ ")";
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true requires PgBouncer, but " + reason);
		}
		return ConditionEvaluationResult.disabled("Skipped: " + reason + "; under CI=true this fails");
	}

}
