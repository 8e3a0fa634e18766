package dev.migrations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.GoToolLocks;
import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresScratchDatabase;
import dev.migrations.testing.RequiresMariaDb;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteGate;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet starting together: eight {@code migrate up} processes released at one moment
 * against one database with fifty pending migrations, one of them slow. Every process
 * exits 0, exactly one applies all fifty while the others wait and then find nothing to
 * do, every migration runs once, and the Go tool's table and ours record each version
 * exactly once. goose files on PostgreSQL, on SQLite and on MariaDB; golang-migrate files
 * on PostgreSQL, with the slow file holding its own transaction, and on MariaDB, where
 * every golang-migrate file runs so (the table is marked dirty while it runs).
 */
class MigrateFleetIT {

	private static final int RUNNERS = 8;

	private static final int MIGRATIONS = 50;

	private static final int SLOW = 2;

	private static final String RUNNER_NAME = "fleet-runner";

	@TempDir
	Path temp;

	@Test
	@RequiresPostgres
	void eightProcessesOnOnePostgresDatabaseApplyEachOfFiftyMigrationsOnce() throws Exception {
		try (PostgresScratchDatabase database = PostgresScratchDatabase.create()) {
			String slow = "-- +goose StatementBegin\n" + barrier() + "\n-- +goose StatementEnd\nSELECT pg_sleep(3);";
			List<String> files = runFleet(database.url("ApplicationName=" + RUNNER_NAME), gooseMigrations(slow));
			assertGooseHistory(database, files);
			assertSchema(database);
		}
	}

	@Test
	@RequiresPostgres
	void eightProcessesOnGolangMigrateFilesWaitWhileOneRunsAFileWithItsOwnTransaction() throws Exception {
		try (PostgresScratchDatabase database = PostgresScratchDatabase.create()) {
			// A file with its own BEGIN/COMMIT runs as written, with the table marked
			// dirty meanwhile: the runners
			// starting then see it dirty before they have the lock, and must wait rather
			// than refuse.
			String slow = "BEGIN;\n" + barrier() + "\nSELECT pg_sleep(3);";
			List<String> files = runFleet(database.url("ApplicationName=" + RUNNER_NAME),
					golangMigrateMigrations(slow));
			assertThat(database.query("SELECT version, dirty FROM schema_migrations"))
				.containsExactly(Map.of("version", (long) MIGRATIONS, "dirty", false));
			assertMetadata(database, "schema_migrations_meta", files);
			assertSchema(database);
		}
	}

	@Test
	@RequiresMariaDb
	void eightProcessesOnOneMariaDbDatabaseApplyEachOfFiftyMigrationsOnce() throws Exception {
		try (MariaDbTestDatabase database = MariaDbTestDatabase.create()) {
			String slow = "-- +goose StatementBegin\n" + mariaDbBarrier()
					+ "\n-- +goose StatementEnd\nSELECT SLEEP(3);";
			List<String> files = runFleet(database.dataSource().url(), gooseMigrations(slow));
			assertGooseHistory(database, files);
			assertSchema(database);
		}
	}

	@Test
	@RequiresMariaDb
	void eightProcessesOnGolangMigrateFilesOnMariaDbWaitWhileTheTableIsDirty() throws Exception {
		try (MariaDbTestDatabase database = MariaDbTestDatabase.create()) {
			String slow = mariaDbBarrier() + ";\nSELECT SLEEP(3);";
			List<String> files = runFleet(database.dataSource().url(), golangMigrateMigrations(slow, false));
			assertThat(database.query("SELECT version, dirty FROM schema_migrations")).singleElement()
				.satisfies((row) -> assertThat(((Number) row.get("version")).longValue()).isEqualTo(MIGRATIONS))
				.satisfies((row) -> assertThat(row.get("dirty")).isIn(false, 0, 0L));
			assertMetadata(database, "schema_migrations_meta", files);
			assertSchema(database);
		}
	}

	/**
	 * MariaDB's anonymous block that holds the lock until all eight runners are connected
	 * to the test's database; it gives up after minutes, failing the migration, if they
	 * never are.
	 */
	private static String mariaDbBarrier() {
		return """
				BEGIN NOT ATOMIC
				  DECLARE connected INT DEFAULT 0;
				  DECLARE tries INT DEFAULT 0;
				  WHILE connected < %d AND tries < 3600 DO
				    SELECT COUNT(*) INTO connected FROM information_schema.PROCESSLIST WHERE DB = DATABASE();
				    IF connected < %d THEN
				      DO SLEEP(0.05);
				    END IF;
				    SET tries = tries + 1;
				  END WHILE;
				  IF connected < %d THEN
				    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'not every runner connected';
				  END IF;
				END""".formatted(RUNNERS, RUNNERS, RUNNERS);
	}

	/**
	 * A statement that holds the lock until all eight runners are connected, so the
	 * others are certainly waiting for it (each names itself in ApplicationName); it
	 * gives up after minutes, failing the migration, if they never are.
	 */
	private static String barrier() {
		return """
				DO $$
				DECLARE
				  connected int;
				  give_up timestamptz := clock_timestamp() + interval '3 minutes';
				BEGIN
				  LOOP
				    PERFORM pg_stat_clear_snapshot();
				    SELECT count(*) INTO connected FROM pg_stat_activity
				      WHERE datname = current_database() AND application_name = '%s';
				    EXIT WHEN connected >= %d;
				    IF clock_timestamp() > give_up THEN
				      RAISE EXCEPTION 'only %% of %d runners connected', connected;
				    END IF;
				    PERFORM pg_sleep(0.05);
				  END LOOP;
				END
				$$;""".formatted(RUNNER_NAME, RUNNERS, RUNNERS);
	}

	@Test
	void eightProcessesOnOneSqliteFileApplyEachOfFiftyMigrationsOnce() throws Exception {
		try (SqliteTestDatabase database = SqliteTestDatabase.create();
				SqliteGate slow = SqliteGate.closed(this.temp.resolve("slow-gate.db"))) {
			// The slow migration waits at a gate the test holds for three seconds after
			// the fleet starts, sleeping in SQLite's busy handler while it holds the
			// migration lock; SQLite attaches the gate's file only outside a transaction.
			Migrations migrations = gooseMigrations("");
			migrations.dir().file(migrations.files().get(SLOW - 1), """
					-- migrations:table-lock-timeout 0
					-- +goose NO TRANSACTION
					-- +goose Up
					%s
					%s
					-- +goose Down
					DROP TABLE step_%d;
					""".formatted(slow.pass(), body(SLOW, ""), SLOW));
			List<String> files = runFleet(database.file() + "?busy_timeout=240000", migrations, () -> {
				Thread.sleep(3000);
				slow.open();
			});
			assertGooseHistory(database, files);
			assertSchema(database);
		}
	}

	@Test
	@RequiresPostgres
	void runnerWaitingLongerThanItsLockTimeoutExitsWithOneNamingTheHolderAndChangesNothing() throws Exception {
		MigrationDir dir = gooseMigrations("SELECT 1;").dir();
		try (PostgresScratchDatabase database = PostgresScratchDatabase.create();
				Connection holder = DriverManager.getConnection(database.url("ApplicationName=lock-holder"));
				Statement statement = holder.createStatement()) {
			// Held as goose v3.26.0 and later holds it.
			statement.execute("SELECT pg_advisory_lock(" + GoToolLocks.GOOSE + ")");
			ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()");
			pid.next();

			MigrateProcess waiter = MigrateProcess.start(this.temp.resolve("logs"), "waiter", "up", "--db",
					database.dataSource().url(), "--dir", dir.location(), "--lock-timeout", "2");

			assertThat(waiter.exitStatus()).isEqualTo(1);
			assertThat(waiter.out()).isEmpty();
			Matcher error = Pattern
				.compile("migrate: Timed out after (\\d+) ms waiting for the migration lock on"
						+ " PostgreSQL advisory locks " + GoToolLocks.GOOSE + " and " + GoToolLocks.GOOSE_BEFORE_3_26
						+ " \\(held by PostgreSQL backend pid " + pid.getInt(1)
						+ " \\(lock-holder\\)[^()]*\\)\\. Nothing was changed")
				.matcher(waiter.err());
			assertThat(error.find()).as(waiter.err()).isTrue();
			assertThat(Long.parseLong(error.group(1))).isGreaterThanOrEqualTo(2000);
			assertThat(database.tables()).isEmpty();
		}
	}

	/** What a test does once the fleet has started. */
	@FunctionalInterface
	private interface Started {

		void run() throws Exception;

	}

	/** Migrations in a directory, and their file names in version order. */
	private record Migrations(MigrationDir dir, List<String> files) {
	}

	/** Runs the fleet; answers the files in the order they were applied. */
	private List<String> runFleet(String db, Migrations migrations) throws Exception {
		return runFleet(db, migrations, () -> {
		});
	}

	/**
	 * Runs the fleet, and something once it has started; answers the files in the order
	 * they were applied.
	 */
	private List<String> runFleet(String db, Migrations migrations, Started started) throws Exception {
		Path gate = Files.createDirectories(this.temp.resolve("gate"));
		List<MigrateProcess> fleet = new ArrayList<>();
		try {
			for (int i = 1; i <= RUNNERS; i++) {
				fleet.add(MigrateProcess.start(this.temp.resolve("logs"), "runner-" + i, Map.of(),
						StartGate.class.getName(), List.of(gate.toString(), "up", "--db", db, "--dir",
								migrations.dir().location(), "--lock-timeout", "240")));
			}
			awaitReady(gate, fleet);
			Files.createFile(gate.resolve(StartGate.OPEN));
			started.run();

			for (MigrateProcess runner : fleet) {
				assertThat(runner.exitStatus()).as("%s exit status; stderr: %s", runner, runner.err()).isZero();
			}
			assertOutputs(fleet, migrations.files());
		}
		finally {
			for (MigrateProcess runner : fleet) {
				runner.close();
			}
		}
		return migrations.files();
	}

	/**
	 * Each migration creates a table and logs that its body ran; the SLOW one runs a slow
	 * statement first.
	 */
	private static String body(int version, String slow) {
		return ((version == 1) ? "CREATE TABLE applied_log (version INTEGER NOT NULL);\n" : "")
				+ ((version == SLOW) ? slow + "\n" : "") + "CREATE TABLE step_" + version + " (id INTEGER);\n"
				+ "INSERT INTO applied_log VALUES (" + version + ");";
	}

	private Migrations gooseMigrations(String slow) {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"));
		List<String> files = new ArrayList<>();
		for (int version = 1; version <= MIGRATIONS; version++) {
			files.add(String.format("%05d_step.sql", version));
			dir.goose(files.get(version - 1), body(version, slow), "DROP TABLE step_" + version + ";");
		}
		return new Migrations(dir, files);
	}

	private Migrations golangMigrateMigrations(String slow) {
		return golangMigrateMigrations(slow, true);
	}

	private Migrations golangMigrateMigrations(String slow, boolean commitSlow) {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("golang-migrate"));
		List<String> files = new ArrayList<>();
		for (int version = 1; version <= MIGRATIONS; version++) {
			String name = String.format("%06d_step", version);
			files.add(name + ".up.sql");
			dir.file(name + ".up.sql", body(version, slow) + ((version == SLOW && commitSlow) ? "\nCOMMIT;" : ""))
				.file(name + ".down.sql", "DROP TABLE step_" + version + ";");
		}
		return new Migrations(dir, files);
	}

	/** Every process has started its JVM and waits at the gate. */
	private static void awaitReady(Path gate, List<MigrateProcess> fleet) throws Exception {
		for (MigrateProcess runner : fleet) {
			runner.await("it to reach the start gate", () -> Files.exists(gate.resolve(runner.pid() + ".ready")));
		}
	}

	/**
	 * One process printed all fifty migrations; the others found nothing left once they
	 * had the lock.
	 */
	private static void assertOutputs(List<MigrateProcess> fleet, List<String> files) {
		List<String> applied = new ArrayList<>();
		int migrating = 0;
		for (MigrateProcess runner : fleet) {
			List<String> lines = runner.out().lines().toList();
			List<String> ok = lines.stream().filter((line) -> line.startsWith("OK   up ")).toList();
			applied.addAll(ok.stream().map((line) -> line.split(" +")[2]).toList());
			if (ok.isEmpty()) {
				assertThat(lines).as("%s", runner)
					.containsExactly("No migrations to run; the database is at version " + MIGRATIONS + ".");
			}
			else {
				migrating++;
				assertThat(lines).as("%s", runner).hasSize(MIGRATIONS + 1);
				assertThat(lines.get(MIGRATIONS)).startsWith("Ran " + MIGRATIONS + " migrations in ")
					.endsWith("the database went from version 0 to " + MIGRATIONS + ".");
			}
			assertThat(runner.err()).as("%s", runner)
				.doesNotContain("WARN")
				.doesNotContain("ERROR")
				.doesNotContain("migrate:");
		}
		assertThat(migrating).isEqualTo(1);
		assertThat(applied).containsExactlyElementsOf(files);
	}

	/** One row per version in goose's table (and its version 0) and in ours. */
	private static void assertGooseHistory(TestDatabase database, List<String> files) {
		assertThat(longs(database, "SELECT version_id FROM goose_db_version ORDER BY version_id"))
			.isEqualTo(LongStream.rangeClosed(0, MIGRATIONS).boxed().toList());
		assertMetadata(database, "goose_db_version_meta", files);
	}

	private static void assertMetadata(TestDatabase database, String table, List<String> files) {
		assertThat(longs(database, "SELECT version FROM " + table + " ORDER BY version"))
			.isEqualTo(LongStream.rangeClosed(1, MIGRATIONS).boxed().toList());
		assertThat(database.query("SELECT file_name, kind FROM " + table + " ORDER BY version"))
			.extracting((row) -> row.get("file_name") + " " + row.get("kind"))
			.isEqualTo(files.stream().map((file) -> file + " migrated").toList());
	}

	/** Every migration's body ran exactly once, and every table is there. */
	private static void assertSchema(TestDatabase database) {
		assertThat(longs(database, "SELECT version FROM applied_log ORDER BY version"))
			.isEqualTo(LongStream.rangeClosed(1, MIGRATIONS).boxed().toList());
		assertThat(database.tables())
			.containsAll(IntStream.rangeClosed(1, MIGRATIONS).mapToObj((version) -> "step_" + version).toList());
	}

	private static List<Long> longs(TestDatabase database, String sql) {
		return database.query(sql)
			.stream()
			.map((Map<String, Object> row) -> ((Number) row.values().iterator().next()).longValue())
			.collect(Collectors.toList());
	}

}
