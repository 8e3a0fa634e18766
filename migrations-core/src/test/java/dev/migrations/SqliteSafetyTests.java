package dev.migrations;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.migrations.lock.DatabaseLock;
import dev.migrations.lock.SqliteFileLock;
import dev.migrations.testing.SqliteTestDatabase;
import dev.migrations.testing.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The safety features on a SQLite file, plus SQLite backups. */
class SqliteSafetyTests extends SafetyContractTests {

	@Override
	protected TestDatabase createDatabase() {
		return SqliteTestDatabase.create();
	}

	private Path file() {
		return ((SqliteTestDatabase) this.database).file();
	}

	@Override
	protected AutoCloseable holdLock() {
		DatabaseLock.Lease lease = new SqliteFileLock(file()).acquire(Duration.ofSeconds(5));
		return lease::close;
	}

	@Override
	protected byte[] fileBytes() {
		try {
			return Files.exists(file()) ? Files.readAllBytes(file()) : new byte[0];
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Test
	void planCreatesNoLockFile() {
		writeThree();

		migrator().plan(Operation.up());

		assertThat(new SqliteFileLock(file()).lockFile()).doesNotExist();
	}

	@Test
	void backupIsTakenBeforeThePendingMigrationsAndOldOnesArePruned() throws Exception {
		writeThree();
		migrator().upTo(1);
		Path backups = Files.createDirectories(file().resolveSibling("backups"));
		Migrator.Builder builder = builder().backup(true).backupDirectory(backups).backupKeep(2);

		builder.build().upTo(2);
		List<Path> first = backupsIn(backups);
		assertThat(first).singleElement()
			.satisfies((path) -> assertThat(path.getFileName().toString()).matches("test\\.db\\.\\d{8}T\\d{9}Z\\.bak"));
		try (SqliteTestDatabase copy = SqliteTestDatabase.at(first.get(0))) {
			assertThat(copy.tables()).contains("users").doesNotContain("posts");
		}

		assertThat(builder.build().up().isEmpty()).isFalse();
		assertThat(builder.build().up().isEmpty()).isTrue();
		assertThat(backupsIn(backups)).hasSize(2);
		builder.build().down();
		builder.build().down();
		assertThat(backupsIn(backups)).hasSize(2).doesNotContain(first.get(0));
	}

	@Test
	void backupsOfADatabaseWhoseNameIsAnothersPrefixAreKeptApart() throws Exception {
		writeThree();
		Path backups = Files.createDirectories(file().resolveSibling("backups"));
		// "test" and "test.db": each one's backups start with "test.".
		try (SqliteTestDatabase other = SqliteTestDatabase.at(file().resolveSibling("test"))) {
			builder().backup(true).backupDirectory(backups).backupKeep(1).build().up();
			Migrator.builder()
				.dataSource(other.dataSource())
				.locations(this.dir.location())
				.backup(true)
				.backupDirectory(backups)
				.backupKeep(1)
				.build()
				.up();

			assertThat(backupsIn(backups)).extracting((path) -> path.getFileName().toString())
				.hasSize(2)
				.anySatisfy((name) -> assertThat(name).matches("test\\.db\\.\\d{8}T\\d{9}Z\\.bak"))
				.anySatisfy((name) -> assertThat(name).matches("test\\.\\d{8}T\\d{9}Z\\.bak"));
		}
	}

	@Test
	void aBackupCutShortNeverCountsAsABackupAndIsRemoved() throws Exception {
		writeThree();
		migrator().upTo(1);
		Path backups = Files.createDirectories(file().resolveSibling("backups"));
		// What a runner killed during VACUUM INTO leaves: a newer name than any real
		// backup.
		Path leftover = Files.writeString(backups.resolve("test.db.29991231T235959999Z.bak.partial"), "half");
		Path good = Files.writeString(backups.resolve("test.db.20240101T000000000Z.bak"), "older but whole");

		builder().backup(true).backupDirectory(backups).backupKeep(2).build().up();

		assertThat(leftover).doesNotExist();
		assertThat(good).exists();
		assertThat(backupsIn(backups)).hasSize(2);
		try (Stream<Path> files = Files.list(backups)) {
			assertThat(files.map((path) -> path.getFileName().toString()))
				.noneMatch((name) -> name.endsWith(".partial"));
		}
	}

	@Test
	void backupNextToTheDatabaseByDefault() throws Exception {
		writeThree();

		builder().backup(true).build().up();

		assertThat(backupsIn(file().getParent())).hasSize(1);
	}

	@Test
	void backupThatCannotBeWrittenStopsBeforeAnythingChanges() {
		writeThree();
		Path missing = file().resolveSibling("no-such-directory");

		BackupException failure = org.junit.jupiter.api.Assertions.assertThrows(BackupException.class,
				() -> builder().backup(true).backupDirectory(missing).build().up());

		assertThat(failure.target()).isEqualTo(missing.toAbsolutePath());
		assertThat(failure.getMessage()).contains("does not exist");
		assertThat(this.database.tables()).isEmpty();
	}

	@Test
	void backupIntoAnExistingFileFailsCleanly() throws Exception {
		writeThree();
		Path notADirectory = Files.writeString(file().resolveSibling("plain-file"), "x");

		assertThatExceptionOfType(BackupException.class)
			.isThrownBy(() -> builder().backup(true).backupDirectory(notADirectory).build().up());
		assertThat(this.database.tables()).isEmpty();
	}

	private static List<Path> backupsIn(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((path) -> path.getFileName().toString().endsWith(".bak")).sorted().toList();
		}
	}

}
