package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.OutOfOrderException;

/**
 * Analyzes an {@link OutOfOrderException}: pending versions older than the current one.
 */
final class OutOfOrderFailureAnalyzer extends AbstractFailureAnalyzer<OutOfOrderException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, OutOfOrderException cause) {
		int count = cause.versions().size();
		String them = Listing.plural(count, "it", "them");
		String description = "Found " + count + " pending " + Listing.plural(count, "migration", "migrations")
				+ " older than the current version " + cause.currentVersion() + ": "
				+ Listing.plural(count, "version ", "versions ") + Listing.versions(cause.versions())
				+ ". No migration was run.";
		String action = "Apply " + them + " in version order, before the newer ones, with"
				+ " migrations.out-of-order=apply; leave " + them + " pending with migrations.out-of-order=ignore; or"
				+ " renumber " + them + " above " + cause.currentVersion() + ".";
		return new FailureAnalysis(description, action, cause);
	}

}
