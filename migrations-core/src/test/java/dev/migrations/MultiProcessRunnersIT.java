package dev.migrations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;
import dev.migrations.testing.UpRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Separate JVMs starting {@code up} at the same moment against one database: every
 * process succeeds and every migration runs exactly once. This is what proves the locks
 * work across processes, not just threads.
 */
class MultiProcessRunnersIT {

	private static final int PROCESSES = 8;

	private static final int MIGRATIONS = 12;

	@Test
	void processesSharingOneSqliteFileApplyEachMigrationOnce() throws Exception {
		try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
			// Each runner's data source gives SQLite a sleep function.
			runTogether(database, "SELECT sleep(2000);");
		}
	}

	@Test
	@RequiresPostgres
	void processesSharingOnePostgresDatabaseApplyEachMigrationOnce() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			runTogether(database, "SELECT pg_sleep(2);");
		}
	}

	@Test
	void sqliteLockHeldByAnotherProcessTimesOutNamingThatProcess() throws Exception {
		try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
			MigrationDir dir = MigrationDir.create()
				.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
			Process holder = java("hold-sqlite-lock", database.file().toString(), "4000");
			try {
				String first = new String(holder.getInputStream().readNBytes(7), StandardCharsets.UTF_8);
				assertThat(first).isEqualTo("locked\n");

				LockTimeoutException timeout = org.junit.jupiter.api.Assertions.assertThrows(LockTimeoutException.class,
						() -> Migrator.builder()
							.dataSource(database.dataSource())
							.locations(dir.location())
							.lockTimeout(Duration.ofMillis(500))
							.build()
							.up());

				assertThat(timeout.holder()).contains("pid " + holder.pid());
				assertThat(database.tables()).isEmpty();
			}
			finally {
				assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
			}
			assertThat(Migrator.builder()
				.dataSource(database.dataSource())
				.locations(dir.location())
				.build()
				.up()
				.finalVersion()).isEqualTo(1);
		}
	}

	private void runTogether(TestDatabase database, String slowStatement) throws Exception {
		MigrationDir dir = MigrationDir.create();
		dir.goose("00001_log.sql",
				"CREATE TABLE applied_log (version INTEGER NOT NULL);\nINSERT INTO applied_log VALUES (1);",
				"DROP TABLE applied_log;");
		dir.goose("00002_slow.sql", slowStatement + "\nINSERT INTO applied_log VALUES (2);",
				"DELETE FROM applied_log WHERE version = 2;");
		for (int version = 3; version <= MIGRATIONS; version++) {
			dir.goose(
					String.format("%05d_step.sql", version), "CREATE TABLE step_" + version
							+ " (id INTEGER);\nINSERT INTO applied_log VALUES (" + version + ");",
					"DROP TABLE step_" + version + ";");
		}
		long startAt = System.currentTimeMillis() + 4000;
		List<Process> processes = new ArrayList<>();
		for (int i = 0; i < PROCESSES; i++) {
			processes.add(java("up", database.dataSource().url(), dir.location(), Long.toString(startAt)));
		}
		int ran = 0;
		Pattern summary = Pattern.compile("ran (\\d+) now at (\\d+)");
		for (Process process : processes) {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String errors = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
			assertThat(process.exitValue()).as("exit status; stderr: %s", errors).isZero();
			Matcher matcher = summary.matcher(output);
			assertThat(matcher.find()).as("output: %s", output).isTrue();
			assertThat(matcher.group(2)).isEqualTo(Integer.toString(MIGRATIONS));
			ran += Integer.parseInt(matcher.group(1));
		}

		assertThat(ran).isEqualTo(MIGRATIONS);
		assertThat(
				database.query("SELECT version, count(*) AS runs FROM applied_log GROUP BY version ORDER BY version"))
			.hasSize(MIGRATIONS)
			.allSatisfy((row) -> assertThat(((Number) row.get("runs")).longValue()).isEqualTo(1));
		assertThat(database.count("SELECT count(*) FROM goose_db_version")).isEqualTo(MIGRATIONS + 1);
		assertThat(database.count("SELECT count(DISTINCT version_id) FROM goose_db_version")).isEqualTo(MIGRATIONS + 1);
	}

	private static Process java(String... args) throws IOException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(UpRunner.class.getName());
		command.addAll(List.of(args));
		return new ProcessBuilder(command).start();
	}

}
