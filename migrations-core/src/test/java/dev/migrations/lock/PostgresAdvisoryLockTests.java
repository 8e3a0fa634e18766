package dev.migrations.lock;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migrations.DatabaseAccessException;
import dev.migrations.LockTimeoutException;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.TestDatabase;
import dev.migrations.testing.TestDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL advisory lock on its own: its keys taken all or none, in a transaction
 * on a connection of its own, exclusion between runners, and broken connections.
 */
@RequiresPostgres
class PostgresAdvisoryLockTests {

	private static final long FIRST = 424242L;

	private static final long SECOND = 424243L;

	private static final List<Long> KEYS = List.of(SECOND, FIRST);

	private final List<Connection> opened = new ArrayList<>();

	@AfterEach
	void closeConnections() throws SQLException {
		for (Connection connection : this.opened) {
			connection.close();
		}
	}

	private Connection connect() throws SQLException {
		Connection connection = DriverManager.getConnection(PostgresTestDatabase.baseUrl());
		this.opened.add(connection);
		return connection;
	}

	private PostgresAdvisoryLock lock() throws SQLException {
		return new PostgresAdvisoryLock(this::connect, connect(), KEYS);
	}

	@Test
	void keysAreTakenInAscendingOrder() throws SQLException {
		assertThat(lock().keys()).containsExactly(FIRST, SECOND);
	}

	@Test
	void oneRunnerAtATimeHoldsTheKeys() throws Exception {
		PostgresAdvisoryLock second = lock();
		try (DatabaseLock.Lease held = lock().acquire(Duration.ZERO)) {
			assertThat(heldKeys()).containsExactly(FIRST, SECOND);
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> second.acquire(Duration.ofMillis(100)))
				.satisfies((timeout) -> assertThat(timeout.holder()).startsWith("PostgreSQL backend pid "))
				.withMessageContaining("PostgreSQL advisory locks " + FIRST + " and " + SECOND);
		}
		assertThat(heldKeys()).isEmpty();
		second.acquire(Duration.ZERO).close();
	}

	@Test
	void heldByATransactionOnAConnectionOfItsOwnThatHoldsNoSnapshot() throws Exception {
		Connection migration = connect();
		try (DatabaseLock.Lease held = new PostgresAdvisoryLock(this::connect, migration, KEYS)
			.acquire(Duration.ZERO)) {
			List<Map<String, Object>> holders = TestDatabase.query(new TestDataSource(PostgresTestDatabase.baseUrl()),
					"SELECT DISTINCT l.pid, a.state, a.backend_xmin::text AS xmin"
							+ " FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid"
							+ " WHERE l.locktype = 'advisory' AND l.objid IN (" + FIRST + ", " + SECOND + ")");
			assertThat(holders).singleElement().satisfies((holder) -> {
				assertThat(holder.get("pid")).isNotEqualTo(backendPid(migration));
				assertThat(holder.get("state")).isEqualTo("idle in transaction");
				// No snapshot, which a CREATE INDEX CONCURRENTLY would wait for.
				assertThat(holder.get("xmin")).isNull();
			});
		}
	}

	@Test
	void aKeyHeldElsewhereLeavesNoneOfTheOthersTaken() throws Exception {
		try (Connection goTool = connect();
				PreparedStatement hold = goTool.prepareStatement("SELECT pg_advisory_lock(?)")) {
			hold.setLong(1, SECOND);
			hold.executeQuery().close();

			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> lock().acquire(Duration.ofMillis(200)));

			assertThat(heldKeys()).containsExactly(SECOND);
		}
	}

	@Test
	void holdingSessionHasTheServerWatchTheMigrationClientUntilItReleases() throws Exception {
		Connection migration = connect();
		assumeTrue(migration.getMetaData().getDatabaseMajorVersion() >= 14,
				"Skipped: client_connection_check_interval needs PostgreSQL 14 or later");
		try (DatabaseLock.Lease held = new PostgresAdvisoryLock(this::connect, migration, KEYS)
			.acquire(Duration.ZERO)) {
			assertThat(checkInterval(migration)).isEqualTo("1s");
		}
		assertThat(checkInterval(migration)).isEqualTo("0");
	}

	@Test
	void aServerThatEndsIdleTransactionsDoesNotEndTheLock() throws Exception {
		Connection migration = connect();
		PostgresAdvisoryLock lock = new PostgresAdvisoryLock(() -> {
			Connection connection = connect();
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET idle_in_transaction_session_timeout = '200ms'");
			}
			return connection;
		}, migration, KEYS);
		try (DatabaseLock.Lease held = lock.acquire(Duration.ZERO)) {
			// A migration sleeps well past the server's bound for idle transactions.
			try (Statement statement = migration.createStatement()) {
				statement.execute("SELECT pg_sleep(1)");
			}
			assertThat(heldKeys()).containsExactly(FIRST, SECOND);
		}
		assertThat(heldKeys()).isEmpty();
	}

	@Test
	void aLostLockConnectionIsReportedOnRelease() throws Exception {
		List<Connection> lockConnections = new ArrayList<>();
		PostgresAdvisoryLock lock = new PostgresAdvisoryLock(() -> {
			Connection connection = connect();
			lockConnections.add(connection);
			return connection;
		}, connect(), KEYS);
		DatabaseLock.Lease lease = lock.acquire(Duration.ZERO);
		lockConnections.get(0).close();

		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(lease::close)
			.withMessageStartingWith("Failed releasing PostgreSQL advisory locks " + FIRST + " and " + SECOND);
		assertThat(heldKeys()).isEmpty();
	}

	@Test
	void aLockConnectionThatCannotBeOpenedIsADatabaseError() throws Exception {
		PostgresAdvisoryLock lock = new PostgresAdvisoryLock(() -> {
			throw new SQLException("no connection left in the pool");
		}, connect(), KEYS);

		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(() -> lock.acquire(Duration.ZERO))
			.withMessageStartingWith("Failed opening a second connection, which holds PostgreSQL advisory locks")
			.withMessageContaining("a pool of one connection");
	}

	@Test
	void aDataSourceOfOneConnectionHoldsTheKeysAsSessionLocksOnIt() throws Exception {
		Connection only = connect();
		PostgresAdvisoryLock lock = new PostgresAdvisoryLock(() -> only, only, KEYS);
		try (DatabaseLock.Lease held = lock.acquire(Duration.ZERO)) {
			assertThat(heldKeys()).containsExactly(FIRST, SECOND);
			assertThat(
					TestDatabase.query(new TestDataSource(PostgresTestDatabase.baseUrl()),
							"SELECT DISTINCT pid FROM pg_locks WHERE locktype = 'advisory' AND objid IN (" + FIRST
									+ ", " + SECOND + ")"))
				.extracting((row) -> row.get("pid"))
				.containsExactly(backendPid(only));
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> lock().acquire(Duration.ofMillis(100)));
		}
		assertThat(heldKeys()).isEmpty();
		assertThat(only.isClosed()).isFalse();
	}

	@Test
	void aSessionLockLostBeforeItsReleaseIsReported() throws Exception {
		Connection only = connect();
		DatabaseLock.Lease lease = new PostgresAdvisoryLock(() -> only, only, KEYS).acquire(Duration.ZERO);
		try (Statement statement = only.createStatement()) {
			statement.execute("SELECT pg_advisory_unlock_all()");
		}

		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(lease::close)
			.withMessageContaining("did not hold key " + FIRST);
	}

	@Test
	void aSecondKeyHeldElsewhereGivesBackTheFirstOnTheOneSession() throws Exception {
		Connection only = connect();
		try (Connection goTool = connect();
				PreparedStatement hold = goTool.prepareStatement("SELECT pg_advisory_lock(?)")) {
			hold.setLong(1, SECOND);
			hold.executeQuery().close();

			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> new PostgresAdvisoryLock(() -> only, only, KEYS).acquire(Duration.ofMillis(200)))
				.satisfies((timeout) -> assertThat(timeout.holder()).contains("pid " + backendPid(goTool)));

			assertThat(heldKeys()).containsExactly(SECOND);
		}
	}

	private List<Long> heldKeys() throws SQLException {
		List<Long> keys = new ArrayList<>();
		try (Statement query = connect().createStatement();
				ResultSet result = query.executeQuery("SELECT objid::bigint FROM pg_locks WHERE locktype = 'advisory'"
						+ " AND granted AND objid IN (" + FIRST + ", " + SECOND + ") ORDER BY objid")) {
			while (result.next()) {
				keys.add(result.getLong(1));
			}
		}
		return keys;
	}

	private static int backendPid(Connection connection) {
		try (Statement query = connection.createStatement();
				ResultSet result = query.executeQuery("SELECT pg_backend_pid()")) {
			result.next();
			return result.getInt(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String checkInterval(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW client_connection_check_interval")) {
			result.next();
			return result.getString(1);
		}
	}

}
