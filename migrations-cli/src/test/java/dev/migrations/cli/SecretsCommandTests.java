package dev.migrations.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code migrate} given a password in {@code MIGRATIONS_DB_PASSWORD}, one in the JDBC URL
 * and a secret placeholder, each carrying a marker: whatever the command and however it
 * fails, the marker is in neither its output nor the engine's log.
 */
class SecretsCommandTests extends CommandTestSupport {

	private static final String MARKER = "Wx7-s3cr3t";

	private static final Map<String, String> ENVIRONMENT = Map.of(MigrateCommand.PASSWORD_VARIABLE, MARKER + "-env");

	private final ByteArrayOutputStream log = new ByteArrayOutputStream();

	private PrintStream originalErr;

	private PrintStream originalOut;

	private MigrationDir dir;

	@BeforeEach
	void captureTheLogAndWriteMigrations() {
		// slf4j-simple, the engine's log in these tests, writes to whatever System.err is
		// at the time.
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

		this.dir.file("00002_broken.sql",
				"-- migrations:placeholders\n-- +goose Up\nSELECT * FROM \"${db_password}\";\n");
		assertThat(run("up", "--db", db, "--dir", this.dir.location(), placeholder)).isEqualTo(1);
		assertThat(err()).contains("no such table: ***");
		assertNoSecretShown();
	}

	@Test
	void aUrlNoDriverAcceptsIsShownWithItsPasswordHidden() {
		assertThat(run("status", "--db", "jdbc:nosuchdatabase://db.example/app?user=app&password=" + MARKER + "-url",
				"--dir", this.dir.location()))
			.isEqualTo(1);

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

	/**
	 * Failures to connect, each a function of the base URL and of a password as written
	 * in a URL.
	 */
	static Stream<Arguments> failuresToConnect() {
		List<String[]> paths = List.of(
				new String[] { "a port out of range", "(//[^/]+/)(.*)", "//127.0.0.1:99999/$2&password=PW" },
				new String[] { "an unknown host", "(//[^/]+/)(.*)", "//no-such-host.invalid:5432/$2&password=PW" },
				new String[] { "an unknown database", "//([^/]+)/[^?]+(.*)",
						"//$1/no_such_database_7f3a$2&password=PW" },
				new String[] { "an unknown role", "([?&])user=[^&]*(.*)", "$1user=no_such_role_7f3a$2&password=PW" },
				new String[] { "a mistyped driver prefix", "^jdbc:postgresql://([^/]+)/(.*)$",
						"jdbc:postgres://postgres:PW@$1/$2" });
		List<Arguments> cases = new ArrayList<>();
		for (String[] path : paths) {
			for (String password : List.of("abc;", "abc'", "abc ", "ab/", "ab@", "ab%26", "ab%41")) {
				cases.add(Arguments.of(path[0], password + MARKER, path[1], path[2]));
			}
		}
		return cases.stream();
	}

	@ParameterizedTest(name = "{0}, password {1}")
	@MethodSource("failuresToConnect")
	@RequiresPostgres
	void noFailureToConnectShowsAPasswordWhateverItHolds(String failure, String password, String pattern,
			String replacement) {
		String url = PostgresTestDatabase.baseUrl()
			.replaceFirst(pattern, replacement.replace("PW", Matcher.quoteReplacement(password)));
		Map<String, String> environment = Map.of(MigrateCommand.PASSWORD_VARIABLE, password);

		assertThat(
				runCommand(MigrateCommand.Defaults.NONE, environment, "up", "--db", url, "--dir", this.dir.location()))
			.as(failure)
			.isEqualTo(1);

		assertThat(err()).startsWith("migrate: Failed connecting to the database");
		assertNoSecretShown();
	}

	@Test
	@RequiresPostgres
	void aFailingMigrationOnPostgresqlShowsNoPassword() {
		this.dir.file("00002_broken.sql",
				"-- migrations:placeholders\n-- +goose Up\nSELECT * FROM \"${db_password}\";\n");
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			// Trust authentication ignores the passwords, so the command connects and the
			// migration fails.
			String url = database.dataSource().url() + "&password=" + MARKER + "-url";

			assertThat(run("up", "--db", url, "--dir", this.dir.location(), "--placeholder",
					"db_password=" + MARKER + "-placeholder"))
				.isEqualTo(1);

			assertThat(err()).contains("relation \"***\" does not exist");
			assertNoSecretShown();
		}
	}

	@ParameterizedTest(name = "password {0}")
	@MethodSource("passwords")
	@RequiresPostgres
	void aFailingMigrationShowsNoPasswordWhateverItHolds(String password) {
		this.dir.file("00002_broken.sql", "-- +goose Up\nSELECT * FROM no_such_table_7f3a;\n");
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			String url = database.dataSource().url() + "&password=" + password;

			assertThat(runCommand(MigrateCommand.Defaults.NONE, Map.of(MigrateCommand.PASSWORD_VARIABLE, password),
					"up", "--db", url, "--dir", this.dir.location(), "--placeholder", "db_password=x"))
				.isEqualTo(1);

			assertThat(err()).contains("no_such_table_7f3a");
			assertNoSecretShown();
		}
	}

	static Stream<String> passwords() {
		return Stream.of("abc;", "abc'", "abc ", "ab/", "ab@").map((password) -> password + MARKER);
	}

}
