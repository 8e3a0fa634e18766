package dev.migrations;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.testing.HostileInput;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.TestDataSource;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue of hostile inputs on the real PostgreSQL server, where the version tables
 * and the advisory lock are the server's; the heavy inputs run on SQLite only.
 */
@RequiresPostgres
class PostgresHostileInputTests extends HostileInputContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return PostgresTestDatabase.create();
	}

	@Override
	protected TestDataSource engineDataSource(TestDatabase database, HostileInput input) {
		// Named sessions, so that a lock left behind is found as this test's and not
		// another test's on the server.
		return new TestDataSource(database.dataSource().url() + "&ApplicationName=" + applicationName(database));
	}

	@Override
	protected void assertLockIsFree(TestDatabase database) {
		assertThat(database.count("SELECT count(*) FROM pg_catalog.pg_locks l JOIN pg_catalog.pg_stat_activity a"
				+ " ON a.pid = l.pid WHERE l.locktype = 'advisory' AND a.application_name = '"
				+ applicationName(database) + "'"))
			.isZero();
	}

	private static String applicationName(TestDatabase database) {
		return "hostile-" + ((PostgresTestDatabase) database).schema();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.migrations.testing.HostileInputs#refusedWhenRunOnPostgresql")
	void isRefusedNamingItsFileAndLineAndLeavesTheDatabaseAsItWas(HostileInput input) {
		assertRefusedLeavingTheDatabaseAsItWas(input);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.migrations.testing.HostileInputs#workingLight")
	void works(HostileInput input) {
		assertWorks(input);
	}

}
