package dev.migrations;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.zaxxer.hikari.HikariDataSource;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A HikariCP pool configured with a password, and the same password in its URL, that
 * holds a character where a guessed secret would end, followed by a marker: however
 * connecting or migrating fails, the marker is in none of the failure's messages and none
 * of the engine's log lines.
 */
@RequiresPostgres
class PostgresConnectionSecretsTests {

	private static final String MARKER = "Qz9-SECRET";

	private final ByteArrayOutputStream log = new ByteArrayOutputStream();

	private PrintStream originalErr;

	static Stream<Arguments> failures() {
		List<UnaryOperator<String>> paths = List.of((url) -> url.replaceFirst("//[^/]+/", "//127.0.0.1:99999/"),
				(url) -> url.replaceFirst("//[^/]+/", "//no-such-host.invalid:5432/"),
				(url) -> url.replaceFirst("//([^/]+)/[^?]+", "//$1/no_such_database_7f3a"),
				(url) -> url.replaceFirst("([?&])user=[^&]*", "$1user=no_such_role_7f3a"),
				(url) -> url.replaceFirst("^jdbc:postgresql://([^/]+)/(.*)&password=(.*)$",
						"jdbc:postgres://postgres:$3@$1/$2"));
		List<String> names = List.of("a port out of range", "an unknown host", "an unknown database", "an unknown role",
				"a mistyped driver prefix");
		// The pool waits a second after each failed attempt on the server, so those paths
		// take fewer passwords.
		List<String> refusedByTheDriver = List.of("abc;", "abc'", "abc ", "ab/", "ab@", "ab&", "ab%41", "");
		List<String> refusedByTheServer = List.of("abc;");
		List<Arguments> cases = new ArrayList<>();
		for (int i = 0; i < paths.size(); i++) {
			boolean byTheDriver = names.get(i).startsWith("a port") || names.get(i).startsWith("a mistyped");
			for (String password : byTheDriver ? refusedByTheDriver : refusedByTheServer) {
				cases.add(Arguments.of(names.get(i), password + MARKER, paths.get(i)));
			}
		}
		return cases.stream();
	}

	@BeforeEach
	void captureTheLog() {
		// slf4j-simple, the engine's log in these tests, writes to whatever System.err is
		// at the time.
		this.originalErr = System.err;
		System.setErr(new PrintStream(this.log, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restoreTheStream() {
		System.setErr(this.originalErr);
	}

	@ParameterizedTest(name = "{0}, password {1}")
	@MethodSource("failures")
	void noFailureToConnectShowsThePassword(String failure, String password, UnaryOperator<String> breakUrl) {
		String url = breakUrl.apply(PostgresTestDatabase.baseUrl() + "&password=" + inUrl(password));
		try (HikariDataSource dataSource = pool(url, password)) {
			Migrator migrator = Migrator.builder()
				.dataSource(dataSource)
				.locations(MigrationDir.create()
					.goose("00001_t.sql", "CREATE TABLE t (id INT);", "DROP TABLE t;")
					.location())
				.connectRetries(1)
				.connectRetriesInterval(java.time.Duration.ofMillis(10))
				.build();

			MigrationException thrown = catchThrowableOfType(MigrationException.class, migrator::up);

			assertThat(thrown).as(failure).isInstanceOf(DatabaseAccessException.class);
			assertNoMarker(thrown);
		}
	}

	@ParameterizedTest(name = "password {0}")
	@MethodSource("dev.migrations.PostgresConnectionSecretsTests#passwords")
	void aFailingMigrationShowsNoPassword(String password) {
		try (PostgresTestDatabase database = PostgresTestDatabase.create();
				HikariDataSource dataSource = pool(database.dataSource().url() + "&password=" + inUrl(password),
						password)) {
			// Trust authentication ignores the password, so the engine connects and the
			// migration fails.
			Migrator migrator = Migrator.builder()
				.dataSource(dataSource)
				.locations(MigrationDir.create()
					.goose("00001_t.sql", "CREATE TABLE t (id INT); SELECT 1/0;", "DROP TABLE t;")
					.location())
				.build();

			MigrationException thrown = catchThrowableOfType(MigrationException.class, migrator::up);

			assertThat(thrown).isInstanceOf(MigrationFailedException.class);
			assertNoMarker(thrown);
		}
	}

	static Stream<String> passwords() {
		return Stream.of("abc;", "abc'", "ab/", "ab@", "ab&").map((password) -> password + MARKER);
	}

	/**
	 * A password as pgjdbc reads it from its URL: only {@code %}, {@code &} and {@code +}
	 * need escaping.
	 */
	private static String inUrl(String password) {
		return password.replace("%", "%25").replace("&", "%26").replace("+", "%2B");
	}

	private void assertNoMarker(Throwable thrown) {
		for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
			assertThat(String.valueOf(cause)).doesNotContain(MARKER);
			for (Throwable suppressed : cause.getSuppressed()) {
				assertThat(String.valueOf(suppressed)).doesNotContain(MARKER);
			}
		}
		assertThat(this.log.toString(StandardCharsets.UTF_8)).doesNotContain(MARKER);
	}

	private static HikariDataSource pool(String url, String password) {
		HikariDataSource dataSource = new HikariDataSource();
		// As Spring Boot configures it: the driver named, so a URL it refuses fails in
		// the pool, naming the URL.
		dataSource.setDriverClassName("org.postgresql.Driver");
		dataSource.setJdbcUrl(url);
		dataSource.setPassword(password);
		dataSource.setConnectionTimeout(250);
		dataSource.setMaximumPoolSize(2);
		return dataSource;
	}

}
