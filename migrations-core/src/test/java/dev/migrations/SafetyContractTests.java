package dev.migrations;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The features that make teams trust the engine, on every database: the metadata table
 * and checksums, validation, baselines, repair, dry runs, placeholders, and a no-op
 * {@code up} that takes no lock.
 */
abstract class SafetyContractTests extends DatabaseTestBase {

	/** Holds the migration lock from elsewhere until the returned handle is closed. */
	protected abstract AutoCloseable holdLock() throws Exception;

	protected void writeThree() {
		this.dir
			.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);", "DROP TABLE users;")
			.goose("00002_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY, body TEXT);", "DROP TABLE posts;")
			.goose("00003_tags.sql", "CREATE TABLE tags (id INTEGER PRIMARY KEY);", "DROP TABLE tags;");
	}

	@Test
	void metadataIsWrittenWithEachMigrationAndRemovedWithItsRollback() {
		writeThree();
		Migrator migrator = migrator();
		migrator.up();

		List<Map<String, Object>> rows = this.database
			.query("SELECT version, file_name, checksum, execution_ms, applied_by,"
					+ " applied_at, engine_version, kind FROM goose_db_version_meta ORDER BY version");
		assertThat(rows).hasSize(3);
		assertThat(rows).allSatisfy((row) -> {
			assertThat((String) row.get("checksum")).matches("[0-9a-f]{8}");
			assertThat(((Number) row.get("execution_ms")).longValue()).isNotNegative();
			assertThat((String) row.get("applied_by")).isNotBlank();
			assertThat(row.get("applied_at")).isNotNull();
			assertThat((String) row.get("engine_version")).isNotBlank().doesNotContain("${");
			assertThat(row.get("kind")).isEqualTo("migrated");
		});
		assertThat(rows).extracting((row) -> row.get("file_name"))
			.containsExactly("00001_users.sql", "00002_posts.sql", "00003_tags.sql");
		assertThat(migrator.status().migrations()).allSatisfy((row) -> {
			assertThat(row.verified()).isTrue();
			assertThat(row.executionTime()).isNotNull();
		});

		migrator.down();
		assertThat(this.database.count("SELECT count(*) FROM goose_db_version_meta")).isEqualTo(2);
		assertThat(gooseRows()).containsExactly(0L, 1L, 2L);
	}

	@Test
	void executionTimeInTheResultIsTheOneTheMetadataTableRecords() {
		writeThree();
		MigrateResult result = migrator().up();

		Map<Long, Long> recorded = new java.util.HashMap<>();
		for (Map<String, Object> row : this.database.query("SELECT version, execution_ms FROM goose_db_version_meta")) {
			recorded.put(((Number) row.get("version")).longValue(), ((Number) row.get("execution_ms")).longValue());
		}
		assertThat(result.migrations()).hasSize(3)
			.allSatisfy((migration) -> assertThat(recorded.get(migration.version()))
				.isEqualTo(migration.duration().toMillis()));
	}

	@Test
	void failedMigrationLeavesNoMetadataRow() {
		writeThree();
		this.dir.file("00004_broken.sql",
				"-- +goose Up\nCREATE TABLE half (id INTEGER);\nINSERT INTO nowhere VALUES (1);\n");

		assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator().up());

		assertThat(this.database.count("SELECT count(*) FROM goose_db_version_meta WHERE version = 4")).isZero();
		assertThat(this.database.count("SELECT count(*) FROM goose_db_version_meta")).isEqualTo(3);
	}

	@Test
	void editedAppliedFileIsFoundRefusedAndRepaired() {
		writeThree();
		migrator().up();
		this.dir.goose("00002_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY, body TEXT, title TEXT);",
				"DROP TABLE posts;");
		this.dir.goose("00004_more.sql", "CREATE TABLE more (id INTEGER);", "DROP TABLE more;");

		ValidationReport report = migrator().validate();
		assertThat(report.issues()).singleElement().satisfies((issue) -> {
			assertThat(issue.kind()).isEqualTo(ValidationIssue.Kind.CHECKSUM_MISMATCH);
			assertThat(issue.version()).isEqualTo(2);
			assertThat(issue.message()).contains("00002_posts.sql").contains("changed after it was applied");
		});
		assertThat(migrator().status().migrations().get(1).state()).isEqualTo(MigrationState.CHECKSUM_MISMATCH);

		ValidationException refused = org.junit.jupiter.api.Assertions.assertThrows(ValidationException.class,
				() -> migrator().up());
		assertThat(refused.report().issues()).extracting(ValidationIssue::kind)
			.containsExactly(ValidationIssue.Kind.CHECKSUM_MISMATCH);
		assertThat(refused.getMessage()).contains("repair").contains("validation=warn");
		assertThat(this.database.hasTable("more")).isFalse();

		RepairResult repair = migrator().repair();
		assertThat(repair.changes()).singleElement().asString().contains("00002_posts.sql");
		assertThat(migrator().validate().ofKind(ValidationIssue.Kind.CHECKSUM_MISMATCH)).isEmpty();
		assertThat(migrator().up().migrations()).extracting(MigrationResult::version).containsExactly(4L);
		assertThat(gooseRows()).containsExactly(0L, 1L, 2L, 3L, 4L);
	}

	@Test
	void validationWarnRunsDespiteAnEditedFile() {
		writeThree();
		migrator().upTo(2);
		this.dir.goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); -- edited",
				"DROP TABLE users;");

		assertThat(builder().validation(ValidationMode.WARN).build().up().finalVersion()).isEqualTo(3);
		assertThat(builder().validation(ValidationMode.OFF).build().up().isEmpty()).isTrue();
	}

	@Test
	void lineEndingsAndByteOrderMarkDoNotChangeTheChecksum() {
		String content = "-- +goose Up\nCREATE TABLE t (id INTEGER);\n-- +goose Down\nDROP TABLE t;\n";
		this.dir.file("00001_t.sql", content);
		migrator().up();

		byte[] windows = ("\uFEFF" + content.replace("\n", "\r\n")).getBytes(StandardCharsets.UTF_8);
		this.dir.bytes("00001_t.sql", windows);

		assertThat(migrator().validate().isValid()).isTrue();
		assertThat(migrator().status().migrations().get(0).state()).isEqualTo(MigrationState.APPLIED);
	}

	@Test
	void deletedAppliedFileIsReportedMissingAndItsMetadataRepaired() {
		writeThree();
		migrator().up();
		this.dir.delete("00003_tags.sql");

		assertThat(migrator().validate().issues()).singleElement().satisfies((issue) -> {
			assertThat(issue.kind()).isEqualTo(ValidationIssue.Kind.MISSING);
			assertThat(issue.version()).isEqualTo(3);
		});
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> migrator().up());

		assertThat(migrator().repair().changes()).singleElement().asString().contains("version 3").contains("gone");
		assertThat(this.database.count("SELECT count(*) FROM goose_db_version_meta WHERE version = 3")).isZero();
		assertThat(gooseRows()).containsExactly(0L, 1L, 2L, 3L);
	}

	@Test
	void validateReportsOutOfOrderVersionsAndFilesThatDoNotParse() {
		this.dir.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;")
			.goose("00003_c.sql", "CREATE TABLE c (id INTEGER);", "DROP TABLE c;");
		migrator().up();
		this.dir.goose("00002_b.sql", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;")
			.file("00004_broken.sql", "-- +goose Up\nSELECT 'open;\n");

		ValidationReport report = migrator().validate();

		assertThat(report.issues()).extracting(ValidationIssue::kind, ValidationIssue::version)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ValidationIssue.Kind.OUT_OF_ORDER, 2L),
					org.assertj.core.groups.Tuple.tuple(ValidationIssue.Kind.PARSE_ERROR, 4L));
		assertThat(report.issues().get(1).message()).contains("00004_broken.sql:2");
		assertThat(migrator().validateFiles().issues()).extracting(ValidationIssue::kind)
			.containsExactly(ValidationIssue.Kind.PARSE_ERROR);
		assertThat(migrator().status().migrations()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED,
					MigrationState.PENDING);
	}

	@Test
	void databaseMadeWithoutMigrationsIsRefusedThenBaselined() {
		writeThree();
		this.database.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)",
				"CREATE TABLE posts (id INTEGER PRIMARY KEY, body TEXT)", "INSERT INTO users VALUES (1, 'kept')");

		UnversionedDatabaseException refused = org.junit.jupiter.api.Assertions
			.assertThrows(UnversionedDatabaseException.class, () -> migrator().up());
		assertThat(refused.tables()).containsExactly("posts", "users");
		assertThat(refused.getMessage()).contains("baseline V").contains("baselineOnMigrate");
		assertThat(this.database.tables()).containsExactly("posts", "users");

		assertThat(migrator().baseline(2)).isEqualTo(new DatabaseVersion(2, false));
		assertThat(gooseRows()).containsExactly(0L, 1L, 2L);
		assertThat(this.database.query("SELECT kind FROM goose_db_version_meta ORDER BY version"))
			.extracting((row) -> row.get("kind"))
			.containsExactly("baseline", "baseline");
		assertThat(migrator().up().migrations()).extracting(MigrationResult::version).containsExactly(3L);
		assertThat(this.database.count("SELECT count(*) FROM users")).isEqualTo(1);

		assertThatExceptionOfType(MigrationStateException.class).isThrownBy(() -> migrator().baseline(3))
			.withMessageContaining("already versioned");
	}

	@Test
	void baselineOnMigrateBaselinesAndContinuesInOneRun() {
		writeThree();
		this.database.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");

		MigrateResult result = builder().baselineOnMigrate(true).baselineVersion(1).build().up();

		assertThat(result.migrations()).extracting(MigrationResult::version).containsExactly(2L, 3L);
		assertThat(gooseRows()).containsExactly(0L, 1L, 2L, 3L);
	}

	@Test
	void emptyDatabaseNeedsNoBaseline() {
		writeThree();

		assertThat(builder().baselineOnMigrate(true).baselineVersion(2).build().up().finalVersion()).isEqualTo(3);
		assertThat(gooseRows()).containsExactly(0L, 1L, 2L, 3L);
	}

	@Test
	void golangMigrateDatabaseIsBaselinedToOneRow() {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);")
			.file("2_b.up.sql", "CREATE TABLE b (id INTEGER);")
			.file("3_c.up.sql", "CREATE TABLE c (id INTEGER);");
		this.database.execute("CREATE TABLE a (id INTEGER)", "CREATE TABLE b (id INTEGER)");

		migrator().baseline(2);

		assertThat(migrateRows()).containsExactly("2:false");
		assertThat(migrator().up().migrations()).extracting(MigrationResult::version).containsExactly(3L);
		assertThat(migrateRows()).containsExactly("3:false");
	}

	@Test
	void golangMigrateGapIsSeenThroughTheMetadataTable() {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);").file("3_c.up.sql", "CREATE TABLE c (id INTEGER);");
		migrator().up();
		this.dir.file("2_b.up.sql", "CREATE TABLE b (id INTEGER);").file("2_b.down.sql", "DROP TABLE b;");

		assertThat(migrator().status().migrations()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED);
		assertThatExceptionOfType(OutOfOrderException.class).isThrownBy(() -> migrator().up());

		MigrateResult applied = builder().outOfOrder(OutOfOrderPolicy.APPLY).build().up();

		assertThat(applied.migrations()).extracting(MigrationResult::version).containsExactly(2L);
		assertThat(migrateRows()).containsExactly("3:false");
		assertThat(this.database.hasTable("b")).isTrue();
		assertThat(migrator().status().inState(MigrationState.APPLIED)).hasSize(3);
	}

	@Test
	void golangMigrateVersionsAppliedByTheGoToolAreAdoptedUnverified() {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);")
			.file("2_b.up.sql", "CREATE TABLE b (id INTEGER);")
			.file("3_c.up.sql", "CREATE TABLE c (id INTEGER);");
		this.database.execute(
				"CREATE TABLE IF NOT EXISTS schema_migrations (version bigint not null primary key, dirty boolean not null)",
				"CREATE TABLE a (id INTEGER)", "CREATE TABLE b (id INTEGER)",
				"INSERT INTO schema_migrations (version, dirty) VALUES (2, "
						+ (this.database.vendor().equals("sqlite") ? "0" : "false") + ")");

		migrator().up();

		assertThat(this.database.query("SELECT version, kind, checksum FROM schema_migrations_meta ORDER BY version"))
			.extracting((row) -> ((Number) row.get("version")).longValue() + " " + row.get("kind") + " "
					+ (row.get("checksum") != null))
			.containsExactly("1 adopted false", "2 adopted false", "3 migrated true");
		assertThat(migrator().status().migrations()).extracting(MigrationStatus::verified)
			.containsExactly(false, false, true);
		assertThat(migrator().repair().changes()).hasSize(2);
		assertThat(migrator().status().migrations()).extracting(MigrationStatus::verified).containsOnly(true);
	}

	@Test
	void planShowsEveryStatementAndChangesNothing() {
		this.dir.goose("00001_users.sql", "CREATE TABLE users (id INTEGER);", "DROP TABLE users;")
			.file("00002_no_tx.sql", "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE TABLE a (id INTEGER);\n"
					+ "CREATE TABLE b (id INTEGER);\n-- +goose Down\nDROP TABLE b;\nDROP TABLE a;\n");
		Snapshot before = snapshot();

		MigrationPlan plan = migrator().plan(Operation.up());

		assertThat(plan.operation()).isEqualTo("up");
		assertThat(plan.currentVersion()).isZero();
		assertThat(plan.migrations()).extracting(PlannedMigration::file, PlannedMigration::transactional)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("00001_users.sql", true),
					org.assertj.core.groups.Tuple.tuple("00002_no_tx.sql", false));
		assertThat(plan.migrations().get(1).statements()).containsExactly("CREATE TABLE a (id INTEGER);",
				"CREATE TABLE b (id INTEGER);");
		assertSameAs(before);

		migrator().up();
		Snapshot applied = snapshot();
		MigrationPlan down = migrator().plan(Operation.downTo(0));
		assertThat(down.migrations()).extracting(PlannedMigration::version, PlannedMigration::direction)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(2L, Direction.DOWN),
					org.assertj.core.groups.Tuple.tuple(1L, Direction.DOWN));
		assertThat(down.migrations().get(0).statements()).containsExactly("DROP TABLE b;", "DROP TABLE a;");
		assertThat(migrator().plan(Operation.up()).isEmpty()).isTrue();
		assertSameAs(applied);
	}

	/** What must not change across a dry run. */
	protected record Snapshot(List<String> tables, List<Long> versions, long metadataRows, byte[] bytes) {
	}

	protected Snapshot snapshot() {
		List<String> tables = this.database.tables();
		List<Long> versions = tables.contains("goose_db_version") ? gooseRows() : List.of();
		long metadata = tables.contains("goose_db_version_meta")
				? this.database.count("SELECT count(*) FROM goose_db_version_meta") : -1;
		return new Snapshot(tables, versions, metadata, fileBytes());
	}

	/** The database file's bytes, for databases that are one file. */
	protected byte[] fileBytes() {
		return new byte[0];
	}

	private void assertSameAs(Snapshot before) {
		Snapshot after = snapshot();
		assertThat(after.tables()).isEqualTo(before.tables());
		assertThat(after.versions()).isEqualTo(before.versions());
		assertThat(after.metadataRows()).isEqualTo(before.metadataRows());
		assertThat(after.bytes()).isEqualTo(before.bytes());
	}

	@Test
	void placeholdersAreReplacedOnlyInFilesThatAskForThem() {
		this.dir
			.file("00001_roles.sql", "-- migrations:placeholders\n-- +goose Up\nCREATE TABLE ${table_name} (v TEXT);\n"
					+ "INSERT INTO ${table_name} VALUES ('${greeting}');\nINSERT INTO ${table_name} VALUES ('$${kept}');\n"
					+ "-- +goose Down\nDROP TABLE ${table_name};\n")
			.goose("00002_literal.sql", "CREATE TABLE literal (v TEXT);\nINSERT INTO literal VALUES ('${greeting}');",
					"DROP TABLE literal;");

		Migrator migrator = builder().placeholders(Map.of("table_name", "greetings", "greeting", "hello")).build();
		assertThat(migrator.plan(Operation.up()).migrations().get(0).statements())
			.contains("CREATE TABLE greetings (v TEXT);");
		migrator.up();

		assertThat(this.database.query("SELECT v FROM greetings ORDER BY v")).extracting((row) -> row.get("v"))
			.containsExactly("${kept}", "hello");
		assertThat(this.database.query("SELECT v FROM literal")).extracting((row) -> row.get("v"))
			.containsExactly("${greeting}");
	}

	@Test
	void secretPlaceholderValuesAreSentAsConfiguredAndShownNowhere() {
		String secret = "S3cr3t-pw;'quoted'";
		this.dir.file("00001_accounts.sql",
				"-- migrations:placeholders\n-- +goose Up\nCREATE TABLE accounts (name TEXT,"
						+ " pw TEXT);\nINSERT INTO accounts VALUES ('${owner}', '${db_password}');\n");
		List<PlannedMigration> heard = new ArrayList<>();
		Migrator migrator = builder().placeholders(Map.of("db_password", secret.replace("'", "''"), "owner", "app"))
			.listener(new MigrationListener() {

				@Override
				public void beforeMigration(PlannedMigration migration) {
					heard.add(migration);
				}

			})
			.build();

		// A dry run's output lands in CI logs: the value of a secret-looking placeholder
		// reads ***.
		assertThat(migrator.plan(Operation.up()).migrations().get(0).statements()).containsExactly(
				"CREATE TABLE accounts (name TEXT, pw TEXT);", "INSERT INTO accounts VALUES ('app', '***');");
		migrator.up();

		assertThat(this.database.query("SELECT name, pw FROM accounts")).singleElement()
			.satisfies((row) -> assertThat(row.values()).containsExactly("app", secret));
		assertThat(heard).singleElement()
			.satisfies((planned) -> assertThat(planned.statements()).noneMatch((sql) -> sql.contains("S3cr3t")));
	}

	@Test
	void aFailureQuotingASecretValueShowsItMasked() {
		this.dir.file("00001_broken.sql", "-- migrations:placeholders\n-- +goose Up\nCREATE TABLE t (id INTEGER);\n"
				+ "SELECT * FROM \"${api_token}\";\n");

		MigrationFailedException failure = org.junit.jupiter.api.Assertions.assertThrows(MigrationFailedException.class,
				() -> builder().placeholders(Map.of("api_token", "tok_live_123456")).build().up());

		assertThat(failure.getMessage()).doesNotContain("tok_live_123456").contains("***");
		assertThat(failure.databaseMessage()).doesNotContain("tok_live_123456").contains("***");
		assertThat(failure.getCause().getMessage()).doesNotContain("tok_live_123456");
		assertThat(failure.getCause()).isInstanceOf(java.sql.SQLException.class);
		assertThat(failure.line()).isEqualTo(4);
	}

	@Test
	void partsOfASecretEnvsubVariableAreMaskedToo() {
		this.dir.file("00001_parts.sql",
				"-- +goose ENVSUB ON\n-- +goose Up\nCREATE TABLE parts (head TEXT, tail TEXT);\n"
						+ "INSERT INTO parts VALUES ('${DB_PASSWORD:0:9}', '${DB_PASSWORD:12}');\n");
		Migrator migrator = builder().environment(Map.of("DB_PASSWORD", "correct-horse-battery")).build();

		List<PlannedMigration> plan = migrator.plan(Operation.up()).migrations();

		assertThat(plan.get(0).statements()).contains("INSERT INTO parts VALUES ('***', '***');");
		assertThat(String.join("\n", plan.get(0).statements())).doesNotContain("correct").doesNotContain("battery");
	}

	@Test
	void secretEnvsubVariablesAreMaskedOnlyWhereAFileExpandsThem() {
		this.dir
			.file("00001_keys.sql",
					"-- +goose ENVSUB ON\n-- +goose Up\nCREATE TABLE signing_keys (region TEXT, k TEXT);\n"
							+ "INSERT INTO signing_keys VALUES ('$REGION', '${SIGNING_KEY}');\n")
			.goose("00002_plain.sql", "INSERT INTO signing_keys VALUES ('emea-2', 'unused-secret-value');",
					"SELECT 1;");
		Migrator migrator = builder()
			.environment(Map.of("REGION", "emea", "SIGNING_KEY", "k-9f8e7d", "UNUSED_TOKEN", "unused-secret-value"))
			.build();

		List<PlannedMigration> plan = migrator.plan(Operation.up()).migrations();

		assertThat(plan.get(0).statements()).contains("INSERT INTO signing_keys VALUES ('emea', '***');");
		// A secret-looking variable no file expands is not the engine's to hide, and is
		// not hunted for.
		assertThat(plan.get(1).statements())
			.containsExactly("INSERT INTO signing_keys VALUES ('emea-2', 'unused-secret-value');");
		migrator.up();
		assertThat(this.database.query("SELECT k FROM signing_keys WHERE region = 'emea'")).singleElement()
			.satisfies((row) -> assertThat(row.get("k")).isEqualTo("k-9f8e7d"));
	}

	@Test
	void undefinedPlaceholderIsAnErrorNamingFileAndLineBeforeAnythingRuns() {
		this.dir.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;")
			.file("00002_b.sql",
					"-- migrations:placeholders\n-- +goose Up\nCREATE TABLE b (\n  id INTEGER,\n  owner TEXT DEFAULT '${owner}'\n);\n");

		MigrationParseException error = org.junit.jupiter.api.Assertions.assertThrows(MigrationParseException.class,
				() -> builder().placeholders(Map.of("other", "x")).build().up());

		assertThat(error.file()).endsWith("00002_b.sql");
		assertThat(error.line()).isEqualTo(5);
		assertThat(error.reason()).contains("${owner} is not configured");
		assertThat(this.database.tables()).isEmpty();
	}

	/**
	 * What goose itself reads: the latest version is max(version_id), and every row it
	 * wrote is applied.
	 */
	private void assertGooseReads(long version) {
		assertThat(this.database.count("SELECT max(version_id) FROM goose_db_version")).isEqualTo(version);
		assertThat(this.database.count("SELECT count(*) FROM goose_db_version WHERE NOT "
				+ (this.database.vendor().equals("sqlite") ? "(is_applied = 1)" : "is_applied")))
			.isZero();
		assertThat(gooseRows().get(0)).isZero();
	}

	/** What golang-migrate itself reads: one row, clean, at the version. */
	private void assertGolangMigrateReads(long version) {
		assertThat(migrateRows()).containsExactly(version + ":false");
	}

	@Test
	void gooseReadsItsTableAfterEveryOperation() throws Exception {
		writeThree();
		this.database.execute("CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT)");
		Migrator migrator = migrator();

		migrator.baseline(1);
		assertGooseReads(1);
		migrator.plan(Operation.up());
		migrator.validate();
		assertGooseReads(1);
		migrator.upTo(2);
		assertGooseReads(2);
		migrator.repair();
		assertGooseReads(2);
		migrator.up();
		migrator.redo();
		assertGooseReads(3);
		migrator.down();
		assertGooseReads(2);
		assertThat(gooseRows()).containsExactly(0L, 1L, 2L);
	}

	@Test
	void golangMigrateReadsItsTableAfterEveryOperation() {
		this.dir.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);")
			.file("1_a.down.sql", "DROP TABLE a;")
			.file("2_b.up.sql", "CREATE TABLE b (id INTEGER);")
			.file("2_b.down.sql", "DROP TABLE b;")
			.file("3_c.up.sql", "CREATE TABLE c (id INTEGER);")
			.file("3_c.down.sql", "DROP TABLE c;");
		this.database.execute("CREATE TABLE a (id INTEGER)");
		Migrator migrator = migrator();

		migrator.baseline(1);
		assertGolangMigrateReads(1);
		migrator.plan(Operation.up());
		migrator.validate();
		migrator.upTo(2);
		assertGolangMigrateReads(2);
		migrator.repair();
		migrator.force(2);
		assertGolangMigrateReads(2);
		migrator.up();
		migrator.redo();
		assertGolangMigrateReads(3);
		migrator.down();
		assertGolangMigrateReads(2);
		migrator.downTo(0);
		assertThat(migrateRows()).isEmpty();
	}

	@Test
	void upWithNothingPendingTakesNoLock() throws Exception {
		writeThree();
		migrator().up();

		try (AutoCloseable held = holdLock()) {
			MigrateResult result = builder().lockTimeout(Duration.ofMillis(200)).build().up();

			assertThat(result.isEmpty()).isTrue();
			assertThat(result.finalVersion()).isEqualTo(3);
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> builder().lockTimeout(Duration.ofMillis(200)).build().down());
		}
	}

}
