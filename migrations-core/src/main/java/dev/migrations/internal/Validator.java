package dev.migrations.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrations.Direction;
import dev.migrations.MigrationParseException;
import dev.migrations.ValidationIssue;
import dev.migrations.ValidationIssue.Kind;
import dev.migrations.ValidationReport;
import dev.migrations.format.Migration;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.history.AppliedVersion;
import dev.migrations.history.HistoryState;

/** Compares the files with what the database records. Changes nothing. */
final class Validator {

	private final MigrationCatalog catalog;

	Validator(MigrationCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * Everything {@code validate} reports: changed and missing files, out-of-order
	 * versions, parse errors, dirt.
	 */
	ValidationReport full(HistoryState state) {
		List<ValidationIssue> issues = new ArrayList<>();
		if (state.dirty()) {
			issues.add(new ValidationIssue(Kind.DIRTY, state.dirtyVersion(), null, "The database is dirty at version "
					+ state.dirtyVersion() + ": a migration failed partway; repair the schema, then run 'force'."));
		}
		issues.addAll(applied(state).issues());
		long current = state.currentVersion();
		Set<Long> applied = state.appliedVersions();
		for (Migration migration : this.catalog.all()) {
			if (migration.version() < current && !applied.contains(migration.version())) {
				issues.add(new ValidationIssue(Kind.OUT_OF_ORDER, migration.version(), migration.name(),
						migration.name() + " is pending but older than the current version " + current
								+ "; apply it with outOfOrder=apply, or renumber it."));
			}
		}
		issues.addAll(files().issues());
		return new ValidationReport(issues);
	}

	/** What {@code up} checks first: applied files that changed or are gone. */
	ValidationReport applied(HistoryState state) {
		List<ValidationIssue> issues = new ArrayList<>();
		for (AppliedVersion applied : state.applied()) {
			Migration migration = this.catalog.get(applied.version());
			if (migration == null) {
				issues.add(new ValidationIssue(Kind.MISSING, applied.version(), null, "Version " + applied.version()
						+ " is applied but no file in " + String.join(", ", this.catalog.locations()) + " has it."));
			}
			else if (applied.metadata() != null && applied.metadata().isVerified()
					&& !applied.metadata().checksum().equals(migration.checksum())) {
				issues.add(new ValidationIssue(Kind.CHECKSUM_MISMATCH, applied.version(), migration.name(),
						migration.location() + " changed after it was applied (checksum "
								+ abbreviate(migration.checksum()) + ", recorded "
								+ abbreviate(applied.metadata().checksum()) + ")."));
			}
		}
		return new ValidationReport(issues);
	}

	/** What needs no database: every file parses in both directions. */
	ValidationReport files() {
		List<ValidationIssue> issues = new ArrayList<>();
		for (Migration migration : this.catalog.all()) {
			MigrationParseException reported = null;
			for (Direction direction : Direction.values()) {
				MigrationParseException error = migration.script(direction).section().error();
				if (error != null && error != reported) {
					issues.add(new ValidationIssue(Kind.PARSE_ERROR, migration.version(), migration.name(),
							error.getMessage()));
					reported = error;
				}
			}
		}
		return new ValidationReport(issues);
	}

	private static String abbreviate(String checksum) {
		return checksum.substring(0, Math.min(12, checksum.length()));
	}

}
