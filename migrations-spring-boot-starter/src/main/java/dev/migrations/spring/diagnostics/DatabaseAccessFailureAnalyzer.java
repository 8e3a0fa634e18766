package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.DatabaseAccessException;

/** Analyzes a {@link DatabaseAccessException}: the database could not be reached or refused the engine's query. */
final class DatabaseAccessFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseAccessException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DatabaseAccessException cause) {
		String description = "The migrations could not start: the engine failed " + cause.action() + ". The database said: "
				+ cause.databaseMessage()
				+ ((cause.sqlState() != null) ? " (SQLState " + cause.sqlState() + ")" : "") + ". No migration was run.";
		String action = "Check that the database is up and reachable with the configured DataSource (spring.datasource.*,"
				+ " or migrations.url/user/password for a separate migration connection), and that its user may read"
				+ " and create the version tables.";
		return new FailureAnalysis(description, action, cause);
	}

}
