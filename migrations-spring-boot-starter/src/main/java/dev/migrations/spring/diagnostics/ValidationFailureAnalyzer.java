package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.ValidationException;
import dev.migrations.ValidationReport;

/**
 * Analyzes a {@link ValidationException}: applied migrations whose files changed or are
 * gone, one line each, and what to do about each kind.
 */
final class ValidationFailureAnalyzer extends AbstractFailureAnalyzer<ValidationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, ValidationException cause) {
		ValidationReport report = cause.report();
		int count = report.issues().size();
		String description = "Validation before migrating found " + count + " "
				+ Listing.plural(count, "problem", "problems") + " with applied migrations, so no migration was run:"
				+ ValidationIssues.describe(report);
		return new FailureAnalysis(description, ValidationIssues.actions(report, true), cause);
	}

}
