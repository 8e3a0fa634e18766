package dev.migrations.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.MariaDbTestDatabase;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresMariaDb;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code java -jar migrate.jar}, the command line on its own with its drivers, as a user
 * runs it: no application, no Spring, standard error holding the command's own lines
 * only.
 */
class StandaloneJarIT {

	@TempDir
	Path temp;

	private record Run(int status, String out, String err) {
	}

	private static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	private Run migrate(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(java(), "-Djava.io.tmpdir=" + Files.createDirectories(this.temp.resolve("tmp")), "-jar",
						Path.of(System.getProperty("migrate.jar")).toAbsolutePath().toString()));
		command.addAll(List.of(args));
		return run(command, Map.of());
	}

	/** The launcher beside the jar, run by sh as a user runs it, with this JVM's java. */
	private Run launcher(Map<String, String> environment, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of("sh",
				Path.of(System.getProperty("migrate.jar")).toAbsolutePath().resolveSibling("migrate").toString()));
		command.addAll(List.of(args));
		Map<String, String> withJava = new HashMap<>(environment);
		withJava.put("JAVA", java());
		withJava.put("MIGRATE_JAVA_OPTS", environment.getOrDefault("MIGRATE_JAVA_OPTS", "") + " -Djava.io.tmpdir="
				+ Files.createDirectories(this.temp.resolve("tmp")));
		return run(command, withJava);
	}

	private Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.temp.toFile());
		// sqlite-jdbc's native library is kept in the user's cache: the test's own.
		builder.environment().put("XDG_CACHE_HOME", this.temp.resolve("cache").toString());
		builder.environment().putAll(environment);
		Process process = builder.start();
		CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
			try {
				return process.getErrorStream().readAllBytes();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
		return new Run(process.exitValue(), out, new String(err.join(), StandardCharsets.UTF_8));
	}

	private MigrationDir migrations() {
		return MigrationDir.at(this.temp.resolve("db"))
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER);", "DROP TABLE users;")
			.goose("00002_posts.sql", "CREATE TABLE posts (id INTEGER);", "DROP TABLE posts;");
	}

	@Test
	void migratesASqliteFileAndPrintsOnlyItsOwnLines() throws Exception {
		MigrationDir dir = migrations();
		// A directory where sqlite-jdbc expects another process's native library makes
		// its clean-up fail every time.
		Files
			.createDirectories(this.temp.resolve("tmp/sqlite-" + org.sqlite.SQLiteJDBCLoader.getVersion() + "-x.so/x"));

		Run status = migrate("status", "--db", "app.db", "--dir", dir.location());
		assertThat(status.status()).as(status.err()).isZero();
		assertThat(status.out()).contains("pending            00001_users.sql");
		assertThat(status.err()).isEmpty();

		Run up = migrate("up", "--db", "app.db", "--dir", dir.location());
		assertThat(up.status()).as(up.err()).isZero();
		assertThat(up.out()).contains("the database went from version 0 to 2");
		assertThat(up.err()).isEmpty();

		Run version = migrate("version", "--db", "app.db", "--dir", dir.location(), "--json");
		assertThat(version.out().strip()).isEqualTo("{\"version\": 2}");
	}

	/**
	 * sqlite-jdbc's native library is copied once into the user's cache and loaded from
	 * there, instead of being extracted into the temporary directory by every process.
	 */
	@Test
	void sqlitesNativeLibraryIsKeptInTheUsersCache() throws Exception {
		MigrationDir dir = migrations();

		for (int run = 0; run < 2; run++) {
			Run up = migrate("up", "--db", "app.db", "--dir", dir.location());
			assertThat(up.status()).as(up.err()).isZero();
			assertThat(up.err()).isEmpty();
		}

		try (Stream<Path> cached = Files.walk(this.temp.resolve("cache/migrate"));
				Stream<Path> extracted = Files.list(this.temp.resolve("tmp"))) {
			assertThat(cached.map((file) -> file.getFileName().toString()))
				.contains(System.mapLibraryName("sqlitejdbc").replace(".jnilib", ".dylib"))
				.noneMatch((name) -> name.endsWith(".partial"));
			assertThat(extracted.map((file) -> file.getFileName().toString()))
				.noneMatch((name) -> name.startsWith("sqlite-"));
		}
	}

	/**
	 * The launcher runs the jar with the class-data archive the build made: the same
	 * output and exit status, the engine's classes from the archive.
	 */
	@Test
	void theLauncherRunsTheJarWithItsClassDataArchive() throws Exception {
		MigrationDir dir = migrations();

		Run up = launcher(Map.of(), "up", "--db", "app.db", "--dir", dir.location());
		assertThat(up.status()).as(up.err()).isZero();
		assertThat(up.out()).contains("the database went from version 0 to 2");
		assertThat(up.err()).isEmpty();
		Run version = launcher(
				Map.of("MIGRATE_JAVA_OPTS", "-Xlog:class+load=info:file=" + this.temp.resolve("classes.log")),
				"version", "--db", "app.db", "--dir", dir.location(), "--json");
		assertThat(version.out().strip()).isEqualTo("{\"version\": 2}");
		assertThat(Files.readAllLines(this.temp.resolve("classes.log")))
			.anyMatch((line) -> line.contains("dev.migrations.Migrator source: shared objects file"));
		Run usage = launcher(Map.of(), "up", "--no-such-option");
		assertThat(usage.status()).isEqualTo(2);
		assertThat(usage.err()).contains("unknown option --no-such-option");
	}

	@Test
	@RequiresPostgres
	void migratesPostgresqlWithTheDriverItCarries() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			Run up = migrate("up", "--db", database.dataSource().url(), "--dir", migrations().location());

			assertThat(up.status()).as(up.err()).isZero();
			assertThat(database.tables()).contains("users", "posts", "goose_db_version");
		}
	}

	@Test
	@RequiresMariaDb
	void migratesMariaDbAndMySqlUrlsWithTheDriversItCarries() throws Exception {
		try (MariaDbTestDatabase database = MariaDbTestDatabase.create()) {
			String mariadbUrl = database.dataSource().url();
			Run up = migrate("up-by-one", "--db", mariadbUrl, "--dir", migrations().location());
			assertThat(up.status()).as(up.err()).isZero();
			assertThat(up.err()).isEmpty();

			// MySQL's own driver takes jdbc:mysql: URLs, and speaks to MariaDB too.
			String mysqlUrl = "jdbc:mysql:" + mariadbUrl.substring("jdbc:mariadb:".length());
			Run rest = migrate("up", "--db", mysqlUrl, "--dir", migrations().location());
			assertThat(rest.status()).as(rest.err()).isZero();
			assertThat(rest.out()).contains("the database went from version 1 to 2");
			assertThat(rest.err()).isEmpty();
			assertThat(database.tables()).contains("users", "posts", "goose_db_version");

			Run version = migrate("version", "--db", mariadbUrl, "--dir", migrations().location(), "--json");
			assertThat(version.out().strip()).isEqualTo("{\"version\": 2}");
		}
	}

	@Test
	@RequiresMariaDb
	void aMariaDbLoginThatFailsIsOneLineWithoutThePassword() throws Exception {
		Run run = migrate("status", "--db",
				MariaDbTestDatabase.urlOf("test").replace("user=root", "user=nobody&password=hunter2-secret"), "--dir",
				migrations().location());

		assertThat(run.status()).isOne();
		assertThat(run.err().lines()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("migrate: Failed connecting to the database")
				.doesNotContain("hunter2-secret"));
	}

	@Test
	void aDatabaseThatCannotBeReachedIsOneLineAndExitOne() throws Exception {
		Run run = migrate("up", "--db", "jdbc:postgresql://127.0.0.1:99999/test?user=postgres", "--dir",
				migrations().location());

		assertThat(run.status()).isOne();
		assertThat(run.err().lines()).singleElement()
			.satisfies((line) -> assertThat(line).startsWith("migrate: Failed connecting to the database"));
	}

	@Test
	void helpAndVersionExitZeroAndUsageErrorsTwo() throws Exception {
		Run help = migrate("--help");
		assertThat(help.status()).isZero();
		assertThat(help.out()).startsWith("usage: migrate <command> [arguments] [options]");

		Run version = migrate("--version");
		assertThat(version.status()).isZero();
		assertThat(version.out().strip()).matches("migrate \\d+\\.\\d+\\.\\d+.*");

		Run wrong = migrate("status", "--backup");
		assertThat(wrong.status()).isEqualTo(2);
		assertThat(wrong.err()).startsWith("migrate: status does not take --backup\nusage: migrate status");
	}

}
