package dev.migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.lock.DatabaseLock;
import dev.migrations.lock.SqliteFileLock;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A SQLite runner that starts while another writes a large migration: the writer's
 * transaction has outgrown SQLite's page cache, so it holds the database file exclusively
 * and even reading the version table fails with {@code SQLITE_BUSY}. The new runner must
 * wait for the migration lock, which the writer holds, instead of failing after the
 * driver's busy timeout.
 */
class SqliteBusyDatabaseTests {

	private SqliteTestDatabase database;

	private MigrationDir dir;

	@TempDir
	Path temp;

	@BeforeEach
	void migrateTheFirstVersion() {
		this.database = SqliteTestDatabase.create();
		this.dir = MigrationDir.at(this.temp).goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
		builder().build().up();
		this.dir.goose("00002_b.sql", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
	}

	@AfterEach
	void deleteTheDatabase() {
		this.database.close();
	}

	/**
	 * A runner whose reads give up on a busy database at once, so that no test depends on
	 * the busy timeout.
	 */
	private Migrator.Builder builder() {
		return Migrator.builder()
			.dataSource(new TestDataSource(this.database.dataSource().url() + "?busy_timeout=0"))
			.locations(this.dir.location());
	}

	/**
	 * Another runner in the middle of a migration: it holds the migration lock and the
	 * database file.
	 */
	private record Writer(DatabaseLock.Lease lease, Connection connection) implements AutoCloseable {

		@Override
		public void close() throws Exception {
			try (Connection held = this.connection; Statement statement = held.createStatement()) {
				statement.execute("ROLLBACK");
			}
			finally {
				this.lease.close();
			}
		}

	}

	private Writer writerInTheMiddleOfAMigration() throws Exception {
		DatabaseLock.Lease lease = new SqliteFileLock(this.database.file()).acquire(Duration.ZERO);
		Connection connection = DriverManager.getConnection(this.database.dataSource().url());
		try (Statement statement = connection.createStatement()) {
			statement.execute("BEGIN EXCLUSIVE");
		}
		return new Writer(lease, connection);
	}

	@Test
	void runnerFindingTheDatabaseBusyWaitsForTheMigrationLockAndNamesItsHolder() throws Exception {
		try (Writer writer = writerInTheMiddleOfAMigration()) {
			LockTimeoutException timeout = org.junit.jupiter.api.Assertions.assertThrows(LockTimeoutException.class,
					() -> builder().lockTimeout(Duration.ofMillis(300)).build().up());

			assertThat(timeout.holder()).contains("pid " + ProcessHandle.current().pid());
		}

		assertThat(builder().build().up().finalVersion()).isEqualTo(2);
		assertThat(this.database.tables()).contains("a", "b");
	}

	@Test
	void runnerThatStartsWhileAnotherWritesCarriesOnOnceItIsDone() throws Exception {
		CompletableFuture<MigrateResult> result = new CompletableFuture<>();
		Thread runner = new Thread(() -> {
			try {
				result.complete(builder().lockTimeout(Duration.ofMinutes(2)).build().up());
			}
			catch (RuntimeException ex) {
				result.completeExceptionally(ex);
			}
		});
		try (Writer writer = writerInTheMiddleOfAMigration()) {
			runner.start();
			awaitWaitingForTheLock(runner, result);
		}

		assertThat(result.get(2, TimeUnit.MINUTES).migrations()).extracting(MigrationResult::file)
			.containsExactly("00002_b.sql");
	}

	/**
	 * Until the runner is parked in the migration lock, which it reaches only past its
	 * first read.
	 */
	private static void awaitWaitingForTheLock(Thread runner, CompletableFuture<MigrateResult> result)
			throws Exception {
		long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (Arrays.stream(runner.getStackTrace())
			.noneMatch((frame) -> frame.getClassName().equals(SqliteFileLock.class.getName()))) {
			if (result.isDone()) {
				result.get();
				throw new AssertionError("The runner finished while another held the lock");
			}
			if (System.nanoTime() > giveUp) {
				throw new AssertionError("Gave up waiting for the runner to wait for the lock");
			}
			Thread.sleep(10);
		}
	}

	@Test
	void databaseBusyWithSomethingElseThanARunnerIsAClearErrorThatChangesNothing() throws Exception {
		try (Connection application = DriverManager.getConnection(this.database.dataSource().url());
				Statement statement = application.createStatement()) {
			statement.execute("BEGIN EXCLUSIVE");

			assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(() -> builder().build().up())
				.withMessageStartingWith("Failed running up: [SQLITE_BUSY]");
			statement.execute("ROLLBACK");
		}

		assertThat(this.database.tables()).doesNotContain("b");
		assertThat(this.database.count("SELECT max(version_id) FROM goose_db_version")).isEqualTo(1);
	}

}
