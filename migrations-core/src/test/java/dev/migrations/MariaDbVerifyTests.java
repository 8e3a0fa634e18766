package dev.migrations;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.RequiresMariaDb;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code verify}'s promises on the real MariaDB server, plus the objects MySQL has of its
 * own.
 */
@RequiresMariaDb
class MariaDbVerifyTests extends VerifyContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return MariaDbTestDatabase.create();
	}

	@Override
	protected Path sampleMigrations() {
		return Path.of("../sample-app/src/main/resources/db/migrations/mysql");
	}

	/** MySQL indexes only bounded strings, and drops an index by its table. */
	@Override
	protected void writeReversibleSet() {
		this.dir
			.goose("00001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL);",
					"DROP TABLE users;")
			.goose("00002_add_email.sql",
					"ALTER TABLE users ADD COLUMN email VARCHAR(100);\n"
							+ "CREATE INDEX users_email_idx ON users (email);\n"
							+ "CREATE VIEW named_users AS SELECT id, name FROM users;",
					"DROP VIEW named_users;\nDROP INDEX users_email_idx ON users;\nALTER TABLE users DROP COLUMN email;")
			.goose("00003_create_posts.sql",
					"CREATE TABLE posts (id INTEGER PRIMARY KEY, user_id INTEGER NOT NULL, body TEXT CHECK (body <> ''),"
							+ " FOREIGN KEY (user_id) REFERENCES users (id));",
					"DROP TABLE posts;");
	}

	@Test
	void routinesTriggersAndEventsThatTheDownsDropVerify() {
		this.dir
			.goose("00001_create_people.sql",
					"CREATE TABLE people (id INTEGER AUTO_INCREMENT PRIMARY KEY, name VARCHAR(50) NOT NULL,"
							+ " touched_at TIMESTAMP NULL);",
					"DROP TABLE people;")
			.file("00002_touch_people.sql", """
					-- +goose Up
					CREATE TRIGGER people_touched BEFORE UPDATE ON people FOR EACH ROW
					BEGIN
					  IF NEW.name <> OLD.name THEN
					    SET NEW.touched_at = NOW();
					  END IF;
					END;
					CREATE FUNCTION shout(s VARCHAR(50)) RETURNS VARCHAR(60) DETERMINISTIC
					BEGIN
					  DECLARE r VARCHAR(60);
					  SET r = CONCAT(UPPER(s), '!');
					  RETURN r;
					END;

					-- +goose Down
					DROP FUNCTION shout;
					DROP TRIGGER people_touched;
					""");

		assertThat(migrator().verify().count()).isEqualTo(2);
	}

	@Test
	void aDownThatForgetsARoutineIsReported() {
		this.dir.goose("00001_create_function.sql", """
				CREATE FUNCTION twice(n INTEGER) RETURNS INTEGER DETERMINISTIC
				BEGIN
				  RETURN n * 2;
				END;""", "SELECT 1;");

		IrreversibleMigrationException failure = assertThatExceptionOfType(IrreversibleMigrationException.class)
			.isThrownBy(() -> migrator().verify())
			.actual();

		assertThat(failure.differences()).singleElement()
			.asString()
			.startsWith("function twice: present after Down, absent before Up");
	}

}
