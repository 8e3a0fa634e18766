package dev.migrations.spring.boot;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import dev.migrations.DatabaseAccessException;
import dev.migrations.LockTimeoutException;
import dev.migrations.MigrationFailedException;
import dev.migrations.lock.DatabaseLock;
import dev.migrations.lock.SqliteFileLock;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The test application, with passwords and a secret placeholder configured everywhere
 * they can be (the DataSource, the migrations' own login, the JDBC URL), started and made
 * to fail in every way that involves the database: not one of them reaches the log
 * (statements at DEBUG included), an exception, a failure report, the endpoint or the
 * health details. Each secret carries a marker the output is searched for.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsApplicationTests {

	private static final String MARKER = "Zq9-s3cr3t";

	private static final String DATASOURCE_PASSWORD = MARKER + "-datasource";

	private static final String MIGRATIONS_PASSWORD = MARKER + "-migrations";

	private static final String URL_PASSWORD = MARKER + "-url";

	private static final String PLACEHOLDER = MARKER + "-placeholder";

	@TempDir
	Path temp;

	private final HttpClient http = HttpClient.newHttpClient();

	/**
	 * Every secret the application is given, a placeholder value that migrations use
	 * among them.
	 */
	private List<String> secrets(String... more) {
		List<String> arguments = new ArrayList<>(List.of("--spring.datasource.password=" + DATASOURCE_PASSWORD,
				"--migrations.placeholders.db_password=" + PLACEHOLDER, "--logging.level.dev.migrations=debug",
				"--server.port=0"));
		arguments.addAll(List.of(more));
		return arguments;
	}

	private String extraMigrations() {
		return Startups.withMigrationsFrom(this.temp.resolve("extra"));
	}

	private MigrationDir extra() {
		return MigrationDir.at(this.temp.resolve("extra"));
	}

	@Test
	void aRunningApplicationShowsNoSecretInItsLogEndpointOrHealth(CapturedOutput output) throws Exception {
		extra().file("00004_accounts.sql",
				"-- migrations:placeholders\n-- +goose Up\nCREATE TABLE accounts (pw TEXT);\n"
						+ "INSERT INTO accounts VALUES ('${db_password}');\n");
		List<String> arguments = secrets(Startups.sqlite(this.temp.resolve("todo.db")), extraMigrations(),
				"--migrations.user=migrator", "--migrations.password=" + MIGRATIONS_PASSWORD,
				"--migrations.endpoint.migrate-enabled=true",
				"--management.endpoints.web.exposure.include=health,migrations",
				"--management.endpoint.health.show-details=always");

		try (ConfigurableApplicationContext context = Startups.todoApplication()
			.run(arguments.toArray(String[]::new))) {
			String port = context.getEnvironment().getProperty("local.server.port");
			String endpoint = get(port, "/actuator/migrations");
			String health = get(port, "/actuator/health");
			String migrate = post(port, "/actuator/migrations/migrator");

			assertThat(endpoint).contains("00004_accounts.sql");
			assertThat(health).contains("\"migrations\"");
			assertThat(migrate).contains("\"finalVersion\":4");
			assertNoSecretIn(endpoint, health, migrate);
		}
		// The statements were logged, each with the placeholder's value masked.
		assertThat(output).contains("INSERT INTO accounts VALUES ('***')");
		assertNoSecretIn(output.toString());
	}

	@Test
	void aFailingMigrationQuotingTheSecretShowsItNowhere(CapturedOutput output) {
		extra().file("00004_broken.sql",
				"-- migrations:placeholders\n-- +goose Up\nSELECT * FROM \"${db_password}\";\n");

		Throwable failure = catchThrowable(() -> Startups.todoApplication()
			.run(secrets(Startups.sqlite(this.temp.resolve("todo.db")), extraMigrations()).toArray(String[]::new)));

		assertThat(Startups.causeOfType(failure, MigrationFailedException.class)).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START").contains("no such table: ***");
		assertNoSecretIn(output.toString(), chain(failure));
	}

	@Test
	void aLockTimeoutShowsNoSecret(CapturedOutput output) {
		Path database = this.temp.resolve("todo.db");

		Throwable failure;
		try (DatabaseLock.Lease held = new SqliteFileLock(database).acquire(Duration.ofSeconds(5))) {
			failure = catchThrowable(() -> Startups.todoApplication()
				.run(secrets(Startups.sqlite(database), "--migrations.lock-timeout=0s").toArray(String[]::new)));
		}

		assertThat(Startups.causeOfType(failure, LockTimeoutException.class)).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START");
		assertNoSecretIn(output.toString(), chain(failure));
	}

	@Test
	void aDriverThatRejectsTheUrlDoesNotShowTheUrlsPassword(CapturedOutput output) {
		// The connection pool names the URL in its own message (it masks the password
		// itself).
		String url = "jdbc:sqlite:" + this.temp.resolve("todo.db") + "?password=" + URL_PASSWORD;

		Throwable failure = catchThrowable(() -> Startups.todoApplication()
			.run(secrets("--spring.datasource.url=" + url,
					"--spring.datasource.driver-class-name=org.postgresql.Driver")
				.toArray(String[]::new)));

		assertThat(failure).isNotNull();
		assertThat(output).contains("claims to not accept jdbcUrl");
		assertNoSecretIn(output.toString(), chain(failure));
	}

	@Test
	void aDriverManagerThatFindsNoDriverDoesNotShowTheUrlsPassword(CapturedOutput output) {
		// DriverManager names the whole URL: "No suitable driver found for jdbc:...".
		String url = "jdbc:nosuchdatabase://db.example/app?user=app&password=" + URL_PASSWORD;

		Throwable failure = catchThrowable(() -> Startups.todoApplication()
			.run(secrets("--spring.datasource.url=" + url, "--spring.datasource.driver-class-name=org.sqlite.JDBC",
					"--spring.datasource.type=org.springframework.jdbc.datasource.DriverManagerDataSource")
				.toArray(String[]::new)));

		assertThat(Startups.causeOfType(failure, DatabaseAccessException.class)).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("No suitable driver found for jdbc:nosuchdatabase://db.example/app?user=app&password=***");
		assertNoSecretIn(output.toString(), chain(failure));
	}

	@Test
	void aMigrationsUrlNoDriverAcceptsDoesNotShowItsPassword(CapturedOutput output) {
		String url = "jdbc:nosuchdatabase://db.example/app?user=app&password=" + URL_PASSWORD;

		Throwable failure = catchThrowable(() -> Startups.todoApplication()
			.run(secrets("--migrations.url=" + url, Startups.sqlite(this.temp.resolve("todo.db")))
				.toArray(String[]::new)));

		assertThat(failure).isNotNull();
		assertNoSecretIn(output.toString(), chain(failure));
	}

	@Test
	@RequiresPostgres
	void aRoleThePostgresqlServerDoesNotKnowIsReportedWithoutItsPassword(CapturedOutput output) {
		String url = withoutUser(PostgresTestDatabase.baseUrl()) + "user=no_such_role_7f3a&password=" + URL_PASSWORD;

		Throwable failure = catchThrowable(() -> Startups.todoApplication()
			.run(secrets("--migrations.url=" + url, "--migrations.password=" + MIGRATIONS_PASSWORD,
					Startups.sqlite(this.temp.resolve("todo.db")))
				.toArray(String[]::new)));

		assertThat(Startups.causeOfType(failure, DatabaseAccessException.class)).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START").contains("no_such_role_7f3a");
		assertNoSecretIn(output.toString(), chain(failure));
	}

	@Test
	@RequiresPostgres
	void aFailingMigrationOnPostgresqlShowsNeitherTheUrlsPasswordNorThePlaceholder(CapturedOutput output) {
		extra().file("00004_broken.sql",
				"-- migrations:placeholders\n-- +goose Up\nSELECT * FROM \"${db_password}\";\n");
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			// Trust authentication ignores the password, so the application starts and
			// the migration fails.
			String url = database.dataSource().url() + "&password=" + URL_PASSWORD;

			Throwable failure = catchThrowable(() -> Startups.todoApplication()
				.run(secrets("--spring.datasource.url=" + url, extraMigrations()).toArray(String[]::new)));

			assertThat(Startups.causeOfType(failure, MigrationFailedException.class)).isNotNull();
			assertThat(output).contains("APPLICATION FAILED TO START").contains("relation \"***\" does not exist");
			assertNoSecretIn(output.toString(), chain(failure));
		}
	}

	private static String withoutUser(String url) {
		String base = url.replaceAll("([?&])user=[^&]*&?", "$1");
		return base + (base.contains("?") ? (base.endsWith("?") || base.endsWith("&") ? "" : "&") : "?");
	}

	/** Every message of an exception and its causes, suppressed ones included. */
	private static String chain(Throwable failure) {
		StringBuilder messages = new StringBuilder();
		appendChain(failure, messages);
		return messages.toString();
	}

	private static void appendChain(Throwable failure, StringBuilder messages) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			messages.append(cause).append('\n');
			for (Throwable suppressed : cause.getSuppressed()) {
				appendChain(suppressed, messages);
			}
		}
	}

	private static void assertNoSecretIn(String... texts) {
		for (String text : texts) {
			assertThat(text).doesNotContain(MARKER);
		}
	}

	private String get(String port, String path) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private String post(String port, String path) throws Exception {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
				.POST(HttpRequest.BodyPublishers.noBody())
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

}
