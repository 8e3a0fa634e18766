package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.Direction;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationResult;

/**
 * Analyzes a {@link MigrationFailedException}: which file, statement and line failed,
 * what the database said, and what the failure left behind.
 */
final class MigrationFailedFailureAnalyzer extends AbstractFailureAnalyzer<MigrationFailedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationFailedException cause) {
		return new FailureAnalysis(description(cause), action(cause), cause);
	}

	private static String description(MigrationFailedException failure) {
		StringBuilder description = new StringBuilder("Migration ").append(failure.file())
			.append(" failed while being ")
			.append((failure.direction() == Direction.UP) ? "applied" : "rolled back");
		if (failure.statement() > 0) {
			description.append(": the database refused statement ").append(failure.statement());
			if (failure.line() > 0) {
				description.append(", which starts on line ").append(failure.line());
			}
		}
		else {
			description.append(", outside its statements");
		}
		description.append(".\n\n");
		description.append("    Database message: ").append(indented(failure.databaseMessage())).append('\n');
		description.append("    SQLState: ")
			.append((failure.sqlState() != null) ? failure.sqlState() : "none reported")
			.append(" (vendor error code ")
			.append(failure.errorCode())
			.append(")\n\n");
		if (failure.transactional()) {
			description.append(
					"It ran in a transaction, so it was rolled back: it changed nothing and was not" + " recorded.");
		}
		else {
			description.append((failure.statement() > 1)
					? "It ran without a transaction, so what statements 1 to " + (failure.statement() - 1)
							+ " did stays in the database."
					: "It ran without a transaction and failed at its first statement.");
			if (failure.markedDirty()) {
				description.append(" The golang-migrate version table is marked dirty at version ")
					.append(failure.version())
					.append(", so nothing runs until the flag is cleared.");
			}
			else {
				description.append(" It was not recorded as applied.");
			}
		}
		description.append('\n');
		if (failure.applied().isEmpty()) {
			description.append("No migration was applied before it in this run.");
		}
		else {
			description.append("Applied before it in this run, and still applied: ")
				.append(Listing.items(failure.applied().stream().map(MigrationResult::file).toList()))
				.append('.');
		}
		return description.toString();
	}

	private static String action(MigrationFailedException failure) {
		String statement = (failure.statement() > 0) ? "statement " + failure.statement()
				+ ((failure.line() > 0) ? " (line " + failure.line() + ")" : "") + " of " + failure.file()
				: failure.file();
		String rerun = " and start the application again: the migration runs again from its first statement.";
		if (failure.transactional()) {
			return "Fix " + statement + rerun;
		}
		String leftovers = (failure.statement() > 1)
				? "Check the database for what statements 1 to " + (failure.statement() - 1) + " of " + failure.file()
						+ " did, and undo it or make those statements" + " safe to run twice. Then fix "
				: "Fix ";
		String dirty = failure.markedDirty()
				? " The dirty flag must be cleared for that: start the application once with"
						+ " migrations.force-version=V, V being the version before " + failure.version() + "."
				: "";
		return leftovers + statement + rerun + dirty;
	}

	private static String indented(String message) {
		return (message != null) ? message.strip().replaceAll("\\s*\\R\\s*", "\n        ") : "none";
	}

}
