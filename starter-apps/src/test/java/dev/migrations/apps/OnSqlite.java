package dev.migrations.apps;

import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.migrations.testing.SqliteTestDatabase;

/**
 * A test class whose application context runs on a fresh SQLite file of its own, closed
 * after the class.
 */
@DirtiesContext
public abstract class OnSqlite {

	@TempDir
	static Path temp;

	@DynamicPropertySource
	static void sqliteFile(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> "jdbc:sqlite:" + file());
	}

	/** The database file. */
	protected static Path file() {
		return temp.resolve("app.db");
	}

	/** The database, read without the application. */
	protected static SqliteTestDatabase database() {
		return SqliteTestDatabase.at(file());
	}

}
