package dev.migrations.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.dialect.Dialects;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a PostgreSQL snapshot lists from the catalog of the current schema, and which
 * differences it sees.
 */
@RequiresPostgres
class PostgresSnapshotTests {

	private PostgresTestDatabase database;

	@BeforeEach
	void createSchema() {
		this.database = PostgresTestDatabase.create();
	}

	@AfterEach
	void dropSchema() {
		this.database.close();
	}

	private SchemaSnapshot snapshot(String... excluded) {
		return snapshot(this.database, excluded);
	}

	private static SchemaSnapshot snapshot(PostgresTestDatabase database, String... excluded) {
		try (Connection connection = database.dataSource().getConnection()) {
			return Dialects.detect(connection).snapshot(connection, Set.of(excluded));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void createTables(PostgresTestDatabase database) {
		database.execute("CREATE TABLE projects (id serial PRIMARY KEY, name varchar(40) NOT NULL UNIQUE)",
				"CREATE TABLE tokens (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
						+ " project_id integer NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
						+ " uses integer NOT NULL DEFAULT 0 CONSTRAINT tokens_uses_check CHECK (uses >= 0))",
				"CREATE INDEX tokens_project ON tokens (project_id) WHERE uses > 0");
	}

	@Test
	void listsTablesColumnsIndexesConstraintsAndSequences() {
		createTables(this.database);

		assertThat(snapshot().objects()).containsEntry("table tokens", "table")
			.containsEntry("column projects.id", "integer NOT NULL DEFAULT nextval('projects_id_seq'::regclass)")
			.containsEntry("column projects.name", "character varying(40) NOT NULL")
			.containsEntry("column tokens.id", "bigint NOT NULL GENERATED ALWAYS AS IDENTITY")
			.containsEntry("column tokens.uses", "integer NOT NULL DEFAULT 0")
			.containsEntry("constraint tokens.tokens_pkey", "PRIMARY KEY (id)")
			.containsEntry("constraint tokens.tokens_project_id_fkey",
					"FOREIGN KEY (project_id) REFERENCES projects(id) ON DELETE CASCADE")
			.containsEntry("constraint tokens.tokens_uses_check", "CHECK ((uses >= 0))")
			.containsEntry("constraint projects.projects_name_key", "UNIQUE (name)")
			.containsEntry("index tokens.tokens_project",
					"CREATE INDEX tokens_project ON tokens USING btree (project_id) WHERE (uses > 0)")
			.containsEntry("sequence projects_id_seq",
					"integer START 1 INCREMENT 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 OWNED BY projects.id")
			.containsKey("sequence tokens_id_seq");
	}

	@Test
	void listsEnumTypesWithTheirLabelsInOrderAndOtherTypes() {
		this.database.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')",
				"ALTER TYPE mood ADD VALUE 'ok' BEFORE 'happy'",
				"CREATE DOMAIN positive AS integer NOT NULL CHECK (VALUE > 0)",
				"CREATE TYPE pair AS (a integer, b text)", "CREATE TABLE people (feeling mood DEFAULT 'ok')");

		assertThat(snapshot().objects()).containsEntry("type mood", "ENUM ('sad', 'ok', 'happy')")
			.containsEntry("type positive", "DOMAIN integer NOT NULL CONSTRAINT positive_check CHECK ((VALUE > 0))")
			.containsEntry("type pair", "COMPOSITE (a integer, b text)")
			.containsEntry("column people.feeling", "mood DEFAULT 'ok'::mood")
			.doesNotContainKeys("type people", "type _mood");
	}

	@Test
	void listsFunctionsByNameAndArgumentsWithTheirDefinition() {
		this.database.execute(
				"CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql\n  AS $$ SELECT x + 1 $$",
				"CREATE FUNCTION add_one(x bigint) RETURNS bigint LANGUAGE sql AS $$ SELECT x + 1 $$",
				"CREATE PROCEDURE tidy() LANGUAGE sql AS $$ SELECT 1 $$",
				"CREATE AGGREGATE total(integer) (SFUNC = int4pl, STYPE = integer)");

		assertThat(snapshot().objects())
			.containsEntry("function add_one(x integer)",
					"CREATE OR REPLACE FUNCTION add_one(x integer) RETURNS integer"
							+ " LANGUAGE sql AS $function$ SELECT x + 1 $function$")
			.containsKey("function add_one(x bigint)")
			.containsKey("procedure tidy()")
			.containsEntry("aggregate total(integer)", "RETURNS integer");
	}

	@Test
	void listsViewsAndTriggers() {
		createTables(this.database);
		this.database.execute("CREATE VIEW busy AS SELECT id FROM tokens WHERE uses > 10",
				"CREATE MATERIALIZED VIEW counts AS SELECT count(*) AS n FROM tokens",
				"CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$",
				"CREATE TRIGGER tokens_touched BEFORE UPDATE ON tokens FOR EACH ROW EXECUTE FUNCTION touch()");

		assertThat(snapshot().objects())
			.containsEntry("view busy", "SELECT tokens.id FROM tokens WHERE (tokens.uses > 10);")
			.containsEntry("materialized view counts", "SELECT count(*) AS n FROM tokens;")
			.containsEntry("trigger tokens.tokens_touched",
					"CREATE TRIGGER tokens_touched BEFORE UPDATE ON tokens FOR EACH ROW EXECUTE FUNCTION touch()")
			.containsKey("function touch()");
	}

	@Test
	void excludedTablesAreLeftOutWithTheirIndexesConstraintsAndSequences() {
		createTables(this.database);
		this.database.execute("CREATE TABLE goose_db_version (id integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY,"
				+ " version_id bigint NOT NULL)");

		assertThat(snapshot("goose_db_version").objects().keySet()).noneMatch((key) -> key.contains("goose_db_version"))
			.contains("table tokens");
	}

	@Test
	void aSnapshotReadsTheSameInAnotherSchema() {
		createTables(this.database);
		PostgresTestDatabase other = PostgresTestDatabase.create();
		try {
			createTables(other);

			assertThat(snapshot(other).differencesFrom(snapshot())).isEmpty();
		}
		finally {
			other.close();
		}
	}

	@Test
	void aChangedConstraintDefaultOrEnumIsADifference() {
		createTables(this.database);
		this.database.execute("CREATE TYPE mood AS ENUM ('sad', 'happy')");
		SchemaSnapshot before = snapshot();
		this.database.execute("ALTER TABLE tokens DROP CONSTRAINT tokens_uses_check",
				"ALTER TABLE tokens ADD CONSTRAINT tokens_uses_check CHECK (uses > 0)",
				"ALTER TABLE tokens ALTER COLUMN uses SET DEFAULT 1", "ALTER TYPE mood ADD VALUE 'ok'");

		assertThat(snapshot().differencesFrom(before)).containsExactly(
				"column tokens.uses: was \"integer NOT NULL DEFAULT 0\", now \"integer NOT NULL DEFAULT 1\"",
				"constraint tokens.tokens_uses_check: was \"CHECK ((uses >= 0))\", now \"CHECK ((uses > 0))\"",
				"type mood: was \"ENUM ('sad', 'happy')\", now \"ENUM ('sad', 'happy', 'ok')\"");
	}

	@Test
	void aFunctionRecreatedWithOtherLineBreaksHasNoDifference() {
		this.database
			.execute("CREATE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS $$\n  SELECT x + 1\n$$");
		SchemaSnapshot before = snapshot();
		this.database.execute(
				"CREATE OR REPLACE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 1 $$");
		SchemaSnapshot same = snapshot();
		this.database.execute(
				"CREATE OR REPLACE FUNCTION add_one(x integer) RETURNS integer LANGUAGE sql AS $$ SELECT x + 2 $$");

		assertThat(same.differencesFrom(before)).isEmpty();
		assertThat(snapshot().differencesFrom(before)).singleElement()
			.asString()
			.startsWith("function add_one(x integer): was");
	}

}
