package dev.migrations.spring.boot;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.spring.boot.app.TodoApplication;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The test application in a process of its own, sent SIGTERM while its startup migration
 * sleeps in the database: the migration is cancelled and rolled back, the lock released,
 * and the log says so in one line, with no stack trace.
 */
@RequiresPostgres
class ShutdownDuringMigrationTests {

	@TempDir
	Path temp;

	@Test
	void sigtermDuringTheStartupMigrationRollsItBackAndSaysSoInOneLine() throws Exception {
		MigrationDir.at(this.temp.resolve("extra"))
			.goose("00004_slow.sql", "CREATE TABLE slow (id INTEGER);\nSELECT pg_sleep(60);", "DROP TABLE slow;");
		Path log = this.temp.resolve("app.log");
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
					"-cp", System.getProperty("java.class.path"), TodoApplication.class.getName(),
					"--spring.datasource.url=" + database.dataSource().url(), "--server.port=0",
					Startups.withMigrationsFrom(this.temp.resolve("extra")))
				.redirectErrorStream(true)
				.redirectOutput(log.toFile())
				.start();
			try {
				awaitSleepingMigration(database);
				long signalled = System.nanoTime();
				process.destroy();
				assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
				assertThat(Duration.ofNanos(System.nanoTime() - signalled)).isLessThan(Duration.ofSeconds(10));
			}
			finally {
				process.destroyForcibly();
			}
			String output = Files.readString(log, StandardCharsets.UTF_8);
			List<String> warnings = output.lines().filter((line) -> line.contains(" WARN ")).toList();
			assertThat(warnings).singleElement()
				.satisfies((line) -> assertThat(line).contains("The application shut down during migration "
						+ this.temp.resolve("extra/00004_slow.sql")
						+ ": it ran in a transaction and was rolled back, so nothing of it is applied, and the next start"
						+ " applies it. The 3 applied before it in this start stay applied."));
			assertThat(output).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("APPLICATION FAILED");
			assertThat(database.tables()).contains("todos").doesNotContain("slow");
			assertThat(database.count("SELECT max(version_id) FROM goose_db_version")).isEqualTo(3);
			assertThat(database.count("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'")).isZero();
		}
	}

	private static void awaitSleepingMigration(PostgresTestDatabase database) throws InterruptedException {
		for (int i = 0; i < 600; i++) {
			if (database.count("SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(60)%'"
					+ " AND state = 'active'") > 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("The slow migration never started");
	}

}
