package dev.migrations.spring.diagnostics;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.MigrationConfigurationException;
import dev.migrations.MigratorOption;

/**
 * Analyzes a {@link MigrationConfigurationException}: an engine option that is missing,
 * invalid or in conflict, named as the {@code migrations.*} property that sets it.
 */
final class MigrationConfigurationFailureAnalyzer extends AbstractFailureAnalyzer<MigrationConfigurationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrationConfigurationException cause) {
		String property = property(cause);
		// The engine's sentence says what is wrong with the option; it names no URL and
		// no password.
		String description = "The migrations engine refused its '" + cause.option() + "' option. " + cause.getMessage();
		String action = (property != null) ? "Correct " + property + "."
				: "Correct the '" + cause.option() + "' option where it is set, in a MigratorBuilderCustomizer bean.";
		return new FailureAnalysis(description, action, cause);
	}

	/**
	 * The property that sets the option, from the engine's catalogue; the DataSource has
	 * several ways.
	 */
	private static String property(MigrationConfigurationException cause) {
		if (cause.setting().filter(MigratorOption.DATA_SOURCE::equals).isPresent()) {
			return "the DataSource to migrate: spring.datasource.*, migrations.url, or the @MigrationsDataSource bean";
		}
		if (cause.setting().filter(MigratorOption.BASELINE_VERSION::equals).isPresent()) {
			return "migrations.baseline-version (needed with migrations.baseline-on-migrate)";
		}
		return cause.setting().flatMap(MigratorOption::property).orElse(null);
	}

}
