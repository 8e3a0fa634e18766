package dev.migrations.spring.boot;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;

/** The test application on a SQLite file. */
class SqliteTodoApplicationTests extends TodoApplicationTests {

	@TempDir
	static Path temp;

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + temp.resolve("todo.db"));
	}

	@Override
	TestDatabase database() {
		return SqliteTestDatabase.at(temp.resolve("todo.db"));
	}

}
