package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.DirtyDatabaseException;

/**
 * Analyzes a {@link DirtyDatabaseException}: a golang-migrate migration that failed
 * partway.
 */
final class DirtyDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<DirtyDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, DirtyDatabaseException cause) {
		String description = "The database is dirty at version " + cause.version() + ": migration " + cause.version()
				+ " failed partway, so its changes may be half applied. No migration runs until the flag is"
				+ " cleared.";
		return new FailureAnalysis(description, action(cause.version()), cause);
	}

	static String action(long version) {
		return "Repair the schema by hand, finishing or undoing what migration " + version + " did. Then start the"
				+ " application once with migrations.force-version=V, where V is " + version + " if the schema now"
				+ " matches it or the version before it if you undid it: it clears the dirty flag before migrating."
				+ " Remove the setting afterwards.";
	}

}
