package dev.migrations.spring.diagnostics;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.UnversionedDatabaseException;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link UnversionedDatabaseFailureAnalyzer}. */
class UnversionedDatabaseFailureAnalyzerTests {

	private final UnversionedDatabaseFailureAnalyzer analyzer = new UnversionedDatabaseFailureAnalyzer();

	@Test
	void namesTheExistingTables() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new UnversionedDatabaseException("goose_db_version", List.of("customers", "orders")));

		assertThat(analysis.getDescription())
			.startsWith("The database already has tables (customers, orders) but no" + " migration version table");
	}

	@Test
	void namesBaselineAndTheBaselineProperties() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new UnversionedDatabaseException("goose_db_version", List.of("customers")));

		assertThat(analysis.getAction())
			.contains("migrations.baseline-on-migrate=true and migrations.baseline-version=V")
			.contains("migrations.baseline-on-migrate=true")
			.contains("migrations.baseline-version=V");
	}

}
