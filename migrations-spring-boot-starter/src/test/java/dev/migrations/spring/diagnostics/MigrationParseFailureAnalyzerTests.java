package dev.migrations.spring.diagnostics;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.MigrationParseException;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link MigrationParseFailureAnalyzer}. */
class MigrationParseFailureAnalyzerTests {

	private final MigrationParseFailureAnalyzer analyzer = new MigrationParseFailureAnalyzer();

	@Test
	void namesTheFileLineAndReason() {
		FailureAnalysis analysis = this.analyzer.analyze(new MigrationParseException(
				"filesystem:db/migrations/00004_broken.sql", 3, "unterminated string literal"));

		assertThat(analysis.getDescription()).isEqualTo("Migration file filesystem:db/migrations/00004_broken.sql,"
				+ " line 3, could not be parsed: unterminated string literal.\n"
				+ "Every migration a run needs is parsed before the first one runs, so none was applied.");
		assertThat(analysis.getAction()).startsWith("Correct line 3 of filesystem:db/migrations/00004_broken.sql.")
			.contains("migrations.placeholders");
	}

	@Test
	void leavesOutTheLineWhenTheProblemConcernsTheWholeFile() {
		FailureAnalysis analysis = this.analyzer.analyze(
				new MigrationParseException("classpath:db/migrations/00002_x.sql", 0, "no '-- +goose Up' annotation"));

		assertThat(analysis.getDescription()).startsWith("Migration file classpath:db/migrations/00002_x.sql could"
				+ " not be parsed: no '-- +goose Up' annotation.");
		assertThat(analysis.getAction()).startsWith("Correct classpath:db/migrations/00002_x.sql.");
	}

}
