package dev.migrations.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The smoke run: the built jar, started as a user starts it, runs every workload on every
 * database once, quickly, and prints RESULT lines with positive numbers for every tool.
 * Proves the benchmark works; measures nothing.
 */
class BenchmarksJarIT {

	private static final String POSTGRES_URL = Optional.ofNullable(System.getenv("MIGRATIONS_TEST_PG_URL"))
		.orElse(Options.DEFAULT_POSTGRES_URL);

	@TempDir
	Path directory;

	private record Run(int exitCode, String output) {

		List<String> results() {
			return this.output.lines().filter(line -> line.startsWith("RESULT ")).toList();
		}

		Map<String, String> result(String workload, String database) {
			String prefix = "RESULT workload=" + workload + ((database != null) ? " db=" + database : "") + " ";
			String line = results().stream()
				.filter(result -> result.startsWith(prefix))
				.findFirst()
				.orElseThrow(() -> new AssertionError("No line starting '" + prefix + "' in:\n" + this.output));
			Map<String, String> fields = new HashMap<>();
			for (String field : line.substring("RESULT ".length()).split(" ")) {
				String[] pair = field.split("=", 2);
				fields.put(pair[0], pair[1]);
			}
			return fields;
		}

	}

	private Run runJar(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(
				List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
						Path.of(System.getProperty("benchmarks.jar")).toAbsolutePath().toString()));
		command.addAll(List.of(args));
		Path log = this.directory.resolve("benchmarks.log");
		Process process = new ProcessBuilder(command).directory(this.directory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		if (!process.waitFor(10, TimeUnit.MINUTES)) {
			process.destroyForcibly().waitFor();
			fail("The benchmarks jar hung:\n" + Files.readString(log, StandardCharsets.UTF_8));
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		System.out
			.println("--- java -jar benchmarks.jar " + String.join(" ", args) + " (exit " + process.exitValue() + ")");
		System.out.println(output);
		return new Run(process.exitValue(), output);
	}

	private static boolean postgresAnswers() {
		DriverManager.setLoginTimeout(5);
		try (Connection connection = DriverManager.getConnection(POSTGRES_URL)) {
			return true;
		}
		catch (SQLException ex) {
			if ("true".equalsIgnoreCase(System.getenv("CI"))) {
				throw new IllegalStateException(
						"CI=true requires PostgreSQL, but it does not answer: " + ex.getMessage());
			}
			return false;
		}
	}

	private static void assertPositiveTimes(Map<String, String> result, String... keys) {
		for (String key : keys) {
			assertThat(result).containsKey(key);
			assertThat(Double.parseDouble(result.get(key))).as(key).isPositive();
		}
	}

	private static void assertEveryToolMeasured(Run run, String workload, String database) {
		Map<String, String> result = run.result(workload, database);
		assertThat(result).containsEntry("n", "20");
		assertPositiveTimes(result, "ours_ms", "flyway_ms", "liquibase_ms", "raw_ms", "ours_vs_flyway", "ours_vs_raw");
	}

	@Test
	void quickRunMeasuresEveryToolOnEveryWorkloadAndDatabase() throws Exception {
		Path sampleApp = Path.of(System.getProperty("sample.jar"));
		boolean postgres = postgresAnswers();
		Path out = this.directory.resolve("results.md");
		Run run = runJar("--quick", "--rounds", "1", "--warmup", "0", "--n", "20", "--db", "all", "--workload", "all",
				"--sample-app", sampleApp.toAbsolutePath().toString(), "--pg-url", POSTGRES_URL, "--out",
				out.toString());

		assertThat(run.exitCode()).as(run.output()).isZero();
		assertThat(run.output()).contains("## Environment", "Flyway ", "Liquibase ", "sqlite-jdbc ", "cores: ");
		List<String> databases = postgres ? List.of("sqlite", "postgres") : List.of("sqlite");
		for (String database : databases) {
			assertEveryToolMeasured(run, "apply", database);
			assertEveryToolMeasured(run, "noop", database);
			assertPositiveTimes(run.result("startup", database), "ours_ms", "flyway_ms", "none_ms");
			assertThat(run.result("startup", database)).containsKeys("ours_added_ms", "flyway_added_ms",
					"ours_added_vs_flyway_added");
			Map<String, String> cli = run.result("cli", database);
			assertPositiveTimes(cli, "floor_cpu_s", "jar_status_cpu_s", "jar_version_cpu_s", "jar_up_cpu_s",
					"launcher_status_cpu_s", "launcher_version_cpu_s", "launcher_up_cpu_s");
			if (Files.isRegularFile(sampleApp)) {
				assertPositiveTimes(cli, "sample_status_cpu_s", "sample_vs_jar_status");
			}
		}
		if (postgres && Files.isRegularFile(sampleApp)) {
			assertThat(run.result("under-load", "postgres")).containsEntry("bounded_failed", "0")
				.containsEntry("off_failed", "0")
				.containsKeys("bounded_p99_ms", "off_p99_ms");
		}
		if (!postgres) {
			assertThat(run.output()).contains("PostgreSQL server: skipped: PostgreSQL does not answer");
		}
		Map<String, String> parse = run.result("parse", null);
		assertThat(parse).containsEntry("n", "20").containsEntry("xmx64m", "pass");
		assertPositiveTimes(parse, "statements_per_s", "peak_heap_mb");
		assertThat(Files.readString(out, StandardCharsets.UTF_8)).contains(run.results());
	}

	@Test
	void aPostgresServerThatDoesNotAnswerFailsTheRunWithoutShowingItsPassword() throws Exception {
		Run run = runJar("--db", "postgres", "--workload", "apply", "--n", "1", "--rounds", "1", "--pg-url",
				"jdbc:postgresql://127.0.0.1:1/test?user=postgres&password=bench-marker-secret");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.output()).contains("benchmarks: FAILED: PostgreSQL does not answer at 127.0.0.1:1/test")
			.doesNotContain("bench-marker-secret")
			.doesNotContain("RESULT");
	}

	@Test
	void aBadCommandLineExitsTwoWithTheUsage() throws Exception {
		Run run = runJar("--workload", "rollback");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.output()).contains(
				"--workload takes apply, noop, startup, cli, under-load, parse or all, not 'rollback'",
				"usage: java -jar benchmarks/target/benchmarks.jar");
	}

}
