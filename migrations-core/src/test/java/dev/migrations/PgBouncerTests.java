package dev.migrations;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PgBouncer;
import dev.migrations.testing.PostgresScratchDatabase;
import dev.migrations.testing.RequiresPgBouncer;
import dev.migrations.testing.TestDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runners behind a real PgBouncer, in transaction pooling (where a session lock would be
 * taken on one server connection and released on another) and in session pooling. Each
 * runner has connections of its own through PgBouncer; the pool has fewer server
 * connections than the runners have clients in transaction mode, so that they share.
 */
@RequiresPgBouncer
class PgBouncerTests {

	private static final int RUNNERS = 8;

	@TempDir
	Path temp;

	@ParameterizedTest(name = "pool_mode={0}")
	@CsvSource({ "transaction, 4", "session, 20" })
	void eightRunnersApplyEachMigrationOnceAndLeaveNoLockBehind(String poolMode, int poolSize) throws Exception {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_log.sql",
					"CREATE TABLE applied_log (version INTEGER NOT NULL);\nINSERT INTO applied_log VALUES (1);",
					"DROP TABLE applied_log;")
			.goose("00002_slow.sql", "SELECT pg_sleep(1);\nINSERT INTO applied_log VALUES (2);",
					"DELETE FROM applied_log WHERE version = 2;")
			.file("00003_index.sql", """
					-- +goose NO TRANSACTION
					-- +goose Up
					CREATE INDEX CONCURRENTLY applied_log_version ON applied_log (version);
					INSERT INTO applied_log VALUES (3);

					-- +goose Down
					DROP INDEX CONCURRENTLY applied_log_version;
					""");
		for (int version = 4; version <= 6; version++) {
			dir.goose(String.format("%05d_step.sql", version), "INSERT INTO applied_log VALUES (" + version + ");",
					"DELETE FROM applied_log WHERE version = " + version + ";");
		}
		try (PostgresScratchDatabase database = PostgresScratchDatabase.create();
				PgBouncer bouncer = PgBouncer.start(poolMode, poolSize, this.temp.resolve("pgbouncer"))) {
			TestDataSource throughBouncer = new TestDataSource(bouncer.url(database.name()));

			List<MigrateResult> outcomes = upTogether(throughBouncer, dir);

			int ran = 0;
			for (MigrateResult outcome : outcomes) {
				assertThat(outcome.finalVersion()).isEqualTo(6);
				ran += outcome.migrations().size();
			}
			assertThat(ran).isEqualTo(6);
			assertThat(database
				.query("SELECT version, count(*) AS runs FROM applied_log GROUP BY version ORDER BY version"))
				.extracting((row) -> ((Number) row.get("version")).intValue() + "x" + row.get("runs"))
				.containsExactly("1x1", "2x1", "3x1", "4x1", "5x1", "6x1");
			assertThat(database.query("SELECT version_id FROM goose_db_version ORDER BY id"))
				.extracting((row) -> ((Number) row.get("version_id")).intValue())
				.containsExactly(0, 1, 2, 3, 4, 5, 6);
			assertThat(database
				.query("SELECT indisvalid FROM pg_index WHERE indexrelid = 'applied_log_version'::regclass"))
				.extracting((row) -> row.get("indisvalid"))
				.containsExactly(true);
			// PgBouncer still holds its server connections: a lock left on one of them
			// would be here.
			assertThat(database.query("SELECT pid, objid FROM pg_catalog.pg_locks WHERE locktype = 'advisory'"
					+ " AND database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())"))
				.as(bouncer.log())
				.isEmpty();
			assertThat(database.sessions()).extracting((session) -> session.get("state"))
				.doesNotContain("idle in transaction", "active");
		}
	}

	/**
	 * Runs {@code up} from several engines, each through PgBouncer, at the same moment.
	 */
	private static List<MigrateResult> upTogether(TestDataSource dataSource, MigrationDir dir) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(RUNNERS);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MigrateResult>> futures = new ArrayList<>();
			for (int i = 0; i < RUNNERS; i++) {
				Migrator migrator = Migrator.builder()
					.dataSource(dataSource)
					.locations(dir.location())
					.environment(Map.of())
					.lockTimeout(Duration.ofMinutes(2))
					.build();
				futures.add(pool.submit(() -> {
					start.await();
					return migrator.up();
				}));
			}
			start.countDown();
			List<MigrateResult> results = new ArrayList<>();
			for (Future<MigrateResult> future : futures) {
				results.add(future.get(3, TimeUnit.MINUTES));
			}
			return results;
		}
		finally {
			pool.shutdown();
		}
	}

}
