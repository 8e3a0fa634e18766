package dev.migrations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrations.testing.GoToolLocks;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresScratchDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wait for the lock: while another session holds any advisory lock key a Go tool
 * takes (here a plain JDBC session doing what the tool does), a runner waits, and gives
 * up after its lock timeout naming the holder and the time it waited, having changed
 * nothing. Every key counts: goose's before and since v3.26.0, and golang-migrate's as
 * its command line (from a URL) and as programs handing it a connection compute it.
 */
@RequiresPostgres
class PostgresLockWaitTests {

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

	/** goose's session locker: {@code pg_try_advisory_lock}, retried until it is true. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "goose v3.26.0 and later", "goose before v3.26.0" })
	void gooseRunnerWaitsForEitherOfGoosesKeys(String version) throws Exception {
		this.dir.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
		long key = version.startsWith("goose before") ? GoToolLocks.GOOSE_BEFORE_3_26 : GoToolLocks.GOOSE;

		assertWaitsWhileHeld(holder("SELECT pg_try_advisory_lock(?)", key));
	}

	/** golang-migrate: {@code pg_advisory_lock}, which blocks until it is granted. */
	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "golang-migrate opened from a URL", "golang-migrate given a connection" })
	void golangMigrateRunnerWaitsForEitherOfGolangMigratesKeys(String opened) throws Exception {
		this.dir.file("000001_users.up.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);")
			.file("000001_users.down.sql", "DROP TABLE users;");
		long key = opened.endsWith("URL")
				? GoToolLocks.golangMigrateFromUrl(this.database.name(), "public", "schema_migrations")
				: GoToolLocks.golangMigrateWithInstance(this.database.name(), "public", "schema_migrations");

		assertWaitsWhileHeld(holder("SELECT pg_advisory_lock(?)", key));
	}

	@Test
	void runnerWaitingForAKeyGoesOnOnceTheHolderLetsGo() throws Exception {
		this.dir.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
		ExecutorService runner = Executors.newSingleThreadExecutor();
		try (Connection holder = holder("SELECT pg_try_advisory_lock(?)", GoToolLocks.GOOSE)) {
			Future<MigrateResult> up = runner.submit(() -> builder().lockTimeout(Duration.ofMinutes(1)).build().up());
			// A lock held open: the runner waits as long as the holder keeps it.
			Thread.sleep(1500);
			assertThat(up).isNotDone();
			assertThat(this.database.tables()).isEmpty();

			holder.close();
			assertThat(up.get(1, TimeUnit.MINUTES).finalVersion()).isEqualTo(1);
		}
		finally {
			runner.shutdownNow();
		}
	}

	@Test
	void runnerWithNothingPendingNeverWaits() throws Exception {
		this.dir.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");
		builder().build().up();

		try (Connection holder = holder("SELECT pg_advisory_lock(?)", GoToolLocks.GOOSE)) {
			assertThat(builder().lockTimeout(TIMEOUT).build().up().isEmpty()).isTrue();
		}
	}

	@Test
	void runnerLeavesNoAdvisoryLockBehind() {
		this.dir.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");

		builder().build().up();

		assertThat(this.database.count("SELECT count(*) FROM pg_catalog.pg_locks WHERE locktype = 'advisory'"))
			.isZero();
	}

	private void assertWaitsWhileHeld(Connection holder) throws SQLException {
		try (holder) {
			LockTimeoutException timeout = org.junit.jupiter.api.Assertions.assertThrows(LockTimeoutException.class,
					() -> builder().lockTimeout(TIMEOUT).build().up());

			assertThat(timeout.waited()).isGreaterThanOrEqualTo(TIMEOUT);
			assertThat(timeout.holder()).startsWith("PostgreSQL backend pid " + backendPid(holder) + " (lock-holder)");
			assertThat(timeout.getMessage()).startsWith("Timed out after " + timeout.waited().toMillis() + " ms")
				.contains("held by " + timeout.holder())
				.contains("Nothing was changed");
			assertThat(this.database.tables()).isEmpty();
		}
		assertThat(builder().lockTimeout(TIMEOUT).build().up().finalVersion()).isEqualTo(1);
	}

	/**
	 * A plain session, named lock-holder, holding an advisory lock as a Go tool takes it.
	 */
	private Connection holder(String sql, long key) throws SQLException {
		Connection connection = DriverManager.getConnection(this.database.url("ApplicationName=lock-holder"));
		try (PreparedStatement lock = connection.prepareStatement(sql)) {
			lock.setLong(1, key);
			try (ResultSet result = lock.executeQuery()) {
				result.next();
				// pg_advisory_lock returns void; pg_try_advisory_lock must have got it.
				assertThat(result.getObject(1)).isNotEqualTo(Boolean.FALSE);
			}
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

}
