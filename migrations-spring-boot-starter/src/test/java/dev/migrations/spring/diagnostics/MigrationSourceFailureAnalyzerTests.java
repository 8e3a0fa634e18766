package dev.migrations.spring.diagnostics;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.MigrationSourceException;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link MigrationSourceFailureAnalyzer}. */
class MigrationSourceFailureAnalyzerTests {

	private final MigrationSourceFailureAnalyzer analyzer = new MigrationSourceFailureAnalyzer();

	@Test
	void namesTheLocationAndTheFilesInvolved() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrationSourceException("classpath:db/migrations",
				List.of("classpath:db/migrations/00003_a.sql", "classpath:db/migrations/00003_b.sql"),
				"Version 3 is in both classpath:db/migrations/00003_a.sql and classpath:db/migrations/00003_b.sql."));

		assertThat(analysis.getDescription()).startsWith("The migrations at classpath:db/migrations cannot be used"
				+ " (files classpath:db/migrations/00003_a.sql, classpath:db/migrations/00003_b.sql).");
	}

	@Test
	void namesTheLocationsProperty() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrationSourceException("classpath:db/migrations",
				List.of(), "Migrations location classpath:db/migrations does not exist."));

		assertThat(analysis.getDescription()).startsWith("The migrations at classpath:db/migrations cannot be used.");
		assertThat(analysis.getAction()).startsWith("Check migrations.locations:");
	}

}
