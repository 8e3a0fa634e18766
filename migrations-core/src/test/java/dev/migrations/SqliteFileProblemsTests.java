package dev.migrations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A SQLite file the runner cannot write: opened read-only, write-protected, in a
 * directory that is missing or is a regular file, or with a backup location that cannot
 * take the backup. Each is a clear error, and the database keeps its version. Tests may
 * run as root, whom file permissions do not stop; the permission-based variants are
 * skipped then (with the reason shown), and each case has a variant that does not depend
 * on permissions.
 */
class SqliteFileProblemsTests {

	@TempDir
	Path directory;

	private Path file;

	private MigrationDir dir;

	@BeforeEach
	void migrateTheFirstVersionAndAddASecond() {
		this.file = this.directory.resolve("app.db");
		this.dir = MigrationDir.at(this.directory.resolve("migrations"))
			.goose("00001_a.sql", "CREATE TABLE a (id INTEGER);", "DROP TABLE a;");
		builder("jdbc:sqlite:" + this.file).build().up();
		this.dir.goose("00002_b.sql", "CREATE TABLE b (id INTEGER);", "DROP TABLE b;");
	}

	private Migrator.Builder builder(String url) {
		return Migrator.builder()
			.dataSource(new TestDataSource(url))
			.locations(this.dir.location())
			.environment(Map.of());
	}

	@Test
	void databaseOpenedReadOnlyFailsOnTheFirstWriteAndKeepsItsVersion() {
		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> builder("jdbc:sqlite:" + this.file + "?open_mode=1").build().up())
			.withMessageContaining("00002_b.sql:2 failed (up, statement 1): [SQLITE_READONLY]")
			.withMessageContaining("It was rolled back and not recorded")
			.satisfies((failure) -> assertThat(failure.applied()).isEmpty());

		assertStillAtTheFirstVersion();
	}

	@Test
	void writeProtectedDatabaseFileFailsOnTheFirstWriteAndKeepsItsVersion() throws IOException {
		Files.setPosixFilePermissions(this.file, PosixFilePermissions.fromString("r--r--r--"));
		assumeFalse(Files.isWritable(this.file), "Skipped: this user (root, most likely) may write a write-protected"
				+ " file; databaseOpenedReadOnlyFailsOnTheFirstWriteAndKeepsItsVersion covers a read-only database");

		assertThatExceptionOfType(MigrationFailedException.class)
			.isThrownBy(() -> builder("jdbc:sqlite:" + this.file).build().up())
			.withMessageContaining("[SQLITE_READONLY]");

		Files.setPosixFilePermissions(this.file, PosixFilePermissions.fromString("rw-r--r--"));
		assertStillAtTheFirstVersion();
	}

	@Test
	void missingDirectoryIsAConnectionErrorThatCreatesNothing() throws IOException {
		Path missing = this.directory.resolve("missing");

		assertThatExceptionOfType(DatabaseAccessException.class)
			.isThrownBy(() -> builder("jdbc:sqlite:" + missing.resolve("app.db")).build().up())
			.withMessageStartingWith("Failed connecting to the database: [SQLITE_CANTOPEN]")
			.satisfies((failure) -> assertThat(failure.action()).isEqualTo("connecting to the database"));

		assertThat(missing).doesNotExist();
		assertThat(filesIn(this.directory)).containsExactlyInAnyOrder("app.db", "app.db.migrate-lock", "migrations");
	}

	@Test
	void directoryThatIsARegularFileIsAConnectionErrorThatChangesNothing() throws IOException {
		Path regularFile = Files.writeString(this.directory.resolve("not-a-directory"), "x");

		assertThatExceptionOfType(DatabaseAccessException.class)
			.isThrownBy(() -> builder("jdbc:sqlite:" + regularFile.resolve("app.db")).build().up())
			.withMessageContaining("[SQLITE_CANTOPEN]");

		assertThat(regularFile).hasContent("x");
	}

	@Test
	void writeProtectedBackupDirectoryStopsTheRunBeforeAnythingChanges() throws IOException {
		Path backups = Files.createDirectory(this.directory.resolve("backups"));
		Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("r-xr-xr-x"));
		assumeFalse(Files.isWritable(backups), "Skipped: this user (root, most likely) may write a write-protected"
				+ " directory; backupIntoADirectoryThatTakesNoFilesStopsTheRunBeforeAnythingChanges covers it");

		assertBackupFailsAndNothingChanges(backups);
		Files.setPosixFilePermissions(backups, PosixFilePermissions.fromString("rwxr-xr-x"));
		assertThat(filesIn(backups)).isEmpty();
	}

	@Test
	void backupIntoADirectoryThatTakesNoFilesStopsTheRunBeforeAnythingChanges() {
		// A process's directory in procfs exists, but no one, not even root, can create a
		// file in it.
		Path procfs = Path.of("/proc/self");
		assumeTrue(Files.isDirectory(procfs), "Skipped: no procfs on this system");

		assertBackupFailsAndNothingChanges(procfs);
	}

	private void assertBackupFailsAndNothingChanges(Path backups) {
		BackupException failure = org.junit.jupiter.api.Assertions.assertThrows(BackupException.class,
				() -> builder("jdbc:sqlite:" + this.file).backup(true).backupDirectory(backups).build().up());

		assertThat(failure.target().getParent()).isEqualTo(backups.toAbsolutePath());
		assertThat(failure.getMessage()).startsWith("Cannot back up the database to " + failure.target())
			.endsWith("Nothing was migrated.");
		assertStillAtTheFirstVersion();
	}

	private void assertStillAtTheFirstVersion() {
		try (SqliteTestDatabase database = SqliteTestDatabase.at(this.file)) {
			assertThat(database.tables()).containsExactly("a", "goose_db_version", "goose_db_version_meta");
			assertThat(database.count("SELECT max(version_id) FROM goose_db_version")).isEqualTo(1);
			assertThat(database.count("SELECT count(*) FROM goose_db_version_meta")).isEqualTo(1);
		}
	}

	private static List<String> filesIn(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((path) -> path.getFileName().toString()).toList();
		}
	}

}
