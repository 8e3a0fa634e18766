package dev.migrations.files;

import java.nio.file.Files;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migrations.MigrateResult;
import dev.migrations.MigrationResult;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStateException;
import dev.migrations.Migrator;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code fix} against what a real SQLite database records as applied. */
class MigrationFilesSqliteTests {

	private final SqliteTestDatabase database = SqliteTestDatabase.create();

	private final MigrationDir dir = MigrationDir.create()
		.goose("00001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;")
		.goose("20240101120000_create_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY);", "DROP TABLE posts;");

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void refusesToRenameATimestampMigrationTheDatabaseApplied() {
		Migrator migrator = migrator();
		MigrateResult up = migrator.up();
		assertThat(up.migrations()).extracting(MigrationResult::file)
			.containsExactly("00001_create_users.sql", "20240101120000_create_posts.sql");

		assertThatExceptionOfType(MigrationStateException.class)
			.isThrownBy(() -> MigrationFiles.fix(this.dir.path(), MigrationFiles.appliedVersions(migrator.status())))
			.withMessageContaining("records 20240101120000_create_posts.sql as applied")
			.withMessageContaining("Nothing was renamed");
		assertThat(Files.exists(this.dir.path().resolve("20240101120000_create_posts.sql"))).isTrue();
		assertThat(Files.exists(this.dir.path().resolve("00002_create_posts.sql"))).isFalse();
		assertThat(migrator().status().inState(MigrationState.PENDING)).isEmpty();
	}

	@Test
	void renamesAPendingTimestampMigrationThatThenAppliesAsTheNextVersion() {
		migrator().upTo(1);

		FixResult result = MigrationFiles.fix(this.dir.path(), MigrationFiles.appliedVersions(migrator().status()));

		assertThat(result.renames()).extracting(RenamedFile::to).containsExactly("00002_create_posts.sql");
		Migrator fixed = migrator();
		assertThat(fixed.status().inState(MigrationState.PENDING)).extracting((row) -> row.version())
			.containsExactly(2L);
		MigrateResult up = fixed.up();
		assertThat(up.migrations()).extracting(MigrationResult::file).containsExactly("00002_create_posts.sql");
		assertThat(up.finalVersion()).isEqualTo(2);
		assertThat(this.database.tables()).contains("users", "posts");
	}

	private Migrator migrator() {
		return Migrator.builder()
			.dataSource(this.database.dataSource())
			.locations(this.dir.location())
			.environment(Map.of())
			.build();
	}

}
