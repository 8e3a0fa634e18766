package dev.migrations.spring.diagnostics;

import java.nio.file.Path;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.BackupException;
import dev.migrations.DatabaseAccessException;
import dev.migrations.VersionTableException;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for the analyzers of database access, version table and backup failures. */
class MoreFailureAnalyzersTests {

	@Test
	void databaseAccessNamesWhatFailedAndTheSqlState() {
		FailureAnalysis analysis = new DatabaseAccessFailureAnalyzer(new org.springframework.mock.env.MockEnvironment())
			.analyze(new DatabaseAccessException("connecting to the database",
					new SQLException("Connection to 127.0.0.1:5433 refused.", "08001")));

		assertThat(analysis.getDescription())
			.isEqualTo("The migrations could not start: the engine failed connecting to"
					+ " the database. The database said: Connection to 127.0.0.1:5433 refused. (SQLState 08001). No migration"
					+ " was run.");
		assertThat(analysis.getAction()).contains("spring.datasource.*").contains("migrations.url");
	}

	@Test
	void versionTableNamesTheColumnsItLacks() {
		FailureAnalysis analysis = new VersionTableFailureAnalyzer().analyze(
				new VersionTableException("goose_db_version", "id, version_id, is_applied, tstamp", "message", null));

		assertThat(analysis.getDescription()).contains("goose_db_version")
			.contains("id, version_id, is_applied, tstamp");
		assertThat(analysis.getAction()).contains("migrations.table");
	}

	@Test
	void metadataTableNamesItsColumnsAndItsOwnProperty() {
		FailureAnalysis analysis = new VersionTableFailureAnalyzer()
			.analyze(new VersionTableException("goose_db_version_meta", "version, file_name",
					VersionTableException.Problem.METADATA_COLUMNS, "message", null));

		assertThat(analysis.getDescription()).contains("goose_db_version_meta")
			.contains("version, file_name")
			.contains("metadata table");
		assertThat(analysis.getAction()).contains("migrations.metadata-table");
	}

	@Test
	void versionTableWithRowsNoGoToolLeavesRepeatsHowToRepairIt() {
		FailureAnalysis analysis = new VersionTableFailureAnalyzer()
			.analyze(new VersionTableException("schema_migrations", "version, dirty",
					VersionTableException.Problem.ROWS, "Table schema_migrations holds 2 rows. Run 'force V'.", null));

		assertThat(analysis.getDescription())
			.isEqualTo("The version table cannot be read: Table schema_migrations holds"
					+ " 2 rows. Run 'force V'. No migration was run.");
		assertThat(analysis.getAction()).startsWith("Repair schema_migrations as described above");
	}

	@Test
	void backupNamesTheTargetAndTheProperties() {
		FailureAnalysis analysis = new BackupFailureAnalyzer()
			.analyze(new BackupException(Path.of("backups"), "x", null));

		assertThat(analysis.getDescription()).contains("backups").contains("no migration was run");
		assertThat(analysis.getAction()).contains("migrations.sqlite.backup.directory")
			.contains("migrations.sqlite.backup.enabled=false");
	}

}
