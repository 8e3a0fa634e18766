package dev.migrations;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrations.lock.DatabaseLock;
import dev.migrations.lock.SqliteFileLock;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The engine's promises on a SQLite file, plus what is particular to SQLite. */
class SqliteEngineTests extends EngineContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return SqliteTestDatabase.create();
	}

	private SqliteTestDatabase sqlite() {
		return (SqliteTestDatabase) this.database;
	}

	@Override
	protected String slowStatement() {
		// The test data source's sleep function: SQLite has none of its own.
		return "SELECT sleep(1000);";
	}

	@Override
	protected void assertFailureCodes(MigrationFailedException failure) {
		assertThat(failure.sqlState()).isNull();
		assertThat(failure.errorCode()).isEqualTo(1);
		assertThat(failure.databaseMessage()).contains("no such table: missing_table");
	}

	@Override
	protected String gooseTableDdl() {
		return "CREATE TABLE goose_db_version (id INTEGER PRIMARY KEY AUTOINCREMENT, version_id INTEGER NOT NULL,"
				+ " is_applied INTEGER NOT NULL, tstamp TIMESTAMP DEFAULT (datetime('now')))";
	}

	@Override
	protected List<String> golangMigrateTableDdl() {
		return List.of("CREATE TABLE IF NOT EXISTS schema_migrations (version uint64,dirty bool)",
				"CREATE UNIQUE INDEX IF NOT EXISTS version_unique ON schema_migrations (version)");
	}

	@Override
	protected String sqlTrue() {
		return "1";
	}

	@Override
	protected String sqlFalse() {
		return "0";
	}

	@Test
	void triggerBodyIsOneStatementWithoutStatementBegin() {
		this.dir.goose("00001_audit.sql", """
				CREATE TABLE items (id INTEGER PRIMARY KEY, name TEXT);
				CREATE TABLE item_log (item_id INTEGER, note TEXT);
				CREATE TRIGGER items_logged AFTER INSERT ON items
				WHEN NEW.name IS NOT NULL
				BEGIN
				  INSERT INTO item_log VALUES (NEW.id, CASE WHEN NEW.name = '' THEN 'empty; really' ELSE 'named' END);
				  INSERT INTO item_log VALUES (NEW.id, 'second; statement');
				END;
				INSERT INTO items (id, name) VALUES (1, 'x');""",
				"DROP TRIGGER items_logged;\nDROP TABLE item_log;\nDROP TABLE items;");

		MigrateResult result = migrator().up();

		assertThat(result.migrations().get(0).statements()).isEqualTo(4);
		assertThat(this.database.count("SELECT count(*) FROM item_log")).isEqualTo(2);
	}

	@Test
	void statementBeginBlockHoldingSeveralStatementsRunsThemAll() {
		this.dir.file("00001_block.sql", """
				-- +goose Up
				-- +goose StatementBegin
				CREATE TABLE one (id INTEGER);
				CREATE TABLE two (id INTEGER);
				-- +goose StatementEnd
				-- +goose Down
				DROP TABLE two;
				DROP TABLE one;
				""");

		migrator().up();

		assertThat(this.database.tables()).contains("one", "two");
	}

	@Test
	void golangMigrateVersionTableHasGolangMigratesUniqueIndex() {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);");

		migrator().up();

		assertThat(this.database
			.query("SELECT sql FROM sqlite_master WHERE name IN ('schema_migrations', 'version_unique') ORDER BY name"))
			.extracting((row) -> row.get("sql"))
			.containsExactly("CREATE TABLE schema_migrations (version uint64,dirty bool)",
					"CREATE UNIQUE INDEX version_unique ON schema_migrations (version)");
	}

	/**
	 * The text golang-migrate v4.18.3 leaves in sqlite_master, and goose v3.21 to v3.27:
	 * facts read from their sources, kept here byte for byte.
	 */
	@Test
	void versionTablesHoldTheGoToolsOwnTextInSqliteMaster() {
		this.dir.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");

		migrator().up();

		assertThat(this.database.query("SELECT sql FROM sqlite_master WHERE name = 'goose_db_version'"))
			.extracting((row) -> row.get("sql"))
			.containsExactly("CREATE TABLE goose_db_version (\n\t\tid INTEGER PRIMARY KEY AUTOINCREMENT,\n"
					+ "\t\tversion_id INTEGER NOT NULL,\n\t\tis_applied INTEGER NOT NULL,\n"
					+ "\t\ttstamp TIMESTAMP DEFAULT (datetime('now'))\n\t)");
	}

	@Test
	void versionTableNamesAreQuotedOnlyWhereTheyMustBe() {
		this.dir.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");

		builder().table("order").build().up();
		MigrationDir golangMigrate = MigrationDir.create().file("1_a.up.sql", "CREATE TABLE b (id INTEGER);");
		Migrator.builder()
			.dataSource(this.database.dataSource())
			.locations(golangMigrate.location())
			.table("group")
			.build()
			.up();

		assertThat(this.database.query("SELECT name, substr(sql, 1, instr(sql, '(') - 1) AS head FROM sqlite_master"
				+ " WHERE name IN ('order', 'group', 'version_unique') ORDER BY name"))
			.extracting((row) -> row.get("name") + ": " + row.get("head"))
			.containsExactly("group: CREATE TABLE \"group\" ", "order: CREATE TABLE \"order\" ",
					"version_unique: CREATE UNIQUE INDEX version_unique ON \"group\" ");
	}

	@Test
	void lockHeldByAnotherRunnerTimesOutNamingTheHolderAndChangesNothing() {
		this.dir.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
		SqliteFileLock lock = new SqliteFileLock(sqlite().file());

		try (DatabaseLock.Lease held = lock.acquire(Duration.ofSeconds(5))) {
			LockTimeoutException timeout = org.junit.jupiter.api.Assertions.assertThrows(LockTimeoutException.class,
					() -> builder().lockTimeout(Duration.ofMillis(300)).build().up());
			assertThat(timeout.waited()).isGreaterThanOrEqualTo(Duration.ofMillis(300));
			assertThat(timeout.holder()).contains("pid " + ProcessHandle.current().pid());
			assertThat(timeout.getMessage()).contains(lock.lockFile().toString());
		}
		assertThat(this.database.tables()).isEmpty();
		assertThat(migrator().up().finalVersion()).isEqualTo(1);
	}

	@Test
	void lockLeftByACrashedRunnerIsTakenOver() throws Exception {
		this.dir.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
		SqliteFileLock lock = new SqliteFileLock(sqlite().file());
		Files.writeString(lock.lockFile(), "pid 999999 on gone-host, since 2020-01-01T00:00:00Z",
				StandardCharsets.UTF_8);

		assertThat(builder().lockTimeout(Duration.ofSeconds(5)).build().up().finalVersion()).isEqualTo(1);
		assertThat(Files.readString(lock.lockFile())).isEmpty();
	}

	@Test
	void vacuumInAGolangMigrateFileRunsOutsideATransaction() {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);").file("2_vacuum.up.sql", "VACUUM;");

		assertThat(migrator().up().finalVersion()).isEqualTo(2);
		assertThat(migrateRows()).containsExactly("2:false");
	}

	@Test
	void inMemoryDatabaseNeedsNoLockFile() {
		this.dir.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");

		MigrateResult result = Migrator.builder()
			.dataSource(new dev.migrations.testing.TestDataSource("jdbc:sqlite::memory:"))
			.locations(this.dir.location())
			.build()
			.up();

		assertThat(result.finalVersion()).isEqualTo(1);
	}

	@Test
	void databaseInAMissingDirectoryIsAClearError() {
		writeGooseSet();
		String missing = sqlite().file().resolveSibling("no-such-directory").resolve("app.db").toString();

		DatabaseAccessException error = org.junit.jupiter.api.Assertions.assertThrows(DatabaseAccessException.class,
				() -> Migrator.builder()
					.dataSource(new dev.migrations.testing.TestDataSource("jdbc:sqlite:" + missing))
					.locations(this.dir.location())
					.build()
					.up());

		assertThat(error.getMessage()).startsWith("Failed connecting to the database")
			.contains("unable to open database file");
		assertThat(java.nio.file.Files.exists(java.nio.file.Path.of(missing).getParent())).isFalse();
	}

	@Test
	void unsupportedDatabaseIsNamed() {
		assertThatExceptionOfType(MigrationConfigurationException.class)
			.isThrownBy(() -> dev.migrations.dialect.Dialects.forProduct("Oracle"))
			.withMessageContaining("Unsupported database 'Oracle'");
	}

}
