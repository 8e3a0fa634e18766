package dev.migrations.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands that make the engine safe to trust, as the command line offers them. */
class SafetyCommandsTests extends CommandTestSupport {

	private MigrationDir dir;

	private String db;

	@BeforeEach
	void writeMigrations() {
		this.dir = MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;")
			.goose("00002_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY);", "DROP TABLE posts;");
		this.db = this.temp.resolve("app.db").toString();
	}

	private int run(String... args) {
		String[] all = new String[args.length + 4];
		System.arraycopy(args, 0, all, 0, args.length);
		all[args.length] = "--db";
		all[args.length + 1] = this.db;
		all[args.length + 2] = "--dir";
		all[args.length + 3] = this.dir.location();
		return runCommand(MigrateCommand.Defaults.NONE, Map.of(), all);
	}

	@Test
	void planPrintsStatementsAsTextAndJsonAndChangesNothing() throws Exception {
		assertThat(run("plan")).isZero();
		assertThat(out()).startsWith("Plan for up from version 0: 2 migrations (nothing was changed)")
			.contains("-- up 00001_users.sql (in a transaction)\nCREATE TABLE users (id INTEGER PRIMARY KEY);");

		assertThat(run("plan", "--json")).isZero();
		assertThat(out().strip()).isEqualTo("{\"migrations\": [{\"version\": 1, \"file\": \"00001_users.sql\","
				+ " \"direction\": \"up\", \"transaction\": true, \"statements\": [\"CREATE TABLE users (id INTEGER PRIMARY KEY);\"]},"
				+ " {\"version\": 2, \"file\": \"00002_posts.sql\", \"direction\": \"up\", \"transaction\": true,"
				+ " \"statements\": [\"CREATE TABLE posts (id INTEGER PRIMARY KEY);\"]}]}");
		assertThat(Files.size(Path.of(this.db))).isZero();

		run("up");
		assertThat(run("plan", "down-to", "0", "--json")).isZero();
		assertThat(out()).contains("\"direction\": \"down\"").contains("DROP TABLE posts;");
		assertThat(run("plan")).isZero();
		assertThat(out().strip()).isEqualTo("Nothing to run for up; the database is at version 2.");
	}

	@Test
	void validateExitsWithOneWhenItFindsProblems() {
		run("up");
		assertThat(run("validate")).isZero();
		assertThat(out().strip()).isEqualTo("Validation passed: 2 migrations, no problems found.");

		this.dir.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);",
				"DROP TABLE users;");
		assertThat(run("validate")).isEqualTo(1);
		assertThat(out()).startsWith("Validation found 1 problem:\n  checksum_mismatch: ").contains("00001_users.sql");
		assertThat(run("validate", "--json")).isEqualTo(1);
		assertThat(out())
			.startsWith("{\"valid\": false, \"issues\": [{\"kind\": \"checksum_mismatch\", \"version\": 1,");

		assertThat(run("up")).isEqualTo(1);
		assertThat(err()).startsWith("migrate: Validation failed, so nothing was run:")
			.contains("migrate: hint: 'migrate validate' lists every problem");
		assertThat(run("repair")).isZero();
		assertThat(out().strip())
			.isEqualTo("Recorded the new checksum of 00001_users.sql, which was edited after it was applied.");
		assertThat(run("repair", "--json")).isZero();
		assertThat(out().strip()).isEqualTo("{\"changes\": []}");
		assertThat(run("validate")).isZero();
	}

	@Test
	void validateOfflineChecksFilesWithoutADatabase() {
		this.dir.file("00003_broken.sql", "-- +goose Up\nSELECT 'open;\n");

		int status = runCommand(MigrateCommand.Defaults.NONE, Map.of(), "validate", "--offline", "--dir",
				this.dir.location());

		assertThat(status).isEqualTo(1);
		assertThat(out()).contains("parse_error: ").contains("00003_broken.sql:2");
		assertThat(Path.of(this.db)).doesNotExist();
		// A database named too is not opened: this one cannot be reached.
		assertThat(runCommand(MigrateCommand.Defaults.NONE, Map.of(), "validate", "--offline", "--db",
				"jdbc:postgresql://127.0.0.1:1/nowhere", "--dir", this.dir.location()))
			.isEqualTo(1);
		assertThat(out()).contains("00003_broken.sql:2");
		assertThat(err()).doesNotContain("Connection").doesNotContain("127.0.0.1");
	}

	@Test
	void baselineMarksAnExistingSchemaAndUpContinues() {
		try (SqliteTestDatabase database = SqliteTestDatabase.at(Path.of(this.db))) {
			database.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");

			assertThat(run("up")).isEqualTo(1);
			assertThat(err()).contains("baseline V")
				.contains("migrate: hint: run 'migrate baseline V' with the version the existing schema matches, or"
						+ " 'migrate up --baseline-on-migrate --baseline-version V' to do both at once");
			assertThat(run("baseline", "1")).isZero();
			assertThat(out().strip()).isEqualTo("Baselined: versions up to 1 are marked applied; nothing ran.");
			assertThat(run("up")).isZero();
			assertThat(out()).contains("OK   up 00002_posts.sql").doesNotContain("00001_users.sql");
		}
	}

	@Test
	void baselineOnMigrateFromTheCommandLine() {
		try (SqliteTestDatabase database = SqliteTestDatabase.at(Path.of(this.db))) {
			database.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)");

			assertThat(run("up", "--baseline-on-migrate", "--baseline-version", "1")).isZero();
			assertThat(out()).contains("OK   up 00002_posts.sql");
		}
	}

	@Test
	void placeholdersAndBackupsAreConfiguredFromTheCommandLine() throws Exception {
		this.dir.file("00003_named.sql",
				"-- migrations:placeholders\n-- +goose Up\nCREATE TABLE ${name} (id INTEGER);\n");
		Path backups = Files.createDirectories(this.temp.resolve("backups"));

		assertThat(run("up", "--placeholder", "name=named", "--backup", "--backup-dir", backups.toString(),
				"--backup-keep", "1"))
			.isZero();

		try (SqliteTestDatabase database = SqliteTestDatabase.at(Path.of(this.db))) {
			assertThat(database.tables()).contains("named");
		}
		try (var files = Files.list(backups)) {
			assertThat(files.toList()).hasSize(1);
		}
		assertThat(run("status", "--placeholder", "name=named")).isZero();
		assertThat(out()).contains("applied            00003_named.sql");
	}

	@Test
	void createWritesTheNextFileAndFixRenumbersTimestampsUnlessApplied() throws Exception {
		assertThat(run("create", "Add Tags")).isZero();
		assertThat(out().strip()).isEqualTo("Created " + this.dir.path().resolve("00003_add_tags.sql"));
		assertThat(run("create", "audit", "--timestamp", "--json")).isZero();
		assertThat(out())
			.matches("(?s)\\{\"version\": \\d{14}, \"format\": \"goose\", \"files\": \\[.*_audit\\.sql\"\\]\\}\\s*");

		assertThat(run("fix")).isZero();
		assertThat(out()).matches("(?s)Renamed \\d{14}_audit\\.sql => 00004_audit\\.sql\\s*");
		assertThat(run("fix")).isZero();
		assertThat(out().strip()).isEqualTo("Nothing to fix: no file has a timestamp version.");

		assertThat(run("create", "late", "--timestamp")).isZero();
		assertThat(run("up")).isZero();
		assertThat(run("fix")).isEqualTo(1);
		assertThat(err()).contains("late");
	}

	@Test
	void verifyProvesEachDownUndoesItsUpOnAScratchDatabase() {
		assertThat(run("verify")).isZero();
		assertThat(out()).contains("Verified 2 migrations in ").contains("each Down undoes its Up");
		assertThat(run("verify", "--json")).isEqualTo(1);
		assertThat(err()).contains("scratch");

		this.db = this.temp.resolve("scratch.db").toString();
		this.dir.goose("00003_tags.sql", "CREATE TABLE tags (id INTEGER);\nCREATE INDEX tags_id ON tags (id);",
				"DROP INDEX tags_id;");
		assertThat(run("verify")).isEqualTo(1);
		assertThat(err()).contains("00003_tags.sql").contains("table tags");
	}

	@Test
	void verifyOfOneMigrationSaysOneMigration() {
		this.dir.delete("00002_posts.sql");

		assertThat(run("verify")).as(err()).isZero();
		assertThat(out()).contains("Verified 1 migration in ");
	}

	@Test
	void createRefusesAClasspathLocation() {
		int status = runCommand(MigrateCommand.Defaults.NONE, Map.of(), "create", "x", "--dir",
				"classpath:db/migrations");

		assertThat(status).isEqualTo(2);
		assertThat(err()).startsWith("migrate: create writes files, so --dir must name a directory on disk");
	}

	@Test
	void outOfOrderAndValidationPoliciesAreChosenFromTheCommandLine() {
		this.dir.delete("00001_users.sql");
		run("up");
		this.dir.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;");

		assertThat(run("up")).isEqualTo(1);
		assertThat(err()).contains("outOfOrder=apply")
			.contains("migrate: hint: 'migrate up --out-of-order apply' applies [1] in version order");
		assertThat(run("up", "--out-of-order", "ignore")).isZero();
		assertThat(out()).contains("No migrations to run");
		assertThat(run("up", "--out-of-order", "apply", "--validation", "warn")).isZero();
		assertThat(out()).contains("OK   up 00001_users.sql");
	}

	@Test
	@RequiresPostgres
	void aMigrationWaitingBehindAnOpenTransactionFailsAfterTheTableLockTimeoutNamingTheHolder() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			String url = database.dataSource().url();
			assertThat(
					runCommand(MigrateCommand.Defaults.NONE, Map.of(), "up", "--db", url, "--dir", this.dir.location()))
				.isZero();
			this.dir.goose("00003_bio.sql", "ALTER TABLE users ADD COLUMN bio TEXT;",
					"ALTER TABLE users DROP COLUMN bio;");
			try (Connection reader = DriverManager.getConnection(url); Statement statement = reader.createStatement()) {
				statement.execute("SET application_name = 'report-job-7f3a'");
				reader.setAutoCommit(false);
				statement.execute("SELECT count(*) FROM users");

				assertThat(runCommand(MigrateCommand.Defaults.NONE, Map.of(), "up", "--db", url, "--dir",
						this.dir.location(), "--table-lock-timeout", "200"))
					.isOne();

				assertThat(err()).startsWith("migrate: ")
					.contains("00003_bio.sql")
					.contains("waited 200 ms for a lock held by session")
					.contains("application 'report-job-7f3a'");
			}
			assertThat(runCommand(MigrateCommand.Defaults.NONE, Map.of(), "version", "--db", url, "--dir",
					this.dir.location()))
				.isZero();
			assertThat(out()).contains("2");
		}
	}

}
