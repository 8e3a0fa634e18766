package dev.migrations.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrations.MigrationConfigurationException;
import dev.migrations.MigrationFormat;
import dev.migrations.MigrationSourceException;
import dev.migrations.MigrationState;
import dev.migrations.MigrationStateException;
import dev.migrations.MigrationStatus;
import dev.migrations.StatusReport;
import dev.migrations.format.Migration;
import dev.migrations.format.MigrationCatalog;
import dev.migrations.format.MigrationLoader;
import dev.migrations.format.VersionNumbers;
import dev.migrations.parser.GooseParser;
import dev.migrations.parser.GooseScript;
import dev.migrations.parser.ParsedSection;
import dev.migrations.parser.PlainSqlParser;
import dev.migrations.source.MigrationSources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code create} writes the next migration in the directory's format and {@code fix}
 * turns timestamp versions into the next sequential ones, both on real files.
 */
class MigrationFilesTests {

	private static final String GOOSE_FILE = "-- +goose Up\nSELECT 1;\n\n-- +goose Down\nSELECT 2;\n";

	/**
	 * 07:08:09 UTC, 16:08:09 in Tokyo: timestamp versions must come out in UTC whatever
	 * the clock's zone.
	 */
	private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-03-05T07:08:09Z"), ZoneId.of("Asia/Tokyo"));

	@TempDir
	Path directory;

	@Test
	void createsVersionOneAsAGooseFileInAnEmptyDirectory() {
		CreatedMigration created = create("add users", MigrationFormat.AUTO, Versioning.SEQUENTIAL);

		assertThat(created.version()).isEqualTo(1);
		assertThat(created.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(created.files()).containsExactly(this.directory.resolve("00001_add_users.sql"));
		assertThat(names()).containsExactly("00001_add_users.sql");
	}

	@Test
	void createsVersionOneAsAGolangMigratePairPaddedToSixDigits() {
		CreatedMigration created = create("add users", MigrationFormat.GOLANG_MIGRATE, Versioning.SEQUENTIAL);

		assertThat(created.version()).isEqualTo(1);
		assertThat(created.format()).isEqualTo(MigrationFormat.GOLANG_MIGRATE);
		assertThat(created.files()).containsExactly(this.directory.resolve("000001_add_users.up.sql"),
				this.directory.resolve("000001_add_users.down.sql"));
	}

	@Test
	void numbersAGooseMigrationAfterTheHighestSequentialVersionIgnoringTimestamps() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		write("00006_b.sql", GOOSE_FILE);
		write("20240101120000_c.sql", GOOSE_FILE);

		CreatedMigration created = create("add_x", MigrationFormat.AUTO, Versioning.SEQUENTIAL);

		assertThat(created.version()).isEqualTo(7);
		assertThat(created.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(created.files()).containsExactly(this.directory.resolve("00007_add_x.sql"));
	}

	@Test
	void numbersAGolangMigrateMigrationAfterTheHighestSequentialVersionIgnoringTimestamps() throws IOException {
		write("000009_a.up.sql", "SELECT 1;");
		write("000009_a.down.sql", "SELECT 1;");
		write("000010_b.up.sql", "SELECT 1;");
		write("20240101120000_c.up.sql", "SELECT 1;");

		CreatedMigration created = create("add_x", MigrationFormat.AUTO, Versioning.SEQUENTIAL);

		assertThat(created.version()).isEqualTo(11);
		assertThat(created.format()).isEqualTo(MigrationFormat.GOLANG_MIGRATE);
		assertThat(created.files()).containsExactly(this.directory.resolve("000011_add_x.up.sql"),
				this.directory.resolve("000011_add_x.down.sql"));
	}

	@Test
	void keepsPaddingOnceTheVersionOutgrowsIt() throws IOException {
		write("99999_a.sql", GOOSE_FILE);

		assertThat(create("b", MigrationFormat.GOOSE, Versioning.SEQUENTIAL).files())
			.containsExactly(this.directory.resolve("100000_b.sql"));
	}

	@Test
	void followsUnpaddedVersionsByNumber() throws IOException {
		write("9_a.sql", GOOSE_FILE);
		write("10_b.sql", GOOSE_FILE);

		assertThat(create("c", MigrationFormat.AUTO, Versioning.SEQUENTIAL).version()).isEqualTo(11);
	}

	@Test
	void countsOnlyTheRequestedFormatsFilesWhenTheFormatIsGiven() throws IOException {
		write("00004_goose.sql", GOOSE_FILE);
		write("000002_migrate.up.sql", "SELECT 1;");

		CreatedMigration created = create("next", MigrationFormat.GOLANG_MIGRATE, Versioning.SEQUENTIAL);

		assertThat(created.version()).isEqualTo(3);
	}

	@Test
	void refusesToDetectTheFormatOfADirectoryMixingBoth() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		write("000002_b.up.sql", "SELECT 1;");

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> create("c", MigrationFormat.AUTO, Versioning.SEQUENTIAL))
			.withMessageContaining("mixes goose files (00001_a.sql) and golang-migrate files (000002_b.up.sql)")
			.satisfies((ex) -> assertThat(ex.files()).containsExactly("00001_a.sql", "000002_b.up.sql"));
		assertThat(names()).containsExactly("000002_b.up.sql", "00001_a.sql");
	}

	@Test
	void ignoresFilesThatAreNotMigrationsWhenDetectingTheFormat() throws IOException {
		write("README.md", "# migrations");
		write("seed.sql", "INSERT INTO users VALUES (1);");

		CreatedMigration created = create("first", MigrationFormat.AUTO, Versioning.SEQUENTIAL);

		assertThat(created.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(created.version()).isEqualTo(1);
	}

	@Test
	void createsAGooseTimestampVersionFromTheClockInUtc() throws IOException {
		write("00003_a.sql", GOOSE_FILE);

		CreatedMigration created = create("add x", MigrationFormat.AUTO, Versioning.TIMESTAMP);

		assertThat(created.version()).isEqualTo(20240305070809L);
		assertThat(created.files()).containsExactly(this.directory.resolve("20240305070809_add_x.sql"));
	}

	@Test
	void createsAGolangMigrateTimestampVersionFromTheClockInUtc() {
		CreatedMigration created = create("add x", MigrationFormat.GOLANG_MIGRATE, Versioning.TIMESTAMP);

		assertThat(created.version()).isEqualTo(20240305070809L);
		assertThat(created.files()).containsExactly(this.directory.resolve("20240305070809_add_x.up.sql"),
				this.directory.resolve("20240305070809_add_x.down.sql"));
	}

	@Test
	void refusesASecondTimestampVersionWithinTheSameSecondAndKeepsTheFirst() throws IOException {
		create("first", MigrationFormat.GOOSE, Versioning.TIMESTAMP);
		Path first = this.directory.resolve("20240305070809_first.sql");
		String content = Files.readString(first);

		assertThatExceptionOfType(MigrationStateException.class)
			.isThrownBy(() -> create("second", MigrationFormat.GOOSE, Versioning.TIMESTAMP))
			.withMessage("Version 20240305070809 already exists in filesystem:" + this.directory
					+ " (20240305070809_first.sql); timestamps only count whole seconds, so wait a second and"
					+ " create the migration again.");
		assertThat(names()).containsExactly("20240305070809_first.sql");
		assertThat(Files.readString(first)).isEqualTo(content);
	}

	@Test
	void neverOverwritesAnExistingGooseFile() throws IOException {
		// A directory is not a migration file, so it does not count as version 1, but its
		// name is taken.
		Files.createDirectory(this.directory.resolve("00001_add_x.sql"));

		assertThatExceptionOfType(MigrationStateException.class)
			.isThrownBy(() -> create("add x", MigrationFormat.GOOSE, Versioning.SEQUENTIAL))
			.withMessage("Migration file " + this.directory.resolve("00001_add_x.sql")
					+ " already exists; it was left as it was and no file was created.");
		assertThat(this.directory.resolve("00001_add_x.sql")).isDirectory();
	}

	@Test
	void removesTheUpFileItWroteWhenTheDownFileNameIsTaken() throws IOException {
		Files.createDirectory(this.directory.resolve("000001_add_x.down.sql"));

		assertThatExceptionOfType(MigrationStateException.class)
			.isThrownBy(() -> create("add x", MigrationFormat.GOLANG_MIGRATE, Versioning.SEQUENTIAL))
			.withMessageContaining("000001_add_x.down.sql already exists");
		assertThat(names()).containsExactly("000001_add_x.down.sql");
		assertThat(this.directory.resolve("000001_add_x.up.sql")).doesNotExist();
	}

	@Test
	void createsTheDirectoryWhenItDoesNotExist() {
		Path nested = this.directory.resolve("db").resolve("migrations");

		CreatedMigration created = MigrationFiles.create(nested, "init", MigrationFormat.AUTO, Versioning.SEQUENTIAL,
				CLOCK);

		assertThat(created.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(created.files()).containsExactly(nested.resolve("00001_init.sql"));
		assertThat(nested.resolve("00001_init.sql")).isRegularFile();
	}

	@Test
	void refusesAPathThatIsAFile() throws IOException {
		Path file = write("migrations", "not a directory");

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> MigrationFiles.create(file, "init", MigrationFormat.AUTO, Versioning.SEQUENTIAL, CLOCK))
			.withMessage("Migrations location filesystem:" + file + " is not a directory.");
	}

	@ParameterizedTest
	@ValueSource(strings = { "AddUserEmail", "add user-email", "addUserEmail", "  Add__User  Email!! ",
			"add_user_email", "ADD USER EMAIL" })
	void writesTheNameInSnakeCase(String name) {
		CreatedMigration created = create(name, MigrationFormat.GOOSE, Versioning.SEQUENTIAL);

		assertThat(created.files()).containsExactly(this.directory.resolve("00001_add_user_email.sql"));
	}

	@Test
	void splitsAnAcronymFromTheWordAfterIt() {
		assertThat(MigrationFiles.snakeCase("AddHTTPServerLogs")).isEqualTo("add_http_server_logs");
		assertThat(MigrationFiles.snakeCase("Add2FASecret")).isEqualTo("add2fa_secret");
		assertThat(MigrationFiles.snakeCase("café au lait")).isEqualTo("café_au_lait");
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "   ", "--!", "___" })
	void refusesANameWithoutLettersOrDigitsAndWritesNothing(String name) {
		Path target = this.directory.resolve("migrations");

		assertThatExceptionOfType(MigrationConfigurationException.class)
			.isThrownBy(() -> MigrationFiles.create(target, name, MigrationFormat.AUTO, Versioning.SEQUENTIAL, CLOCK))
			.withMessage("Migration name '" + name + "' holds no letter or digit; give a name that says what the"
					+ " migration does, such as add_user_email.")
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo("name"));
		assertThat(target).doesNotExist();
	}

	@Test
	void writesAGooseFileThatParsesToOneStatementInEachDirection() throws IOException {
		CreatedMigration created = create("add x", MigrationFormat.GOOSE, Versioning.SEQUENTIAL);
		Path file = created.files().get(0);

		GooseScript script = GooseParser.parse(file.toString(), Files.readString(file), Map.of());

		assertThat(script.transactional()).isTrue();
		assertThat(script.up().isValid()).isTrue();
		assertThat(script.up().statements()).singleElement()
			.satisfies((statement) -> assertThat(statement.sql()).startsWith("SELECT 'up:"));
		assertThat(script.down().isValid()).isTrue();
		assertThat(script.down().statements()).singleElement()
			.satisfies((statement) -> assertThat(statement.sql()).startsWith("SELECT 'down:"));
		assertThat(Files.readString(file)).contains("-- +goose StatementBegin").contains("-- +goose StatementEnd");
	}

	@Test
	void writesGolangMigrateFilesThatHoldNoStatements() throws IOException {
		CreatedMigration created = create("add x", MigrationFormat.GOLANG_MIGRATE, Versioning.SEQUENTIAL);

		for (Path file : created.files()) {
			String text = Files.readString(file);
			ParsedSection section = PlainSqlParser.parse(file.toString(), text);
			assertThat(section.isValid()).isTrue();
			assertThat(section.statements()).as(file.toString()).isEmpty();
			assertThat(text).startsWith("-- ");
		}
	}

	@Test
	void writesGooseFilesTheLoaderReads() {
		create("first", MigrationFormat.GOOSE, Versioning.SEQUENTIAL);
		create("second", MigrationFormat.AUTO, Versioning.SEQUENTIAL);

		MigrationCatalog catalog = load();

		assertThat(catalog.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(catalog.all()).extracting(Migration::name).containsExactly("00001_first.sql", "00002_second.sql");
		assertThat(catalog.get(2).up().section().statements()).hasSize(1);
		assertThat(catalog.get(2).down().section().statements()).hasSize(1);
	}

	@Test
	void writesGolangMigrateFilesTheLoaderReadsAsNoOps() {
		create("first", MigrationFormat.GOLANG_MIGRATE, Versioning.SEQUENTIAL);
		create("second", MigrationFormat.AUTO, Versioning.SEQUENTIAL);

		MigrationCatalog catalog = load();

		assertThat(catalog.format()).isEqualTo(MigrationFormat.GOLANG_MIGRATE);
		assertThat(catalog.migrations().keySet()).containsExactly(1L, 2L);
		Migration second = catalog.get(2);
		assertThat(second.up().name()).isEqualTo("000002_second.up.sql");
		assertThat(second.down().name()).isEqualTo("000002_second.down.sql");
		assertThat(second.up().section().isValid()).isTrue();
		assertThat(second.up().section().statements()).isEmpty();
		assertThat(second.down().section().statements()).isEmpty();
	}

	@Test
	void renamesGooseTimestampsAfterTheHighestSequentialVersionInTimestampOrder() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		write("00002_b.sql", GOOSE_FILE);
		write("20240102000000_d.sql", "-- +goose Up\nSELECT 'd';\n");
		write("20240101000000_c.sql", "-- +goose Up\nSELECT 'c';\n");

		FixResult result = MigrationFiles.fix(this.directory, Set.of());

		assertThat(result.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(result.renames()).containsExactly(
				new RenamedFile("20240101000000_c.sql", "00003_c.sql", 20240101000000L, 3),
				new RenamedFile("20240102000000_d.sql", "00004_d.sql", 20240102000000L, 4));
		assertThat(names()).containsExactly("00001_a.sql", "00002_b.sql", "00003_c.sql", "00004_d.sql");
		assertThat(Files.readString(this.directory.resolve("00003_c.sql"))).contains("SELECT 'c';");
		assertThat(Files.readString(this.directory.resolve("00001_a.sql"))).isEqualTo(GOOSE_FILE);
	}

	@Test
	void renamesBothGolangMigrateFilesOfATimestampVersionToOneNumber() throws IOException {
		write("000001_a.up.sql", "SELECT 1;");
		write("000001_a.down.sql", "SELECT 1;");
		write("20240101000000_b.up.sql", "SELECT 'b up';");
		write("20240101000000_b.down.sql", "SELECT 'b down';");
		write("20240102000000_c.up.sql", "SELECT 'c up';");

		FixResult result = MigrationFiles.fix(this.directory, Set.of());

		assertThat(result.format()).isEqualTo(MigrationFormat.GOLANG_MIGRATE);
		assertThat(result.renames()).extracting(RenamedFile::from, RenamedFile::to)
			.containsExactly(tuple("20240101000000_b.up.sql", "000002_b.up.sql"),
					tuple("20240101000000_b.down.sql", "000002_b.down.sql"),
					tuple("20240102000000_c.up.sql", "000003_c.up.sql"));
		assertThat(names()).containsExactly("000001_a.down.sql", "000001_a.up.sql", "000002_b.down.sql",
				"000002_b.up.sql", "000003_c.up.sql");
		assertThat(Files.readString(this.directory.resolve("000002_b.down.sql"))).isEqualTo("SELECT 'b down';");
	}

	@Test
	void startsAtOneWhenEveryVersionIsATimestamp() throws IOException {
		write("20240101000000_a.sql", GOOSE_FILE);
		write("20230101000000_b.sql", GOOSE_FILE);

		FixResult result = MigrationFiles.fix(this.directory, Set.of());

		assertThat(result.renames()).extracting(RenamedFile::to).containsExactly("00001_b.sql", "00002_a.sql");
	}

	@Test
	void countsFourteenDigitsThatAreNoDateAndTimeAsSequential() throws IOException {
		write("20241301000000_not_a_date.sql", GOOSE_FILE);
		write("20240101000000_a.sql", GOOSE_FILE);

		FixResult result = MigrationFiles.fix(this.directory, Set.of());

		assertThat(result.renames()).extracting(RenamedFile::to).containsExactly("20241301000001_a.sql");
	}

	@ParameterizedTest
	@ValueSource(longs = { 20240101000000L, 19700101000001L, 20240229235959L, 99991231235959L })
	void readsFourteenDigitsFormingADateAndTimeAfter1970AsATimestamp(long version) {
		assertThat(VersionNumbers.isTimestamp(version)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(longs = { 1, 99999, 19700101000000L, 19691231235959L, 20241301000000L, 20230229000000L,
			20240101240000L, 20240101126000L, 20240101120060L, 202401011200001L, 2024010112000L })
	void readsOtherNumbersAsSequential(long version) {
		assertThat(VersionNumbers.isTimestamp(version)).isFalse();
	}

	@Test
	void refusesWhenATimestampVersionIsAppliedAndRenamesNothing() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		write("20240101000000_b.sql", GOOSE_FILE);
		write("20240102000000_c.sql", GOOSE_FILE);

		assertThatExceptionOfType(MigrationStateException.class)
			.isThrownBy(() -> MigrationFiles.fix(this.directory, Set.of(1L, 20240102000000L)))
			.withMessage("Cannot fix filesystem:" + this.directory + ": the database records 20240102000000_c.sql as"
					+ " applied under the timestamp version; with a new version it would look pending and run again."
					+ " Nothing was renamed; run fix before timestamped migrations are applied anywhere.");
		assertThat(names()).containsExactly("00001_a.sql", "20240101000000_b.sql", "20240102000000_c.sql");
	}

	@Test
	void namesBothGolangMigrateFilesOfAnAppliedTimestampVersion() throws IOException {
		write("20240101000000_b.up.sql", "SELECT 1;");
		write("20240101000000_b.down.sql", "SELECT 1;");

		assertThatExceptionOfType(MigrationStateException.class)
			.isThrownBy(() -> MigrationFiles.fix(this.directory, Set.of(20240101000000L)))
			.withMessageContaining("records 20240101000000_b.up.sql, 20240101000000_b.down.sql as applied");
		assertThat(names()).containsExactly("20240101000000_b.down.sql", "20240101000000_b.up.sql");
	}

	@Test
	void refusesWhenANewVersionIsAlreadyRecordedAsApplied() throws IOException {
		// Version 2 was applied from a file this directory does not have yet (another
		// branch, say).
		write("00001_a.sql", GOOSE_FILE);
		write("20240101000000_b.sql", GOOSE_FILE);

		assertThatExceptionOfType(MigrationStateException.class)
			.isThrownBy(() -> MigrationFiles.fix(this.directory, Set.of(1L, 2L)))
			.withMessageContaining("would give to 20240101000000_b.sql (version 2), so they would look applied")
			.withMessageContaining("Nothing was renamed");
		assertThat(names()).containsExactly("00001_a.sql", "20240101000000_b.sql");
	}

	@Test
	void doesNothingWithoutTimestampVersions() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		write("00002_b.sql", GOOSE_FILE);
		write("README.md", "# migrations");

		FixResult result = MigrationFiles.fix(this.directory, Set.of(1L, 2L));

		assertThat(result.isEmpty()).isTrue();
		assertThat(result.renames()).isEmpty();
		assertThat(names()).containsExactly("00001_a.sql", "00002_b.sql", "README.md");
	}

	@Test
	void leavesFilesThatAreNotMigrationsAlone() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		write("20240101000000_b.sql", GOOSE_FILE);
		write("20240101000000_notes.txt", "not a migration");

		MigrationFiles.fix(this.directory, Set.of());

		assertThat(names()).containsExactly("00001_a.sql", "00002_b.sql", "20240101000000_notes.txt");
	}

	@Test
	void refusesADirectoryThatDoesNotExist() {
		Path missing = this.directory.resolve("missing");

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> MigrationFiles.fix(missing, Set.of()))
			.withMessage("Migrations location filesystem:" + missing + " does not exist.");
		assertThat(missing).doesNotExist();
	}

	@Test
	void fixesAGooseDirectoryTheLoaderThenReads() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		write("20240101000000_b.sql", "-- +goose Up\nSELECT 'b';\n");
		write("20230101000000_c.sql", "-- +goose Up\nSELECT 'c';\n");

		MigrationFiles.fix(this.directory, Set.of(1L));

		MigrationCatalog catalog = load();
		assertThat(catalog.migrations().keySet()).containsExactly(1L, 2L, 3L);
		assertThat(catalog.all()).extracting(Migration::name)
			.containsExactly("00001_a.sql", "00002_c.sql", "00003_b.sql");
		assertThat(catalog.get(2).up().section().statements().get(0).sql()).isEqualTo("SELECT 'c';");
	}

	@Test
	void fixesAGolangMigrateDirectoryTheLoaderThenReads() throws IOException {
		write("000001_a.up.sql", "SELECT 1;");
		write("20240101000000_b.up.sql", "SELECT 'b up';");
		write("20240101000000_b.down.sql", "SELECT 'b down';");

		MigrationFiles.fix(this.directory, Set.of());

		MigrationCatalog catalog = load();
		assertThat(catalog.migrations().keySet()).containsExactly(1L, 2L);
		assertThat(catalog.get(2).up().name()).isEqualTo("000002_b.up.sql");
		assertThat(catalog.get(2).down().name()).isEqualTo("000002_b.down.sql");
	}

	@Test
	void collectsTheVersionsAStatusReportShowsAsApplied() {
		StatusReport status = new StatusReport(5, false,
				List.of(new MigrationStatus(1, "00001_a.sql", MigrationState.APPLIED, Instant.EPOCH),
						new MigrationStatus(2, "00002_b.sql", MigrationState.CHECKSUM_MISMATCH, Instant.EPOCH),
						new MigrationStatus(3, "00003_c.sql", MigrationState.OUT_OF_ORDER, null),
						new MigrationStatus(4, null, MigrationState.MISSING, Instant.EPOCH),
						new MigrationStatus(20240101000000L, "20240101000000_e.sql", MigrationState.PENDING, null)));

		assertThat(MigrationFiles.appliedVersions(status)).containsExactly(1L, 2L, 4L);
	}

	private CreatedMigration create(String name, MigrationFormat format, Versioning versioning) {
		return MigrationFiles.create(this.directory, name, format, versioning, CLOCK);
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

	private List<String> names() {
		try (Stream<Path> files = Files.list(this.directory)) {
			return files.map((file) -> file.getFileName().toString()).sorted().toList();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private MigrationCatalog load() {
		return new MigrationLoader(MigrationFormat.AUTO, Map.of())
			.load(List.of(MigrationSources.directory(this.directory)));
	}

}
