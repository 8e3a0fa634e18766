package dev.migrations;

import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;

/** Java migrations on a SQLite file. */
class SqliteJavaMigrationTests extends JavaMigrationContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return SqliteTestDatabase.create();
	}

}
