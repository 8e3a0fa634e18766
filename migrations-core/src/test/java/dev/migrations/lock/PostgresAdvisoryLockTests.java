package dev.migrations.lock;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.migrations.DatabaseAccessException;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The PostgreSQL advisory lock on its own: exclusion between sessions and broken
 * sessions.
 */
@RequiresPostgres
class PostgresAdvisoryLockTests {

	private static final long KEY = 424242L;

	@Test
	void oneSessionAtATimeHoldsTheLock() throws Exception {
		try (Connection first = DriverManager.getConnection(PostgresTestDatabase.baseUrl());
				Connection second = DriverManager.getConnection(PostgresTestDatabase.baseUrl())) {
			PostgresAdvisoryLock secondLock = new PostgresAdvisoryLock(second, KEY);
			try (DatabaseLock.Lease held = new PostgresAdvisoryLock(first, KEY).acquire(Duration.ZERO)) {
				assertThat(secondLock.holder()).startsWith("PostgreSQL backend pid ");
				assertThatExceptionOfType(dev.migrations.LockTimeoutException.class)
					.isThrownBy(() -> secondLock.acquire(Duration.ofMillis(100)));
			}
			assertThat(secondLock.holder()).isNull();
			secondLock.acquire(Duration.ZERO).close();
		}
	}

	@Test
	void holdingSessionHasTheServerWatchForAVanishedClientUntilItReleases() throws Exception {
		try (Connection connection = DriverManager.getConnection(PostgresTestDatabase.baseUrl())) {
			assumeTrue(connection.getMetaData().getDatabaseMajorVersion() >= 14,
					"Skipped: client_connection_check_interval needs PostgreSQL 14 or later");
			try (DatabaseLock.Lease held = new PostgresAdvisoryLock(connection, KEY).acquire(Duration.ZERO)) {
				assertThat(checkInterval(connection)).isEqualTo("1s");
			}
			assertThat(checkInterval(connection)).isEqualTo("0");
		}
	}

	private static String checkInterval(Connection connection) throws Exception {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW client_connection_check_interval")) {
			result.next();
			return result.getString(1);
		}
	}

	@Test
	void closedSessionReportsADatabaseErrorAndNoHolder() throws Exception {
		Connection connection = DriverManager.getConnection(PostgresTestDatabase.baseUrl());
		PostgresAdvisoryLock lock = new PostgresAdvisoryLock(connection, KEY);
		DatabaseLock.Lease lease = lock.acquire(Duration.ZERO);
		connection.close();

		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(lease::close)
			.withMessageStartingWith("Failed releasing PostgreSQL advisory lock " + KEY);
		assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(() -> lock.acquire(Duration.ZERO))
			.withMessageStartingWith("Failed taking PostgreSQL advisory lock " + KEY);
		assertThat(lock.holder()).isNull();
	}

}
