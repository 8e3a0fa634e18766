package dev.migrations.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.SpringBootVersion;
import org.springframework.core.SpringVersion;
import tools.jackson.databind.JsonNode;

import dev.migrations.sample.support.Api;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The packaged executable jar started as a user starts it,
 * {@code java -jar sample-app.jar}, in a directory of its own: it migrates its database,
 * becomes ready, serves the API, and stops when told to.
 */
class ProxyJarIT {

	/**
	 * How long a start may take before the test gives up on a hung process; not a
	 * performance limit.
	 */
	private static final Duration HANG_GUARD = Duration.ofMinutes(2);

	@TempDir
	Path workingDirectory;

	/**
	 * A running application; closing it stops it the way a service manager does (SIGTERM)
	 * and waits.
	 */
	private record RunningProxy(Process process, Api api, Path log) implements AutoCloseable {

		String output() {
			try {
				return Files.readString(this.log, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() {
			this.process.destroy();
			try {
				if (!this.process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)) {
					this.process.destroyForcibly().waitFor();
				}
			}
			catch (InterruptedException ex) {
				this.process.destroyForcibly();
				Thread.currentThread().interrupt();
			}
		}

	}

	private RunningProxy start(String... args) throws IOException, InterruptedException {
		return start(List.of(), args);
	}

	private RunningProxy start(List<String> jvmOptions, String... args) throws IOException, InterruptedException {
		int port = freePort();
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", Path.of(System.getProperty("sample.jar")).toAbsolutePath().toString(),
				"--server.port=" + port));
		command.addAll(List.of(args));
		Path log = this.workingDirectory.resolve("proxy.log");
		Process process = new ProcessBuilder(command).directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		RunningProxy proxy = new RunningProxy(process, new Api(port), log);
		awaitReadiness(proxy);
		return proxy;
	}

	/**
	 * Readiness is UP once the startup migrations have run: they run before the
	 * application accepts traffic.
	 */
	private static void awaitReadiness(RunningProxy proxy) throws InterruptedException {
		Instant giveUp = Instant.now().plus(HANG_GUARD);
		while (Instant.now().isBefore(giveUp)) {
			if (!proxy.process().isAlive()) {
				fail("The application exited with " + proxy.process().exitValue() + ":\n" + proxy.output());
			}
			try {
				Api.Response readiness = proxy.api().get("/actuator/health/readiness");
				if (readiness.status() == 200 && readiness.json().get("status").asString().equals("UP")) {
					return;
				}
			}
			catch (UncheckedIOException notListeningYet) {
				// The port opens a moment after the process starts.
			}
			Thread.sleep(100);
		}
		proxy.process().destroyForcibly();
		fail("The application did not become ready:\n" + proxy.output());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Creates a project and a token through the API and checks the token twice; answers
	 * the secrets used.
	 */
	private static List<String> useTheApi(Api api) {
		Api.Response project = api.post("/api/projects", Api.json("name", "jar-project", "api_key", "sk-jar-key-123"));
		assertThat(project.status()).as(project.text()).isEqualTo(201);
		String projectId = project.json().get("id").asString();
		Api.Response token = api.post("/api/projects/" + projectId + "/tokens", Api.json("max_requests", 1));
		assertThat(token.status()).as(token.text()).isEqualTo(201);
		String secret = token.json().get("token").asString();

		assertThat(api.post("/v1/tokens/check", Api.json("token", secret)).json().get("status").asString())
			.isEqualTo("valid");
		assertThat(api.post("/v1/tokens/check", Api.json("token", secret)).status()).isEqualTo(429);
		JsonNode events = api.get("/api/audit-events?project_id=" + projectId).json();
		assertThat(events.get("total").asLong()).isEqualTo(4);
		assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
		return List.of("sk-jar-key-123", secret);
	}

	private static void assertMigrated(TestDatabase database) {
		assertThat(database.tables()).containsExactly("audit_events", "goose_db_version", "goose_db_version_meta",
				"projects", "tokens");
		assertThat(database.count("SELECT MAX(version_id) FROM goose_db_version")).isEqualTo(7);
		assertThat(database.count("SELECT COUNT(*) FROM projects")).isEqualTo(1);
		assertThat(database.count("SELECT request_count FROM tokens")).isEqualTo(1);
	}

	@Test
	void startsOnAFreshSqliteFileInItsWorkingDirectoryAndServesTheApi() throws Exception {
		List<String> secrets;
		try (RunningProxy proxy = start()) {
			secrets = useTheApi(proxy.api());
			assertThat(proxy.output()).contains("OK   up 00007_add_audit_project_timestamp_index.sql");
			for (String secret : secrets) {
				assertThat(proxy.output()).doesNotContain(secret);
			}
		}

		try (SqliteTestDatabase database = SqliteTestDatabase.at(this.workingDirectory.resolve("data/proxy.db"))) {
			assertMigrated(database);
		}
	}

	@Test
	void startsProcessedAheadOfTimeMigratesAndServesTheApi() throws Exception {
		try (RunningProxy proxy = start(List.of("-Dspring.aot.enabled=true"))) {
			useTheApi(proxy.api());
			assertThat(proxy.output()).contains("Starting AOT-processed ProxyApplication")
				.contains("OK   up 00007_add_audit_project_timestamp_index.sql")
				.contains("Startup migrations run as the first application runner");
		}

		try (SqliteTestDatabase database = SqliteTestDatabase.at(this.workingDirectory.resolve("data/proxy.db"))) {
			assertMigrated(database);
		}
	}

	@Test
	void anUnreachableDatabaseGetsTheStartersReportAndNoStackTrace() throws Exception {
		String output = startAndFail(
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/proxy?user=proxy&password=unseen-pw");

		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The migrations could not start: the engine failed connecting to the database")
			.doesNotContain("\tat ")
			.doesNotContain("unseen-pw");
	}

	/**
	 * Starts the jar with arguments, expects it to fail (exit 1), and returns what it
	 * printed.
	 */
	private String startAndFail(String... arguments) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						Path.of(System.getProperty("sample.jar")).toAbsolutePath().toString(), "--server.port=0"));
		command.addAll(List.of(arguments));
		Path log = Files.createTempFile(this.workingDirectory, "failed", ".log");
		Process process = new ProcessBuilder(command).directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		assertThat(process.waitFor(HANG_GUARD.toSeconds(), TimeUnit.SECONDS)).isTrue();
		String output = Files.readString(log, StandardCharsets.UTF_8);
		assertThat(process.exitValue()).as(output).isOne();
		return output;
	}

	/**
	 * Passwords holding a character where a guessed secret would end, in the URL and
	 * configured: neither the starter's report nor the pool's or Spring's log lines show
	 * any part of them, whatever fails.
	 */
	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = {
			"a port out of range | jdbc:postgresql://127.0.0.1:99999/test?user=postgres&password=abc;Zq4-unseen | ",
			"a quote in the password | jdbc:postgresql://127.0.0.1:99999/test?user=postgres&password=abc'Zq4-unseen | ",
			"a mistyped driver prefix | jdbc:postgres://postgres:ab/Zq4-unseen@127.0.0.1/test | ",
			"an unknown role | jdbc:postgresql://127.0.0.1:5432/test?user=no_such_role_7f3a | pw;Zq4-unseen" })
	@RequiresPostgres
	void noFailureToConnectShowsAnyPartOfThePassword(String failure, String url, String password) throws Exception {
		String output = (password != null)
				? startAndFail("--spring.datasource.url=" + url, "--spring.datasource.password=" + password)
				: startAndFail("--spring.datasource.url=" + url);

		assertThat(output).as(failure).contains("APPLICATION FAILED TO START").doesNotContain("Zq4-unseen");
	}

	@Test
	void theJarCarriesOneSpringBootAndOneSpringFrameworkRelease() throws Exception {
		Map<String, Set<String>> releases = new TreeMap<>();
		try (JarFile jar = new JarFile(System.getProperty("sample.jar"))) {
			jar.stream().map(JarEntry::getName).forEach((name) -> {
				Matcher library = Pattern
					.compile("BOOT-INF/lib/(spring-boot|spring)-[a-z-]*?-?(\\d+\\.\\d+\\.\\d+)\\.jar")
					.matcher(name);
				if (library.matches()) {
					releases.computeIfAbsent(library.group(1), (key) -> new TreeSet<>()).add(library.group(2));
				}
			});
		}

		assertThat(releases.get("spring-boot")).containsExactly(SpringBootVersion.getVersion());
		assertThat(releases.get("spring")).containsExactly(SpringVersion.getVersion());
	}

	@Test
	void aSecondStartFindsNothingToMigrateAndKeepsTheData() throws Exception {
		try (RunningProxy proxy = start()) {
			useTheApi(proxy.api());
		}

		try (RunningProxy proxy = start()) {
			assertThat(proxy.api().get("/api/projects").json().values()).singleElement()
				.satisfies((project) -> assertThat(project.get("name").asString()).isEqualTo("jar-project"));
			assertThat(proxy.output()).doesNotContain("OK   up");
		}
	}

	@Test
	@RequiresPostgres
	void startsWithThePostgresProfileAndServesTheApi() throws Exception {
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			try (RunningProxy proxy = start("--spring.profiles.active=postgres",
					"--spring.datasource.url=" + database.dataSource().url())) {
				List<String> secrets = useTheApi(proxy.api());
				for (String secret : secrets) {
					assertThat(proxy.output()).doesNotContain(secret);
				}
			}

			assertMigrated(database);
			assertThat(this.workingDirectory.resolve("data")).doesNotExist();
		}
	}

}
