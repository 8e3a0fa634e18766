package dev.migrations.spring.autoconfigure;

import java.util.List;

import dev.migrations.MigrationException;
import dev.migrations.ValidationReport;

/**
 * With {@code migrations.on-startup=validate}, the database is not ready for this version
 * of the application: migrations are pending, or validation found changed, missing or
 * dirty ones. Nothing was changed.
 */
public final class MigrationsNotAppliedException extends MigrationException {

	private static final long serialVersionUID = 1L;

	private final List<Long> pending;

	private final transient ValidationReport report;

	/**
	 * Creates the exception.
	 * @param pending the pending versions
	 * @param report what validation found
	 */
	public MigrationsNotAppliedException(List<Long> pending, ValidationReport report) {
		super(describe(pending, report));
		this.pending = List.copyOf(pending);
		this.report = report;
	}

	private static String describe(List<Long> pending, ValidationReport report) {
		StringBuilder message = new StringBuilder("The database is not ready for this application");
		if (!pending.isEmpty()) {
			message.append(": versions ").append(pending).append(" are pending");
		}
		report.issues().forEach((issue) -> message.append("; ").append(issue.message()));
		return message.append('.').toString();
	}

	/** The pending versions. */
	public List<Long> pending() {
		return this.pending;
	}

	/** What validation found. */
	public ValidationReport report() {
		return this.report;
	}

}
