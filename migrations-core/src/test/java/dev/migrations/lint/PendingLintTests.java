package dev.migrations.lint;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.LintFinding;
import dev.migrations.Migrator;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Migrator.lint()}: the pending migrations of a database, on PostgreSQL; nothing
 * on a database whose locks the rules do not describe.
 */
class PendingLintTests {

	@TempDir
	Path temp;

	private MigrationDir migrations() {
		return MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text);", "DROP TABLE users;")
			.goose("00002_index.sql", "CREATE INDEX users_name ON users (name);", "DROP INDEX users_name;");
	}

	@Test
	@RequiresPostgres
	void onlyPendingMigrationsAreLintedOnPostgresql() {
		MigrationDir dir = migrations();
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Migrator migrator = Migrator.builder().dataSource(database.dataSource()).locations(dir.location()).build();
			assertThat(migrator.lint()).extracting(LintFinding::rule).containsExactly("index-not-concurrent");

			migrator.up();
			dir.goose("00003_drop.sql", "ALTER TABLE users DROP COLUMN name;", "SELECT 1;");

			Migrator later = Migrator.builder().dataSource(database.dataSource()).locations(dir.location()).build();
			assertThat(later.lint()).extracting(LintFinding::rule).containsExactly("drop-column");
		}
	}

	/**
	 * {@code up} logs the findings of what it is about to apply to a database with
	 * migrations applied already; a new database has no live tables to lock.
	 */
	@Test
	@RequiresPostgres
	void upWarnsAboutDangerousStatementsOnADatabaseThatIsInUse() throws Exception {
		MigrationDir dir = migrations();
		PrintStream originalErr = System.err;
		ByteArrayOutputStream log = new ByteArrayOutputStream();
		// slf4j-simple, the engine's log in the tests, writes to whatever System.err is.
		System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Migrator.builder().dataSource(database.dataSource()).locations(dir.location()).build().up();
			assertThat(log.toString(StandardCharsets.UTF_8)).doesNotContain("warning [");

			dir.goose("00003_drop.sql", "ALTER TABLE users DROP COLUMN name;", "SELECT 1;");
			Migrator.builder().dataSource(database.dataSource()).locations(dir.location()).build().up();
			assertThat(log.toString(StandardCharsets.UTF_8)).contains("00003_drop.sql:2: warning [drop-column]")
				.doesNotContain("index-not-concurrent");
		}
		finally {
			System.setErr(originalErr);
		}
	}

	@Test
	void sqliteHasNoFindings() {
		MigrationDir dir = migrations();
		try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
			Migrator migrator = Migrator.builder().dataSource(database.dataSource()).locations(dir.location()).build();

			assertThat(migrator.lint()).isEmpty();
			assertThat(Migrator.builder().locations(dir.location()).buildFiles().lint()).isNotEmpty();
		}
	}

}
