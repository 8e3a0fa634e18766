package dev.migrations.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.sample.support.Api;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresScratchDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SqliteGate;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Eight instances of the packaged application started together on one database, as a
 * scaled-out deployment starts them: the starter's default mode, each migrating at
 * startup in its application runner. Every instance becomes ready and serves the API, and
 * each migration is applied once, by one of them. An eighth migration, beside the
 * application's seven, keeps the lock long enough for the others to be certainly waiting:
 * on PostgreSQL it waits until all eight instances are connected; on SQLite at a gate the
 * test holds until all eight have begun their startup migrations.
 */
class FleetJarIT {

	private static final int INSTANCES = 8;

	/**
	 * How long starting eight applications on two shared cores may take before the test
	 * gives up; not a limit.
	 */
	private static final Duration HANG_GUARD = Duration.ofMinutes(8);

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final List<String> MIGRATIONS = List.of("00001_initial_schema.sql",
			"00002_add_deactivation_columns.sql", "00003_add_cache_hit_count.sql", "00004_add_token_id.sql",
			"00005_rename_openai_api_key_to_api_key.sql", "00006_fix_outcome_constraint.sql",
			"00007_add_audit_project_timestamp_index.sql", "00008_fleet_pause.sql");

	@TempDir
	Path workingDirectory;

	/**
	 * A running instance; closing it stops it as a service manager does (SIGTERM) and
	 * waits.
	 */
	private record Instance(Process process, Path log) implements AutoCloseable {

		String output() {
			try {
				return Files.readString(this.log, StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		@Override
		public void close() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(2, TimeUnit.MINUTES)) {
				this.process.destroyForcibly().waitFor();
			}
		}

	}

	@Test
	@RequiresPostgres
	void eightInstancesOnOnePostgresDatabaseMigrateOnceAndAllServe() throws Exception {
		String pause = """
				-- +goose Up
				-- +goose StatementBegin
				DO $$
				DECLARE
				  connected int;
				  give_up timestamptz := clock_timestamp() + interval '6 minutes';
				BEGIN
				  LOOP
				    PERFORM pg_stat_clear_snapshot();
				    SELECT count(DISTINCT application_name) INTO connected FROM pg_stat_activity
				      WHERE datname = current_database() AND application_name LIKE 'fleet-instance-%%';
				    EXIT WHEN connected >= %d;
				    IF clock_timestamp() > give_up THEN
				      RAISE EXCEPTION 'only %% of %d instances connected', connected;
				    END IF;
				    PERFORM pg_sleep(0.1);
				  END LOOP;
				END
				$$;
				-- +goose StatementEnd
				SELECT pg_sleep(2);

				-- +goose Down
				SELECT 1;
				""".formatted(INSTANCES, INSTANCES);
		try (PostgresScratchDatabase database = PostgresScratchDatabase.create()) {
			runFleet(database, pause,
					(instance) -> List.of(
							"--spring.datasource.url=" + database.url("ApplicationName=fleet-instance-" + instance),
							// Eight pools on one server: two connections each are plenty
							// for this test.
							"--spring.datasource.hikari.maximum-pool-size=2"));
		}
	}

	@Test
	void eightInstancesOnOneSqliteFileMigrateOnceAndAllServe() throws Exception {
		try (SqliteGate gate = SqliteGate.closed(this.workingDirectory.resolve("pause-gate.db"))) {
			// The pause waits at a gate the test holds until all eight instances have
			// begun their startup migrations, sleeping in SQLite's busy handler; SQLite
			// attaches the gate's file only outside a transaction. It waits on purpose,
			// so the file lifts the table lock timeout, which would end the wait after
			// 4 s.
			String pause = """
					-- migrations:table-lock-timeout 0
					-- +goose NO TRANSACTION
					-- +goose Up
					%s

					-- +goose Down
					SELECT 1;
					""".formatted(gate.pass());
			// The application's own default file, ./data/proxy.db in the working
			// directory they share, and its own settings but for a busy timeout that
			// outlasts the pause.
			try (SqliteTestDatabase database = SqliteTestDatabase.at(this.workingDirectory.resolve("data/proxy.db"))) {
				runFleet(database, pause,
						(instance) -> List.of("--spring.datasource.url=jdbc:sqlite:./data/proxy.db"
								+ "?foreign_keys=true&busy_timeout=480000&journal_mode=WAL&transaction_mode=IMMEDIATE"),
						(fleet) -> {
							for (Instance instance : fleet) {
								await(instance, "Startup migrations run");
							}
							gate.open();
						});
			}
		}
	}

	private void runFleet(TestDatabase database, String pause, java.util.function.IntFunction<List<String>> settings)
			throws Exception {
		runFleet(database, pause, settings, (fleet) -> {
		});
	}

	/** Runs the fleet, and something once every instance has started. */
	private void runFleet(TestDatabase database, String pause, java.util.function.IntFunction<List<String>> settings,
			Started started) throws Exception {
		MigrationDir extra = MigrationDir.at(this.workingDirectory.resolve("fleet-migrations"))
			.file("00008_fleet_pause.sql", pause);
		List<Instance> fleet = new ArrayList<>();
		try {
			for (int i = 1; i <= INSTANCES; i++) {
				List<String> args = new ArrayList<>(List.of("--server.port=0",
						"--migrations.locations=classpath:db/migrations/{vendor},filesystem:" + extra.location()));
				args.addAll(settings.apply(i));
				fleet.add(start(i, args));
			}
			started.run(fleet);
			List<Api> apis = new ArrayList<>();
			for (Instance instance : fleet) {
				apis.add(awaitReadiness(instance));
			}
			assertEachServes(apis);
			assertMigratedOnce(fleet, database);
		}
		finally {
			for (Instance instance : fleet) {
				instance.close();
			}
		}
	}

	private Instance start(int number, List<String> args) throws IOException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java,
				// Quick to start, light on the two cores the whole build shares.
				"-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m", "-jar",
				Path.of(System.getProperty("sample.jar")).toAbsolutePath().toString()));
		command.addAll(args);
		Path log = this.workingDirectory.resolve("instance-" + number + ".log");
		Process process = new ProcessBuilder(command).directory(this.workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		return new Instance(process, log);
	}

	/** What a test does once every instance has started. */
	@FunctionalInterface
	private interface Started {

		void run(List<Instance> fleet) throws Exception;

	}

	/** Waits until an instance has printed a text. */
	private static void await(Instance instance, String text) throws InterruptedException {
		long giveUp = System.nanoTime() + HANG_GUARD.toNanos();
		while (!instance.output().contains(text)) {
			if (!instance.process().isAlive() || System.nanoTime() > giveUp) {
				throw new AssertionError("An instance never printed \"" + text + "\":\n" + instance.output());
			}
			Thread.sleep(200);
		}
	}

	/** Readiness is UP once the startup migrations have run in the application runner. */
	private static Api awaitReadiness(Instance instance) throws InterruptedException {
		long giveUp = System.nanoTime() + HANG_GUARD.toNanos();
		Api api = null;
		while (System.nanoTime() < giveUp) {
			if (!instance.process().isAlive()) {
				throw new AssertionError(
						"An instance exited with " + instance.process().exitValue() + ":\n" + instance.output());
			}
			if (api == null) {
				Matcher port = PORT.matcher(instance.output());
				api = port.find() ? new Api(Integer.parseInt(port.group(1))) : null;
			}
			if (api != null && isReady(api)) {
				return api;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("An instance did not become ready:\n" + instance.output());
	}

	private static boolean isReady(Api api) {
		try {
			Api.Response readiness = api.get("/actuator/health/readiness");
			return readiness.status() == 200 && readiness.json().get("status").asString().equals("UP");
		}
		catch (UncheckedIOException notListeningYet) {
			return false;
		}
	}

	/**
	 * Each instance creates a project; every instance then lists all of them, from the
	 * one database.
	 */
	private static void assertEachServes(List<Api> apis) {
		for (int i = 0; i < apis.size(); i++) {
			Api.Response created = apis.get(i)
				.post("/api/projects", Api.json("name", "fleet-" + (i + 1), "api_key", "sk-fleet-key-" + (i + 1)));
			assertThat(created.status()).as(created.text()).isEqualTo(201);
		}
		for (Api api : apis) {
			assertThat(api.get("/api/projects").json().values()).hasSize(apis.size());
			assertThat(api.get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
		}
	}

	private static void assertMigratedOnce(List<Instance> fleet, TestDatabase database) {
		List<String> applied = new ArrayList<>();
		for (Instance instance : fleet) {
			Matcher ok = Pattern.compile("OK   up (\\S+)").matcher(instance.output());
			while (ok.find()) {
				applied.add(ok.group(1));
			}
		}
		assertThat(applied).containsExactlyElementsOf(MIGRATIONS);
		List<Long> versions = IntStream.rangeClosed(1, MIGRATIONS.size()).mapToObj(Long::valueOf).toList();
		assertThat(database.query("SELECT version_id FROM goose_db_version ORDER BY id"))
			.extracting((Map<String, Object> row) -> ((Number) row.get("version_id")).longValue())
			.containsExactlyElementsOf(
					java.util.stream.Stream.concat(java.util.stream.Stream.of(0L), versions.stream()).toList());
		assertThat(database.query("SELECT version, file_name FROM goose_db_version_meta ORDER BY version"))
			.extracting((Map<String, Object> row) -> row.get("file_name"))
			.containsExactlyElementsOf(MIGRATIONS);
	}

}
