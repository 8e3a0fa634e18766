package dev.migrations;

import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.RequiresMariaDb;
import dev.migrations.testing.TestDatabase;

/** Java migrations on the real MariaDB server. */
@RequiresMariaDb
class MariaDbJavaMigrationTests extends JavaMigrationContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return MariaDbTestDatabase.create();
	}

}
