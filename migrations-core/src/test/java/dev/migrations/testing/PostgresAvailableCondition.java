package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables PostgreSQL tests when the server answers; under {@code CI=true} a silent server
 * is a failure.
 */
public final class PostgresAvailableCondition implements ExecutionCondition {

	private static volatile String unavailableReason;

	private static volatile boolean checked;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String reason = check();
		if (reason == null) {
			return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true requires PostgreSQL, but " + reason);
		}
		return ConditionEvaluationResult.disabled("Skipped: " + reason + " (set " + PostgresTestDatabase.URL_VARIABLE
				+ " or start PostgreSQL; under CI=true this fails)");
	}

	private static synchronized String check() {
		if (!checked) {
			checked = true;
			try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.baseUrl())) {
				connection.isValid(5);
			}
			catch (SQLException ex) {
				unavailableReason = "PostgreSQL is unreachable: " + ex.getMessage();
				if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
					System.err.println("WARNING: skipping the PostgreSQL tests: " + unavailableReason);
				}
			}
		}
		return unavailableReason;
	}

}
