package dev.migrations.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Enables a database server's tests when the server answers, asking once per JVM; under
 * {@code CI=true} a silent server is a failure.
 */
abstract class ServerAvailableCondition implements ExecutionCondition {

	/** Why each server is unavailable, empty when it answered. */
	private static final Map<String, Optional<String>> UNAVAILABLE = new ConcurrentHashMap<>();

	private final String server;

	private final String urlVariable;

	private final Supplier<String> url;

	ServerAvailableCondition(String server, String urlVariable, Supplier<String> url) {
		this.server = server;
		this.urlVariable = urlVariable;
		this.url = url;
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Optional<String> reason = UNAVAILABLE.computeIfAbsent(this.server, (name) -> check());
		if (reason.isEmpty()) {
			return ConditionEvaluationResult.enabled(this.server + " is reachable");
		}
		if ("true".equalsIgnoreCase(System.getenv("CI"))) {
			throw new IllegalStateException("CI=true requires " + this.server + ", but " + reason.get());
		}
		return ConditionEvaluationResult.disabled("Skipped: " + reason.get() + " (set " + this.urlVariable
				+ " or start " + this.server + "; under CI=true this fails)");
	}

	private Optional<String> check() {
		try (Connection connection = DriverManager.getConnection(this.url.get())) {
			connection.isValid(5);
			return Optional.empty();
		}
		catch (SQLException ex) {
			String reason = this.server + " is unreachable: " + ex.getMessage();
			if (!"true".equalsIgnoreCase(System.getenv("CI"))) {
				System.err.println("WARNING: skipping the " + this.server + " tests: " + reason);
			}
			return Optional.of(reason);
		}
	}

}
