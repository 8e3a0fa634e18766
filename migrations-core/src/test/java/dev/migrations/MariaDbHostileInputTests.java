package dev.migrations;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.testing.GoToolLocks;
import dev.migrations.testing.HostileInput;
import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.RequiresMariaDb;
import dev.migrations.testing.TestDataSource;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of hostile inputs on the real MariaDB server, where the version tables
 * and the named lock are the server's; the heavy inputs run on SQLite only.
 */
@RequiresMariaDb
class MariaDbHostileInputTests extends HostileInputContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return MariaDbTestDatabase.create();
	}

	@Override
	protected TestDataSource engineDataSource(TestDatabase database, HostileInput input) {
		return database.dataSource();
	}

	/** No named lock is held by any session on a lock name of this test's database. */
	@Override
	protected void assertLockIsFree(TestDatabase database) {
		String name = ((MariaDbTestDatabase) database).name();
		for (String table : new String[] { "goose_db_version", "schema_migrations" }) {
			assertThat(database
				.query("SELECT IS_USED_LOCK('" + GoToolLocks.golangMigrateMySql(name, table) + "') AS holder")
				.get(0)
				.get("holder")).isNull();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.migrations.testing.HostileInputs#refusedWhenRunOnMysql")
	void isRefusedNamingItsFileAndLineAndLeavesTheDatabaseAsItWas(HostileInput input) {
		assertRefusedLeavingTheDatabaseAsItWas(input);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.migrations.testing.HostileInputs#workingLightOnMysql")
	void works(HostileInput input) {
		assertWorks(input);
	}

}
