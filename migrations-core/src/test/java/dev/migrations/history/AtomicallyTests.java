package dev.migrations.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Writes that must land together: in the caller's transaction, or in one of their own.
 */
class AtomicallyTests {

	@Test
	void failedWorkInItsOwnTransactionLeavesNothingAndRestoresAutoCommit() throws Exception {
		try (SqliteTestDatabase database = SqliteTestDatabase.create();
				Connection connection = database.dataSource().getConnection()) {
			database.execute("CREATE TABLE t (id INTEGER)");

			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> Atomically.run(connection, () -> {
				try (Statement statement = connection.createStatement()) {
					statement.execute("INSERT INTO t VALUES (1)");
					statement.execute("INSERT INTO missing VALUES (1)");
				}
			}));

			assertThat(connection.getAutoCommit()).isTrue();
			assertThat(database.count("SELECT count(*) FROM t")).isZero();
		}
	}

	@Test
	void workInsideTheCallersTransactionIsLeftForTheCallerToCommit() throws Exception {
		try (SqliteTestDatabase database = SqliteTestDatabase.create();
				Connection connection = database.dataSource().getConnection()) {
			database.execute("CREATE TABLE t (id INTEGER)");
			connection.setAutoCommit(false);

			Atomically.run(connection, () -> {
				try (Statement statement = connection.createStatement()) {
					statement.execute("INSERT INTO t VALUES (1)");
				}
			});
			connection.rollback();

			assertThat(database.count("SELECT count(*) FROM t")).isZero();
		}
	}

}
