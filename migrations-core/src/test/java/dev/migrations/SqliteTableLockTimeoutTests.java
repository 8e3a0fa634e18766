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
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * SQLite's side of the table lock timeout: the migration's transaction runs with
 * {@code busy_timeout} set to the bound, so that a migration kept from the database file
 * by another connection's open transaction gives up with {@code SQLITE_BUSY}, is rolled
 * back and tried again like PostgreSQL's, and the connection gets its own
 * {@code busy_timeout} back afterwards. SQLite cannot say which connection held the file.
 */
class SqliteTableLockTimeoutTests {

	private static final Duration TIMEOUT = Duration.ofMillis(300);

	private EngineLog log;

	private SqliteTestDatabase database;

	private MigrationDir dir;

	@BeforeEach
	void createDatabaseAndCaptureTheLog() {
		this.database = SqliteTestDatabase.create();
		this.dir = MigrationDir.create()
			.goose("00001_accounts.sql", "CREATE TABLE accounts (id INTEGER);", "DROP TABLE accounts;");
		this.log = EngineLog.capture();
	}

	@AfterEach
	void restore() {
		this.log.close();
		this.database.close();
	}

	private String log() {
		return this.log.text();
	}

	private Migrator migrator(Duration tableLockTimeout) {
		return Migrator.builder()
			.dataSource(this.database.dataSource())
			.locations(this.dir.location())
			.tableLockTimeout(tableLockTimeout)
			.build();
	}

	private void addBalance() {
		this.dir.goose("00002_balance.sql", "ALTER TABLE accounts ADD COLUMN balance INTEGER;",
				"ALTER TABLE accounts DROP COLUMN balance;");
	}

	/**
	 * A report reading accounts in a transaction it leaves open: without write-ahead
	 * logging, no writer can commit until it ends.
	 */
	private Connection openReader() throws SQLException {
		Connection reader = DriverManager.getConnection(this.database.dataSource().url());
		reader.setAutoCommit(false);
		try (Statement statement = reader.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM accounts")) {
			rows.next();
		}
		return reader;
	}

	/** Another writer in the middle of its transaction, on a database in WAL mode. */
	private Connection openWriter() throws SQLException {
		try (Connection connection = DriverManager.getConnection(this.database.dataSource().url());
				Statement statement = connection.createStatement()) {
			statement.execute("PRAGMA journal_mode = WAL");
		}
		Connection writer = DriverManager.getConnection(this.database.dataSource().url());
		writer.setAutoCommit(false);
		try (Statement statement = writer.createStatement()) {
			statement.execute("INSERT INTO accounts VALUES (1)");
		}
		return writer;
	}

	private List<String> columns() {
		return this.database.query("SELECT name FROM pragma_table_info('accounts') ORDER BY cid")
			.stream()
			.map((row) -> String.valueOf(row.get("name")))
			.toList();
	}

	@Test
	void aCommitWaitingForAnOpenReadTransactionGivesUpAndIsTriedAgainThenFailsRecordingNothing() throws Exception {
		migrator(TIMEOUT).up();
		addBalance();

		try (Connection reader = openReader()) {
			MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
					() -> migrator(TIMEOUT).up());

			assertThat(failure).isNotNull();
			assertThat(failure.getMessage()).contains("committing failed")
				.contains("SQLITE_BUSY")
				.contains("waited 300 ms for a lock held by another connection's open transaction")
				.contains("tried 3 times");
			assertThat(failure.statement()).isZero();
			assertThat(log()).contains("up 00002_balance.sql the commit waited 300 ms")
				.contains("trying again in 1000 ms (attempt 2 of 3)")
				.contains("trying again in 2000 ms (attempt 3 of 3)");
		}
		assertThat(migrator(TIMEOUT).version().version()).isEqualTo(1);
		assertThat(columns()).containsExactly("id");
	}

	@Test
	void aStatementWaitingForAnotherWriterGivesUpNamingItself() throws Exception {
		migrator(TIMEOUT).up();
		addBalance();

		try (Connection writer = openWriter()) {
			MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
					() -> migrator(TIMEOUT).up());

			assertThat(failure).isNotNull();
			assertThat(failure.statement()).isEqualTo(1);
			assertThat(failure.line()).isEqualTo(2);
			assertThat(failure.getMessage()).contains("SQLITE_BUSY").contains("tried 3 times");
			assertThat(log()).contains("up 00002_balance.sql statement 1 (line 2) waited 300 ms");
		}
		assertThat(migrator(TIMEOUT).version().version()).isEqualTo(1);
		assertThat(columns()).containsExactly("id");
	}

	@Test
	void theMigrationSucceedsOnceTheHolderLetsGoBetweenAttempts() throws Exception {
		migrator(TIMEOUT).up();
		addBalance();
		CompletableFuture<Void> letsGo = LockHolder.letGo(openReader(), () -> {
			while (!log().contains("trying again")) {
				Thread.sleep(20);
			}
		});

		assertThat(migrator(TIMEOUT).up().finalVersion()).isEqualTo(2);

		letsGo.get(30, TimeUnit.SECONDS);
		assertThat(columns()).containsExactly("id", "balance");
		assertThat(log()).contains("(attempt 2 of 3)").doesNotContain("attempt 3 of 3");
	}

	/**
	 * Zero leaves the connection's own {@code busy_timeout} alone (sqlite-jdbc's is 3 s)
	 * and tries once.
	 */
	@Test
	void zeroWaitsAsLongAsTheConnectionsOwnBusyTimeout() throws Exception {
		migrator(TIMEOUT).up();
		addBalance();
		// Several times the timeout above, which would have failed the first attempt.
		CompletableFuture<Void> letsGo = LockHolder.letGo(openReader(),
				() -> Thread.sleep(TIMEOUT.multipliedBy(5).toMillis()));

		assertThat(migrator(Duration.ZERO).up().finalVersion()).isEqualTo(2);

		letsGo.get(30, TimeUnit.SECONDS);
		assertThat(log()).doesNotContain("trying again");
	}

	/**
	 * The bound holds in every migration transaction, a NO TRANSACTION file's statements
	 * included, and the pooled connection keeps its own {@code busy_timeout} afterwards.
	 */
	@Test
	void everyStatementGetsTheBoundAndTheConnectionKeepsItsOwnBusyTimeout() throws Exception {
		this.dir.file("00002_seen.sql", """
				-- +goose Up
				CREATE TABLE seen (step TEXT, busy_timeout INTEGER);
				INSERT INTO seen SELECT 'in a transaction', timeout FROM pragma_busy_timeout;
				""").file("00003_seen_outside.sql", """
				-- +goose NO TRANSACTION
				-- +goose Up
				INSERT INTO seen SELECT 'outside a transaction', timeout FROM pragma_busy_timeout;
				""");
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(this.database.dataSource().url() + "?busy_timeout=7000");
			pool.setMaximumPoolSize(1);

			Migrator.builder().dataSource(pool).locations(this.dir.location()).tableLockTimeout(TIMEOUT).build().up();

			try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
				List<String> seen = new ArrayList<>();
				try (ResultSet rows = statement.executeQuery("SELECT step, busy_timeout FROM seen ORDER BY step")) {
					while (rows.next()) {
						seen.add(rows.getString(1) + ": " + rows.getLong(2));
					}
				}
				assertThat(seen).containsExactly("in a transaction: 300", "outside a transaction: 300");
				try (ResultSet after = statement.executeQuery("PRAGMA busy_timeout")) {
					after.next();
					assertThat(after.getLong(1)).isEqualTo(7000);
				}
			}
		}
	}

	/**
	 * Consecutive migrations share the connection's bound where it is the same: each
	 * still sees the bound it asks for, its own file's included, the session's own value
	 * where a file asks for none, and the connection gets its own {@code busy_timeout}
	 * back after the run, and after a failed one.
	 */
	@Test
	void eachMigrationOfARunSeesItsBoundAndTheConnectionGetsItsOwnBack() throws Exception {
		this.dir.file("00002_seen.sql", """
				-- +goose Up
				CREATE TABLE seen (step INTEGER, busy_timeout INTEGER);
				INSERT INTO seen SELECT 2, timeout FROM pragma_busy_timeout;
				""").file("00003_run_bound.sql", """
				-- +goose Up
				INSERT INTO seen SELECT 3, timeout FROM pragma_busy_timeout;
				""").file("00004_own_bound.sql", """
				-- migrations:table-lock-timeout 150
				-- +goose Up
				INSERT INTO seen SELECT 4, timeout FROM pragma_busy_timeout;
				""").file("00005_no_bound.sql", """
				-- migrations:table-lock-timeout 0
				-- +goose Up
				INSERT INTO seen SELECT 5, timeout FROM pragma_busy_timeout;
				""").file("00006_outside.sql", """
				-- +goose NO TRANSACTION
				-- +goose Up
				INSERT INTO seen SELECT 6, timeout FROM pragma_busy_timeout;
				""").file("00007_run_bound_again.sql", """
				-- +goose Up
				INSERT INTO seen SELECT 7, timeout FROM pragma_busy_timeout;
				""");
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(this.database.dataSource().url() + "?busy_timeout=7000");
			pool.setMaximumPoolSize(1);
			Migrator.builder().dataSource(pool).locations(this.dir.location()).tableLockTimeout(TIMEOUT).build().up();

			assertThat(seenAndBusyTimeout(pool)).containsExactly("2: 300", "3: 300", "4: 150", "5: 7000", "6: 300",
					"7: 300", "now: 7000");

			this.dir.file("00008_fails.sql", """
					-- +goose Up
					INSERT INTO seen SELECT 8, timeout FROM pragma_busy_timeout;
					INSERT INTO missing VALUES (1);
					""");
			Migrator failing = Migrator.builder()
				.dataSource(pool)
				.locations(this.dir.location())
				.tableLockTimeout(TIMEOUT)
				.build();
			assertThat(catchThrowableOfType(MigrationFailedException.class, failing::up)).isNotNull();

			assertThat(seenAndBusyTimeout(pool)).containsExactly("2: 300", "3: 300", "4: 150", "5: 7000", "6: 300",
					"7: 300", "now: 7000");
		}
	}

	private static List<String> seenAndBusyTimeout(HikariDataSource pool) throws SQLException {
		List<String> seen = new ArrayList<>();
		try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("SELECT step, busy_timeout FROM seen ORDER BY step")) {
				while (rows.next()) {
					seen.add(rows.getLong(1) + ": " + rows.getLong(2));
				}
			}
			try (ResultSet now = statement.executeQuery("PRAGMA busy_timeout")) {
				now.next();
				seen.add("now: " + now.getLong(1));
			}
		}
		return seen;
	}

	/** A file's own bound replaces the run's, for that file only. */
	@Test
	void aFilesOwnTableLockTimeoutIsUsedForThatFile() throws Exception {
		migrator(TIMEOUT).up();
		this.dir.file("00002_balance.sql", """
				-- migrations:table-lock-timeout 150
				-- +goose Up
				ALTER TABLE accounts ADD COLUMN balance INTEGER;
				-- +goose Down
				ALTER TABLE accounts DROP COLUMN balance;
				""");

		try (Connection reader = openReader()) {
			MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class,
					() -> migrator(Duration.ofSeconds(30)).up());

			assertThat(failure).isNotNull();
			assertThat(failure.getMessage()).contains("waited 150 ms for a lock held by");
		}
		assertThat(columns()).containsExactly("id");
	}

	/**
	 * While the migration's commit waits for the report, no new reader gets in: that is
	 * why the bound must be short, and why the application's own {@code busy_timeout}
	 * should be longer than it.
	 */
	@Test
	void whileTheCommitWaitsNewReadersWaitToo() throws Exception {
		migrator(TIMEOUT).up();
		addBalance();
		Connection reader = openReader();
		CompletableFuture<Void> letsGo = LockHolder.letGo(reader, () -> {
			while (!log().contains("trying again")) {
				Thread.sleep(20);
			}
		});
		CompletableFuture<MigrateResult> migration = CompletableFuture
			.supplyAsync(() -> migrator(Duration.ofSeconds(2)).up());
		String impatient = this.database.dataSource().url() + "?busy_timeout=0";
		List<String> outcomes = new ArrayList<>();
		// A reader that waits for nothing, asking until the migration's commit is
		// waiting.
		long giveUp = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (outcomes.isEmpty() && System.nanoTime() < giveUp && !migration.isDone()) {
			try (Connection connection = DriverManager.getConnection(impatient);
					Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery("SELECT count(*) FROM accounts")) {
				rows.next();
			}
			catch (SQLException ex) {
				outcomes.add(ex.getMessage());
			}
			Thread.sleep(20);
		}

		assertThat(migration.get(60, TimeUnit.SECONDS).finalVersion()).isEqualTo(2);
		letsGo.get(30, TimeUnit.SECONDS);
		assertThat(outcomes).singleElement().asString().contains("SQLITE_BUSY");
	}

}
