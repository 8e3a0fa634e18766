package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables MariaDB tests when the server answers; under {@code CI=true} a silent server is
 * a failure.
 */
public final class MariaDbAvailableCondition implements ExecutionCondition {

	private static volatile String unavailableReason;

	private static volatile boolean checked;

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		String reason = check();
		if (reason == null) {
			return ConditionEvaluationResult.enabled("MariaDB is reachable");
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true requires MariaDB, but " + reason);
		}
		return ConditionEvaluationResult.disabled("Skipped: " + reason + " (set " + MariaDbTestDatabase.URL_VARIABLE
				+ " or start MariaDB; under CI=true this fails)");
	}

	private static synchronized String check() {
		if (!checked) {
			checked = true;
			try (Connection connection = DriverManager.getConnection(MariaDbTestDatabase.baseUrl())) {
				connection.isValid(5);
			}
			catch (SQLException ex) {
				unavailableReason = "MariaDB is unreachable: " + ex.getMessage();
				if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
					System.err.println("WARNING: skipping the MariaDB tests: " + unavailableReason);
				}
			}
		}
		return unavailableReason;
	}

}
