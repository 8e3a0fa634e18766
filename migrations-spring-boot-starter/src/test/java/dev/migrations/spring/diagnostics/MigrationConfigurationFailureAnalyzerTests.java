package dev.migrations.spring.diagnostics;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.MigrationConfigurationException;
import dev.migrations.MigratorOption;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link MigrationConfigurationFailureAnalyzer}. */
class MigrationConfigurationFailureAnalyzerTests {

	private final MigrationConfigurationFailureAnalyzer analyzer = new MigrationConfigurationFailureAnalyzer();

	@Test
	void namesThePropertyThatSetsTheOption() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrationConfigurationException("baselineVersion",
				"baselineOnMigrate needs baselineVersion: name the version the existing schema matches."));

		assertThat(analysis.getDescription()).startsWith("The migrations engine refused its 'baselineVersion' option.");
		assertThat(analysis.getAction())
			.isEqualTo("Correct migrations.baseline-version (needed with migrations.baseline-on-migrate).");
	}

	@Test
	void pointsAtTheDataSourceSettingsForTheDataSourceOption() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrationConfigurationException("dataSource",
				"Unsupported database 'H2': this engine supports PostgreSQL, SQLite, MySQL and MariaDB."));

		assertThat(analysis.getAction()).contains("spring.datasource.*").contains("migrations.url");
	}

	@Test
	void pointsAtCustomizersForAnOptionNoPropertySets() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new MigrationConfigurationException("environment", "environment must not be null."));

		assertThat(analysis.getAction()).contains("'environment'").contains("MigratorBuilderCustomizer");
	}

	@Test
	void everyOptionAPropertySetsIsNamedAsThatProperty() {
		for (MigratorOption option : MigratorOption.values()) {
			if (option.property().isEmpty() || option == MigratorOption.DATA_SOURCE) {
				continue;
			}
			FailureAnalysis analysis = this.analyzer.analyze(
					new MigrationConfigurationException(option.builderName(), option.builderName() + " is wrong."));

			assertThat(analysis.getAction()).as(option.name()).startsWith("Correct " + option.property().get());
		}
	}

}
