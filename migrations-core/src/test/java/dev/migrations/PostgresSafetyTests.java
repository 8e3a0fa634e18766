package dev.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.GoToolLocks;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The safety features on the real PostgreSQL server. */
@RequiresPostgres
class PostgresSafetyTests extends SafetyContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return PostgresTestDatabase.create();
	}

	@Override
	protected AutoCloseable holdLock() throws Exception {
		Connection holder = DriverManager.getConnection(this.database.dataSource().url());
		try (Statement statement = holder.createStatement()) {
			statement.execute("SELECT pg_advisory_lock(" + GoToolLocks.GOOSE + ")");
		}
		return holder;
	}

	@Test
	void backupIsSkippedWithAWarningOnAServerDatabase() {
		writeThree();

		assertThat(builder().backup(true).build().up().finalVersion()).isEqualTo(3);
	}

}
