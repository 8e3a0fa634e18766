package dev.migrations.spring.diagnostics;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.DirtyDatabaseException;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link DirtyDatabaseFailureAnalyzer}. */
class DirtyDatabaseFailureAnalyzerTests {

	private final DirtyDatabaseFailureAnalyzer analyzer = new DirtyDatabaseFailureAnalyzer();

	@Test
	void namesTheDirtyVersion() {
		FailureAnalysis analysis = this.analyzer.analyze(new DirtyDatabaseException("schema_migrations", 7));

		assertThat(analysis.getDescription()).startsWith("The database is dirty at version 7: migration 7 failed"
				+ " partway, so its changes may be half applied.");
	}

	@Test
	void asksToRepairTheSchemaThenForceTheVersion() {
		FailureAnalysis analysis = this.analyzer.analyze(new DirtyDatabaseException("schema_migrations", 7));

		assertThat(analysis.getAction())
			.startsWith("Repair the schema by hand, finishing or undoing what migration 7" + " did.")
			.contains("migrations.force-version=V, where V is 7 if the schema now matches it or the version before it");
	}

}
