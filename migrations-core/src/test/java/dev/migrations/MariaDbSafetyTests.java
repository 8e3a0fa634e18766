package dev.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import dev.migrations.testing.GoToolLocks;
import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.RequiresMariaDb;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The safety features on the real MariaDB server. */
@RequiresMariaDb
class MariaDbSafetyTests extends SafetyContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return MariaDbTestDatabase.create();
	}

	/** golang-migrate's named lock for goose's table, which the engine takes on MySQL. */
	@Override
	protected AutoCloseable holdLock() throws Exception {
		Connection holder = DriverManager.getConnection(this.database.dataSource().url());
		try (Statement statement = holder.createStatement();
				ResultSet result = statement.executeQuery("SELECT GET_LOCK('" + GoToolLocks
					.golangMigrateMySql(((MariaDbTestDatabase) this.database).name(), "goose_db_version") + "', 0)")) {
			result.next();
			assertThat(result.getInt(1)).isEqualTo(1);
		}
		return holder;
	}

}
