package dev.migrations.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteJDBCLoader;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged executable jar as a user runs it:
 * {@code java -jar sample-app.jar migrate ...}, against the application's own
 * configuration (its database, profiles and environment variables, and its migrations
 * from inside the Spring Boot jar) unless options say otherwise.
 */
class MigrateJarIT {

	@TempDir
	Path workingDirectory;

	private record Run(int status, String out, String err) {
	}

	private Run migrate(String... args) throws IOException, InterruptedException {
		return migrate(Map.of(), args);
	}

	private Run migrate(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
						"-Djava.io.tmpdir=" + Files.createDirectories(this.workingDirectory.resolve("tmp")), "-jar",
						Path.of(System.getProperty("sample.jar")).toAbsolutePath().toString(), "migrate"));
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.workingDirectory.toFile());
		// sqlite-jdbc's native library is kept in the user's cache: the test's own.
		builder.environment().put("XDG_CACHE_HOME", this.workingDirectory.resolve("cache").toString());
		builder.environment().putAll(environment);
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), out, err);
	}

	@Test
	void appliesTheApplicationsOwnMigrationsToItsDefaultDatabase() throws Exception {
		Run up = migrate("up");

		assertThat(up.status()).as(up.err()).isZero();
		assertThat(up.out()).contains("OK   up 00001_initial_schema.sql")
			.contains("OK   up 00006_fix_outcome_constraint.sql")
			.contains("OK   up 00007_add_audit_project_timestamp_index.sql")
			.contains("from version 0 to 7");
		assertThat(this.workingDirectory.resolve("data/proxy.db")).exists();
		try (SqliteTestDatabase database = SqliteTestDatabase.at(this.workingDirectory.resolve("data/proxy.db"))) {
			assertThat(database.tables()).containsExactly("audit_events", "goose_db_version", "goose_db_version_meta",
					"projects", "tokens");
		}

		Run status = migrate("status", "--json");
		assertThat(status.status()).isZero();
		assertThat(status.out()).startsWith("{\"version\": 7, \"migrations\": [").doesNotContain("\"pending\"");
	}

	@Test
	void statusNeedsNoOptionsToShowTheApplicationsOwnDatabase() throws Exception {
		Run status = migrate("status");

		assertThat(status.status()).as(status.err()).isZero();
		assertThat(status.out()).contains("00001_initial_schema.sql")
			.contains("00007_add_audit_project_timestamp_index.sql");
		assertThat(status.out().lines().filter((line) -> line.contains("pending"))).hasSize(7);
		assertThat(this.workingDirectory.resolve("data")).isDirectory();
	}

	@Test
	void anotherDatabaseLeavesTheApplicationsDirectoryAlone() throws Exception {
		Run up = migrate("up", "--db", this.workingDirectory.resolve("other.db").toString());

		assertThat(up.status()).as(up.err()).isZero();
		assertThat(up.out()).contains("from version 0 to 7");
		assertThat(this.workingDirectory.resolve("data")).doesNotExist();
	}

	@Test
	@RequiresPostgres
	void plainEnvironmentVariablesPointTheCommandAtPostgresql() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Run up = migrate(Map.of("SPRING_DATASOURCE_URL", database.dataSource().url()), "up");

			assertThat(up.status()).as(up.err()).isZero();
			assertThat(up.out()).contains("from version 0 to 7");
			assertThat(database.tables()).containsExactly("audit_events", "goose_db_version", "goose_db_version_meta",
					"projects", "tokens");
			assertThat(this.workingDirectory.resolve("data")).doesNotExist();
		}
	}

	@Test
	@RequiresPostgres
	void thePostgresProfileIsTheApplicationsToo() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Map<String, String> environment = Map.of("SPRING_PROFILES_ACTIVE", "postgres", "SPRING_DATASOURCE_URL",
					database.dataSource().url());

			assertThat(migrate(environment, "up", "--json").out()).contains("\"version\": 7");
			Run version = migrate(environment, "version");
			assertThat(version.status()).as(version.err()).isZero();
			assertThat(version.out()).contains("7");
		}
	}

	@Test
	void readsMigrationsFromADirectoryAndRoundTripsThem() throws Exception {
		MigrationDir dir = MigrationDir.at(this.workingDirectory.resolve("migrations"))
			.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;")
			.goose("00002_b.sql", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
		String db = this.workingDirectory.resolve("other.db").toString();

		assertThat(migrate("up", "--db", db, "--dir", dir.location()).status()).isZero();
		Run down = migrate("--db", db, "--dir", dir.location(), "down-to", "0");
		assertThat(down.status()).isZero();
		assertThat(down.out()).contains("OK   down 00002_b.sql").contains("OK   down 00001_a.sql");
		Run version = migrate("version", "--json", "--db", db, "--dir", dir.location());
		assertThat(version.out().strip()).isEqualTo("{\"version\": 0}");
	}

	@Test
	void failuresExitWithOneAndOneLineWithoutAStackTrace() throws Exception {
		MigrationDir dir = MigrationDir.at(this.workingDirectory.resolve("broken"))
			.file("00001_broken.sql", "-- +goose Up\nCREATE TABLE t (id INTEGER);\nINSERT INTO nowhere VALUES (1);\n");

		Run run = migrate("up", "--db", this.workingDirectory.resolve("x.db").toString(), "--dir", dir.location());

		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err().lines()).singleElement()
			.satisfies((line) -> assertThat(line).contains("00001_broken.sql:3").contains("no such table: nowhere"));
		assertThat(run.err()).doesNotContain("\tat ");
	}

	@Test
	void theDriversWarningsAreNotPrintedBeforeTheCommandsOwnLine() throws Exception {
		// pgjdbc warns through java.util.logging about the port, then fails to parse the
		// URL.
		Run run = migrate("status", "--db", "jdbc:postgresql://127.0.0.1:99999/test?user=postgres", "--dir",
				MigrationDir.at(this.workingDirectory.resolve("m"))
					.goose("00001_t.sql", "SELECT 1;", "SELECT 1;")
					.location());

		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err().lines()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("migrate: Failed connecting to the database"));
	}

	/**
	 * The application's entry keeps sqlite-jdbc's native library in the user's cache, as
	 * the standalone jar does, instead of extracting it into the temporary directory in
	 * every process.
	 */
	@Test
	void sqlitesNativeLibraryIsKeptInTheUsersCache() throws Exception {
		MigrationDir dir = MigrationDir.at(this.workingDirectory.resolve("m"))
			.goose("00001_t.sql", "CREATE TABLE t (id INTEGER);", "DROP TABLE t;");

		for (int run = 0; run < 2; run++) {
			Run up = migrate("up", "--db", this.workingDirectory.resolve("app.db").toString(), "--dir", dir.location());
			assertThat(up.status()).as(up.err()).isZero();
			assertThat(up.err()).isEmpty();
		}

		try (Stream<Path> cached = Files.walk(this.workingDirectory.resolve("cache/migrate"));
				Stream<Path> extracted = Files.list(this.workingDirectory.resolve("tmp"))) {
			assertThat(cached.map((file) -> file.getFileName().toString()))
				.contains(System.mapLibraryName("sqlitejdbc").replace(".jnilib", ".dylib"));
			assertThat(extracted.map((file) -> file.getFileName().toString()))
				.noneMatch((name) -> name.startsWith("sqlite-"));
		}
	}

	@Test
	void sqliteJdbcsCleanUpOfOtherProcessesLibrariesPrintsNothing() throws Exception {
		// sqlite-jdbc deletes the native libraries other processes extracted into the
		// temporary directory; when
		// another process deleted one first it logs an error and a stack trace. A
		// directory in one's place fails the
		// deletion every time.
		Path sharedTemp = Files.createDirectories(this.workingDirectory.resolve("tmp"));
		Files.writeString(Files
			.createDirectories(sharedTemp.resolve("sqlite-" + SQLiteJDBCLoader.getVersion() + "-another-process.so"))
			.resolve("x"), "");
		MigrationDir dir = MigrationDir.at(this.workingDirectory.resolve("m"))
			.goose("00001_t.sql", "CREATE TABLE t (id INTEGER);", "DROP TABLE t;");
		ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Djava.io.tmpdir=" + sharedTemp, "-jar",
				Path.of(System.getProperty("sample.jar")).toAbsolutePath().toString(), "migrate", "up", "--db",
				this.workingDirectory.resolve("app.db").toString(), "--dir", dir.location())
			.directory(this.workingDirectory.toFile())
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		builder.environment().put("XDG_CACHE_HOME", this.workingDirectory.resolve("cache").toString());
		Process process = builder.start();
		String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();

		assertThat(process.exitValue()).as(err).isZero();
		assertThat(err).isEmpty();
	}

	@Test
	void usageErrorsExitWithTwo() throws Exception {
		Run run = migrate("sideways");

		assertThat(run.status()).isEqualTo(2);
		assertThat(run.err()).startsWith("migrate: unknown command 'sideways'").contains("usage: migrate");
	}

	@Test
	@RequiresPostgres
	void appliesThePostgresHistoryFromInsideTheJar() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			String url = database.dataSource().url();

			assertThat(migrate("up", "--db", url).status()).isZero();
			assertThat(database.tables()).containsExactly("audit_events", "goose_db_version", "goose_db_version_meta",
					"projects", "tokens");
			assertThat(migrate("down-to", "0", "--db", url).status()).isZero();
			assertThat(database.tables()).containsExactly("goose_db_version", "goose_db_version_meta");
			Run again = migrate("up", "--db", url, "--json");
			assertThat(again.status()).isZero();
			assertThat(again.out()).contains("\"version\": 7");
		}
	}

	@Test
	void missingSqliteDirectoryIsAClearError() throws Exception {
		Run run = migrate("up", "--db", this.workingDirectory.resolve("no/such/dir/app.db").toString());

		assertThat(run.status()).isEqualTo(1);
		assertThat(run.err().lines()).singleElement().satisfies((line) -> assertThat(line).startsWith("migrate: "));
		assertThat(Files.exists(this.workingDirectory.resolve("no"))).isFalse();
	}

}
