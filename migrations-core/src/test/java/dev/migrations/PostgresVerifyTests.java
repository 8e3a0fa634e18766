package dev.migrations;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code verify}'s promises on the real PostgreSQL server, plus the objects only
 * PostgreSQL has.
 */
@RequiresPostgres
class PostgresVerifyTests extends VerifyContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return PostgresTestDatabase.create();
	}

	@Override
	protected Path sampleMigrations() {
		return Path.of("../sample-app/src/main/resources/db/migrations/postgresql");
	}

	@Test
	void typesFunctionsTriggersAndSequencesThatTheDownsDropVerify() {
		this.dir
			.goose("00001_create_people.sql",
					"CREATE TYPE mood AS ENUM ('sad', 'happy');\n" + "CREATE SEQUENCE people_numbers;\n"
							+ "CREATE TABLE people (id serial PRIMARY KEY, feeling mood NOT NULL DEFAULT 'happy');",
					"DROP TABLE people;\nDROP SEQUENCE people_numbers;\nDROP TYPE mood;")
			.file("00002_touch_people.sql", """
					-- +goose Up
					ALTER TABLE people ADD COLUMN touched_at timestamptz;
					-- +goose StatementBegin
					CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
					BEGIN
					  NEW.touched_at := now();
					  RETURN NEW;
					END
					$$;
					-- +goose StatementEnd
					CREATE TRIGGER people_touched BEFORE UPDATE ON people FOR EACH ROW EXECUTE FUNCTION touch();

					-- +goose Down
					DROP TRIGGER people_touched ON people;
					DROP FUNCTION touch();
					ALTER TABLE people DROP COLUMN touched_at;
					""");

		assertThat(migrator().verify().count()).isEqualTo(2);
	}

	@Test
	void aDownThatForgetsAnEnumTypeAndAFunctionIsReported() {
		this.dir.goose("00001_create_mood.sql",
				"CREATE TYPE mood AS ENUM ('sad', 'happy');\n"
						+ "CREATE FUNCTION cheer(m mood) RETURNS mood LANGUAGE sql AS $$ SELECT 'happy'::mood $$;",
				"SELECT 1;");

		assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(() -> migrator().verify())
			.satisfies((failure) -> assertThat(failure.differences()).containsExactly(
					"type mood: present after Down, absent before Up (\"ENUM ('sad', 'happy')\")",
					"function cheer(m mood): present after Down, absent before Up (\"CREATE OR REPLACE FUNCTION"
							+ " cheer(m mood) RETURNS mood LANGUAGE sql AS $function$ SELECT 'happy'::mood $function$\")"));
	}

	@Test
	void aDownThatCannotRemoveAnEnumLabelIsReported() {
		this.dir.goose("00001_create_mood.sql", "CREATE TYPE mood AS ENUM ('sad', 'happy');", "DROP TYPE mood;")
			.file("00002_add_ok.sql", "-- +goose NO TRANSACTION\n-- +goose Up\nALTER TYPE mood ADD VALUE 'ok';\n"
					+ "-- +goose Down\nSELECT 1;\n");

		assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(() -> migrator().verify())
			.satisfies((failure) -> assertThat(failure.differences())
				.containsExactly("type mood: was \"ENUM ('sad', 'happy')\", now \"ENUM ('sad', 'happy', 'ok')\""));
	}

	@Test
	void aDownThatRecreatesAConstraintUnderAnotherNameIsReported() {
		this.dir
			.goose("00001_create_users.sql", "CREATE TABLE users (id integer PRIMARY KEY, email text UNIQUE);",
					"DROP TABLE users;")
			.goose("00002_drop_unique.sql", "ALTER TABLE users DROP CONSTRAINT users_email_key;",
					"ALTER TABLE users ADD CONSTRAINT users_email_unique UNIQUE (email);");

		assertThatExceptionOfType(IrreversibleMigrationException.class).isThrownBy(() -> migrator().verify())
			.satisfies((failure) -> assertThat(failure.differences()).containsExactly(
					"constraint users.users_email_key: absent after Down, present before Up (\"UNIQUE (email)\")",
					"constraint users.users_email_unique: present after Down, absent before Up (\"UNIQUE (email)\")",
					"index users.users_email_key: absent after Down, present before Up"
							+ " (\"CREATE UNIQUE INDEX users_email_key ON users USING btree (email)\")",
					"index users.users_email_unique: present after Down, absent before Up"
							+ " (\"CREATE UNIQUE INDEX users_email_unique ON users USING btree (email)\")"));
	}

}
