package dev.migrations.spring.boot;

import org.junit.jupiter.api.AfterAll;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.RequiresMariaDb;
import dev.migrations.testing.TestDatabase;

/**
 * The test application on the real MariaDB server, in a database of its own; {vendor} is
 * mariadb, as Spring Boot names it.
 */
@RequiresMariaDb
class MariaDbTodoApplicationTests extends TodoApplicationTests {

	private static MariaDbTestDatabase database;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		database = MariaDbTestDatabase.create();
		registry.add("spring.datasource.url", () -> database.dataSource().url());
	}

	@AfterAll
	static void dropDatabase() {
		if (database != null) {
			database.close();
		}
	}

	@Override
	TestDatabase database() {
		return database;
	}

}
