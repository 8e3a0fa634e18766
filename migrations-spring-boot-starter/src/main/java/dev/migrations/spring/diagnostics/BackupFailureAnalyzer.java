package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.BackupException;

/**
 * Analyzes a {@link BackupException}: the SQLite backup before migrating could not be
 * written.
 */
final class BackupFailureAnalyzer extends AbstractFailureAnalyzer<BackupException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BackupException cause) {
		String description = "The SQLite database could not be backed up to " + cause.target()
				+ " before migrating, so no migration was run.";
		String action = "Create that directory and make it writable, point migrations.sqlite.backup.directory"
				+ " elsewhere, or turn backups off with migrations.sqlite.backup.enabled=false.";
		return new FailureAnalysis(description, action, cause);
	}

}
