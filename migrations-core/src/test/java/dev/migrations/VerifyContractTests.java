package dev.migrations;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What {@code verify} promises on every database, run against a real one by each
 * subclass: a set whose Downs are right verifies and ends applied; the first Down that
 * leaves the schema different is reported with its file and what differs; a database with
 * applied migrations is refused.
 */
abstract class VerifyContractTests extends DatabaseTestBase {

	/**
	 * The sample application's migrations for this database, relative to the module
	 * directory.
	 */
	protected abstract Path sampleMigrations();

	/**
	 * Three migrations whose Downs undo their Ups: a table, a column with an index and a
	 * view, another table.
	 */
	protected void writeReversibleSet() {
		this.dir
			.goose("00001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL);",
					"DROP TABLE users;")
			.goose("00002_add_email.sql", "ALTER TABLE users ADD COLUMN email TEXT;\n"
					+ "CREATE INDEX users_email_idx ON users (email);\nCREATE VIEW named_users AS SELECT id, name FROM users;",
					"DROP VIEW named_users;\nDROP INDEX users_email_idx;\nALTER TABLE users DROP COLUMN email;")
			.goose("00003_create_posts.sql",
					"CREATE TABLE posts (id INTEGER PRIMARY KEY,"
							+ " user_id INTEGER NOT NULL REFERENCES users (id), body TEXT CHECK (body <> ''));",
					"DROP TABLE posts;");
	}

	@Test
	void aSetWhoseDownsUndoTheirUpsVerifiesAndEndsFullyApplied() {
		writeReversibleSet();
		Migrator migrator = migrator();

		VerifyResult result = migrator.verify();

		assertThat(result.versions()).containsExactly(1L, 2L, 3L);
		assertThat(result.count()).isEqualTo(3);
		assertThat(result.duration()).isPositive();
		assertThat(migrator.version()).isEqualTo(new DatabaseVersion(3, false));
		assertThat(migrator.status().migrations()).extracting(MigrationStatus::state)
			.containsOnly(MigrationState.APPLIED);
		assertThat(this.database.tables()).contains("users", "posts");
	}

	@Test
	void aDownThatForgetsAnIndexIsReportedWithItsFileAndTheIndex() {
		writeReversibleSet();
		this.dir.goose("00002_add_email.sql",
				"ALTER TABLE users ADD COLUMN email TEXT;\n" + "CREATE INDEX users_name_idx ON users (name);",
				"ALTER TABLE users DROP COLUMN email;");

		IrreversibleMigrationException failure = assertThatExceptionOfType(IrreversibleMigrationException.class)
			.isThrownBy(() -> migrator().verify())
			.actual();

		assertThat(failure.version()).isEqualTo(2);
		assertThat(failure.file()).endsWith("00002_add_email.sql");
		assertThat(failure.differences()).singleElement()
			.asString()
			.startsWith("index users.users_name_idx: present after Down, absent before Up");
		assertThat(failure.getMessage()).contains("00002_add_email.sql").contains("users_name_idx");
		// The later migration was verified first; the database stays as the faulty Down
		// left it.
		assertThat(migrator().version().version()).isEqualTo(1);
	}

	@Test
	void aDownThatForgetsAColumnIsReported() {
		this.dir.goose("00001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;")
			.goose("00002_add_email.sql", "ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';", "SELECT 1;");

		IrreversibleMigrationException failure = assertThatExceptionOfType(IrreversibleMigrationException.class)
			.isThrownBy(() -> migrator().verify())
			.actual();

		assertThat(failure.version()).isEqualTo(2);
		assertThat(failure.differences()).singleElement()
			.asString()
			.startsWith("column users.email: present after Down, absent before Up");
	}

	@Test
	void aDownThatForgetsATableIsReportedByTheTableAlone() {
		this.dir.goose("00001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;")
			.goose("00002_create_sessions.sql",
					"CREATE TABLE sessions (id INTEGER PRIMARY KEY,"
							+ " user_id INTEGER REFERENCES users (id), token TEXT NOT NULL UNIQUE);\n"
							+ "CREATE INDEX sessions_user ON sessions (user_id);",
					"SELECT 1;");

		IrreversibleMigrationException failure = assertThatExceptionOfType(IrreversibleMigrationException.class)
			.isThrownBy(() -> migrator().verify())
			.actual();

		assertThat(failure.file()).endsWith("00002_create_sessions.sql");
		assertThat(failure.differences()).containsExactly("table sessions: present after Down, absent before Up");
	}

	@Test
	void aDownThatDropsATableItsUpDidNotCreateIsReported() {
		this.dir
			.goose("00001_create_tables.sql",
					"CREATE TABLE users (id INTEGER PRIMARY KEY);\n" + "CREATE TABLE audit (id INTEGER PRIMARY KEY);",
					"DROP TABLE audit;\nDROP TABLE users;")
			.goose("00002_create_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY);",
					"DROP TABLE posts;\nDROP TABLE audit;");

		IrreversibleMigrationException failure = assertThatExceptionOfType(IrreversibleMigrationException.class)
			.isThrownBy(() -> migrator().verify())
			.actual();

		assertThat(failure.version()).isEqualTo(2);
		assertThat(failure.differences()).containsExactly("table audit: absent after Down, present before Up");
	}

	@Test
	void aDownThatRestoresAnotherDefaultAndConstraintIsReported() {
		this.dir
			.goose("00001_create_settings.sql",
					"CREATE TABLE settings (name TEXT NOT NULL, level INTEGER NOT NULL DEFAULT 1 CHECK (level > 0));",
					"DROP TABLE settings;")
			.goose("00002_allow_level_zero.sql", "DROP TABLE settings;\n"
					+ "CREATE TABLE settings (name TEXT NOT NULL, level INTEGER NOT NULL DEFAULT 0 CHECK (level >= 0));",
					"DROP TABLE settings;\n"
							+ "CREATE TABLE settings (name TEXT NOT NULL, level INTEGER NOT NULL DEFAULT 2 CHECK (level >= 0));");

		IrreversibleMigrationException failure = assertThatExceptionOfType(IrreversibleMigrationException.class)
			.isThrownBy(() -> migrator().verify())
			.actual();

		assertThat(failure.version()).isEqualTo(2);
		assertThat(failure.differences()).hasSize(2)
			.anySatisfy((line) -> assertThat(line).startsWith("column settings.level: was")
				.contains("DEFAULT 1")
				.contains("now")
				.contains("DEFAULT 2"))
			.anySatisfy((line) -> assertThat(line).startsWith("constraint settings.")
				.contains("level > 0")
				.contains("level >= 0"));
	}

	@Test
	void aDownThatForgetsAViewIsReported() {
		this.dir.goose("00001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;")
			.goose("00002_create_view.sql", "CREATE VIEW user_ids AS SELECT id FROM users;", "SELECT 1;");

		IrreversibleMigrationException failure = assertThatExceptionOfType(IrreversibleMigrationException.class)
			.isThrownBy(() -> migrator().verify())
			.actual();

		assertThat(failure.differences()).singleElement()
			.asString()
			.startsWith("view user_ids: present after Down, absent before Up");
	}

	@Test
	void theMessageShowsTheFirstDifferencesAndCountsTheRest() {
		this.dir.goose("00001_create_tables.sql",
				"CREATE TABLE a (id INTEGER);\nCREATE TABLE b (id INTEGER);\n"
						+ "CREATE TABLE c (id INTEGER);\nCREATE TABLE d (id INTEGER);\nCREATE TABLE e (id INTEGER);\n"
						+ "CREATE TABLE f (id INTEGER);\nCREATE TABLE g (id INTEGER);",
				"SELECT 1;");

		IrreversibleMigrationException failure = assertThatExceptionOfType(IrreversibleMigrationException.class)
			.isThrownBy(() -> migrator().verify())
			.actual();

		assertThat(failure.differences()).hasSize(7);
		assertThat(failure.getMessage()).contains("00001_create_tables.sql does not undo its Up")
			.contains("table e: present after Down")
			.doesNotContain("table f:")
			.contains("(and 2 more)");
	}

	@Test
	void aGolangMigrateVersionWithoutADownFileIsReported() {
		this.dir.file("1_create_pets.up.sql", "CREATE TABLE pets (name TEXT);")
			.file("1_create_pets.down.sql", "DROP TABLE pets;")
			.file("2_add_owner.up.sql", "ALTER TABLE pets ADD COLUMN owner TEXT;");

		IrreversibleMigrationException failure = assertThatExceptionOfType(IrreversibleMigrationException.class)
			.isThrownBy(() -> migrator().verify())
			.actual();

		assertThat(failure.file()).endsWith("2_add_owner.up.sql");
		assertThat(failure.differences()).singleElement()
			.asString()
			.startsWith("column pets.owner: present after Down");
	}

	@Test
	void aGolangMigrateSetWhoseDownsUndoTheirUpsVerifies() {
		this.dir.file("1_create_pets.up.sql", "CREATE TABLE pets (name TEXT);")
			.file("1_create_pets.down.sql", "DROP TABLE pets;")
			.file("2_add_owner.up.sql", "ALTER TABLE pets ADD COLUMN owner TEXT;")
			.file("2_add_owner.down.sql", "ALTER TABLE pets DROP COLUMN owner;");
		Migrator migrator = migrator();

		assertThat(migrator.verify().versions()).containsExactly(1L, 2L);
		assertThat(migrator.version()).isEqualTo(new DatabaseVersion(2, false));
	}

	@Test
	void aDatabaseWithAppliedMigrationsIsRefusedAndLeftAlone() {
		writeReversibleSet();
		Migrator migrator = migrator();
		migrator.upTo(1);

		assertThatExceptionOfType(MigrationStateException.class).isThrownBy(migrator::verify)
			.withMessageContaining("records 1 applied version")
			.withMessageContaining("scratch database");
		assertThat(migrator.version().version()).isEqualTo(1);
		assertThat(this.database.tables()).doesNotContain("posts");
	}

	@Test
	void aDatabaseWhoseMigrationsWereAllRolledBackCanBeVerified() {
		writeReversibleSet();
		Migrator migrator = migrator();
		migrator.up();
		migrator.reset();

		assertThat(migrator.verify().count()).isEqualTo(3);
		assertThat(migrator.version().version()).isEqualTo(3);
	}

	@Test
	void aFileThatDoesNotParseIsReportedBeforeAnythingRuns() {
		writeReversibleSet();
		this.dir.file("00004_broken.sql",
				"-- +goose Up\nCREATE TABLE t (id INTEGER);\n-- +goose Down\nDROP TABLE 't;\n");

		assertThatExceptionOfType(MigrationParseException.class).isThrownBy(() -> migrator().verify())
			.satisfies((error) -> assertThat(error.file()).endsWith("00004_broken.sql"));
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void aDownThatFailsIsReportedAsTheFailedMigration() {
		this.dir.goose("00001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE missing;");

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().verify())
			.satisfies((failure) -> assertThat(failure.direction()).isEqualTo(Direction.DOWN));
	}

	@Test
	void theSampleApplicationsMigrationsVerify() {
		Migrator migrator = Migrator.builder()
			.dataSource(this.database.dataSource())
			.locations(sampleMigrations().toString())
			.environment(Map.of())
			.build();

		VerifyResult result = migrator.verify();

		assertThat(result.versions()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
		assertThat(migrator.version()).isEqualTo(new DatabaseVersion(7, false));
	}

}
