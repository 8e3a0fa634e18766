package dev.migrations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.ValidationMode;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code migrate} command end to end against real SQLite files (and PostgreSQL where
 * marked).
 */
class MigrateCommandTests extends CommandTestSupport {

	private MigrationDir dir;

	private String db;

	@BeforeEach
	void writeMigrations() {
		this.dir = MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_create_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;")
			.goose("00002_add_name.sql", "ALTER TABLE users ADD COLUMN name TEXT;",
					"ALTER TABLE users DROP COLUMN name;");
		this.db = this.temp.resolve("app.db").toString();
	}

	private int run(String... args) {
		return run(MigrateCommand.Defaults.NONE, Map.of(), args);
	}

	private int run(MigrateCommand.Defaults defaults, Map<String, String> environment, String... args) {
		return runCommand(defaults, environment, args);
	}

	@Test
	void upPrintsOneLinePerMigrationAndASummary() {
		assertThat(run("up", "--db", this.db, "--dir", this.dir.location())).isZero();

		assertThat(out().lines()).hasSize(3);
		assertThat(out().lines().toList().get(0)).matches("OK   up 00001_create_users\\.sql \\(\\d+ (µs|ms)\\)");
		assertThat(out()).contains("the database went from version 0 to 2.");
		assertThat(err()).isEmpty();
		assertThat(Path.of(this.db)).exists();
	}

	@Test
	void statusPrintsEachMigrationAsTextOrJson() {
		run("up-to", "1", "--db", this.db, "--dir", this.dir.location());

		assertThat(run("status", "--db", this.db, "--dir", this.dir.location())).isZero();
		assertThat(out()).startsWith("Database version: 1\n")
			.containsPattern(
					"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC +\\d+ ms +applied +00001_create_users\\.sql")
			.containsPattern("Pending +pending +00002_add_name\\.sql");

		assertThat(run("status", "--json", "--db", this.db, "--dir", this.dir.location())).isZero();
		assertThat(out().strip()).matches("\\{\"version\": 1, \"migrations\": \\[\\{\"version\": 1, \"file\": "
				+ "\"00001_create_users\\.sql\", \"state\": \"applied\", \"applied_at\": \"\\d{4}-[^\"]+Z\", "
				+ "\"execution_ms\": \\d+, \"verified\": true\\}, "
				+ "\\{\"version\": 2, \"file\": \"00002_add_name\\.sql\", \"state\": \"pending\", \"applied_at\": null, "
				+ "\"execution_ms\": null, \"verified\": false\\}\\]\\}");
	}

	@Test
	void versionPrintsTheCurrentVersion() {
		run("up", "--db", this.db, "--dir", this.dir.location());

		assertThat(run("version", "--db", this.db, "--dir", this.dir.location())).isZero();
		assertThat(out().strip()).isEqualTo("Database version: 2");
		assertThat(run("version", "--json", "--db", this.db, "--dir", this.dir.location())).isZero();
		assertThat(out().strip()).isEqualTo("{\"version\": 2}");
	}

	@Test
	void everyMovingCommandWorksAndJsonDescribesWhatRan() {
		String[] where = { "--db", this.db, "--dir", this.dir.location() };
		assertThat(run(concat(new String[] { "up-by-one" }, where))).isZero();
		assertThat(run(concat(new String[] { "up", "--json" }, where))).isZero();
		assertThat(out().strip())
			.matches("\\{\"from\": 1, \"version\": 2, \"migrations\": \\[\\{\"version\": 2, \"file\": "
					+ "\"00002_add_name\\.sql\", \"direction\": \"up\", \"duration_ms\": \\d+\\}\\], \"duration_ms\": \\d+\\}");
		assertThat(run(concat(new String[] { "redo" }, where))).isZero();
		assertThat(out()).contains("OK   down 00002_add_name.sql").contains("OK   up 00002_add_name.sql");
		assertThat(run(concat(new String[] { "down" }, where))).isZero();
		assertThat(run(concat(new String[] { "down-to", "0" }, where))).isZero();
		assertThat(out()).contains("OK   down 00001_create_users.sql").contains("went from version 1 to 0");
		assertThat(run(concat(new String[] { "up" }, where))).isZero();
		assertThat(run(concat(new String[] { "reset" }, where))).isZero();
		assertThat(run(concat(new String[] { "down" }, where))).isZero();
		assertThat(out().strip()).isEqualTo("No migrations to run; the database is at version 0.");
	}

	@Test
	void failedMigrationExitsWithOneOnOneLineNamingFileAndLine() {
		this.dir.file("00003_broken.sql",
				"-- +goose Up\nINSERT INTO users (id) VALUES (1);\nINSERT INTO nowhere VALUES (1);\n");

		assertThat(run("up", "--db", this.db, "--dir", this.dir.location())).isEqualTo(1);

		assertThat(err().lines()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("migrate: Migration ")
				.contains("00003_broken.sql:3")
				.contains("no such table: nowhere"));
		assertThat(out()).contains("OK   up 00002_add_name.sql");
	}

	@Test
	void parseErrorExitsWithOneNamingFileAndLine() {
		this.dir.file("00003_broken.sql", "-- +goose Up\nSELECT 'unterminated;\n");

		assertThat(run("up", "--db", this.db, "--dir", this.dir.location())).isEqualTo(1);

		assertThat(err().strip()).matches("migrate: .*00003_broken\\.sql:2: unterminated string literal");
		assertThat(out()).isEmpty();
	}

	@Test
	void usageErrorsExitWithTwoAndShowTheUsage() {
		assertThat(run("sideways")).isEqualTo(2);
		assertThat(err()).startsWith("migrate: unknown command 'sideways'\nusage: migrate <command>");

		assertThat(run("up", "--dir", this.dir.location())).isEqualTo(2);
		assertThat(err()).startsWith("migrate: no database given");

		assertThat(run("up", "--db", this.db)).isEqualTo(2);
		assertThat(err()).startsWith("migrate: no migrations directory given");
	}

	@Test
	void aTableNameThatIsNotAnIdentifierIsAUsageErrorAndNothingIsCreated() {
		assertThat(run("up", "--db", this.db, "--dir", this.dir.location(), "--table", "x; DROP TABLE users"))
			.isEqualTo(2);
		assertThat(err()).startsWith("migrate: --table: Invalid version table name 'x; DROP TABLE users': ")
			.contains("usage: migrate up");

		assertThat(run("status", "--db", this.db, "--dir", this.dir.location(),
				"--meta-table=meta\"; DROP TABLE users; --"))
			.isEqualTo(2);
		assertThat(err())
			.startsWith("migrate: --meta-table: Invalid metadata table name 'meta\"; DROP TABLE users; --': ");

		assertThat(run("up", "--db", this.db, "--dir", this.dir.location(), "--table", "audit_versions")).isZero();
		assertThat(Path.of(this.db)).exists();
	}

	@Test
	void defaultsNameTheApplicationsOwnDatabaseAndMigrations() throws Exception {
		Files.createDirectories(this.temp.resolve("sqlite"));
		MigrationDir.at(this.temp.resolve("sqlite"))
			.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
		MigrateCommand.Defaults defaults = MigrateCommand.Defaults.of(this.db,
				this.temp.resolve("{vendor}").toString());

		assertThat(run(defaults, Map.of(), "up")).isZero();

		assertThat(out()).contains("OK   up 00001_a.sql");
		assertThat(defaults.toString()).contains(this.db);
	}

	@Test
	void applicationDefaultsConfigureTheEngineAndTheCommandLineOverridesThem() {
		MigrateCommand.Defaults defaults = new MigrateCommand.Defaults(this.db, null, null,
				List.of(this.dir.location()), Map.of("owner", "app"),
				(builder) -> builder.table("app_versions").validation(ValidationMode.OFF));

		assertThat(run(defaults, Map.of(), "up")).isZero();
		assertThat(run(defaults, Map.of(), "status", "--json")).isZero();
		assertThat(out()).contains("\"version\": 2");
		assertThat(run(defaults, Map.of(), "status", "--json", "--table", "goose_db_version")).isZero();
		assertThat(out()).contains("\"version\": 0");
	}

	@Test
	void unreachableDatabaseFailsWithoutShowingThePassword() {
		String url = "jdbc:postgresql://127.0.0.1:9/app?user=u&password=hunter2&connectTimeout=2";

		assertThat(run("status", "--db", url, "--dir", this.dir.location())).isEqualTo(1);

		assertThat(err()).startsWith("migrate: Failed connecting to the database").doesNotContain("hunter2");
		assertThat(err().lines()).hasSize(1);
	}

	@Test
	void sqliteFileInAMissingDirectoryNamesTheDirectory() {
		String missing = this.temp.resolve("nowhere/app.db").toString();

		assertThat(run("up", "--db", missing, "--dir", this.dir.location())).isEqualTo(1);

		assertThat(err().strip()).isEqualTo("migrate: Failed connecting to the database: the directory "
				+ this.temp.resolve("nowhere") + " of SQLite database " + missing + " does not exist; create it first");
	}

	@Test
	void missingDriverIsReportedWithTheRedactedUrl() {
		assertThat(run("status", "--db", "jdbc:nosuch://db?password=hunter2", "--dir", this.dir.location()))
			.isEqualTo(1);

		assertThat(err()).contains("jdbc:nosuch://db?password=***").doesNotContain("hunter2");
	}

	@Test
	void passwordComesFromTheEnvironmentAndIsNeverPrinted() {
		Map<String, String> environment = Map.of(MigrateCommand.PASSWORD_VARIABLE, "s3cret-value");

		assertThat(run(MigrateCommand.Defaults.NONE, environment, "status", "--user", "nobody", "--db",
				"jdbc:postgresql://127.0.0.1:9/app?connectTimeout=2", "--dir", this.dir.location()))
			.isEqualTo(1);

		assertThat(err() + out()).doesNotContain("s3cret-value");
	}

	@Test
	void golangMigrateDirtyStateIsShownAndForced() {
		MigrationDir migrate = MigrationDir.at(this.temp.resolve("gm"))
			.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);")
			.file("2_b.up.sql", "BEGIN;\nCREATE TABLE b (id INTEGER);\nCOMMIT;\nSELECT * FROM nowhere;");

		assertThat(run("up", "--db", this.db, "--dir", migrate.location())).isEqualTo(1);
		assertThat(err()).contains("2_b.up.sql did, then 'migrate force V' with the version the schema matches");
		assertThat(run("version", "--json", "--db", this.db, "--dir", migrate.location())).isZero();
		assertThat(out().strip()).isEqualTo("{\"version\": 2, \"dirty\": true}");
		assertThat(run("status", "--db", this.db, "--dir", migrate.location())).isZero();
		assertThat(out()).startsWith("Database version: 2 (dirty)");
		assertThat(run("up", "--db", this.db, "--dir", migrate.location())).isEqualTo(1);
		assertThat(err()).contains("dirty at version 2")
			.contains("migrate: hint: repair the schema by hand, then 'migrate force 2' if migration 2 completed");

		assertThat(run("force", "2", "--db", this.db, "--dir", migrate.location())).isZero();
		assertThat(out().strip()).isEqualTo("Database version: 2");
	}

	@Test
	void versionTableAndFormatOptionsAreHonoured() {
		assertThat(run("up", "--db", this.db, "--dir", this.dir.location(), "--table", "app_versions", "--format",
				"goose", "--lock-timeout", "5"))
			.isZero();
		assertThat(run("status", "--json", "--db", this.db, "--dir", this.dir.location())).isZero();
		assertThat(out()).contains("\"version\": 0");
		assertThat(run("status", "--json", "--db", this.db, "--dir", this.dir.location(), "--table=app_versions"))
			.isZero();
		assertThat(out()).contains("\"version\": 2");
	}

	@Test
	void migratesFromAKubernetesConfigMapVolume() throws Exception {
		java.nio.file.Path volume = java.nio.file.Files.createDirectory(this.temp.resolve("configmap"));
		java.nio.file.Path timestamped = java.nio.file.Files.createDirectory(volume.resolve("..2026_12_04_10_00_00.1"));
		for (String name : new String[] { "00001_create_users.sql", "00002_add_name.sql" }) {
			java.nio.file.Files.copy(this.temp.resolve("migrations").resolve(name), timestamped.resolve(name));
			java.nio.file.Files.createSymbolicLink(volume.resolve(name), java.nio.file.Path.of("..data", name));
		}
		java.nio.file.Files.createSymbolicLink(volume.resolve("..data"), timestamped.getFileName());

		assertThat(run("up", "--db", this.db, "--dir", volume.toString())).isZero();
		assertThat(out()).contains("OK   up 00001_create_users.sql").contains("OK   up 00002_add_name.sql");
	}

	@Test
	void connectRetriesWaitForADatabaseThatIsNotThereYet() throws Exception {
		java.nio.file.Path later = this.temp.resolve("later");
		java.util.concurrent.CompletableFuture<Void> comesUp = java.util.concurrent.CompletableFuture.runAsync(() -> {
			try {
				Thread.sleep(1500);
				java.nio.file.Files.createDirectories(later);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(run("up", "--db", later.resolve("app.db").toString(), "--dir", this.dir.location(),
				"--connect-retries", "10", "--connect-retries-interval", "1"))
			.isZero();
		comesUp.get();
		assertThat(out()).contains("OK   up 00002_add_name.sql");

		assertThat(run("up", "--db", this.temp.resolve("never/app.db").toString(), "--dir", this.dir.location(),
				"--connect-retries", "1", "--connect-retries-interval", "1"))
			.isOne();
		assertThat(err()).contains("does not exist");
		assertThat(run("up", "--db", this.db, "--dir", this.dir.location(), "--connect-retries", "soon")).isEqualTo(2);
	}

	@Test
	@RequiresPostgres
	void runsAgainstPostgres() {
		try (PostgresTestDatabase postgres = PostgresTestDatabase.create()) {
			String url = postgres.dataSource().url();

			assertThat(run("up", "--db", url, "--dir", this.dir.location())).isZero();
			assertThat(run("version", "--json", "--db", url, "--dir", this.dir.location())).isZero();
			assertThat(out().strip()).isEqualTo("{\"version\": 2}");
			assertThat(postgres.tables()).containsExactly("goose_db_version", "goose_db_version_meta", "users");
		}
	}

	private static String[] concat(String[] first, String[] second) {
		String[] all = new String[first.length + second.length];
		System.arraycopy(first, 0, all, 0, first.length);
		System.arraycopy(second, 0, all, first.length, second.length);
		return all;
	}

}
