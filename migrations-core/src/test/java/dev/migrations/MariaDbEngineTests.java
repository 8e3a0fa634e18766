package dev.migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.GoToolLocks;
import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.RequiresMariaDb;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The engine's promises on the real MariaDB server (the MySQL dialect), plus what is
 * particular to MySQL.
 */
@RequiresMariaDb
class MariaDbEngineTests extends EngineContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return MariaDbTestDatabase.create();
	}

	@Override
	protected String slowStatement() {
		return "SELECT SLEEP(1);";
	}

	@Override
	protected void assertFailureCodes(MigrationFailedException failure) {
		assertThat(failure.sqlState()).isEqualTo("42S02");
		assertThat(failure.getMessage()).contains("[SQLState 42S02]");
	}

	@Override
	protected String gooseTableDdl() {
		return "CREATE TABLE goose_db_version (id bigint(20) unsigned NOT NULL AUTO_INCREMENT,"
				+ " version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp NULL default now(),"
				+ " PRIMARY KEY(id))";
	}

	@Override
	protected List<String> golangMigrateTableDdl() {
		return List
			.of("CREATE TABLE `schema_migrations` (version bigint not null primary key, dirty boolean not null)");
	}

	@Override
	protected String sqlTrue() {
		return "true";
	}

	@Override
	protected String sqlFalse() {
		return "false";
	}

	private MariaDbTestDatabase mariadb() {
		return (MariaDbTestDatabase) this.database;
	}

	/**
	 * MySQL commits before each DDL statement: the table the failed migration created
	 * stays, as it does with goose, but no version is recorded and the message says which
	 * statements stayed.
	 */
	@Override
	@Test
	void failedMigrationLeavesTheEarlierOnesAppliedAndNothingOfItself() {
		this.dir.goose("00001_first.sql", "CREATE TABLE first (id INTEGER);", "DROP TABLE first;")
			.file("00002_broken.sql",
					"-- +goose Up\nCREATE TABLE second (id INTEGER);\nCREATE TABLE third (id INTEGER);\n"
							+ "INSERT INTO missing_table VALUES (1);\n-- +goose Down\nDROP TABLE second;\n");

		MigrationFailedException failure = assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator().up())
			.actual();

		assertThat(failure.statement()).isEqualTo(3);
		assertThat(failure.line()).isEqualTo(4);
		assertThat(failure.transactional()).isTrue();
		assertThat(failure.committedStatements()).isEqualTo(2);
		assertThat(failure.getMessage()).contains("00002_broken.sql:4")
			.contains("statements 1 to 2 stayed applied")
			.doesNotContain("It was rolled back");
		assertThat(this.database.tables()).contains("second", "third");
		assertThat(migrator().version().version()).isEqualTo(1);
		assertThat(this.database.count("SELECT count(*) FROM goose_db_version WHERE version_id = 2")).isZero();
		assertThat(this.database.count("SELECT count(*) FROM goose_db_version_meta WHERE version = 2")).isZero();
		assertFailureCodes(failure);
	}

	/**
	 * Rows written after the last DDL statement roll back with the transaction; a
	 * StatementBegin block is one statement, a routine with its body.
	 */
	@Override
	@Test
	void statementsOfAllKindsRunInOrderAndAFailureNamesItsStatementWhereverItIs() {
		this.dir.file("00001_mixed.sql", """
				-- +goose Up
				CREATE TABLE events (id INTEGER PRIMARY KEY, name VARCHAR(20));
				INSERT INTO events (id, name) VALUES (1, 'one');
				SELECT count(*) FROM events;
				-- +goose StatementBegin
				CREATE PROCEDURE add_event(IN n INTEGER)
				BEGIN
				  INSERT INTO events (id, name) VALUES (n, 'added');
				  UPDATE events SET name = 'first' WHERE id = 1;
				END;
				-- +goose StatementEnd
				CALL add_event(2);
				-- +goose Down
				DROP PROCEDURE add_event;
				DROP TABLE events;
				""");

		migrator().up();

		assertThat(this.database.count("SELECT count(*) FROM events")).isEqualTo(2);
		assertThat(this.database.count("SELECT count(*) FROM events WHERE name = 'first'")).isOne();

		this.dir.file("00002_late_failure.sql", """
				-- +goose Up
				CREATE TABLE second (id INTEGER);
				INSERT INTO second (id) VALUES (1);
				UPDATE second SET id = 2;
				SELECT count(*) FROM second;
				INSERT INTO second (id) VALUES (3);
				INSERT INTO missing_table VALUES (1);
				CREATE INDEX second_id ON second (id);
				-- +goose Down
				DROP TABLE second;
				""");

		MigrationFailedException failure = assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator().up())
			.actual();

		assertThat(failure.statement()).isEqualTo(6);
		assertThat(failure.line()).isEqualTo(7);
		assertThat(failure.committedStatements()).isOne();
		assertThat(failure.getMessage()).contains("00002_late_failure.sql:7").contains("statement 1 stayed applied");
		assertThat(this.database.hasTable("second")).isTrue();
		assertThat(this.database.count("SELECT count(*) FROM second")).isZero();
		assertThat(migrator().version().version()).isEqualTo(1);
	}

	/**
	 * golang-migrate runs every file on MySQL outside a transaction, marked dirty first:
	 * a failure leaves the database dirty at that version, as golang-migrate leaves it.
	 */
	@Override
	@Test
	void golangMigrateFailureInsideTransactionLeavesTheDatabaseCleanAtThePreviousVersion() {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);")
			.file("2_b.up.sql", "CREATE TABLE b (id INTEGER);\nINSERT INTO missing_table VALUES (1);")
			.file("3_c.up.sql", "CREATE TABLE c (id INTEGER);");

		MigrationFailedException failure = assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> migrator().up())
			.actual();

		assertThat(failure.transactional()).isFalse();
		assertThat(failure.markedDirty()).isTrue();
		assertThat(failure.getMessage()).contains("marked dirty at version 2");
		assertThat(migrateRows()).containsExactly("2:true");
		assertThat(this.database.hasTable("b")).isTrue();
		assertThatExceptionOfType(DirtyDatabaseException.class).isThrownBy(() -> migrator().up());
		assertThat(this.database.hasTable("c")).isFalse();
		assertThat(this.database.count("SELECT count(*) FROM schema_migrations_meta WHERE version = 2")).isZero();
	}

	@Test
	void gooseTableIsTheOneGooseCreatesWithItsRows() throws Exception {
		writeGooseSet();
		migrator().up();

		assertThat(showCreateTable("goose_db_version")).isEqualTo("""
				CREATE TABLE `goose_db_version` (
				  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
				  `version_id` bigint(20) NOT NULL,
				  `is_applied` tinyint(1) NOT NULL,
				  `tstamp` timestamp NULL DEFAULT current_timestamp(),
				  PRIMARY KEY (`id`)
				)""");
		assertThat(this.database.query("SELECT version_id, is_applied FROM goose_db_version ORDER BY id"))
			.extracting((row) -> row.get("version_id") + ":" + row.get("is_applied"))
			.containsExactly("0:true", "1:true", "2:true", "3:true");
		// The tstamp goose's default wrote reads back as now, whatever the zones.
		assertThat(migrator().status().migrations().get(0).appliedAt())
			.isBetween(java.time.Instant.now().minusSeconds(60), java.time.Instant.now().plusSeconds(60));
	}

	@Test
	void golangMigrateTableIsTheOneGolangMigrateCreates() throws Exception {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);").file("1_a.down.sql", "DROP TABLE a;");
		migrator().up();

		assertThat(showCreateTable("schema_migrations")).isEqualTo("""
				CREATE TABLE `schema_migrations` (
				  `version` bigint(20) NOT NULL,
				  `dirty` tinyint(1) NOT NULL,
				  PRIMARY KEY (`version`)
				)""");
		assertThat(migrateRows()).containsExactly("1:false");
	}

	/** The table part of SHOW CREATE TABLE, without the table options that follow it. */
	private String showCreateTable(String table) throws Exception {
		try (Connection connection = this.database.dataSource().getConnection();
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW CREATE TABLE " + table)) {
			result.next();
			String ddl = result.getString(2);
			return ddl.substring(0, ddl.lastIndexOf(')') + 1);
		}
	}

	/**
	 * While golang-migrate holds its named lock (as its MySQL driver takes it), the
	 * engine waits, then applies once the lock is let go.
	 */
	@Test
	void theEngineWaitsForGolangMigratesNamedLock() throws Exception {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);");
		String name = GoToolLocks.golangMigrateMySql(mariadb().name(), "schema_migrations");
		try (Connection goTool = DriverManager.getConnection(this.database.dataSource().url())) {
			try (Statement statement = goTool.createStatement();
					ResultSet result = statement.executeQuery("SELECT GET_LOCK('" + name + "', 10)")) {
				result.next();
				assertThat(result.getInt(1)).isOne();
			}
			LockTimeoutException timeout = assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> builder().lockTimeout(Duration.ofMillis(300)).build().up())
				.actual();
			assertThat(timeout.getMessage()).contains(name).contains("connection ");
			assertThat(this.database.hasTable("a")).isFalse();

			CompletableFuture<MigrateResult> waiting = CompletableFuture
				.supplyAsync(() -> builder().lockTimeout(Duration.ofSeconds(30)).build().up());
			Thread.sleep(500);
			assertThat(waiting).isNotDone();
			try (Statement statement = goTool.createStatement()) {
				statement.execute("SELECT RELEASE_LOCK('" + name + "')");
			}
			assertThat(waiting.get(30, TimeUnit.SECONDS).finalVersion()).isEqualTo(1);
		}
	}

	/** While the engine migrates, golang-migrate's GET_LOCK(name, 10) cannot have it. */
	@Test
	void golangMigrateCannotTakeItsLockWhileTheEngineMigrates() throws Exception {
		this.dir.file("1_slow.up.sql", "CREATE TABLE slow (id INTEGER);\nSELECT SLEEP(2);");
		String name = GoToolLocks.golangMigrateMySql(mariadb().name(), "schema_migrations");
		CompletableFuture<MigrateResult> running = CompletableFuture.supplyAsync(() -> migrator().up());
		try (Connection goTool = DriverManager.getConnection(this.database.dataSource().url())) {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!this.database.hasTable("slow") && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			try (Statement statement = goTool.createStatement();
					ResultSet result = statement.executeQuery("SELECT GET_LOCK('" + name + "', 0)")) {
				result.next();
				assertThat(result.getInt(1)).isZero();
			}
			assertThat(running.get(30, TimeUnit.SECONDS).finalVersion()).isEqualTo(1);
			try (Statement statement = goTool.createStatement();
					ResultSet result = statement.executeQuery("SELECT GET_LOCK('" + name + "', 0)")) {
				result.next();
				assertThat(result.getInt(1)).isOne();
			}
		}
	}

	/**
	 * goose sends a StatementBegin block as one text, which MySQL takes with several
	 * statements in it only when the connection allows it.
	 */
	@Test
	void aBlockOfSeveralStatementsNeedsTheUrlToAllowThem() {
		this.dir.file("00001_two_tables.sql", """
				-- +goose Up
				-- +goose StatementBegin
				CREATE TABLE owners (id INTEGER PRIMARY KEY);
				CREATE TABLE repos (id INTEGER PRIMARY KEY, owner_id INTEGER REFERENCES owners (id));
				-- +goose StatementEnd
				-- +goose Down
				DROP TABLE repos;
				DROP TABLE owners;
				""");

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().up())
			.withMessageContaining("00001_two_tables.sql:3")
			.withMessageContaining("holds 2 statements")
			.withMessageContaining("allowMultiQueries=true");

		Migrator allowing = builder()
			.dataSource(new dev.migrations.testing.TestDataSource(
					this.database.dataSource().url() + "&allowMultiQueries=true"))
			.build();
		assertThat(allowing.up().finalVersion()).isEqualTo(1);
		assertThat(this.database.tables()).contains("owners", "repos");
	}

	@Test
	void delimiterIsRefusedNamingTheFileAndLineBeforeAnythingRuns() {
		this.dir.file("00001_routine.sql", """
				-- +goose Up
				CREATE TABLE t (id INTEGER);
				DELIMITER //
				CREATE PROCEDURE p() BEGIN SELECT 1; END //
				DELIMITER ;
				""");

		MigrationParseException failure = assertThatExceptionOfType(MigrationParseException.class)
			.isThrownBy(() -> migrator().up())
			.actual();

		assertThat(failure.getMessage()).contains("00001_routine.sql").contains(":3").contains("DELIMITER");
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void backupIsSkippedWithAWarningOnAServerDatabase() {
		writeGooseSet();

		assertThat(builder().backup(true).build().up().finalVersion()).isEqualTo(3);
	}

}
