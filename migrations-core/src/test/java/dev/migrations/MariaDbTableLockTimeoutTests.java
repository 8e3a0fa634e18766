package dev.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import dev.migrations.testing.LockHolder;
import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.RequiresMariaDb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The table lock timeout on MariaDB: {@code lock_wait_timeout} for the migration, the
 * session's own value back afterwards, a retry only where nothing committed on its own,
 * and the blocking connection named.
 */
@RequiresMariaDb
class MariaDbTableLockTimeoutTests {

	private MariaDbTestDatabase database;

	private MigrationDir dir;

	@BeforeEach
	void createDatabase() {
		this.database = MariaDbTestDatabase.create();
		this.dir = MigrationDir.create()
			.goose("00001_accounts.sql", "CREATE TABLE accounts (id INTEGER PRIMARY KEY);", "DROP TABLE accounts;");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private Migrator migrator() {
		return Migrator.builder()
			.dataSource(this.database.dataSource())
			.locations(this.dir.location())
			.tableLockTimeout(Duration.ofSeconds(1))
			.build();
	}

	/** A report job: reads accounts in a transaction it leaves open. */
	private Connection openReader() throws Exception {
		Connection reader = DriverManager.getConnection(this.database.dataSource().url());
		reader.setAutoCommit(false);
		try (Statement statement = reader.createStatement()) {
			statement.executeQuery("SELECT count(*) FROM accounts").close();
		}
		return reader;
	}

	@Test
	void aMigrationWaitingBehindAnOpenTransactionGivesUpNamingItAndRecordsNothing() throws Exception {
		migrator().up();
		this.dir.goose("00002_balance.sql", "ALTER TABLE accounts ADD COLUMN balance INT;",
				"ALTER TABLE accounts DROP COLUMN balance;");

		try (Connection reader = openReader()) {
			MigrationFailedException failure = assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> migrator().up())
				.actual();

			assertThat(failure.getMessage()).contains("waited 1000 ms for a lock held by connection ")
				.contains("tried 3 times");
		}
		assertThat(migrator().version().version()).isEqualTo(1);
	}

	@Test
	void theMigrationIsTriedAgainAndAppliedOnceTheTransactionEnds() throws Exception {
		migrator().up();
		this.dir.goose("00002_balance.sql", "ALTER TABLE accounts ADD COLUMN balance INT;",
				"ALTER TABLE accounts DROP COLUMN balance;");
		Connection reader = openReader();
		CompletableFuture<Void> letGo = LockHolder.letGo(reader, () -> Thread.sleep(1500));

		assertThat(migrator().up().finalVersion()).isEqualTo(2);
		letGo.get(30, TimeUnit.SECONDS);
	}

	/**
	 * After a CREATE committed on its own, trying the migration again would run it twice:
	 * the first timeout fails the run.
	 */
	@Test
	void noRetryOnceSomethingCommittedOnItsOwn() throws Exception {
		migrator().up();
		this.dir.goose("00002_balance.sql",
				"CREATE TABLE ledger (id INT);\nALTER TABLE accounts ADD COLUMN balance INT;",
				"ALTER TABLE accounts DROP COLUMN balance;\nDROP TABLE ledger;");

		try (Connection reader = openReader()) {
			MigrationFailedException failure = assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> migrator().up())
				.actual();

			assertThat(failure.getMessage()).contains("statement 1 stayed applied").doesNotContain("tried");
		}
	}

	/** A pooled session that came with its own timeouts has them again afterwards. */
	@Test
	void theSessionGetsItsOwnTimeoutBack() throws Exception {
		this.dir.goose("00002_more.sql", "CREATE TABLE more (id INT);", "DROP TABLE more;");
		try (HikariDataSource pool = new HikariDataSource()) {
			pool.setJdbcUrl(this.database.dataSource().url());
			pool.setMaximumPoolSize(1);
			pool.setConnectionInitSql("SET SESSION lock_wait_timeout = 77, SESSION innodb_lock_wait_timeout = 33");
			Migrator.builder()
				.dataSource(pool)
				.locations(this.dir.location())
				.tableLockTimeout(Duration.ofSeconds(2))
				.build()
				.up();
			try (Connection connection = pool.getConnection();
					Statement statement = connection.createStatement();
					ResultSet row = statement
						.executeQuery("SELECT @@SESSION.lock_wait_timeout, @@SESSION.innodb_lock_wait_timeout")) {
				row.next();
				assertThat(row.getLong(1)).isEqualTo(77);
				assertThat(row.getLong(2)).isEqualTo(33);
			}
		}
		assertThat(this.database.tables()).contains("more");
	}

}
