package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.ValidationReport;
import dev.migrations.spring.autoconfigure.MigrationsNotAppliedException;

/**
 * Analyzes a {@link MigrationsNotAppliedException}: with
 * {@code migrations.on-startup=validate}, the migrations this application needs are not
 * applied, or validation found a problem.
 */
final class MigrationsNotAppliedFailureAnalyzer extends AbstractFailureAnalyzer<MigrationsNotAppliedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationsNotAppliedException cause) {
		ValidationReport report = cause.report();
		int pending = cause.pending().size();
		StringBuilder description = new StringBuilder(
				"The database is not ready for this application, and migrations.on-startup=validate applies nothing.");
		if (pending > 0) {
			description.append("\n")
				.append(Listing.plural(pending, "Version ", "Versions "))
				.append(Listing.versions(cause.pending()))
				.append(Listing.plural(pending, " is", " are"))
				.append(" pending.");
		}
		if (!report.isValid()) {
			description.append("\nValidation found:").append(ValidationIssues.describe(report));
		}
		StringBuilder action = new StringBuilder();
		if (pending > 0) {
			action.append("Apply the pending migrations before this application starts: start it once with"
					+ " migrations.on-startup=migrate from the deployment job or init container that owns the"
					+ " migrations, or set migrations.on-startup=migrate to have every start apply them.");
		}
		if (!report.isValid()) {
			action.append(action.isEmpty() ? "" : "\n").append(ValidationIssues.actions(report, false));
		}
		return new FailureAnalysis(description.toString(), action.toString(), cause);
	}

}
