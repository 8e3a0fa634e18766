package dev.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.lock.DatabaseLock;
import dev.migrations.lock.SqliteFileLock;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A runner that starts while another is halfway through a migration reads, before it
 * takes the lock, a state that lasts only as long as that migration: a golang-migrate
 * table marked dirty while a file runs outside a transaction, or the first tables of a
 * fresh database before its version table is read. It must wait for the lock and judge
 * what the database says then, not refuse to run. Here the test holds the lock and sets
 * up the halfway state itself, as the other runner would, so that the moment is certain.
 */
class RunnerStartingMidMigrationTests {

	private static final Duration SHORT = Duration.ofMillis(300);

	private SqliteTestDatabase database;

	private MigrationDir dir;

	@TempDir
	Path temp;

	@BeforeEach
	void createDatabase() {
		this.database = SqliteTestDatabase.create();
		this.dir = MigrationDir.at(this.temp);
	}

	@AfterEach
	void deleteDatabase() {
		this.database.close();
	}

	private Migrator.Builder builder() {
		return Migrator.builder()
			.dataSource(this.database.dataSource())
			.locations(this.dir.location())
			.environment(Map.of());
	}

	@Test
	void golangMigrateTableMarkedDirtyByARunningMigrationIsWaitedForAndThenFoundClean() {
		this.dir.file("000001_a.up.sql", "CREATE TABLE a (id INTEGER);").file("000001_a.down.sql", "DROP TABLE a;");
		builder().build().up();
		this.dir.file("000002_b.up.sql", "BEGIN;\nCREATE TABLE b (id INTEGER);\nCOMMIT;")
			.file("000002_b.down.sql", "DROP TABLE b;");

		try (DatabaseLock.Lease other = new SqliteFileLock(this.database.file()).acquire(Duration.ZERO)) {
			// The other runner marks the table dirty before running 000002 outside a
			// transaction.
			this.database.execute("DELETE FROM schema_migrations", "INSERT INTO schema_migrations VALUES (2, 1)");

			LockTimeoutException timeout = org.junit.jupiter.api.Assertions.assertThrows(LockTimeoutException.class,
					() -> builder().lockTimeout(SHORT).build().up());
			assertThat(timeout.holder()).contains("pid " + ProcessHandle.current().pid());

			// ... and clears the flag once the file has run.
			this.database.execute("CREATE TABLE b (id INTEGER)", "UPDATE schema_migrations SET dirty = 0");
		}

		MigrateResult result = builder().build().up();
		assertThat(result.isEmpty()).isTrue();
		assertThat(result.finalVersion()).isEqualTo(2);
	}

	@Test
	void freshDatabaseWhoseFirstTablesAppearWhileAnotherRunnerMigratesIsWaitedFor() {
		this.dir.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");

		try (DatabaseLock.Lease other = new SqliteFileLock(this.database.file()).acquire(Duration.ZERO)) {
			// What a runner reading between the other's first statements can see: a
			// table, and no version table yet.
			this.database.execute("CREATE TABLE a (id INTEGER)");

			org.junit.jupiter.api.Assertions.assertThrows(LockTimeoutException.class,
					() -> builder().lockTimeout(SHORT).build().up());
		}

		// Read under the lock, the same state is a database created without migrations,
		// and is refused.
		UnversionedDatabaseException refused = org.junit.jupiter.api.Assertions
			.assertThrows(UnversionedDatabaseException.class, () -> builder().lockTimeout(SHORT).build().up());
		assertThat(refused.getMessage()).contains("has tables (a) but no version table goose_db_version");
		assertThat(this.database.tables()).containsExactly("a");
	}

}
