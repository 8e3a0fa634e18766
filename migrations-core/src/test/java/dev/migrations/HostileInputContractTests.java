package dev.migrations;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.HostileInput;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.TestDataSource;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The catalogue of hostile inputs against a real database, by each subclass: a refused
 * input names its file and line and leaves every table and row as it was, and no lock
 * behind; an awkward input that must work does, with the right result.
 */
abstract class HostileInputContractTests {

	@TempDir
	Path temp;

	protected abstract TestDatabase createDatabase();

	/** The connections the engine gets. */
	protected abstract TestDataSource engineDataSource(TestDatabase database, HostileInput input);

	/** Fails unless the migration lock is free for the next runner, right now. */
	protected abstract void assertLockIsFree(TestDatabase database);

	void assertRefusedLeavingTheDatabaseAsItWas(HostileInput input) {
		try (TestDatabase database = createDatabase()) {
			MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"));
			input.writeFiles(dir);
			input.prepare(database);
			Map<String, List<String>> before = HostileInputChecks.contents(database);
			Migrator migrator = HostileInputChecks.builder(input, dir, engineDataSource(database, input)).build();

			Throwable refused = catchThrowable(() -> HostileInputChecks.run(migrator, input.command()));

			HostileInputChecks.assertRefusalNamesItsCause(refused, input, dir);
			if (input.leavesVersionTablesBehind()) {
				// The version tables are created before the first migration runs; its
				// failure leaves them empty.
				assertThat(database.tables()).containsExactlyInAnyOrder(migrator.table(), migrator.metadataTable());
				assertThat(database.count("SELECT count(*) FROM goose_db_version WHERE version_id <> 0")).isZero();
				assertThat(database.count("SELECT count(*) FROM goose_db_version_meta")).isZero();
			}
			else {
				assertThat(HostileInputChecks.contents(database)).isEqualTo(before);
			}
			assertLockIsFree(database);
		}
	}

	void assertWorks(HostileInput input) {
		try (TestDatabase database = createDatabase()) {
			MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"));
			input.writeFiles(dir);
			input.prepare(database);

			MigrateResult result = HostileInputChecks.builder(input, dir, engineDataSource(database, input))
				.build()
				.up();

			assertThat(result.finalVersion()).isEqualTo(input.finalVersion());
			input.check(database);
			assertLockIsFree(database);
		}
	}

}
