package dev.migrations;

import java.time.Duration;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.lock.DatabaseLock;
import dev.migrations.lock.SqliteFileLock;
import dev.migrations.testing.HostileInput;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDataSource;
import dev.migrations.testing.TestDatabase;

/** The catalogue of hostile inputs on a SQLite file, the heavy inputs included. */
class SqliteHostileInputTests extends HostileInputContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return SqliteTestDatabase.create();
	}

	@Override
	protected TestDataSource engineDataSource(TestDatabase database, HostileInput input) {
		// Ten thousand commits would wait for the disk ten thousand times; the engine's
		// work is the same without.
		return input.isHeavy() ? new TestDataSource(database.dataSource().url() + "?synchronous=OFF")
				: database.dataSource();
	}

	@Override
	protected void assertLockIsFree(TestDatabase database) {
		try (DatabaseLock.Lease lease = new SqliteFileLock(((SqliteTestDatabase) database).file())
			.acquire(Duration.ZERO)) {
			// Taken without waiting: nobody holds it.
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.migrations.testing.HostileInputs#refusedWhenRunOnSqlite")
	void isRefusedNamingItsFileAndLineAndLeavesTheDatabaseAsItWas(HostileInput input) {
		assertRefusedLeavingTheDatabaseAsItWas(input);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("dev.migrations.testing.HostileInputs#working")
	void works(HostileInput input) {
		assertWorks(input);
	}

}
