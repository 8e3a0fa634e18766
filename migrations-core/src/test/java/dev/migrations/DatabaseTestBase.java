package dev.migrations;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.TestDatabase;

/**
 * A real database and a migrations directory per test, with helpers to read the Go tools'
 * tables.
 */
abstract class DatabaseTestBase {

	protected TestDatabase database;

	protected MigrationDir dir;

	protected abstract TestDatabase createDatabase();

	@BeforeEach
	void createDatabaseAndDirectory() {
		this.database = createDatabase();
		this.dir = MigrationDir.create();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	protected Migrator.Builder builder() {
		return Migrator.builder()
			.dataSource(this.database.dataSource())
			.locations(this.dir.location())
			.environment(Map.of());
	}

	protected Migrator migrator() {
		return builder().build();
	}

	protected void writeGooseSet() {
		this.dir
			.goose("00001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
					"DROP TABLE users;")
			.goose("00002_seed_users.sql",
					"INSERT INTO users (id, name) VALUES (1, 'ada');\nALTER TABLE users ADD COLUMN email TEXT;",
					"ALTER TABLE users DROP COLUMN email;\nDELETE FROM users WHERE id = 1;")
			.goose("00003_create_posts.sql",
					"CREATE TABLE posts (\n  id INTEGER PRIMARY KEY,\n  body TEXT -- '; not the end\n);",
					"DROP TABLE posts;");
	}

	protected List<String> migrateRows() {
		return this.database.query("SELECT version, dirty FROM schema_migrations")
			.stream()
			.map((row) -> ((Number) row.get("version")).longValue() + ":" + isTrue(row.get("dirty")))
			.toList();
	}

	protected static boolean isTrue(Object value) {
		if (value instanceof Boolean bool) {
			return bool;
		}
		return ((Number) value).intValue() != 0;
	}

	/**
	 * goose_db_version's versions in the order goose reads them (by id), the version-0
	 * row included.
	 */
	protected List<Long> gooseRows() {
		return this.database.query("SELECT version_id FROM goose_db_version ORDER BY id")
			.stream()
			.map((row) -> ((Number) row.get("version_id")).longValue())
			.toList();
	}

}
