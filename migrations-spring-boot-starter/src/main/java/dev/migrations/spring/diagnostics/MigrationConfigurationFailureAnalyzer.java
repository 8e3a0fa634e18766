package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.MigrationConfigurationException;

/**
 * Analyzes a {@link MigrationConfigurationException}: an engine option that is missing, invalid or in conflict,
 * named as the {@code migrations.*} property that sets it.
 */
final class MigrationConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationConfigurationException cause) {
		String property = property(cause.option());
		// The engine's sentence says what is wrong with the option; it names no URL and no password.
		String description = "The migrations engine refused its '" + cause.option() + "' option. "
				+ cause.getMessage();
		String action = (property != null) ? "Correct " + property + "."
				: "Correct the '" + cause.option() + "' option where it is set, in a MigratorBuilderCustomizer bean.";
		return new FailureAnalysis(description, action, cause);
	}

	private static String property(String option) {
		if (option == null) {
			return null;
		}
		return switch (option) {
			case "dataSource" -> "the DataSource to migrate: spring.datasource.*, migrations.url, or the"
					+ " @MigrationsDataSource bean";
			case "locations" -> "migrations.locations";
			case "format" -> "migrations.format";
			case "table" -> "migrations.table";
			case "metadataTable" -> "migrations.metadata-table";
			case "lockTimeout" -> "migrations.lock-timeout";
			case "outOfOrder" -> "migrations.out-of-order";
			case "validation" -> "migrations.validate-on-migrate";
			case "baselineOnMigrate" -> "migrations.baseline-on-migrate";
			case "baselineVersion" -> "migrations.baseline-version (needed with migrations.baseline-on-migrate)";
			case "placeholders" -> "migrations.placeholders";
			case "backup" -> "migrations.sqlite.backup.enabled";
			case "backupDirectory" -> "migrations.sqlite.backup.directory";
			case "backupKeep" -> "migrations.sqlite.backup.keep";
			default -> null;
		};
	}

}
