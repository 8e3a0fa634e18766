package dev.migrations;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.GoToolLocks;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresScratchDatabase;
import dev.migrations.testing.RequiresPostgres;
import dev.migrations.testing.SimpleDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Connections the server takes away: a session ended by {@code pg_terminate_backend} in
 * the middle of a migration, and every session ended between two runs that share one
 * long-lived pool, which is what a server restart does to its clients. (The shared test
 * server is never really restarted; ending all sessions of a database of our own stands
 * in for it.) Each gives a clear, typed error or a run that works, never a half-recorded
 * migration.
 */
@RequiresPostgres
class PostgresConnectionLossTests {

	private static final String PAUSE_FOR_A_LONG_TIME = "600";

	private PostgresScratchDatabase database;

	private MigrationDir dir;

	@TempDir
	Path temp;

	@BeforeEach
	void createDatabase() {
		this.database = PostgresScratchDatabase.create();
		this.dir = MigrationDir.at(this.temp)
			.goose("00001_one.sql", "CREATE TABLE one (id INTEGER);", "DROP TABLE one;")
			// ENVSUB: the same file pauses for as long as the environment says, so a
			// retry need not wait again.
			.file("00002_slow.sql", """
					-- +goose Up
					-- +goose ENVSUB ON
					CREATE TABLE two (id INTEGER);
					INSERT INTO two VALUES (1);
					SELECT pg_sleep(${PAUSE});

					-- +goose Down
					DROP TABLE two;
					""");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private Migrator.Builder builder(DataSource dataSource, String pause) {
		return Migrator.builder()
			.dataSource(dataSource)
			.locations(this.dir.location())
			.environment(Map.of("PAUSE", pause));
	}

	@Test
	void sessionEndedByTheServerMidMigrationFailsNamingTheFileAndRecordsNothing() throws Exception {
		CompletableFuture<MigrateResult> run = CompletableFuture
			.supplyAsync(() -> builder(this.database.dataSource(), PAUSE_FOR_A_LONG_TIME).build().up());
		long pid = awaitStatement("pg_sleep(" + PAUSE_FOR_A_LONG_TIME + ")", run);
		this.database.execute("SELECT pg_terminate_backend(" + pid + ")");

		ExecutionException thrown = org.junit.jupiter.api.Assertions.assertThrows(ExecutionException.class,
				() -> run.get(2, TimeUnit.MINUTES));
		assertThat(thrown.getCause()).isInstanceOfSatisfying(MigrationFailedException.class, (failure) -> {
			assertThat(failure.file()).endsWith("00002_slow.sql");
			assertThat(failure.version()).isEqualTo(2);
			assertThat(failure.statement()).isEqualTo(3);
			assertThat(failure.sqlState()).isEqualTo("57P01");
			assertThat(failure.transactional()).isTrue();
			assertThat(failure.applied()).extracting(MigrationResult::file).containsExactly("00001_one.sql");
			assertThat(failure.getMessage()).contains("00002_slow.sql:5 failed (up, statement 3)")
				.contains("It was rolled back and not recorded");
		});
		assertVersions(0, 1);
		assertThat(this.database.tables()).containsExactly("goose_db_version", "goose_db_version_meta", "one");
		assertThat(GoToolLocks.GOOSE_KEYS).noneMatch(this.database::advisoryLockHeld);

		MigrateResult retry = builder(this.database.dataSource(), "0").build().up();
		assertThat(retry.migrations()).extracting(MigrationResult::file).containsExactly("00002_slow.sql");
		assertVersions(0, 1, 2);
	}

	@Test
	void poolThatOutlivesARestartedServerMigratesOnNewConnections() throws Exception {
		try (HikariDataSource pool = pool()) {
			assertThat(builder(pool, "0").build().up().finalVersion()).isEqualTo(2);
			assertThat(this.database.terminateSessions()).as("the pool's sessions").isPositive();
			// A restart takes a while; a pool checks the connections that were idle that
			// long before lending them.
			Thread.sleep(1000);
			this.dir.goose("00003_three.sql", "CREATE TABLE three (id INTEGER);", "DROP TABLE three;");

			MigrateResult second = builder(pool, "0").build().up();

			assertThat(second.migrations()).extracting(MigrationResult::file).containsExactly("00003_three.sql");
		}
		assertVersions(0, 1, 2, 3);
	}

	@Test
	void connectionKilledByARestartIsAClearErrorThatChangesNothing() throws Exception {
		try (Connection physical = DriverManager.getConnection(this.database.dataSource().url())) {
			DataSource kept = new OneConnectionDataSource(physical);
			assertThat(builder(kept, "0").build().up().finalVersion()).isEqualTo(2);
			assertThat(this.database.terminateSessions()).isEqualTo(1);
			this.dir.goose("00003_three.sql", "CREATE TABLE three (id INTEGER);", "DROP TABLE three;");

			assertThatExceptionOfType(DatabaseAccessException.class).isThrownBy(() -> builder(kept, "0").build().up())
				.withMessageStartingWith("Failed running up: ")
				.satisfies((failure) -> assertThat(failure.sqlState()).matches("08\\d{3}|57P01"));
		}
		assertVersions(0, 1, 2);
		assertThat(this.database.tables()).doesNotContain("three");

		assertThat(builder(this.database.dataSource(), "0").build().up().finalVersion()).isEqualTo(3);
	}

	private HikariDataSource pool() {
		HikariConfig config = new HikariConfig();
		config.setJdbcUrl(this.database.dataSource().url());
		config.setMaximumPoolSize(2);
		config.setMinimumIdle(2);
		config.setPoolName("restart-test");
		return new HikariDataSource(config);
	}

	/** The backend running a statement, once it runs; fails if the run ends first. */
	private long awaitStatement(String text, CompletableFuture<?> run) throws Exception {
		long giveUp = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (true) {
			List<Map<String, Object>> running = this.database.sessions()
				.stream()
				.filter((session) -> "active".equals(session.get("state"))
						&& String.valueOf(session.get("query")).contains(text))
				.toList();
			if (!running.isEmpty()) {
				return ((Number) running.get(0).get("pid")).longValue();
			}
			if (run.isDone()) {
				run.get();
				throw new AssertionError("The run ended before it ran " + text);
			}
			if (System.nanoTime() > giveUp) {
				throw new AssertionError("Gave up waiting for " + text + " to run: " + this.database.sessions());
			}
			Thread.sleep(20);
		}
	}

	private void assertVersions(long... versions) {
		assertThat(this.database.query("SELECT version_id FROM goose_db_version ORDER BY id"))
			.extracting((row) -> ((Number) row.get("version_id")).longValue())
			.containsExactly(java.util.Arrays.stream(versions).boxed().toArray(Long[]::new));
		assertThat(this.database.query("SELECT version FROM goose_db_version_meta ORDER BY version"))
			.extracting((row) -> ((Number) row.get("version")).longValue())
			.containsExactly(
					java.util.Arrays.stream(versions).filter((version) -> version > 0).boxed().toArray(Long[]::new));
	}

	/**
	 * Lends one physical connection again and again, as a pool that never checks its
	 * connections would: closing what it lends keeps the connection open.
	 */
	private static final class OneConnectionDataSource extends SimpleDataSource {

		private final Connection physical;

		OneConnectionDataSource(Connection physical) {
			this.physical = physical;
		}

		@Override
		public Connection getConnection() {
			return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
					new Class<?>[] { Connection.class }, (proxy, method, args) -> {
						if (method.getName().equals("close")) {
							return null;
						}
						try {
							return method.invoke(this.physical, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

	}

}
