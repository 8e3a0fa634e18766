package dev.migrations.spring.diagnostics;

import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

import dev.migrations.Direction;
import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationResult;

import static org.assertj.core.api.Assertions.assertThat;

/** Tests for {@link MigrationFailedFailureAnalyzer}. */
class MigrationFailedFailureAnalyzerTests {

	private final MigrationFailedFailureAnalyzer analyzer = new MigrationFailedFailureAnalyzer();

	private static final List<MigrationResult> TWO_APPLIED = List.of(
			new MigrationResult(1, "00001_users.sql", Direction.UP, Duration.ofMillis(4), 1),
			new MigrationResult(2, "00002_posts.sql", Direction.UP, Duration.ofMillis(3), 2));

	private static MigrationFailedException failure(int statement, int line, String sqlState, boolean transactional,
			List<MigrationResult> applied) {
		return failure(statement, line, sqlState, transactional, false, applied);
	}

	private static MigrationFailedException failure(int statement, int line, String sqlState, boolean transactional,
			boolean markedDirty, List<MigrationResult> applied) {
		String message = "ERROR: relation \"tag\" does not exist\n  Position: 13";
		return new MigrationFailedException(
				new MigrationFailedException.Failure(3, "classpath:db/migrations/00003_tags.sql", Direction.UP,
						statement, line, sqlState, 0, message, transactional, markedDirty),
				applied, new SQLException(message, sqlState));
	}

	@Test
	void describesTheFileStatementLineSqlStateAndDatabaseMessage() {
		FailureAnalysis analysis = this.analyzer.analyze(wrapped(failure(2, 7, "42P01", true, TWO_APPLIED)));

		assertThat(analysis.getCause()).isInstanceOf(MigrationFailedException.class);
		assertThat(analysis.getDescription())
			.startsWith("Migration classpath:db/migrations/00003_tags.sql failed while being applied: the database"
					+ " refused statement 2, which starts on line 7.")
			.contains("Database message: ERROR: relation \"tag\" does not exist\n        Position: 13")
			.contains("SQLState: 42P01 (vendor error code 0)")
			.contains("Applied before it in this run, and still applied: 00001_users.sql, 00002_posts.sql.");
	}

	@Test
	void saysATransactionalMigrationWasRolledBackAndAsksToFixTheStatement() {
		FailureAnalysis analysis = this.analyzer.analyze(failure(2, 7, "42P01", true, List.of()));

		assertThat(analysis.getDescription())
			.contains("It ran in a transaction, so it was rolled back: it changed" + " nothing and was not recorded.")
			.contains("No migration was applied before it in this run.");
		assertThat(analysis.getAction()).isEqualTo("Fix statement 2 (line 7) of classpath:db/migrations/00003_tags.sql"
				+ " and start the application again: the migration runs again from its first statement.");
	}

	@Test
	void saysWhatANonTransactionalMigrationLeftBehind() {
		FailureAnalysis analysis = this.analyzer.analyze(failure(3, 12, "42P01", false, List.of()));

		assertThat(analysis.getDescription()).contains("It ran without a transaction, so what statements 1 to 2 did"
				+ " stays in the database. It was not recorded as applied.");
		assertThat(analysis.getAction())
			.startsWith("Check the database for what statements 1 to 2 of"
					+ " classpath:db/migrations/00003_tags.sql did, and undo it or make those statements safe to run"
					+ " twice.")
			.endsWith("fix statement 3 (line 12) of classpath:db/migrations/00003_tags.sql and start the application"
					+ " again: the migration runs again from its first statement.");
	}

	@Test
	void saysThatAGolangMigrateVersionTableWasMarkedDirty() {
		FailureAnalysis analysis = this.analyzer.analyze(failure(3, 12, "42P01", false, true, List.of()));

		assertThat(analysis.getDescription()).contains("It ran without a transaction, so what statements 1 to 2 did"
				+ " stays in the database. The golang-migrate version table is marked dirty at version 3, so nothing"
				+ " runs until the flag is cleared.");
		assertThat(analysis.getAction()).contains("fix statement 3 (line 12) of classpath:db/migrations/00003_tags.sql")
			.endsWith("start the application once with migrations.force-version=V, V being the version before 3.");
	}

	@Test
	void saysANonTransactionalMigrationThatFailedAtItsFirstStatementLeftNothing() {
		FailureAnalysis analysis = this.analyzer.analyze(failure(1, 2, "42P01", false, List.of()));

		assertThat(analysis.getDescription()).contains("failed at its first statement");
		assertThat(analysis.getAction()).startsWith("Fix statement 1 (line 2)");
	}

	@Test
	void saysWhenTheDatabaseReportedNoSqlState() {
		FailureAnalysis analysis = this.analyzer.analyze(failure(1, 2, null, true, List.of()));

		assertThat(analysis.getDescription()).contains("SQLState: none reported (vendor error code 0)");
	}

	@Test
	void leavesOutTheStatementAndLineWhenTheFailureWasNotAStatements() {
		FailureAnalysis analysis = this.analyzer.analyze(failure(0, 0, null, true, List.of()));

		assertThat(analysis.getDescription()).startsWith("Migration classpath:db/migrations/00003_tags.sql failed"
				+ " while being applied, outside its statements.");
		assertThat(analysis.getAction()).isEqualTo("Fix classpath:db/migrations/00003_tags.sql and start the"
				+ " application again: the migration runs again from its first statement.");
	}

	private static Exception wrapped(Exception cause) {
		return new IllegalStateException("Failed to execute ApplicationRunner", cause);
	}

}
