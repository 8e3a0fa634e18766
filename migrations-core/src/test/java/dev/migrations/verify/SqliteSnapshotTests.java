package dev.migrations.verify;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.migrations.dialect.Dialects;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a SQLite snapshot lists, and which differences between two schemas it sees and
 * which it must not.
 */
class SqliteSnapshotTests {

	private final SqliteTestDatabase database = SqliteTestDatabase.create();

	@AfterEach
	void deleteDatabase() {
		this.database.close();
	}

	private SchemaSnapshot snapshot(String... excluded) {
		try (Connection connection = this.database.dataSource().getConnection()) {
			return Dialects.detect(connection).snapshot(connection, Set.of(excluded));
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private void createTables() {
		this.database.execute("CREATE TABLE projects (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE)",
				"CREATE TABLE tokens (id INTEGER PRIMARY KEY AUTOINCREMENT,"
						+ " project_id TEXT NOT NULL REFERENCES projects (id) ON DELETE CASCADE,"
						+ " uses INTEGER NOT NULL DEFAULT 0 CHECK (uses >= 0), label TEXT COLLATE NOCASE,"
						+ " CONSTRAINT label_set CHECK (label <> ''))",
				"CREATE INDEX tokens_project ON tokens (project_id, uses DESC)",
				"CREATE INDEX tokens_used ON tokens (uses) WHERE uses > 0");
	}

	@Test
	void listsTablesColumnsIndexesAndConstraints() {
		createTables();

		assertThat(snapshot().objects()).containsEntry("table projects", "table")
			.containsEntry("table tokens", "table AUTOINCREMENT")
			.containsEntry("column tokens.id", "INTEGER")
			.containsEntry("column tokens.project_id", "TEXT NOT NULL")
			.containsEntry("column tokens.uses", "INTEGER NOT NULL DEFAULT 0")
			.containsEntry("column tokens.label", "TEXT COLLATE NOCASE")
			.containsEntry("constraint tokens.PRIMARY KEY", "PRIMARY KEY (id)")
			.containsEntry("constraint tokens.CHECK", "CHECK (uses >= 0)")
			.containsEntry("constraint tokens.label_set", "CHECK (label <> '')")
			.containsEntry("constraint tokens.FOREIGN KEY (project_id)",
					"REFERENCES projects (id) ON UPDATE NO ACTION ON DELETE CASCADE")
			.containsEntry("constraint projects.UNIQUE (name)", "UNIQUE (name)")
			.containsEntry("index tokens.tokens_project", "(project_id, uses DESC)")
			.containsEntry("index tokens.tokens_used", "(uses) WHERE uses > 0")
			.doesNotContainKeys("index projects.sqlite_autoindex_projects_1",
					"index projects.sqlite_autoindex_projects_2");
	}

	@Test
	void listsViewsAndTriggersAndLeavesOutSqliteInternals() {
		createTables();
		this.database.execute("CREATE VIEW busy AS SELECT id FROM tokens WHERE uses > 10",
				"CREATE TRIGGER tokens_counted AFTER UPDATE ON tokens BEGIN SELECT 1; END",
				"INSERT INTO projects VALUES ('p', 'p')", "INSERT INTO tokens (project_id) VALUES ('p')");

		assertThat(snapshot().objects())
			.containsEntry("view busy", "CREATE VIEW busy AS SELECT id FROM tokens WHERE uses > 10")
			.containsEntry("trigger tokens.tokens_counted",
					"CREATE TRIGGER tokens_counted AFTER UPDATE ON tokens BEGIN SELECT 1; END")
			.allSatisfy((key, definition) -> assertThat(key).doesNotContain("sqlite_"));
	}

	@Test
	void excludedTablesAreLeftOutWithTheirIndexesAndTriggers() {
		createTables();
		this.database.execute("CREATE TABLE schema_migrations (version uint64, dirty bool)",
				"CREATE UNIQUE INDEX version_unique ON schema_migrations (version)",
				"CREATE TRIGGER versions_kept AFTER DELETE ON schema_migrations BEGIN SELECT 1; END");

		assertThat(snapshot("schema_migrations").objects().keySet())
			.noneMatch((key) -> key.contains("schema_migrations"))
			.contains("table tokens");
	}

	@Test
	void aTableRebuiltWithItsColumnsInAnotherOrderHasNoDifference() {
		createTables();
		SchemaSnapshot before = snapshot();
		this.database.execute(
				"CREATE TABLE tokens_rebuilt (label TEXT COLLATE NOCASE,"
						+ " uses INTEGER NOT NULL DEFAULT 0 CHECK(uses>=0),"
						+ " project_id TEXT NOT NULL REFERENCES \"projects\"(id) ON DELETE CASCADE,"
						+ " id INTEGER PRIMARY KEY AUTOINCREMENT, constraint label_set check (label <> ''))",
				"INSERT INTO tokens_rebuilt (id, project_id, uses, label) SELECT id, project_id, uses, label FROM tokens",
				"DROP TABLE tokens", "ALTER TABLE tokens_rebuilt RENAME TO tokens",
				"CREATE INDEX tokens_project ON tokens(project_id,uses desc)",
				"CREATE INDEX tokens_used ON tokens (uses)\n  WHERE uses > 0");

		assertThat(snapshot().differencesFrom(before)).isEmpty();
	}

	@Test
	void aUniqueConstraintIsKnownByItsColumnsNotByTheNameSqliteGivesItsIndex() {
		this.database.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, name TEXT UNIQUE)");
		SchemaSnapshot before = snapshot();
		this.database.execute(
				"CREATE TABLE users_rebuilt (id INTEGER PRIMARY KEY, name TEXT UNIQUE, email TEXT UNIQUE)",
				"DROP TABLE users", "ALTER TABLE users_rebuilt RENAME TO users");

		assertThat(snapshot().differencesFrom(before)).isEmpty();
	}

	@Test
	void aChangedCheckDefaultNullabilityOrForeignKeyIsADifference() {
		createTables();
		SchemaSnapshot before = snapshot();
		this.database.execute("DROP INDEX tokens_project", "DROP INDEX tokens_used", "DROP TABLE tokens",
				"CREATE TABLE tokens (id INTEGER PRIMARY KEY AUTOINCREMENT,"
						+ " project_id TEXT REFERENCES projects (id) ON DELETE SET NULL,"
						+ " uses INTEGER NOT NULL DEFAULT 1 CHECK (uses > 0), label TEXT COLLATE NOCASE,"
						+ " CONSTRAINT label_set CHECK (label <> ''))",
				"CREATE INDEX tokens_project ON tokens (project_id, uses DESC)",
				"CREATE INDEX tokens_used ON tokens (uses) WHERE uses > 0");

		assertThat(snapshot().differencesFrom(before)).containsExactly(
				"column tokens.project_id: was \"TEXT NOT NULL\", now \"TEXT\"",
				"column tokens.uses: was \"INTEGER NOT NULL DEFAULT 0\", now \"INTEGER NOT NULL DEFAULT 1\"",
				"constraint tokens.CHECK: was \"CHECK (uses >= 0)\", now \"CHECK (uses > 0)\"",
				"constraint tokens.FOREIGN KEY (project_id): was \"REFERENCES projects (id) ON UPDATE NO ACTION ON DELETE"
						+ " CASCADE\", now \"REFERENCES projects (id) ON UPDATE NO ACTION ON DELETE SET NULL\"");
	}

	@Test
	void aChangedIndexOrUniqueConstraintIsADifference() {
		createTables();
		SchemaSnapshot before = snapshot();
		this.database.execute("DROP INDEX tokens_used", "CREATE INDEX tokens_used ON tokens (uses)",
				"DROP INDEX tokens_project", "CREATE UNIQUE INDEX tokens_project ON tokens (project_id, uses DESC)",
				"DROP TABLE projects", "CREATE TABLE projects (id TEXT PRIMARY KEY, name TEXT NOT NULL)");

		assertThat(snapshot().differencesFrom(before)).containsExactly(
				"constraint projects.UNIQUE (name): absent after Down, present before Up (\"UNIQUE (name)\")",
				"index tokens.tokens_project: was \"(project_id, uses DESC)\", now \"UNIQUE (project_id, uses DESC)\"",
				"index tokens.tokens_used: was \"(uses) WHERE uses > 0\", now \"(uses)\"");
	}

	@Test
	void aLostCollationOrChangedGenerationIsADifference() {
		this.database.execute("CREATE TABLE users (email TEXT COLLATE NOCASE CHECK (email <> '' COLLATE RTRIM),"
				+ " domain TEXT AS (substr(email, instr(email, '@') + 1)) STORED)");
		SchemaSnapshot before = snapshot();
		this.database.execute("DROP TABLE users", "CREATE TABLE users (email TEXT CHECK (email <> '' COLLATE RTRIM),"
				+ " domain TEXT AS (substr(email, instr(email, '@'))) STORED)");

		assertThat(before.objects()).containsEntry("column users.domain",
				"TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) STORED");
		assertThat(snapshot().differencesFrom(before)).containsExactly(
				"column users.domain: was \"TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@') + 1)) STORED\","
						+ " now \"TEXT GENERATED ALWAYS AS (substr(email, instr(email, '@'))) STORED\"",
				"column users.email: was \"TEXT COLLATE NOCASE\", now \"TEXT\"");
	}

	@Test
	void anIndexOnAnExpressionIsComparedByItsExpression() {
		this.database.execute("CREATE TABLE users (email TEXT)", "CREATE INDEX users_email ON users (lower(email))");
		SchemaSnapshot before = snapshot();
		this.database.execute("DROP INDEX users_email", "CREATE INDEX users_email ON users (upper(email))");

		assertThat(before.objects()).containsEntry("index users.users_email", "(lower(email))");
		assertThat(snapshot().differencesFrom(before))
			.containsExactly("index users.users_email: was \"(lower(email))\", now \"(upper(email))\"");
	}

	@Test
	void aVirtualTableIsListedWithItsModuleAndArguments() {
		this.database.execute("CREATE VIRTUAL TABLE docs USING fts5(title, body)");

		assertThat(snapshot().objects()).containsEntry("table docs", "virtual table USING fts5(title, body)")
			.containsEntry("column docs.title", "untyped");
	}

	@Test
	void withoutRowidAndStrictTablesSayWhatTheyAre() {
		this.database.execute("CREATE TABLE pairs (a TEXT, b TEXT, PRIMARY KEY (b, a)) WITHOUT ROWID, STRICT",
				"CREATE TABLE log (at TEXT GENERATED ALWAYS AS ('now') VIRTUAL, line)");

		assertThat(snapshot().objects()).containsEntry("table pairs", "table WITHOUT ROWID, STRICT")
			.containsEntry("constraint pairs.PRIMARY KEY", "PRIMARY KEY (b, a)")
			.containsEntry("column log.at", "TEXT GENERATED ALWAYS AS ('now') VIRTUAL")
			.containsEntry("column log.line", "untyped");
	}

}
