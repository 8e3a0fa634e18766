package dev.migrations;

import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.TestDatabase;

/** Java migrations on the real PostgreSQL server. */
@RequiresPostgres
class PostgresJavaMigrationTests extends JavaMigrationContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return PostgresTestDatabase.create();
	}

}
