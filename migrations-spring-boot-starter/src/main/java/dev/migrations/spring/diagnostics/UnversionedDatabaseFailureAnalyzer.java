package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.UnversionedDatabaseException;

/** Analyzes an {@link UnversionedDatabaseException}: a schema made without migrations. */
final class UnversionedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<UnversionedDatabaseException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnversionedDatabaseException cause) {
		String description = "The database already has tables (" + Listing.items(cause.tables()) + ") but no"
				+ " migration version table: its schema was made without migrations, and applying the first"
				+ " migration would most likely collide with it. No migration was run.";
		String action = "Find the version V of the last migration the existing schema already matches, and mark"
				+ " the versions up to V applied by starting once with migrations.baseline-on-migrate=true and"
				+ " migrations.baseline-version=V." + " The migrations above V then run as usual.";
		return new FailureAnalysis(description, action, cause);
	}

}
