package dev.migrations.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate} given a password in {@code MIGRATIONS_DB_PASSWORD}, one in the JDBC URL and a secret placeholder,
 * each carrying a marker: whatever the command and however it fails, the marker is in neither its output nor the
 * engine's log.
 */
class SecretsCommandTest extends CommandTestSupport {

	private static final String MARKER = "Wx7-s3cr3t";

	private static final Map<String, String> ENVIRONMENT = Map.of(MigrateCommand.PASSWORD_VARIABLE, MARKER + "-env");

	private final ByteArrayOutputStream log = new ByteArrayOutputStream();

	private PrintStream originalErr;

	private PrintStream originalOut;

	private MigrationDir dir;

	@BeforeEach
	void captureTheLogAndWriteMigrations() {
		// slf4j-simple, the engine's log in these tests, writes to whatever System.err is at the time.
		this.originalErr = System.err;
		this.originalOut = System.out;
		PrintStream capture = new PrintStream(this.log, true, StandardCharsets.UTF_8);
		System.setErr(capture);
		System.setOut(capture);
		this.dir = MigrationDir.at(this.temp.resolve("migrations"))
			.file("00001_accounts.sql", "-- migrations:placeholders\n-- +goose Up\nCREATE TABLE accounts (pw TEXT);\n"
					+ "INSERT INTO accounts VALUES ('${db_password}');\n");
	}

	@AfterEach
	void restoreTheStreams() {
		System.setErr(this.originalErr);
		System.setOut(this.originalOut);
	}

	private int run(String... args) {
		return runCommand(MigrateCommand.Defaults.NONE, ENVIRONMENT, args);
	}

	private void assertNoSecretShown() {
		assertThat(out()).doesNotContain(MARKER);
		assertThat(err()).doesNotContain(MARKER);
		assertThat(this.log.toString(StandardCharsets.UTF_8)).doesNotContain(MARKER);
	}

	@Test
	void aSecretPlaceholderIsAppliedButPlannedAndReportedMasked() {
		String db = this.temp.resolve("app.db").toString();
		String placeholder = "--placeholder=db_password=" + MARKER + "-placeholder";

		assertThat(run("plan", "--db", db, "--dir", this.dir.location(), placeholder)).isZero();
		assertThat(out()).contains("INSERT INTO accounts VALUES ('***');");
		assertNoSecretShown();
		assertThat(run("plan", "--json", "--db", db, "--dir", this.dir.location(), placeholder)).isZero();
		assertThat(out()).contains("INSERT INTO accounts VALUES ('***');");
		assertNoSecretShown();

		assertThat(run("up", "--db", db, "--dir", this.dir.location(), placeholder)).isZero();
		assertNoSecretShown();
		assertThat(run("status", "--json", "--db", db, "--dir", this.dir.location(), placeholder)).isZero();
		assertNoSecretShown();

		this.dir.file("00002_broken.sql", "-- migrations:placeholders\n-- +goose Up\nSELECT * FROM \"${db_password}\";\n");
		assertThat(run("up", "--db", db, "--dir", this.dir.location(), placeholder)).isEqualTo(1);
		assertThat(err()).contains("no such table: ***");
		assertNoSecretShown();
	}

	@Test
	void aUrlNoDriverAcceptsIsShownWithItsPasswordHidden() {
		assertThat(run("status", "--db", "jdbc:nosuchdatabase://db.example/app?user=app&password=" + MARKER + "-url",
				"--dir", this.dir.location())).isEqualTo(1);

		assertThat(err()).contains("password=***");
		assertNoSecretShown();
	}

	@Test
	@RequiresPostgres
	void aRoleThePostgresqlServerDoesNotKnowIsReportedWithoutAnyPassword() {
		String url = PostgresTestDatabase.baseUrl().replaceAll("([?&])user=[^&]*", "$1user=no_such_role_5c1d")
				+ "&password=" + MARKER + "-url";

		for (String command : new String[] { "status", "up", "plan", "validate" }) {
			assertThat(run(command, "--db", url, "--dir", this.dir.location(), "--user", "no_such_role_5c1d"))
				.as(command)
				.isEqualTo(1);
			assertThat(err()).contains("no_such_role_5c1d");
			assertNoSecretShown();
		}
	}

	@Test
	@RequiresPostgres
	void aFailingMigrationOnPostgresqlShowsNoPassword() {
		this.dir.file("00002_broken.sql", "-- migrations:placeholders\n-- +goose Up\nSELECT * FROM \"${db_password}\";\n");
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			// Trust authentication ignores the passwords, so the command connects and the migration fails.
			String url = database.dataSource().url() + "&password=" + MARKER + "-url";

			assertThat(run("up", "--db", url, "--dir", this.dir.location(),
					"--placeholder", "db_password=" + MARKER + "-placeholder")).isEqualTo(1);

			assertThat(err()).contains("relation \"***\" does not exist");
			assertNoSecretShown();
		}
	}

}
