package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.MigrationSourceException;

/**
 * Analyzes a {@link MigrationSourceException}: a migrations location that is missing or
 * empty, or whose files cannot be used together.
 */
final class MigrationSourceFailureAnalyzer extends AbstractFailureAnalyzer<MigrationSourceException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationSourceException cause) {
		StringBuilder description = new StringBuilder("The migrations at ").append(cause.location())
			.append(" cannot be used");
		if (!cause.files().isEmpty()) {
			description.append(" (")
				.append(Listing.plural(cause.files().size(), "file ", "files "))
				.append(Listing.items(cause.files()))
				.append(')');
		}
		// Which of the source problems this is (missing, empty, duplicate version, mixed
		// formats, bad name) is
		// carried only by the engine's sentence; it names locations and files, never a
		// connection.
		description.append(". ").append(cause.getMessage());
		String action = "Check migrations.locations: each entry is a classpath: or filesystem: directory (the"
				+ " {vendor} placeholder becomes postgresql, sqlite, mysql or mariadb) holding migration files of one format, each"
				+ " version in one file only.";
		return new FailureAnalysis(description.toString(), action, cause);
	}

}
