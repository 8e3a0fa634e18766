package dev.migrations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.migrations.testing.MigrationDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * What the engine promises on every database, run against a real one by each subclass:
 * round trips in both formats, failures that leave nothing half done, the Go tools'
 * version tables, and concurrent runners.
 */
abstract class EngineContractTests extends DatabaseTestBase {

	/** SQL that takes about a second, to hold the lock while other runners queue. */
	protected abstract String slowStatement();

	/** Another migration set on this test's database. */
	private Migrator.Builder setOf(MigrationDir dir) {
		return Migrator.builder()
			.dataSource(this.database.dataSource())
			.locations(dir.location())
			.environment(Map.of());
	}

	@Test
	void twoMigrationSetsShareOneSchemaOneAfterTheOther() {
		MigrationDir orders = MigrationDir.create()
			.goose("00001_orders.sql", "CREATE TABLE orders (id INTEGER PRIMARY KEY);", "DROP TABLE orders;");
		MigrationDir audit = MigrationDir.create()
			.goose("00001_audit.sql", "CREATE TABLE audit (id INTEGER PRIMARY KEY);", "DROP TABLE audit;")
			.goose("00002_audit_at.sql", "ALTER TABLE audit ADD COLUMN at TEXT;", "ALTER TABLE audit DROP COLUMN at;");

		assertThat(setOf(orders).table("orders_versions").build().up().finalVersion()).isOne();
		// The orders tables are another set's work, not a schema made without migrations:
		// no baseline is needed.
		assertThat(setOf(audit).table("audit_versions").build().up().finalVersion()).isEqualTo(2);

		assertThat(this.database.tables()).contains("orders", "orders_versions", "orders_versions_meta", "audit",
				"audit_versions", "audit_versions_meta");
	}

	@Test
	void twoMigrationSetsStartedTogetherBothComplete() throws Exception {
		MigrationDir first = MigrationDir.create()
			.goose("00001_first.sql", slowStatement() + "\nCREATE TABLE first_t (id INTEGER);", "DROP TABLE first_t;");
		MigrationDir second = MigrationDir.create()
			.goose("00001_second.sql", slowStatement() + "\nCREATE TABLE second_t (id INTEGER);",
					"DROP TABLE second_t;");
		Migrator one = setOf(first).table("first_versions").build();
		Migrator two = setOf(second).table("second_versions").build();

		ExecutorService executor = Executors.newFixedThreadPool(2);
		try {
			Future<MigrateResult> a = executor.submit(one::up);
			Future<MigrateResult> b = executor.submit(two::up);
			assertThat(a.get(60, TimeUnit.SECONDS).finalVersion()).isOne();
			assertThat(b.get(60, TimeUnit.SECONDS).finalVersion()).isOne();
		}
		finally {
			executor.shutdownNow();
		}
		assertThat(this.database.tables()).contains("first_t", "second_t");
	}

	@Test
	void aSchemaMadeWithoutMigrationsIsStillRefusedNamingOnlyItsOwnTables() {
		writeGooseSet();
		MigrationDir other = MigrationDir.create()
			.goose("00001_other.sql", "CREATE TABLE other_t (id INTEGER);", "DROP TABLE other_t;");
		setOf(other).table("other_versions").build().up();
		// Without a version table left, the schema is one made without migrations; the
		// metadata table is no table of
		// the application's, and is not named as one.
		this.database.execute("DROP TABLE other_versions", "CREATE TABLE legacy (id INTEGER)");

		assertThatExceptionOfType(UnversionedDatabaseException.class).isThrownBy(() -> migrator().up())
			.satisfies((ex) -> assertThat(ex.tables()).containsExactly("legacy", "other_t"));
	}

	@Test
	void cancelStopsTheRunBeforeItsNextStatementAndRollsThatMigrationBack() {
		writeGooseSet();
		Migrator[] migrator = new Migrator[1];
		migrator[0] = builder().listener(new MigrationListener() {

			@Override
			public void afterMigration(MigrationResult result) {
				if (result.version() == 1) {
					migrator[0].cancel();
				}
			}

		}).build();

		MigrationFailedException failure = catchThrowableOfType(MigrationFailedException.class, () -> migrator[0].up());

		assertThat(failure.version()).isEqualTo(2);
		assertThat(failure.sqlState()).isEqualTo("57014");
		assertThat(failure.transactional()).isTrue();
		assertThat(failure.applied()).extracting(MigrationResult::version).containsExactly(1L);
		assertThat(gooseRows()).containsExactly(0L, 1L);
		assertThat(this.database.count("SELECT count(*) FROM users")).isZero();
		// A cancel ends the run it met, not the migrator: the next command runs.
		assertThat(migrator[0].up().finalVersion()).isEqualTo(3);
	}

	@Test
	void gooseRoundTripAppliesRollsBackAndReappliesEverything() {
		writeGooseSet();
		Migrator migrator = migrator();

		MigrateResult up = migrator.up();
		assertThat(up.migrations()).extracting(MigrationResult::file)
			.containsExactly("00001_create_users.sql", "00002_seed_users.sql", "00003_create_posts.sql");
		assertThat(up.initialVersion()).isZero();
		assertThat(up.finalVersion()).isEqualTo(3);
		assertThat(this.database.tables()).contains("users", "posts", "goose_db_version");
		assertThat(migrator.status().migrations()).allSatisfy((row) -> {
			assertThat(row.state()).isEqualTo(MigrationState.APPLIED);
			assertThat(row.appliedAt()).isNotNull();
		});

		MigrateResult down = migrator.downTo(0);
		assertThat(down.migrations()).extracting(MigrationResult::version).containsExactly(3L, 2L, 1L);
		assertThat(down.migrations()).extracting(MigrationResult::direction).containsOnly(Direction.DOWN);
		assertThat(this.database.tables()).containsExactly("goose_db_version", "goose_db_version_meta");
		assertThat(migrator.version()).isEqualTo(new DatabaseVersion(0, false));

		assertThat(migrator.up().finalVersion()).isEqualTo(3);
		assertThat(this.database.count("SELECT count(*) FROM users")).isEqualTo(1);
	}

	@Test
	void gooseVersionTableHoldsTheRowsGooseWrites() {
		writeGooseSet();
		Migrator migrator = migrator();
		migrator.upTo(2);

		List<Map<String, Object>> rows = this.database
			.query("SELECT version_id, is_applied, tstamp FROM goose_db_version ORDER BY id");
		assertThat(rows).extracting((row) -> ((Number) row.get("version_id")).longValue()).containsExactly(0L, 1L, 2L);
		assertThat(rows).allSatisfy((row) -> {
			assertThat(isTrue(row.get("is_applied"))).isTrue();
			assertThat(row.get("tstamp")).isNotNull();
		});

		migrator.down();
		assertThat(this.database.query("SELECT version_id FROM goose_db_version ORDER BY id"))
			.extracting((row) -> ((Number) row.get("version_id")).longValue())
			.containsExactly(0L, 1L);
	}

	@Test
	void upByOneUpToDownAndDownToMoveOneStepOrToTheTarget() {
		writeGooseSet();
		Migrator migrator = migrator();

		assertThat(migrator.upByOne().finalVersion()).isEqualTo(1);
		assertThat(migrator.upTo(2).migrations()).extracting(MigrationResult::version).containsExactly(2L);
		assertThat(migrator.up().finalVersion()).isEqualTo(3);
		assertThat(migrator.upByOne().isEmpty()).isTrue();
		assertThat(migrator.down().migrations()).extracting(MigrationResult::version).containsExactly(3L);
		assertThat(migrator.downTo(1).migrations()).extracting(MigrationResult::version).containsExactly(2L);
		assertThat(migrator.version().version()).isEqualTo(1);
		assertThat(migrator.reset().migrations()).extracting(MigrationResult::version).containsExactly(1L);
		assertThat(migrator.down().isEmpty()).isTrue();
	}

	@Test
	void redoRollsBackAndReappliesTheLatestMigration() {
		writeGooseSet();
		Migrator migrator = migrator();
		migrator.upTo(2);

		MigrateResult redo = migrator.redo();

		assertThat(redo.migrations()).extracting(MigrationResult::version, MigrationResult::direction)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, Direction.DOWN),
					org.assertj.core.groups.Tuple.tuple(2L, Direction.UP));
		assertThat(this.database.count("SELECT count(*) FROM users")).isEqualTo(1);
		assertThat(migrator.version().version()).isEqualTo(2);
	}

	@Test
	void failedMigrationLeavesTheEarlierOnesAppliedAndNothingOfItself() {
		this.dir.goose("00001_first.sql", "CREATE TABLE first (id INTEGER);", "DROP TABLE first;")
			.file("00002_broken.sql",
					"-- +goose Up\nCREATE TABLE second (id INTEGER);\n\nINSERT INTO missing_table VALUES (1);\n"
							+ "-- +goose Down\nDROP TABLE second;\n")
			.goose("00003_third.sql", "CREATE TABLE third (id INTEGER);", "DROP TABLE third;");

		MigrationFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(MigrationFailedException.class,
				() -> migrator().up());

		assertThat(failure.version()).isEqualTo(2);
		assertThat(failure.file()).endsWith("00002_broken.sql");
		assertThat(failure.statement()).isEqualTo(2);
		assertThat(failure.line()).isEqualTo(4);
		assertThat(failure.transactional()).isTrue();
		assertThat(failure.direction()).isEqualTo(Direction.UP);
		assertThat(failure.applied()).extracting(MigrationResult::version).containsExactly(1L);
		assertThat(failure.getMessage()).contains("00002_broken.sql:4")
			.contains("missing_table")
			.contains("Applied before it:")
			.contains("00001_first.sql");
		assertThat(this.database.tables()).containsExactlyInAnyOrder("first", "goose_db_version",
				"goose_db_version_meta");
		assertThat(migrator().version().version()).isEqualTo(1);
		assertThat(this.database.count("SELECT count(*) FROM goose_db_version WHERE version_id = 2")).isZero();
		assertFailureCodes(failure);
	}

	@Test
	void statementsOfAllKindsRunInOrderAndAFailureNamesItsStatementWhereverItIs() {
		// On PostgreSQL the plain statements travel in batches; a query, an INSERT ...
		// RETURNING and a block of
		// several statements go on their own, and the order holds across them.
		this.dir.file("00001_mixed.sql", """
				-- +goose Up
				CREATE TABLE events (id INTEGER PRIMARY KEY, name VARCHAR(20));
				INSERT INTO events (id, name) VALUES (1, 'one');
				SELECT count(*) FROM events;
				INSERT INTO events (id, name) VALUES (2, 'two') RETURNING id;
				-- +goose StatementBegin
				INSERT INTO events (id, name) VALUES (3, 'three');
				INSERT INTO events (id, name) VALUES (4, 'four');
				-- +goose StatementEnd
				UPDATE events SET name = 'first' WHERE id = 1;
				CREATE INDEX events_name ON events (name);
				-- +goose Down
				DROP TABLE events;
				""");

		migrator().up();

		assertThat(this.database.count("SELECT count(*) FROM events")).isEqualTo(4);
		assertThat(this.database.count("SELECT count(*) FROM events WHERE name = 'first'")).isOne();

		this.dir.file("00002_late_failure.sql", """
				-- +goose Up
				CREATE TABLE second (id INTEGER);
				INSERT INTO second (id) VALUES (1);
				UPDATE second SET id = 2;
				SELECT count(*) FROM second;
				INSERT INTO second (id) VALUES (3);
				INSERT INTO missing_table VALUES (1);
				CREATE INDEX second_id ON second (id);
				-- +goose Down
				DROP TABLE second;
				""");

		MigrationFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(MigrationFailedException.class,
				() -> migrator().up());

		assertThat(failure.statement()).isEqualTo(6);
		assertThat(failure.line()).isEqualTo(7);
		assertThat(failure.getMessage()).contains("00002_late_failure.sql:7")
			.contains("missing_table")
			.doesNotContain("Batch entry");
		assertThat(this.database.hasTable("second")).isFalse();
		assertThat(migrator().version().version()).isEqualTo(1);
	}

	/** The database's own error codes for a missing table. */
	protected abstract void assertFailureCodes(MigrationFailedException failure);

	@Test
	void noTransactionMigrationThatFailsKeepsItsEarlierStatementsAndIsNotRecorded() {
		this.dir.file("00001_no_tx.sql", "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE TABLE kept (id INTEGER);\n"
				+ "INSERT INTO missing_table VALUES (1);\n-- +goose Down\nDROP TABLE kept;\n");

		MigrationFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(MigrationFailedException.class,
				() -> migrator().up());

		assertThat(failure.transactional()).isFalse();
		assertThat(failure.getMessage()).contains("without a transaction");
		assertThat(this.database.tables()).contains("kept");
		assertThat(migrator().version().version()).isZero();
	}

	@Test
	void unparsableUpSectionIsReportedBeforeAnythingIsCreated() {
		this.dir.goose("00001_fine.sql", "CREATE TABLE fine (id INTEGER);", "DROP TABLE fine;")
			.file("00002_unterminated.sql",
					"-- +goose Up\nINSERT INTO fine VALUES (1);\nINSERT INTO fine (id) VALUES ('oops);\n");

		MigrationParseException error = org.junit.jupiter.api.Assertions.assertThrows(MigrationParseException.class,
				() -> migrator().up());

		assertThat(error.file()).endsWith("00002_unterminated.sql");
		assertThat(error.line()).isEqualTo(3);
		assertThat(error.getMessage()).contains("unterminated string literal");
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void brokenDownSectionOnlyStopsCommandsThatNeedIt() {
		this.dir.file("00001_broken_down.sql",
				"-- +goose Up\nCREATE TABLE t (id INTEGER);\n-- +goose Down\nDROP TABLE t\n");
		Migrator migrator = migrator();

		assertThat(migrator.up().finalVersion()).isEqualTo(1);
		MigrationParseException error = org.junit.jupiter.api.Assertions.assertThrows(MigrationParseException.class,
				migrator::down);
		assertThat(error.line()).isEqualTo(4);
		assertThat(this.database.hasTable("t")).isTrue();
	}

	@Test
	void pendingVersionsBelowTheCurrentOneFollowTheOutOfOrderPolicy() {
		this.dir.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;")
			.goose("00003_c.sql", "CREATE TABLE c (id INTEGER);", "DROP TABLE c;");
		migrator().up();
		this.dir.goose("00002_b.sql", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");

		OutOfOrderException refused = org.junit.jupiter.api.Assertions.assertThrows(OutOfOrderException.class,
				() -> migrator().up());
		assertThat(refused.versions()).containsExactly(2L);
		assertThat(refused.currentVersion()).isEqualTo(3);
		assertThat(refused.getMessage()).contains("outOfOrder=apply");

		assertThat(builder().outOfOrder(OutOfOrderPolicy.IGNORE).build().up().isEmpty()).isTrue();
		assertThat(this.database.hasTable("b")).isFalse();

		MigrateResult applied = builder().outOfOrder(OutOfOrderPolicy.APPLY).build().up();
		assertThat(applied.migrations()).extracting(MigrationResult::version).containsExactly(2L);
		assertThat(migrator().status().inState(MigrationState.PENDING)).isEmpty();

		assertThat(migrator().down().migrations()).extracting(MigrationResult::version).containsExactly(2L);
	}

	@Test
	void appliedVersionWithoutFileShowsAsMissingAndCannotBeRolledBack() {
		writeGooseSet();
		migrator().up();
		this.dir.delete("00003_create_posts.sql");
		Migrator migrator = migrator();

		assertThat(migrator.status().inState(MigrationState.MISSING)).singleElement()
			.satisfies((row) -> assertThat(row.version()).isEqualTo(3));
		MissingMigrationException missing = org.junit.jupiter.api.Assertions
			.assertThrows(MissingMigrationException.class, migrator::down);
		assertThat(missing.version()).isEqualTo(3);
		assertThat(this.database.hasTable("posts")).isTrue();
	}

	@Test
	void statusAndVersionReadWithoutCreatingAnything() {
		writeGooseSet();
		Migrator migrator = migrator();

		StatusReport status = migrator.status();

		assertThat(status.version()).isZero();
		assertThat(status.migrations()).extracting(MigrationStatus::state).containsOnly(MigrationState.PENDING);
		assertThat(migrator.version()).isEqualTo(new DatabaseVersion(0, false));
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void gooseTableLeftByGooseIsContinued() {
		writeGooseSet();
		this.database.execute(gooseTableDdl(),
				"INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, " + sqlTrue() + ")",
				"CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
				"INSERT INTO goose_db_version (version_id, is_applied) VALUES (1, " + sqlTrue() + ")",
				"INSERT INTO users (id, name) VALUES (1, 'ada')", "ALTER TABLE users ADD COLUMN email TEXT",
				"INSERT INTO goose_db_version (version_id, is_applied) VALUES (2, " + sqlTrue() + ")");

		MigrateResult result = migrator().up();

		assertThat(result.initialVersion()).isEqualTo(2);
		assertThat(result.migrations()).extracting(MigrationResult::version).containsExactly(3L);
		assertThat(this.database.query("SELECT version_id FROM goose_db_version ORDER BY id"))
			.extracting((row) -> ((Number) row.get("version_id")).longValue())
			.containsExactly(0L, 1L, 2L, 3L);
	}

	@Test
	void gooseRowsMarkedNotAppliedCancelEarlierRowsOfTheirVersion() {
		writeGooseSet();
		migrator().up();
		this.database.execute("DELETE FROM goose_db_version WHERE version_id = 3", "DROP TABLE posts",
				"INSERT INTO goose_db_version (version_id, is_applied) VALUES (3, " + sqlTrue() + ")",
				"INSERT INTO goose_db_version (version_id, is_applied) VALUES (3, " + sqlFalse() + ")");

		assertThat(migrator().status().inState(MigrationState.PENDING)).extracting(MigrationStatus::version)
			.containsExactly(3L);
		assertThat(migrator().up().migrations()).extracting(MigrationResult::version).containsExactly(3L);
	}

	/** goose's own DDL for this database, written out independently of the engine's. */
	protected abstract String gooseTableDdl();

	protected abstract String sqlTrue();

	protected abstract String sqlFalse();

	@Test
	void versionTableWithTheWrongColumnsIsRefused() {
		writeGooseSet();
		this.database.execute("CREATE TABLE goose_db_version (something INTEGER)");

		VersionTableException refused = org.junit.jupiter.api.Assertions.assertThrows(VersionTableException.class,
				() -> migrator().up());

		assertThat(refused.table()).isEqualTo("goose_db_version");
		assertThat(refused.getMessage()).contains("lacks goose's columns");
		assertThat(this.database.tables()).containsExactly("goose_db_version");
	}

	@Test
	void tableNamesThatAreReservedWordsWorkBecauseTheDialectQuotesThem() {
		writeGooseSet();
		Migrator migrator = builder().table("order").metadataTable("select").build();

		assertThat(migrator.up().finalVersion()).isEqualTo(3);
		assertThat(migrator.down().finalVersion()).isEqualTo(2);

		assertThat(this.database.tables()).contains("order", "select");
		assertThat(this.database.count("SELECT max(version_id) FROM " + this.database.quote("order"))).isEqualTo(2);
		assertThat(this.database.count("SELECT count(*) FROM " + this.database.quote("select"))).isEqualTo(2);
		assertThat(migrator.status().version()).isEqualTo(2);
	}

	@Test
	void golangMigrateTableWithSeveralRowsIsReadByNoCommandButForceWhichReplacesThem() {
		this.dir.file("1_users.up.sql", "CREATE TABLE users (id INTEGER);")
			.file("2_posts.up.sql", "CREATE TABLE posts (id INTEGER);")
			.file("3_tags.up.sql", "CREATE TABLE tags (id INTEGER);");
		this.database.execute("CREATE TABLE users (id INTEGER)", "CREATE TABLE posts (id INTEGER)",
				"CREATE TABLE schema_migrations (version BIGINT NOT NULL PRIMARY KEY, dirty BOOLEAN NOT NULL)",
				"INSERT INTO schema_migrations (version, dirty) VALUES (1, FALSE)",
				"INSERT INTO schema_migrations (version, dirty) VALUES (2, TRUE)");
		Migrator migrator = migrator();

		for (Runnable command : List.<Runnable>of(migrator::status, migrator::version, migrator::validate,
				() -> migrator.plan(Operation.up()), migrator::up, migrator::down)) {
			assertThatExceptionOfType(VersionTableException.class).isThrownBy(command::run)
				.withMessageContaining("holds 2 rows (versions 1, 2 (dirty))")
				.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(VersionTableException.Problem.ROWS));
		}
		assertThat(migrateRows()).containsExactlyInAnyOrder("1:false", "2:true");

		assertThat(migrator.force(2)).isEqualTo(new DatabaseVersion(2, false));
		assertThat(migrateRows()).containsExactly("2:false");
		assertThat(migrator.up().migrations()).extracting(MigrationResult::version).containsExactly(3L);
	}

	@Test
	void gooseTableWithoutAnyRowIsReadByNoCommand() {
		writeGooseSet();
		this.database.execute(gooseTableDdl());
		Migrator migrator = migrator();

		for (Runnable command : List.<Runnable>of(migrator::status, migrator::version, migrator::up,
				() -> migrator.baseline(1))) {
			assertThatExceptionOfType(VersionTableException.class).isThrownBy(command::run)
				.withMessageContaining("Table goose_db_version holds no rows, not even the version-0 row")
				.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(VersionTableException.Problem.ROWS));
		}
		assertThat(this.database.tables()).containsExactly("goose_db_version");

		this.database.execute("INSERT INTO goose_db_version (version_id, is_applied) VALUES (0, " + sqlTrue() + ")");
		assertThat(migrator.up().finalVersion()).isEqualTo(3);
	}

	@Test
	void metadataTableWithOtherColumnsIsRefusedBeforeAnythingRuns() {
		writeGooseSet();
		this.database.execute("CREATE TABLE goose_db_version_meta (note TEXT)");

		assertThatExceptionOfType(VersionTableException.class).isThrownBy(() -> migrator().up())
			.withMessageContaining("Table goose_db_version_meta exists but is not this engine's metadata table")
			.satisfies((ex) -> assertThat(ex.problem()).isEqualTo(VersionTableException.Problem.METADATA_COLUMNS))
			.satisfies((ex) -> assertThat(ex.table()).isEqualTo("goose_db_version_meta"));
		assertThat(this.database.tables()).containsExactly("goose_db_version_meta");
	}

	@Test
	void golangMigrateRoundTripKeepsOneRowAndTreatsMissingFilesAsNoOps() {
		this.dir.file("1_create_pets.up.sql", "CREATE TABLE pets (name TEXT);")
			.file("1_create_pets.down.sql", "DROP TABLE pets;")
			.file("2_add_column.up.sql", "ALTER TABLE pets ADD COLUMN predator INTEGER")
			.file("3_only_down.down.sql", "DELETE FROM pets WHERE name = 'none';")
			.file("10_comment_only.up.sql", "-- nothing to do here\n")
			.file("10_comment_only.down.sql", "/* nothing either */");
		Migrator migrator = migrator();
		assertThat(migrator.format()).isEqualTo(MigrationFormat.GOLANG_MIGRATE);
		assertThat(migrator.table()).isEqualTo("schema_migrations");

		assertThat(migrator.up().migrations()).extracting(MigrationResult::version).containsExactly(1L, 2L, 3L, 10L);
		assertThat(migrateRows()).containsExactly("10:false");
		assertThat(this.database.tables()).contains("pets", "schema_migrations");

		assertThat(migrator.down().finalVersion()).isEqualTo(3);
		assertThat(migrateRows()).containsExactly("3:false");
		assertThat(migrator.downTo(1).migrations()).extracting(MigrationResult::version).containsExactly(3L, 2L);
		assertThat(migrateRows()).containsExactly("1:false");
		assertThat(migrator.downTo(0).finalVersion()).isZero();
		assertThat(migrateRows()).isEmpty();
		assertThat(this.database.hasTable("pets")).isFalse();

		assertThat(migrator.up().finalVersion()).isEqualTo(10);
		assertThat(migrator.status().migrations()).extracting(MigrationStatus::state)
			.containsOnly(MigrationState.APPLIED);
	}

	@Test
	void golangMigrateTableLeftByGolangMigrateIsContinued() {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);")
			.file("2_b.up.sql", "CREATE TABLE b (id INTEGER);")
			.file("3_c.up.sql", "CREATE TABLE c (id INTEGER);");
		this.database.execute(golangMigrateTableDdl().toArray(String[]::new));
		this.database.execute("CREATE TABLE a (id INTEGER)", "CREATE TABLE b (id INTEGER)",
				"INSERT INTO schema_migrations (version, dirty) VALUES (2, " + sqlFalse() + ")");

		MigrateResult result = migrator().up();

		assertThat(result.initialVersion()).isEqualTo(2);
		assertThat(result.migrations()).extracting(MigrationResult::version).containsExactly(3L);
		assertThat(migrateRows()).containsExactly("3:false");
	}

	@Test
	void forceAfterGolangMigrateLeftADirtyVersionRecordsNothingForThatVersion() {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);")
			.file("2_b.up.sql", "CREATE TABLE b (id INTEGER);")
			.file("3_c.up.sql", "CREATE TABLE c (id INTEGER);");
		this.database.execute(golangMigrateTableDdl().toArray(String[]::new));
		// golang-migrate failed in 3, so left it dirty: the first command of this engine
		// is force 2.
		this.database.execute("CREATE TABLE a (id INTEGER)", "CREATE TABLE b (id INTEGER)",
				"INSERT INTO schema_migrations (version, dirty) VALUES (3, " + sqlTrue() + ")");

		assertThat(migrator().force(2)).isEqualTo(new DatabaseVersion(2, false));

		assertThat(this.database.query("SELECT version, kind FROM schema_migrations_meta ORDER BY version"))
			.extracting((row) -> ((Number) row.get("version")).longValue() + " " + row.get("kind"))
			.containsExactly("1 adopted", "2 adopted");
		assertThat(migrator().up().migrations()).extracting(MigrationResult::version).containsExactly(3L);
		assertThat(this.database.query("SELECT version, kind FROM schema_migrations_meta ORDER BY version"))
			.extracting((row) -> ((Number) row.get("version")).longValue() + " " + row.get("kind"))
			.containsExactly("1 adopted", "2 adopted", "3 migrated");
	}

	/**
	 * golang-migrate's own DDL for this database, written out independently of the
	 * engine's.
	 */
	protected abstract List<String> golangMigrateTableDdl();

	@Test
	void golangMigrateFailureInsideTransactionLeavesTheDatabaseCleanAtThePreviousVersion() {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);")
			.file("2_b.up.sql", "CREATE TABLE b (id INTEGER);\nINSERT INTO missing_table VALUES (1);");

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().up())
			.satisfies((failure) -> assertThat(failure.transactional()).isTrue());

		assertThat(migrateRows()).containsExactly("1:false");
		assertThat(migrator().version()).isEqualTo(new DatabaseVersion(1, false));
		assertThat(this.database.hasTable("b")).isFalse();
	}

	@Test
	void golangMigrateFailureAfterItsOwnCommitLeavesTheDatabaseDirtyUntilForced() {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);")
			.file("2_b.up.sql", "BEGIN;\nCREATE TABLE b (id INTEGER);\nCOMMIT;\nINSERT INTO missing_table VALUES (1);")
			.file("3_c.up.sql", "CREATE TABLE c (id INTEGER);");

		MigrationFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(MigrationFailedException.class,
				() -> migrator().up());
		assertThat(failure.transactional()).isFalse();
		assertThat(failure.statement()).isEqualTo(4);
		assertThat(migrateRows()).containsExactly("2:true");
		assertThat(migrator().version()).isEqualTo(new DatabaseVersion(2, true));
		assertThat(migrator().status().dirty()).isTrue();

		DirtyDatabaseException dirty = org.junit.jupiter.api.Assertions.assertThrows(DirtyDatabaseException.class,
				() -> migrator().up());
		assertThat(dirty.version()).isEqualTo(2);
		assertThat(dirty.getMessage()).contains("force");
		assertThat(this.database.hasTable("c")).isFalse();

		assertThat(migrator().force(2)).isEqualTo(new DatabaseVersion(2, false));
		assertThat(migrator().up().migrations()).extracting(MigrationResult::version).containsExactly(3L);
		assertThat(migrateRows()).containsExactly("3:false");
	}

	@Test
	void forceIsRefusedForGooseFiles() {
		writeGooseSet();

		assertThatExceptionOfType(MigrationConfigurationException.class).isThrownBy(() -> migrator().force(1))
			.satisfies((refused) -> assertThat(refused.option()).isEqualTo("format"));
	}

	@Test
	void envsubExpandsVariablesFromTheConfiguredEnvironment() {
		this.dir.file("00001_env.sql",
				"-- +goose ENVSUB ON\n-- +goose Up\nCREATE TABLE ${TABLE_PREFIX}items (id INTEGER);\n-- +goose Down\n"
						+ "DROP TABLE ${TABLE_PREFIX}items;\n");

		builder().environment(Map.of("TABLE_PREFIX", "shop_")).build().up();

		assertThat(this.database.hasTable("shop_items")).isTrue();
	}

	@Test
	void listenerHearsAboutEachMigrationAndTheCommand() {
		writeGooseSet();
		List<String> heard = Collections.synchronizedList(new ArrayList<>());
		MigrationListener listener = new MigrationListener() {

			@Override
			public void beforeMigration(PlannedMigration migration) {
				heard.add("before " + migration.file() + " " + migration.statements().size());
			}

			@Override
			public void afterMigration(MigrationResult result) {
				heard.add(result.toString().replaceAll("\\(.*\\)", "(t)"));
			}

			@Override
			public void afterOperation(Operation operation, MigrateResult result) {
				heard.add("after " + operation.describe() + " at " + result.finalVersion());
			}

			@Override
			public void afterFailure(Operation operation, MigrationException failure) {
				heard.add("failed " + operation.describe() + ": " + failure.getClass().getSimpleName());
			}

		};

		builder().listener(listener).build().upTo(2);
		this.dir.file("00003_create_posts.sql", "-- +goose Up\nSELECT nothing FROM nowhere;\n");
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> builder().listener(listener).build().up());

		assertThat(heard).containsExactly("before 00001_create_users.sql 1", "OK   up 00001_create_users.sql (t)",
				"before 00002_seed_users.sql 2", "OK   up 00002_seed_users.sql (t)", "after up-to 2 at 2",
				"before 00003_create_posts.sql 1", "failed up: MigrationFailedException");
	}

	@Test
	void listenerThatThrowsDoesNotBreakTheRun() {
		writeGooseSet();
		MigrationListener broken = new MigrationListener() {

			@Override
			public void afterMigration(MigrationResult result) {
				throw new IllegalStateException("listener bug");
			}

		};

		assertThat(builder().listener(broken).build().up().finalVersion()).isEqualTo(3);
		assertThat(migrator().status().inState(MigrationState.APPLIED)).hasSize(3);
	}

	@Test
	void concurrentRunnersApplyEachMigrationExactlyOnce() throws Exception {
		this.dir.goose("00001_log.sql",
				"CREATE TABLE applied_log (version INTEGER NOT NULL);\nINSERT INTO applied_log VALUES (1);",
				"DROP TABLE applied_log;");
		this.dir.goose("00002_slow.sql", slowStatement() + "\nINSERT INTO applied_log VALUES (2);",
				"DELETE FROM applied_log WHERE version = 2;");
		for (int version = 3; version <= 6; version++) {
			this.dir.goose(String.format("%05d_step.sql", version), "INSERT INTO applied_log VALUES (" + version + ");",
					"DELETE FROM applied_log WHERE version = " + version + ";");
		}
		List<MigrateResult> outcomes = upTogether(8);
		int ran = 0;
		for (MigrateResult outcome : outcomes) {
			assertThat(outcome.finalVersion()).isEqualTo(6);
			ran += outcome.migrations().size();
		}

		assertThat(ran).isEqualTo(6);
		assertThat(this.database
			.query("SELECT version, count(*) AS runs FROM applied_log GROUP BY version ORDER BY version"))
			.extracting((row) -> ((Number) row.get("runs")).longValue())
			.containsExactly(1L, 1L, 1L, 1L, 1L, 1L);
		assertThat(this.database.count("SELECT count(*) FROM goose_db_version")).isEqualTo(7);
	}

	/**
	 * Runs {@code up} from several engines at the same moment and returns what each ran.
	 */
	protected List<MigrateResult> upTogether(int runners) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(runners);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MigrateResult>> futures = new ArrayList<>();
			for (int i = 0; i < runners; i++) {
				Migrator migrator = builder().lockTimeout(Duration.ofMinutes(2)).build();
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
