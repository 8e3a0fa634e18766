package dev.migrations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.zip.CRC32;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresScratchDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wait for the lock is bounded: while another session holds the advisory lock the Go
 * tools use (here a plain JDBC connection, as goose or golang-migrate would hold it), a
 * runner gives up after its lock timeout, names the holder and the time it waited, and
 * changes nothing.
 */
@RequiresPostgres
class PostgresLockWaitTests {

	/**
	 * goose's advisory lock id: the CRC-64 (ECMA) of "goose", from goose's lock package.
	 */
	private static final long GOOSE_KEY = 5887940537704921958L;

	private static final Duration TIMEOUT = Duration.ofSeconds(1);

	private PostgresScratchDatabase database;

	private MigrationDir dir;

	@TempDir
	Path temp;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresScratchDatabase.create();
		this.dir = MigrationDir.at(this.temp);
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private Migrator.Builder builder() {
		return Migrator.builder()
			.dataSource(this.database.dataSource())
			.locations(this.dir.location())
			.environment(Map.of());
	}

	@Test
	void gooseRunnerGivesUpAfterItsTimeoutNamingTheHolderAndChangesNothing() throws Exception {
		this.dir.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");

		try (Connection holder = holder(GOOSE_KEY)) {
			LockTimeoutException timeout = org.junit.jupiter.api.Assertions.assertThrows(LockTimeoutException.class,
					() -> builder().lockTimeout(TIMEOUT).build().up());

			assertNamesTheHolder(timeout, holder);
			assertThat(this.database.tables()).isEmpty();
		}

		assertThat(builder().lockTimeout(TIMEOUT).build().up().finalVersion()).isEqualTo(1);
	}

	@Test
	void golangMigrateRunnerWaitsForGolangMigratesOwnKey() throws Exception {
		this.dir.file("000001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.file("000001_users.down.sql", "DROP TABLE users;");

		try (Connection holder = holder(golangMigrateKey(this.database.name(), "public", "schema_migrations"))) {
			LockTimeoutException timeout = org.junit.jupiter.api.Assertions.assertThrows(LockTimeoutException.class,
					() -> builder().lockTimeout(TIMEOUT).build().up());

			assertNamesTheHolder(timeout, holder);
			assertThat(this.database.tables()).isEmpty();
		}

		assertThat(builder().lockTimeout(TIMEOUT).build().up().finalVersion()).isEqualTo(1);
	}

	@Test
	void runnerWithNothingPendingNeverWaits() throws Exception {
		this.dir.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
		builder().build().up();

		try (Connection holder = holder(GOOSE_KEY)) {
			assertThat(builder().lockTimeout(TIMEOUT).build().up().isEmpty()).isTrue();
		}
	}

	private static void assertNamesTheHolder(LockTimeoutException timeout, Connection holder) throws SQLException {
		assertThat(timeout.waited()).isGreaterThanOrEqualTo(TIMEOUT);
		assertThat(timeout.holder()).startsWith("PostgreSQL backend pid " + backendPid(holder) + " (lock-holder)");
		assertThat(timeout.getMessage()).startsWith("Timed out after " + timeout.waited().toMillis() + " ms")
			.contains("held by " + timeout.holder())
			.contains("Nothing was changed");
	}

	/**
	 * A plain session, named lock-holder, holding an advisory lock as the Go tools take
	 * it.
	 */
	private Connection holder(long key) throws SQLException {
		Connection connection = DriverManager.getConnection(this.database.url("ApplicationName=lock-holder"));
		try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
			lock.setLong(1, key);
			lock.executeQuery().close();
		}
		return connection;
	}

	private static int backendPid(Connection connection) throws SQLException {
		try (PreparedStatement query = connection.prepareStatement("SELECT pg_backend_pid()");
				ResultSet result = query.executeQuery()) {
			result.next();
			return result.getInt(1);
		}
	}

	/**
	 * golang-migrate's id: the CRC-32 (IEEE) of "schema\0table\0database", times its
	 * salt, in 32-bit arithmetic.
	 */
	private static long golangMigrateKey(String database, String schema, String table) {
		CRC32 crc = new CRC32();
		crc.update((schema + "\0" + table + "\0" + database).getBytes(StandardCharsets.UTF_8));
		return (crc.getValue() * 1486364155L) & 0xFFFFFFFFL;
	}

}
