package dev.migrations;

import java.util.stream.Collectors;

/**
 * Validation before {@code up} found applied migrations whose files changed or are gone,
 * and the validation mode is {@link ValidationMode#FAIL}. Nothing was changed.
 */
public final class ValidationException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final transient ValidationReport report;

	/**
	 * Creates the exception.
	 * @param report what validation found
	 */
	public ValidationException(ValidationReport report) {
		super("Validation failed, so nothing was run: "
				+ report.issues().stream().map(ValidationIssue::message).collect(Collectors.joining(" "))
				+ " Run 'repair' after a deliberate edit, restore the files, or set validation=warn to run anyway.");
		this.report = report;
	}

	/** What validation found. */
	public ValidationReport report() {
		return this.report;
	}

}
