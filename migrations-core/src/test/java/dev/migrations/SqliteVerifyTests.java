package dev.migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code verify}'s promises on a SQLite file, plus what is particular to SQLite. */
class SqliteVerifyTests extends VerifyContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return SqliteTestDatabase.create();
	}

	@Override
	protected Path sampleMigrations() {
		return Path.of("../sample-app/src/main/resources/db/migrations/sqlite");
	}

	@Test
	void aTableRebuiltByItsDownWithColumnsInAnotherOrderVerifies() {
		this.dir
			.goose("00001_create_tokens.sql",
					"CREATE TABLE tokens (token TEXT PRIMARY KEY, uses INTEGER NOT NULL"
							+ " DEFAULT 0, label TEXT UNIQUE);\nCREATE INDEX tokens_uses ON tokens (uses);",
					"DROP TABLE tokens;")
			.goose("00002_add_id.sql",
					"CREATE TABLE tokens_new (id INTEGER PRIMARY KEY, token TEXT NOT NULL UNIQUE,"
							+ " uses INTEGER NOT NULL DEFAULT 0, label TEXT UNIQUE);\n"
							+ "INSERT INTO tokens_new (token, uses, label) SELECT token, uses, label FROM tokens;\n"
							+ "DROP TABLE tokens;\nALTER TABLE tokens_new RENAME TO tokens;\n"
							+ "CREATE INDEX tokens_uses ON tokens (uses);",
					"CREATE TABLE tokens_old (label TEXT UNIQUE, uses INTEGER NOT NULL DEFAULT 0, token TEXT PRIMARY KEY);\n"
							+ "INSERT INTO tokens_old (token, uses, label) SELECT token, uses, label FROM tokens;\n"
							+ "DROP TABLE tokens;\nALTER TABLE tokens_old RENAME TO tokens;\n"
							+ "CREATE INDEX tokens_uses ON tokens(uses);");

		assertThat(migrator().verify().count()).isEqualTo(2);
	}

	@Test
	void aRebuildThatLosesACheckConstraintIsReported() {
		this.dir
			.goose("00001_create_events.sql",
					"CREATE TABLE events (id INTEGER PRIMARY KEY,"
							+ " outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure')));",
					"DROP TABLE events;")
			.goose("00002_more_outcomes.sql",
					"CREATE TABLE events_new (id INTEGER PRIMARY KEY,"
							+ " outcome TEXT NOT NULL CHECK (outcome IN ('success', 'failure', 'denied')));\n"
							+ "DROP TABLE events;\nALTER TABLE events_new RENAME TO events;",
					"CREATE TABLE events_old (id INTEGER PRIMARY KEY, outcome TEXT NOT NULL);\n"
							+ "DROP TABLE events;\nALTER TABLE events_old RENAME TO events;");

		assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(() -> migrator().verify())
			.satisfies((failure) -> assertThat(failure.differences())
				.containsExactly("constraint events.CHECK: absent after Down, present before Up"
						+ " (\"CHECK (outcome IN ('success', 'failure'))\")"));
	}

	@Test
	void verifyMakesNoBackupsEvenWhenTheyAreConfigured() throws IOException {
		writeReversibleSet();
		Path directory = ((SqliteTestDatabase) this.database).file().getParent();

		builder().backup(true).build().verify();

		try (Stream<Path> files = Files.list(directory)) {
			assertThat(files.map((file) -> file.getFileName().toString())).noneMatch((name) -> name.endsWith(".bak"));
		}
	}

}
