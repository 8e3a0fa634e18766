package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.LockTimeoutException;

/**
 * Analyzes a {@link LockTimeoutException}: who held the migration lock, and for how long
 * this instance waited.
 */
final class LockTimeoutFailureAnalyzer extends AbstractFailureAnalyzer<LockTimeoutException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, LockTimeoutException cause) {
		String waited = Listing.duration(cause.waited());
		String description = "Gave up after waiting " + waited + " for the migration lock, held by "
				+ ((cause.holder() != null) ? cause.holder() : "a runner that could not be identified")
				+ ". No migration was run.";
		String action = "If that runner is still migrating, let it finish and start the application again, or raise"
				+ " migrations.lock-timeout above " + waited + " so that instances wait for it. If it is stuck,"
				+ " stop it: the lock is released when its process or database connection ends.";
		return new FailureAnalysis(description, action, cause);
	}

}
