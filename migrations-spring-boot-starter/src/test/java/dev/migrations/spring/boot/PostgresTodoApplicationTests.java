package dev.migrations.spring.boot;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.TestDatabase;

/** The test application on the real PostgreSQL server, in a schema of its own. */
@RequiresPostgres
class PostgresTodoApplicationTests extends TodoApplicationTests {

	private static PostgresTestDatabase database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database = PostgresTestDatabase.create();
		registry.add("spring.datasource.url", () -> database.dataSource().url());
	}

	@AfterAll
	static void dropSchema() {
		if (database != null) {
			database.close();
		}
	}

	@Override
	TestDatabase database() {
		return database;
	}

}
