package dev.migrations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.GoToolLocks;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresScratchDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteGate;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * {@code migrate up} processes killed with SIGKILL in the middle of a migration, or cut
 * off by the server: the next run finds the lock free, the database says precisely what
 * the interrupted migration left, and the documented way out works. "In the middle" is
 * what the process and the database show (the earlier migrations' {@code OK} lines, the
 * slow statement in {@code pg_stat_activity}, SQLite pages spilled into the file), never
 * a guess by the clock. Slow statements sleep: on PostgreSQL {@code pg_sleep}, whose
 * length comes from goose's ENVSUB so that the run after the crash, on the same unchanged
 * file, does not wait again; on SQLite a write to a {@link SqliteGate} the test holds
 * until the runner is killed.
 */
class KilledRunnerIT {

	/**
	 * How long the killed statements would run if nothing ended them: far beyond any wait
	 * in these tests.
	 */
	private static final String LONG_PAUSE = "600";

	/**
	 * How long the server may take to notice that a killed runner's socket is gone; it
	 * checks every second.
	 */
	private static final Duration SERVER_NOTICES = Duration.ofSeconds(60);

	@TempDir
	Path temp;

	private MigrationDir migrations() {
		return MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_one.sql", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;")
			.goose("00002_two.sql", "CREATE TABLE two (id INTEGER);", "DROP TABLE two;")
			.goose("00004_four.sql", "CREATE TABLE four (id INTEGER);", "DROP TABLE four;");
	}

	private MigrateProcess start(String name, Map<String, String> environment, String db, MigrationDir dir,
			String... command) {
		List<String> args = new java.util.ArrayList<>(Arrays.asList(command));
		args.addAll(List.of("--db", db, "--dir", dir.location()));
		return MigrateProcess.start(this.temp.resolve("logs"), name, environment, args.toArray(String[]::new));
	}

	private MigrateProcess run(String name, Map<String, String> environment, String db, MigrationDir dir,
			String... command) throws InterruptedException {
		MigrateProcess process = start(name, environment, db, dir, command);
		process.exitStatus();
		return process;
	}

	@Test
	@RequiresPostgres
	void postgresRunnerKilledInATransactionalMigrationLeavesNothingOfItAndTheLockFree() throws Exception {
		MigrationDir dir = migrations().file("00003_slow.sql", """
				-- +goose Up
				-- +goose ENVSUB ON
				CREATE TABLE three (id INTEGER);
				INSERT INTO three VALUES (1);
				SELECT pg_sleep(${PAUSE});

				-- +goose Down
				DROP TABLE three;
				""");
		try (PostgresScratchDatabase database = PostgresScratchDatabase.create()) {
			assumeServerNoticesVanishedClients(database);
			String db = database.dataSource().url();
			try (MigrateProcess doomed = start("doomed", Map.of("PAUSE", LONG_PAUSE), db, dir, "up")) {
				doomed.awaitOutput("OK   up 00002_two.sql");
				doomed.await("the slow statement to run", () -> runs(database, "pg_sleep(" + LONG_PAUSE + ")"));
				doomed.kill();
			}
			awaitSessionsGone(database);

			assertThat(GoToolLocks.GOOSE_KEYS).noneMatch(database::advisoryLockHeld);
			assertGooseVersions(database, 0, 1, 2);
			assertThat(database.tables()).doesNotContain("three");

			MigrateProcess next = run("next", Map.of("PAUSE", "0"), db, dir, "up", "--lock-timeout", "5");
			assertThat(next.exitStatus()).as(next.err()).isZero();
			assertThat(next.out()).contains("OK   up 00003_slow.sql")
				.contains("OK   up 00004_four.sql")
				.contains("the database went from version 2 to 4.");
			assertGooseVersions(database, 0, 1, 2, 3, 4);
			assertThat(database.count("SELECT count(*) FROM three")).isEqualTo(1);
		}
	}

	@Test
	void sqliteRunnerKilledInATransactionalMigrationIsRolledBackAndTheNextRunnerSaysSo() throws Exception {
		Path gateFile = this.temp.resolve("gate.db");
		// The second file attaches the gate, outside a transaction as SQLite requires;
		// the
		// third, on the same connection, waits at it inside its transaction, after rows
		// beyond SQLite's page cache. The run after the crash finds the second applied
		// and the gate not attached, so there the wait is a plain SELECT.
		MigrationDir dir = migrations().file("00002_two.sql", """
				-- +goose NO TRANSACTION
				-- +goose Up
				CREATE TABLE two (id INTEGER);
				%s

				-- +goose Down
				DROP TABLE two;
				""".formatted(SqliteGate.attach(gateFile))).file("00003_big.sql", """
				-- +goose Up
				-- +goose ENVSUB ON
				CREATE TABLE big (id INTEGER PRIMARY KEY, body BLOB);
				INSERT INTO big (id, body)
				  WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < ${ROWS})
				  SELECT x, randomblob(200) FROM n;
				${WAIT}

				-- +goose Down
				DROP TABLE big;
				""");
		try (SqliteTestDatabase database = SqliteTestDatabase.create(); SqliteGate gate = SqliteGate.closed(gateFile)) {
			String db = waitingUrl(database);
			Path journal = database.file().resolveSibling(database.file().getFileName() + "-journal");
			long doomedPid;
			// The runner waits at the gate until it is killed: no table lock timeout ends
			// the wait first.
			try (MigrateProcess doomed = start("doomed", Map.of("ROWS", "100000", "WAIT", SqliteGate.wait("doomed")),
					db, dir, "up", "--table-lock-timeout", "0")) {
				doomedPid = doomed.pid();
				doomed.awaitOutput("OK   up 00002_two.sql");
				// Rows beyond SQLite's page cache are written into the database file
				// before the commit, with the original pages saved in the journal: the
				// file now holds half a migration, and the runner waits at the gate.
				doomed.await("the insert to spill into the database file",
						() -> Files.exists(journal) && size(database.file()) > 4_000_000);
				doomed.kill();
			}
			gate.open();

			MigrateProcess next = run("next", Map.of("ROWS", "1", "WAIT", "SELECT 1;"), db, dir, "up", "--lock-timeout",
					"5");
			assertThat(next.exitStatus()).as(next.err()).isZero();
			assertThat(next.err()).contains("WARN")
				.contains("The previous migration runner (pid " + doomedPid)
				.contains("it most likely crashed");
			assertThat(next.out()).contains("OK   up 00003_big.sql").contains("the database went from version 2 to 4.");
			assertGooseVersions(database, 0, 1, 2, 3, 4);
			assertThat(database.count("SELECT count(*) FROM big")).isEqualTo(1);
			assertThat(journal).doesNotExist();
		}
	}

	@Test
	@RequiresPostgres
	void postgresRunnerKilledInANoTransactionGooseMigrationLeavesItUnrecordedUntilFixedAndRunAgain() throws Exception {
		MigrationDir dir = migrations().file("00003_no_transaction.sql", noTransaction("CREATE TABLE first_half"));
		try (PostgresScratchDatabase database = PostgresScratchDatabase.create()) {
			assumeServerNoticesVanishedClients(database);
			String db = database.dataSource().url();
			try (MigrateProcess doomed = start("doomed", Map.of("PAUSE", LONG_PAUSE), db, dir, "up")) {
				doomed.await("the slow statement to run", () -> runs(database, "pg_sleep(" + LONG_PAUSE + ")"));
				doomed.kill();
			}
			awaitSessionsGone(database);

			assertGooseVersions(database, 0, 1, 2);
			assertThat(database.tables()).contains("first_half").doesNotContain("second_half");
			MigrateProcess status = run("status", Map.of(), db, dir, "status");
			assertThat(status.out()).containsPattern("pending +00003_no_transaction\\.sql");

			MigrateProcess rerun = run("rerun", Map.of("PAUSE", "0"), db, dir, "up");
			assertThat(rerun.exitStatus()).isEqualTo(1);
			assertThat(rerun.err()).contains("migrate: Migration " + dir.path().resolve("00003_no_transaction.sql")
					+ ":4 failed (up, statement 1): ERROR: relation \"first_half\" already exists [SQLState 42P07]."
					+ " It ran without a transaction: statements before the failed one stay applied,"
					+ " and it was not recorded.");

			dir.file("00003_no_transaction.sql", noTransaction("CREATE TABLE IF NOT EXISTS first_half"));
			MigrateProcess fixed = run("fixed", Map.of("PAUSE", "0"), db, dir, "up");
			assertThat(fixed.exitStatus()).as(fixed.err()).isZero();
			assertThat(fixed.out()).contains("the database went from version 2 to 4.");
			assertGooseVersions(database, 0, 1, 2, 3, 4);
			assertThat(database.tables()).contains("first_half", "second_half");
		}
	}

	@Test
	void sqliteRunnerKilledInANoTransactionGooseMigrationLeavesItUnrecorded() throws Exception {
		MigrationDir dir = migrations().file("00003_no_transaction.sql", """
				-- +goose NO TRANSACTION
				-- +goose Up
				CREATE TABLE first_half (id INTEGER);
				%s
				CREATE TABLE second_half (id INTEGER);

				-- +goose Down
				DROP TABLE second_half;
				DROP TABLE first_half;
				""".formatted(SqliteGate.attach(this.temp.resolve("gate.db")) + "\n" + SqliteGate.wait("doomed")));
		try (SqliteTestDatabase database = SqliteTestDatabase.create();
				SqliteGate gate = SqliteGate.closed(this.temp.resolve("gate.db"))) {
			String db = waitingUrl(database);
			try (MigrateProcess doomed = start("doomed", Map.of(), db, dir, "up", "--table-lock-timeout", "0")) {
				doomed.awaitOutput("OK   up 00002_two.sql");
				doomed.await("the first statement to be committed", () -> database.hasTable("first_half"));
				doomed.kill();
			}
			gate.open();

			assertGooseVersions(database, 0, 1, 2);
			assertThat(database.tables()).contains("first_half").doesNotContain("second_half");
			MigrateProcess rerun = run("rerun", Map.of(), db, dir, "up", "--lock-timeout", "5");
			assertThat(rerun.exitStatus()).isEqualTo(1);
			assertThat(rerun.err()).contains("00003_no_transaction.sql:3 failed (up, statement 1)")
				.contains("table first_half already exists")
				.contains("it was not recorded");
			assertGooseVersions(database, 0, 1, 2);
		}
	}

	@Test
	@RequiresPostgres
	void postgresRunnerKilledInAGolangMigrateFileWithItsOwnTransactionLeavesItDirtyUntilForced() throws Exception {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("golang-migrate"));
		for (String name : List.of("000001_one", "000002_two", "000004_four")) {
			String table = name.substring(7);
			dir.file(name + ".up.sql", "CREATE TABLE " + table + " (id INTEGER);")
				.file(name + ".down.sql", "DROP TABLE " + table + ";");
		}
		// The sequence survives the rollback: only the first attempt pauses.
		dir.file("000003_own_transaction.up.sql", """
				CREATE TABLE first_half (id INTEGER);
				BEGIN;
				CREATE TABLE second_half (id INTEGER);
				SELECT pg_sleep(CASE WHEN nextval('attempts') = 1 THEN %s ELSE 0 END);
				COMMIT;
				""".formatted(LONG_PAUSE))
			.file("000003_own_transaction.down.sql", "DROP TABLE second_half;\nDROP TABLE first_half;");
		try (PostgresScratchDatabase database = PostgresScratchDatabase.create()) {
			database.execute("CREATE SEQUENCE attempts");
			assumeServerNoticesVanishedClients(database);
			String db = database.dataSource().url();
			try (MigrateProcess doomed = start("doomed", Map.of(), db, dir, "up")) {
				doomed.await("the slow statement to run", () -> runs(database, "pg_sleep(CASE"));
				doomed.kill();
			}
			awaitSessionsGone(database);

			assertThat(database.query("SELECT version, dirty FROM schema_migrations"))
				.containsExactly(Map.of("version", 3L, "dirty", true));
			assertThat(database.tables()).contains("first_half").doesNotContain("second_half");
			MigrateProcess version = run("version", Map.of(), db, dir, "version");
			assertThat(version.out().strip()).isEqualTo("Database version: 3 (dirty)");
			MigrateProcess refused = run("refused", Map.of(), db, dir, "up");
			assertThat(refused.exitStatus()).isEqualTo(1);
			assertThat(refused.err()).contains("migrate: Database is dirty at version 3 (schema_migrations)")
				.contains("'migrate force V'");

			// The documented way out: undo what the half-run migration did, force the
			// version before it, run up.
			database.execute("DROP TABLE first_half");
			MigrateProcess force = run("force", Map.of(), db, dir, "force", "2");
			assertThat(force.exitStatus()).as(force.err()).isZero();
			assertThat(force.out().strip()).isEqualTo("Database version: 2");
			MigrateProcess up = run("up", Map.of(), db, dir, "up");
			assertThat(up.exitStatus()).as(up.err()).isZero();
			assertThat(up.out()).contains("OK   up 000003_own_transaction.up.sql")
				.contains("the database went from version 2 to 4.");
			assertThat(database.query("SELECT version, dirty FROM schema_migrations"))
				.containsExactly(Map.of("version", 4L, "dirty", false));
			assertThat(database.query("SELECT version FROM schema_migrations_meta ORDER BY version"))
				.extracting((row) -> ((Number) row.get("version")).longValue())
				.containsExactly(1L, 2L, 3L, 4L);
			assertThat(database.tables()).contains("first_half", "second_half");
		}
	}

	@Test
	@RequiresPostgres
	void postgresSessionEndedByTheServerMidMigrationExitsWithOneNamingTheFile() throws Exception {
		MigrationDir dir = migrations().file("00003_slow.sql", """
				-- +goose Up
				-- +goose ENVSUB ON
				CREATE TABLE three (id INTEGER);
				SELECT pg_sleep(${PAUSE});

				-- +goose Down
				DROP TABLE three;
				""");
		try (PostgresScratchDatabase database = PostgresScratchDatabase.create()) {
			String db = database.dataSource().url();
			MigrateProcess cut = start("cut", Map.of("PAUSE", LONG_PAUSE), db, dir, "up");
			cut.await("the slow statement to run", () -> runs(database, "pg_sleep(" + LONG_PAUSE + ")"));
			database.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
					+ " WHERE datname = current_database() AND query LIKE '%pg_sleep(" + LONG_PAUSE + ")%'"
					+ " AND pid <> pg_backend_pid()");

			assertThat(cut.exitStatus()).isEqualTo(1);
			assertThat(cut.err()).contains("migrate: Migration " + dir.path().resolve("00003_slow.sql")
					+ ":4 failed (up, statement 2): FATAL: terminating connection due to administrator command"
					+ " [SQLState 57P01]. It was rolled back and not recorded. Applied before it: 00001_one.sql,"
					+ " 00002_two.sql.");
			assertGooseVersions(database, 0, 1, 2);
			assertThat(database.tables()).doesNotContain("three");

			MigrateProcess next = run("next", Map.of("PAUSE", "0"), db, dir, "up", "--lock-timeout", "5");
			assertThat(next.exitStatus()).as(next.err()).isZero();
			assertGooseVersions(database, 0, 1, 2, 3, 4);
		}
	}

	private static String noTransaction(String firstStatement) {
		return """
				-- +goose NO TRANSACTION
				-- +goose Up
				-- +goose ENVSUB ON
				%s (id INTEGER);
				SELECT pg_sleep(${PAUSE});
				CREATE TABLE second_half (id INTEGER);

				-- +goose Down
				DROP TABLE second_half;
				DROP TABLE first_half;
				""".formatted(firstStatement);
	}

	/**
	 * Before PostgreSQL 14 a server cannot check for a vanished client during a
	 * statement.
	 */
	private static void assumeServerNoticesVanishedClients(PostgresScratchDatabase database) {
		assumeTrue(database.count("SELECT current_setting('server_version_num')::int") >= 140000,
				"Skipped: before PostgreSQL 14 a killed runner's session keeps the lock until its statement ends");
	}

	/** Whether a session of the database is running a statement that holds a text. */
	private static boolean runs(PostgresScratchDatabase database, String text) {
		return database.sessions()
			.stream()
			.anyMatch((session) -> "active".equals(session.get("state"))
					&& String.valueOf(session.get("query")).contains(text));
	}

	/**
	 * Waits until the killed runner's session is gone. Its statement would run for
	 * minutes; the server ends the session as soon as it notices the client is gone,
	 * which rolls back the open transaction and frees the lock.
	 */
	private static void awaitSessionsGone(PostgresScratchDatabase database) throws InterruptedException {
		long giveUp = System.nanoTime() + SERVER_NOTICES.toNanos();
		while (!database.sessions().isEmpty()) {
			if (System.nanoTime() > giveUp) {
				throw new AssertionError("The killed runner's session still runs after " + SERVER_NOTICES.toSeconds()
						+ " s: " + database.sessions());
			}
			Thread.sleep(50);
		}
	}

	private static void assertGooseVersions(TestDatabase database, long... versions) {
		assertThat(database.query("SELECT version_id FROM goose_db_version ORDER BY id"))
			.extracting((row) -> ((Number) row.get("version_id")).longValue())
			.containsExactly(Arrays.stream(versions).boxed().toArray(Long[]::new));
		assertThat(database.query("SELECT version FROM goose_db_version_meta ORDER BY version"))
			.extracting((row) -> ((Number) row.get("version")).longValue())
			.containsExactly(Arrays.stream(versions).filter((version) -> version > 0).boxed().toArray(Long[]::new));
	}

	/**
	 * The database as {@code --db} names it, with a busy timeout far beyond any wait
	 * here: a runner waits at a gate until it is killed.
	 */
	private static String waitingUrl(SqliteTestDatabase database) {
		return database.file() + "?busy_timeout=600000";
	}

	private static long size(Path file) {
		try {
			return Files.exists(file) ? Files.size(file) : 0;
		}
		catch (java.io.IOException ex) {
			return 0;
		}
	}

}
