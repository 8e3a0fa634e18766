package dev.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import dev.migrations.testing.EngineLog;
import dev.migrations.testing.LockHolder;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A migration whose {@code ALTER TABLE} waits behind another session's open transaction
 * on that table: it gives up after the table lock timeout instead of waiting forever with
 * the migration lock held (and every query on the table queued behind it), is rolled back
 * and tried again, and names the session holding the lock.
 */
@RequiresPostgres
class PostgresTableLockTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	private EngineLog log;

	private PostgresTestDatabase database;

	private MigrationDir dir;

	@BeforeEach
	void createDatabaseAndCaptureTheLog() {
		this.database = PostgresTestDatabase.create();
		this.dir = MigrationDir.create()
			.goose("00001_accounts.sql", "CREATE TABLE accounts (id INT);", "DROP TABLE accounts;");
		this.log = EngineLog.capture();
	}

	@AfterEach
	void restore() {
		this.log.close();
		this.database.close();
	}

	private Migrator migrator(Duration tableLockTimeout) {
		return Migrator.builder()
			.dataSource(this.database.dataSource())
			.locations(this.dir.location())
			.tableLockTimeout(tableLockTimeout)
			.build();
	}

	/** A session of an application, reading accounts in a transaction it leaves open. */
	private Connection openReader() throws SQLException {
		Connection reader = DriverManager.getConnection(this.database.dataSource().url());
		try (Statement statement = reader.createStatement()) {
			statement.execute("SET application_name = 'report-job-7f3a'");
			reader.setAutoCommit(false);
			statement.execute("SELECT count(*) FROM accounts");
		}
		return reader;
	}

	private List<String> columns() throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection connection = this.database.dataSource().getConnection();
				ResultSet rows = connection.getMetaData().getColumns(null, this.database.schema(), "accounts", null)) {
			while (rows.next()) {
				columns.add(rows.getString("COLUMN_NAME"));
			}
		}
		return columns;
	}

	@Test
	void aMigrationWaitingBehindAnOpenTransactionGivesUpNamingItAndRecordsNothing() throws Exception {
		migrator(TIMEOUT).up();
		this.dir.goose("00002_balance.sql", "ALTER TABLE accounts ADD COLUMN balance INT;",
				"ALTER TABLE accounts DROP COLUMN balance;");

		try (Connection reader = openReader()) {
			MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
					() -> migrator(TIMEOUT).up());

			assertThat(failure).isNotNull();
			assertThat(failure.getMessage()).contains("lock timeout")
				.contains("application 'report-job-7f3a'")
				.contains("idle in transaction")
				.contains("tried 3 times");
			assertThat(failure.sqlState()).isEqualTo("55P03");
			assertThat(this.log.text()).contains("trying again in 1000 ms (attempt 2 of 3)")
				.contains("trying again in 2000 ms (attempt 3 of 3)");
		}
		Migrator migrator = migrator(TIMEOUT);
		assertThat(migrator.version().version()).isEqualTo(1);
		assertThat(columns()).doesNotContain("balance");
	}

	@Test
	void theMigrationSucceedsOnceTheHolderLetsGoBetweenAttempts() throws Exception {
		migrator(TIMEOUT).up();
		this.dir.goose("00002_balance.sql", "ALTER TABLE accounts ADD COLUMN balance INT;",
				"ALTER TABLE accounts DROP COLUMN balance;");
		// After the first attempt gave up, the report job finishes.
		CompletableFuture<Void> letsGo = LockHolder.letGo(openReader(), () -> {
			while (!this.log.text().contains("trying again")) {
				Thread.sleep(20);
			}
		});

		assertThat(migrator(TIMEOUT).up().finalVersion()).isEqualTo(2);

		letsGo.get(30, TimeUnit.SECONDS);
		assertThat(columns()).contains("balance");
		assertThat(this.log.text()).contains("waited 300 ms for a lock held by session")
			.contains("application 'report-job-7f3a'");
	}

	@Test
	void zeroWaitsAsLongAsTheDatabaseLetsIt() throws Exception {
		migrator(TIMEOUT).up();
		this.dir.goose("00002_balance.sql", "ALTER TABLE accounts ADD COLUMN balance INT;",
				"ALTER TABLE accounts DROP COLUMN balance;");
		// Several times the timeout above, which would have failed the first attempt.
		CompletableFuture<Void> letsGo = LockHolder.letGo(openReader(),
				() -> Thread.sleep(TIMEOUT.multipliedBy(5).toMillis()));

		assertThat(migrator(Duration.ZERO).up().finalVersion()).isEqualTo(2);

		letsGo.get(30, TimeUnit.SECONDS);
		assertThat(this.log.text()).doesNotContain("trying again");
	}

	/**
	 * Every statement that waits for table locks gets the bound, a statement of a NO
	 * TRANSACTION file in a transaction of its own; the pooled sessions keep their own
	 * timeout afterwards.
	 */
	@Test
	void everyStatementGetsTheBoundAndTheSessionsKeepTheirOwnTimeout() throws Exception {
		// Pooled connections that come with a lock_timeout of their own: the engine's
		// sessions, the migrations' and the lock's, are the next users'.
		HikariDataSource withOwnTimeout = new HikariDataSource();
		withOwnTimeout.setJdbcUrl(this.database.dataSource().url() + "&options=-c%20lock_timeout%3D7s");
		withOwnTimeout.setMaximumPoolSize(2);
		this.dir.file("00002_seen.sql", """
				-- +goose Up
				CREATE TABLE seen (step TEXT, lock_timeout TEXT);
				INSERT INTO seen VALUES ('in a transaction', current_setting('lock_timeout'));
				""").file("00003_seen_outside.sql", """
				-- +goose NO TRANSACTION
				-- +goose Up
				INSERT INTO seen VALUES ('outside a transaction', current_setting('lock_timeout'));
				""").file("00004_seen_again.sql", """
				-- +goose Up
				INSERT INTO seen VALUES ('in a transaction again', current_setting('lock_timeout'));
				""");

		Migrator.builder()
			.dataSource(withOwnTimeout)
			.locations(this.dir.location())
			.tableLockTimeout(TIMEOUT)
			.build()
			.up();

		try (Connection connection = withOwnTimeout.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT step, lock_timeout FROM seen ORDER BY step")) {
			List<String> seen = new ArrayList<>();
			while (rows.next()) {
				seen.add(rows.getString(1) + ": " + rows.getString(2));
			}
			assertThat(seen).containsExactly("in a transaction: 300ms", "in a transaction again: 300ms",
					"outside a transaction: 300ms");
			try (Connection other = withOwnTimeout.getConnection();
					Statement otherStatement = other.createStatement()) {
				for (Statement pooled : List.of(statement, otherStatement)) {
					try (ResultSet after = pooled.executeQuery("SELECT current_setting('lock_timeout')")) {
						after.next();
						assertThat(after.getString(1)).isEqualTo("7s");
					}
				}
			}
		}
		finally {
			withOwnTimeout.close();
		}
	}

	/** A file's own bound replaces the run's, for that file only. */
	@Test
	void aFilesOwnTableLockTimeoutIsUsedForThatFile() throws Exception {
		migrator(TIMEOUT).up();
		this.dir.file("00002_balance.sql", """
				-- migrations:table-lock-timeout 150
				-- +goose Up
				ALTER TABLE accounts ADD COLUMN balance INT;
				-- +goose Down
				ALTER TABLE accounts DROP COLUMN balance;
				""");

		try (Connection reader = openReader()) {
			MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
					() -> migrator(Duration.ofSeconds(30)).up());

			assertThat(failure).isNotNull();
			assertThat(failure.getMessage()).contains("waited 150 ms for a lock held by");
		}
		assertThat(columns()).doesNotContain("balance");
	}

	/**
	 * A file that says 0 waits as long as the database lets it, whatever the run's bound.
	 */
	@Test
	void aFileWithZeroWaitsForTheLock() throws Exception {
		migrator(TIMEOUT).up();
		this.dir.file("00002_balance.sql", """
				-- migrations:table-lock-timeout 0
				-- +goose Up
				ALTER TABLE accounts ADD COLUMN balance INT;
				-- +goose Down
				ALTER TABLE accounts DROP COLUMN balance;
				""");

		Connection reader = openReader();
		CompletableFuture<Void> released = LockHolder.letGo(reader, () -> Thread.sleep(1500));
		assertThat(migrator(TIMEOUT).up().finalVersion()).isEqualTo(2);
		released.get(30, java.util.concurrent.TimeUnit.SECONDS);
		assertThat(columns()).contains("balance");
		assertThat(this.log.text()).doesNotContain("trying again");
	}

	@Test
	void aTableLockTimeoutThatIsNotANumberIsRefusedNamingTheLine() {
		this.dir.file("00002_balance.sql", """
				-- +goose Up
				-- migrations:table-lock-timeout 2s
				ALTER TABLE accounts ADD COLUMN balance INT;
				""");

		assertThatExceptionOfType(MigrationParseException.class).isThrownBy(() -> migrator(TIMEOUT).up())
			.withMessageContaining("00002_balance.sql:2")
			.withMessageContaining("number of milliseconds");
	}

	/**
	 * A statement of a NO TRANSACTION file gets the bound in a transaction of its own,
	 * and is not tried again: the file may not be safe to repeat.
	 */
	@Test
	void aStatementOutsideATransactionIsBoundedButNotRetried() throws Exception {
		migrator(TIMEOUT).up();
		this.dir.file("00002_balance.sql", """
				-- +goose NO TRANSACTION
				-- +goose Up
				CREATE TABLE ledger (id INT);
				ALTER TABLE accounts ADD COLUMN balance INT;
				-- +goose Down
				ALTER TABLE accounts DROP COLUMN balance;
				""");

		try (Connection reader = openReader()) {
			MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
					() -> migrator(TIMEOUT).up());

			assertThat(failure).isNotNull();
			assertThat(failure.statement()).isEqualTo(2);
			assertThat(failure.transactional()).isFalse();
			assertThat(failure.getMessage()).contains("waited 300 ms for a lock held by")
				.contains("application 'report-job-7f3a'")
				.doesNotContain("tried");
		}
		assertThat(this.log.text()).doesNotContain("trying again");
		assertThat(columns()).doesNotContain("balance");
		assertThat(migrator(TIMEOUT).version().version()).isEqualTo(1);
	}

}
