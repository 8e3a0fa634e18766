package dev.migrations.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar sample-app.jar setup}, as a deployment script runs it: a fresh
 * install, a second run, a database made before migrations, and a failing migration, on
 * SQLite and PostgreSQL.
 */
class SetupJarIT {

	private static final List<String> TABLES = List.of("audit_events", "goose_db_version", "goose_db_version_meta",
			"projects", "tokens");

	@TempDir
	Path workingDirectory;

	private record Run(int status, String out, String err) {
	}

	private Run jar(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						Path.of(System.getProperty("sample.jar")).toAbsolutePath().toString()));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workingDirectory.toFile());
		// sqlite-jdbc's native library is kept in the user's cache: the test's own.
		builder.environment().put("XDG_CACHE_HOME", this.workingDirectory.resolve("cache").toString());
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), out, err);
	}

	private Run setup(String... args) throws IOException, InterruptedException {
		List<String> all = new ArrayList<>(List.of("setup"));
		all.addAll(List.of(args));
		return jar(all.toArray(String[]::new));
	}

	private static long version(TestDatabase database) {
		return database.count("SELECT max(version_id) FROM goose_db_version");
	}

	/**
	 * Everything the schema holds, and every history row: what a second run must leave as
	 * it was.
	 */
	private static List<Map<String, Object>> snapshot(TestDatabase database, String schemaQuery) {
		List<Map<String, Object>> rows = new ArrayList<>(database.query(schemaQuery));
		rows.addAll(database.query("SELECT id, version_id, is_applied, tstamp FROM goose_db_version ORDER BY id"));
		return rows;
	}

	/**
	 * A database as the proxy made it before migrations: the schema of version 6, a row,
	 * and no version table.
	 */
	private void makeLegacy(TestDatabase database, String db) throws Exception {
		Run upTo6 = jar("migrate", "up-to", "6", "--db", db);
		assertThat(upTo6.status()).as(upTo6.err()).isZero();
		database.execute("DROP TABLE goose_db_version_meta", "DROP TABLE goose_db_version",
				"INSERT INTO projects (id, name, api_key, is_active, created_at, updated_at) VALUES ('p-legacy',"
						+ " 'legacy', 'sk-legacy', " + (db.startsWith("jdbc:postgresql") ? "TRUE" : "1")
						+ ", '2023-11-02 08:15:00', '2023-11-02 08:15:00')");
	}

	private MigrationDir failingMigrations() {
		return MigrationDir.at(this.workingDirectory.resolve("broken"))
			.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;")
			.file("00002_b.sql", "-- +goose Up\nCREATE TABLE b (id INTEGER);\nINSERT INTO nowhere VALUES (1);\n");
	}

	@Test
	void aFreshSqliteInstallCreatesTheDirectoryAndTheDatabaseAndSaysWhatToRunNext() throws Exception {
		Run run = setup();

		assertThat(run.status()).as(run.err()).isZero();
		assertThat(run.err()).isEmpty();
		Path file = this.workingDirectory.resolve("data/proxy.db").toRealPath();
		assertThat(run.out()).contains("OK   up 00001_initial_schema.sql")
			.contains("Setup complete: the SQLite database " + file + " is at version 7.")
			.contains("Start the server: java -jar sample-app.jar");
		try (SqliteTestDatabase database = SqliteTestDatabase.at(file)) {
			assertThat(database.tables()).containsExactlyElementsOf(TABLES);
			assertThat(version(database)).isEqualTo(7);
		}
	}

	@Test
	void aSecondRunAppliesNothingAndChangesNothing() throws Exception {
		assertThat(setup().status()).isZero();
		try (SqliteTestDatabase database = SqliteTestDatabase.at(this.workingDirectory.resolve("data/proxy.db"))) {
			String schema = "SELECT type, name, sql FROM sqlite_master ORDER BY name";
			List<Map<String, Object>> before = snapshot(database, schema);

			Run again = setup();

			assertThat(again.status()).as(again.err()).isZero();
			assertThat(again.out()).contains("No migrations to run; the database is at version 7.")
				.contains("is at version 7.");
			assertThat(snapshot(database, schema)).isEqualTo(before);
		}
	}

	@Test
	void aSqliteDatabaseMadeBeforeMigrationsIsRefusedWithTheWayOutThenAdoptedKeepingItsRows() throws Exception {
		Path file = this.workingDirectory.resolve("legacy.db");
		try (SqliteTestDatabase database = SqliteTestDatabase.at(file)) {
			makeLegacy(database, file.toString());

			Run refused = setup("--db", file.toString());
			assertThat(refused.status()).isEqualTo(1);
			assertThat(refused.err().lines()).singleElement()
				.satisfies((line) -> assertThat(line).startsWith("setup: failed on the SQLite database")
					.contains("no version table")
					.contains("setup --baseline-version 6")
					.contains("nothing was changed"));
			assertThat(database.tables()).doesNotContain("goose_db_version");

			Run adopted = setup("--db", file.toString(), "--baseline-version", "6");
			assertThat(adopted.status()).as(adopted.err()).isZero();
			assertThat(adopted.out()).contains("OK   up 00007_add_audit_project_timestamp_index.sql")
				.doesNotContain("00006")
				.contains("Start the server: java -jar sample-app.jar --spring.datasource.url=jdbc:sqlite:");
			assertThat(version(database)).isEqualTo(7);
			assertThat(database.count("SELECT count(*) FROM projects WHERE id = 'p-legacy'")).isEqualTo(1);
		}
	}

	@Test
	void aFailingMigrationIsOneLineSayingHowToRunThemLaterAndLeavesNothingHalfApplied() throws Exception {
		Path file = this.workingDirectory.resolve("new/app.db");

		Run run = setup("--db", file.toString(), "--dir", failingMigrations().location());

		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err().lines()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("setup: failed on the SQLite database")
				.contains("00002_b.sql:3")
				.contains("rolled back")
				.contains("'java -jar sample-app.jar migrate up'"));
		try (SqliteTestDatabase database = SqliteTestDatabase.at(file)) {
			assertThat(database.tables()).contains("a").doesNotContain("b");
			assertThat(version(database)).isEqualTo(1);
		}
	}

	@Test
	void aBadCommandLineExitsTwoWithTheUsage() throws Exception {
		Run run = setup("--baseline-version", "six");

		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err()).startsWith("setup: --baseline-version needs a version number, not 'six'")
			.contains("usage: java -jar sample-app.jar setup");
	}

	@Test
	@RequiresPostgres
	void onPostgresqlAFreshInstallThenASecondRunThenAFailure() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			String url = database.dataSource().url();

			Run fresh = setup("--db", url);
			assertThat(fresh.status()).as(fresh.err()).isZero();
			assertThat(fresh.out()).contains("is at version 7.")
				.contains("Start the server: java -jar sample-app.jar --spring.datasource.url=jdbc:postgresql:");
			assertThat(database.tables()).containsExactlyElementsOf(TABLES);
			assertThat(this.workingDirectory.resolve("data")).doesNotExist();
			String schema = "SELECT table_name, column_name, data_type FROM information_schema.columns"
					+ " WHERE table_schema = current_schema() ORDER BY table_name, column_name";
			List<Map<String, Object>> before = snapshot(database, schema);

			Run again = setup("--db", url);
			assertThat(again.status()).as(again.err()).isZero();
			assertThat(again.out()).contains("No migrations to run");
			assertThat(snapshot(database, schema)).isEqualTo(before);
		}
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Run failed = setup("--db", database.dataSource().url(), "--dir", failingMigrations().location());
			assertThat(failed.status()).isEqualTo(1);
			assertThat(failed.err().lines()).singleElement()
				.satisfies((line) -> assertThat(line).startsWith("setup: failed on the database jdbc:postgresql:")
					.contains("00002_b.sql:3")
					.contains("'java -jar sample-app.jar migrate up'"));
			assertThat(database.tables()).contains("a").doesNotContain("b");
			assertThat(version(database)).isEqualTo(1);
		}
	}

	@Test
	@RequiresPostgres
	void aPostgresqlDatabaseMadeBeforeMigrationsIsRefusedThenAdopted() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			String url = database.dataSource().url();
			makeLegacy(database, url);

			Run refused = setup("--db", url);
			assertThat(refused.status()).isEqualTo(1);
			assertThat(refused.err().lines()).singleElement()
				.satisfies((line) -> assertThat(line).contains("no version table").contains("--baseline-version 6"));

			Run adopted = setup("--db", url, "--baseline-version", "6");
			assertThat(adopted.status()).as(adopted.err()).isZero();
			assertThat(version(database)).isEqualTo(7);
			assertThat(database.count("SELECT count(*) FROM projects WHERE id = 'p-legacy'")).isEqualTo(1);
		}
	}

}
