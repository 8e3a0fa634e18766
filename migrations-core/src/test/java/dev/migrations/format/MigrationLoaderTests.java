package dev.migrations.format;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrations.MigrationFormat;
import dev.migrations.MigrationParseException;
import dev.migrations.MigrationSourceException;
import dev.migrations.parser.ParsedSection;
import dev.migrations.parser.SqlStatement;
import dev.migrations.source.MigrationResource;
import dev.migrations.source.MigrationSource;
import dev.migrations.source.MigrationSources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The loader decides each location's format from its file names, checks versions and
 * duplicates, and parses every file, keeping parse errors with the migration rather than
 * throwing them.
 */
class MigrationLoaderTests {

	private static final String GOOSE_FILE = """
			-- +goose Up
			CREATE TABLE users (id INTEGER);

			-- +goose Down
			DROP TABLE users;
			""";

	@TempDir
	Path directory;

	@Test
	void detectsGooseFilesAndParsesBothSections() throws IOException {
		Path file = write("00001_create_users.sql", GOOSE_FILE);

		MigrationCatalog catalog = load(MigrationFormat.AUTO, this.directory);

		assertThat(catalog.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(catalog.locations()).containsExactly("filesystem:" + this.directory);
		Migration migration = catalog.get(1);
		assertThat(migration.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(migration.name()).isEqualTo("00001_create_users.sql");
		assertThat(migration.location()).isEqualTo(file.toString());
		assertThat(migration.noTransaction()).isFalse();
		assertThat(statements(migration.up())).containsExactly("CREATE TABLE users (id INTEGER);");
		assertThat(statements(migration.down())).containsExactly("DROP TABLE users;");
		assertThat(migration.up().name()).isEqualTo(migration.down().name());
	}

	@Test
	void detectsGolangMigrateFilesAndParsesEachDirection() throws IOException {
		write("000001_create_users.up.sql", "CREATE TABLE users (id INTEGER);\nCREATE INDEX u ON users (id)");
		write("000001_create_users.down.sql", "DROP TABLE users;");

		MigrationCatalog catalog = load(MigrationFormat.AUTO, this.directory);

		assertThat(catalog.format()).isEqualTo(MigrationFormat.GOLANG_MIGRATE);
		Migration migration = catalog.get(1);
		assertThat(migration.name()).isEqualTo("000001_create_users.up.sql");
		assertThat(migration.up().name()).isEqualTo("000001_create_users.up.sql");
		assertThat(migration.down().name()).isEqualTo("000001_create_users.down.sql");
		assertThat(statements(migration.up())).containsExactly("CREATE TABLE users (id INTEGER);",
				"CREATE INDEX u ON users (id)");
		assertThat(statements(migration.down())).containsExactly("DROP TABLE users;");
	}

	@Test
	void readsAGolangMigrateShapedNameAsGooseWhenTheFormatIsGoose() throws IOException {
		write("1_x.up.sql", GOOSE_FILE);

		MigrationCatalog catalog = load(MigrationFormat.GOOSE, this.directory);

		assertThat(catalog.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(catalog.get(1).name()).isEqualTo("1_x.up.sql");
		assertThat(statements(catalog.get(1).up())).containsExactly("CREATE TABLE users (id INTEGER);");
		assertThat(statements(catalog.get(1).down())).containsExactly("DROP TABLE users;");
	}

	@Test
	void readsBothShapesAsGooseWhenTheFormatIsGoose() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		write("2_b.up.sql", GOOSE_FILE);

		MigrationCatalog catalog = load(MigrationFormat.GOOSE, this.directory);

		assertThat(catalog.migrations().keySet()).containsExactly(1L, 2L);
	}

	@Test
	void findsNoGolangMigrateFilesAmongGooseNamesWhenTheFormatIsGolangMigrate() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.GOLANG_MIGRATE, this.directory))
			.withMessage("Migrations location filesystem:" + this.directory + " holds no golang-migrate migrations.");
	}

	@Test
	void refusesBothFormatsMixedInOneLocationNamingAnExampleOfEach() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		write("00002_b.up.sql", "SELECT 1;");

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory))
			.withMessage("Location filesystem:" + this.directory + " mixes goose files (00001_a.sql) and golang-migrate"
					+ " files (00002_b.up.sql); keep one format per location, or set the format explicitly.")
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("filesystem:" + this.directory))
			.satisfies((ex) -> assertThat(ex.files()).containsExactly("00001_a.sql", "00002_b.up.sql"));
	}

	@Test
	void refusesLocationsInDifferentFormats(@TempDir Path other) throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		Files.writeString(other.resolve("2_b.up.sql"), "SELECT 1;");

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory, other))
			.withMessage("Location filesystem:" + other + " holds golang-migrate files but filesystem:" + this.directory
					+ " holds goose files; one engine keeps one version table, so use one format for all locations.")
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("filesystem:" + other));
	}

	@Test
	void mergesLocationsInTheSameFormat(@TempDir Path other) throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		Files.writeString(other.resolve("00002_b.sql"), GOOSE_FILE);

		MigrationCatalog catalog = load(MigrationFormat.AUTO, this.directory, other);

		assertThat(catalog.locations()).containsExactly("filesystem:" + this.directory, "filesystem:" + other);
		assertThat(catalog.migrations().keySet()).containsExactly(1L, 2L);
		assertThat(catalog.get(2).location()).isEqualTo(other.resolve("00002_b.sql").toString());
	}

	@Test
	void refusesTwoGooseFilesWithOneVersionNamingBoth() throws IOException {
		Path first = write("00001_a.sql", GOOSE_FILE);
		Path second = write("1_b.sql", GOOSE_FILE);

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory))
			.withMessage("Duplicate migration version 1: " + first + " and " + second
					+ "; give each migration its own version.")
			.satisfies((ex) -> assertThat(ex.files()).containsExactly(first.toString(), second.toString()));
	}

	@Test
	void refusesOneVersionInTwoLocations(@TempDir Path other) throws IOException {
		Path first = write("00001_a.sql", GOOSE_FILE);
		Path second = Files.writeString(other.resolve("00001_b.sql"), GOOSE_FILE);

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory, other))
			.withMessageContaining("Duplicate migration version 1: " + first + " and " + second)
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("filesystem:" + other));
	}

	@Test
	void refusesTwoGolangMigrateUpFilesForOneVersion() throws IOException {
		Path first = write("1_a.up.sql", "SELECT 1;");
		Path second = write("1_b.up.sql", "SELECT 2;");

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory))
			.withMessage("Duplicate migration version 1: " + first + " and " + second
					+ " are both up files; give each migration its own version.")
			.satisfies((ex) -> assertThat(ex.files()).containsExactly(first.toString(), second.toString()));
	}

	@Test
	void refusesTwoGolangMigrateDownFilesForOneVersion() throws IOException {
		write("1_a.up.sql", "SELECT 1;");
		write("1_a.down.sql", "SELECT 1;");
		write("1_b.down.sql", "SELECT 2;");

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory))
			.withMessageContaining("are both down files");
	}

	@Test
	void pairsGolangMigrateUpAndDownFilesWithDifferentTitles() throws IOException {
		write("1_create.up.sql", "SELECT 1;");
		write("1_drop.down.sql", "SELECT 2;");

		Migration migration = load(MigrationFormat.AUTO, this.directory).get(1);

		assertThat(migration.up().name()).isEqualTo("1_create.up.sql");
		assertThat(migration.down().name()).isEqualTo("1_drop.down.sql");
	}

	@Test
	void acceptsAGolangMigrateVersionWithOnlyAnUpFile() throws IOException {
		write("1_a.up.sql", "SELECT 1;");

		Migration migration = load(MigrationFormat.AUTO, this.directory).get(1);

		assertThat(migration.up().isPresent()).isTrue();
		assertThat(migration.down()).isEqualTo(MigrationScript.absent());
		assertThat(migration.down().isPresent()).isFalse();
		assertThat(migration.down().section()).isEqualTo(ParsedSection.EMPTY);
		assertThat(migration.name()).isEqualTo("1_a.up.sql");
	}

	@Test
	void acceptsAGolangMigrateVersionWithOnlyADownFile() throws IOException {
		Path down = write("1_a.down.sql", "SELECT 1;");

		Migration migration = load(MigrationFormat.AUTO, this.directory).get(1);

		assertThat(migration.up()).isEqualTo(MigrationScript.absent());
		assertThat(migration.down().isPresent()).isTrue();
		assertThat(migration.name()).isEqualTo("1_a.down.sql");
		assertThat(migration.location()).isEqualTo(down.toString());
	}

	@Test
	void ordersUnpaddedGolangMigrateVersionsByNumber() throws IOException {
		write("10_ten.up.sql", "SELECT 10;");
		write("2_two.up.sql", "SELECT 2;");
		write("1_one.up.sql", "SELECT 1;");

		MigrationCatalog catalog = load(MigrationFormat.AUTO, this.directory);

		assertThat(catalog.all()).extracting(Migration::version).containsExactly(1L, 2L, 10L);
		assertThat(catalog.latestVersion()).isEqualTo(10);
	}

	@Test
	void ordersUnpaddedGooseVersionsByNumber() throws IOException {
		write("10_ten.sql", GOOSE_FILE);
		write("9_nine.sql", GOOSE_FILE);

		assertThat(load(MigrationFormat.AUTO, this.directory).all()).extracting(Migration::name)
			.containsExactly("9_nine.sql", "10_ten.sql");
	}

	@Test
	void refusesGooseVersionZero() throws IOException {
		Path file = write("00000_init.sql", GOOSE_FILE);

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory))
			.withMessage("Invalid migration file name " + file + ": goose versions start at 1, and this file's is 0.")
			.satisfies((ex) -> assertThat(ex.files()).containsExactly(file.toString()));
	}

	@Test
	void acceptsGolangMigrateVersionZero() throws IOException {
		write("0_baseline.up.sql", "SELECT 0;");
		write("1_next.up.sql", "SELECT 1;");

		MigrationCatalog catalog = load(MigrationFormat.AUTO, this.directory);

		assertThat(catalog.migrations().keySet()).containsExactly(0L, 1L);
		assertThat(catalog.get(0).name()).isEqualTo("0_baseline.up.sql");
	}

	@Test
	void refusesAGooseVersionBeyondSixtyFourBits() throws IOException {
		Path file = write("99999999999999999999_huge.sql", GOOSE_FILE);

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory))
			.withMessage("Invalid migration file name " + file + ": version 99999999999999999999 does not fit in 64"
					+ " bits (largest is 9223372036854775807).");
	}

	@Test
	void refusesAGolangMigrateVersionBeyondSixtyFourBits() throws IOException {
		write("99999999999999999999_huge.up.sql", "SELECT 1;");

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory))
			.withMessageContaining("does not fit in 64 bits");
	}

	@Test
	void skipsAndWarnsAboutASqlFileThatFitsNoFormat() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		Path stray = write("seed.sql", "INSERT INTO users VALUES (1);");

		String log = standardError(() -> {
			MigrationCatalog catalog = load(MigrationFormat.AUTO, this.directory);
			assertThat(catalog.all()).extracting(Migration::name).containsExactly("00001_a.sql");
		});

		assertThat(log).contains("WARN")
			.contains("Ignoring " + stray)
			.contains("goose migrations are named <version>_<name>.sql");
	}

	@Test
	void skipsAGooseShapedFileWhenTheFormatIsGolangMigrate() throws IOException {
		write("1_a.up.sql", "SELECT 1;");
		Path stray = write("2_b.sql", GOOSE_FILE);

		String log = standardError(() -> {
			MigrationCatalog catalog = load(MigrationFormat.GOLANG_MIGRATE, this.directory);
			assertThat(catalog.migrations().keySet()).containsExactly(1L);
		});

		assertThat(log).contains("WARN")
			.contains("Ignoring " + stray)
			.contains("golang-migrate migrations are named <version>_<title>.up.<ext>");
	}

	@Test
	void ignoresFilesThatAreNotSqlWithoutAWord() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		write("README.md", "# migrations");
		write("00002_b.sql.bak", GOOSE_FILE);

		String log = standardError(() -> {
			MigrationCatalog catalog = load(MigrationFormat.AUTO, this.directory);
			assertThat(catalog.all()).extracting(Migration::name).containsExactly("00001_a.sql");
		});

		assertThat(log).doesNotContain("README.md").doesNotContain("00002_b.sql.bak");
	}

	@Test
	void refusesAnEmptyLocation() {
		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory))
			.withMessage("Migrations location filesystem:" + this.directory + " holds no goose migrations.")
			.satisfies((ex) -> assertThat(ex.location()).isEqualTo("filesystem:" + this.directory));
	}

	@Test
	void refusesALocationHoldingNoMigrationsAmongOtherFiles() throws IOException {
		write("README.md", "# migrations");
		write("seed.sql", "INSERT INTO users VALUES (1);");

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory))
			.withMessageContaining("holds no goose migrations");
	}

	@Test
	void refusesAnEmptyLocationEvenWhenAnotherHoldsMigrations(@TempDir Path empty) throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertThatExceptionOfType(MigrationSourceException.class)
			.isThrownBy(() -> load(MigrationFormat.AUTO, this.directory, empty))
			.withMessage("Migrations location filesystem:" + empty + " holds no goose migrations.");
	}

	@Test
	void refusesNoLocations() {
		MigrationLoader loader = new MigrationLoader(MigrationFormat.AUTO, Map.of());

		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(() -> loader.load(List.of()))
			.withMessage("No migrations configured: give at least one location that holds migration files.");
	}

	@Test
	void passesOnTheErrorOfAMissingLocation() {
		Path missing = this.directory.resolve("missing");

		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(() -> load(MigrationFormat.AUTO, missing))
			.withMessage("Migrations location filesystem:" + missing + " does not exist.");
	}

	@Test
	void keepsANonUtf8GooseFileAsAParseErrorInBothSections() throws IOException {
		byte[] latin1 = "-- +goose Up\nSELECT 'caf\u00e9';\n-- +goose Down\nSELECT 1;\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		Path file = Files.write(this.directory.resolve("00001_latin1.sql"), latin1);

		Migration migration = load(MigrationFormat.AUTO, this.directory).get(1);

		MigrationParseException error = migration.up().section().error();
		assertThat(error).isNotNull();
		assertThat(error.file()).isEqualTo(file.toString());
		assertThat(error.line()).isEqualTo(2);
		assertThat(error.reason()).contains("not valid UTF-8");
		assertThat(migration.down().section().error()).isSameAs(error);
		assertThat(migration.up().section().statements()).isEmpty();
		assertThat(migration.name()).isEqualTo("00001_latin1.sql");
	}

	@Test
	void keepsANonUtf8GolangMigrateFileAsAParseErrorInItsDirectionOnly() throws IOException {
		write("1_a.up.sql", "SELECT 1;");
		Files.write(this.directory.resolve("1_a.down.sql"),
				"SELECT 'caf\u00e9';".getBytes(StandardCharsets.ISO_8859_1));

		Migration migration = load(MigrationFormat.AUTO, this.directory).get(1);

		assertThat(migration.up().section().isValid()).isTrue();
		assertThat(migration.down().section().isValid()).isFalse();
		assertThat(migration.down().section().error().reason()).contains("not valid UTF-8");
	}

	@Test
	void keepsAValidUpSectionWhenTheDownSectionIsBroken() throws IOException {
		write("00001_a.sql", """
				-- +goose Up
				CREATE TABLE users (id INTEGER);

				-- +goose Down
				DROP TABLE users
				""");

		Migration migration = load(MigrationFormat.AUTO, this.directory).get(1);

		assertThat(migration.up().section().isValid()).isTrue();
		assertThat(statements(migration.up())).containsExactly("CREATE TABLE users (id INTEGER);");
		assertThat(migration.down().section().isValid()).isFalse();
		assertThat(migration.down().section().error().line()).isEqualTo(5);
		assertThat(migration.down().section().error().reason()).contains("not terminated with a semicolon");
	}

	@Test
	void keepsAStructuralGooseErrorInBothSectionsWithoutThrowing() throws IOException {
		write("00001_a.sql", "CREATE TABLE users (id INTEGER);\n");
		write("00002_b.sql", GOOSE_FILE);

		MigrationCatalog catalog = load(MigrationFormat.AUTO, this.directory);

		assertThat(catalog.get(1).up().section().isValid()).isFalse();
		assertThat(catalog.get(1).down().section().error()).isSameAs(catalog.get(1).up().section().error());
		assertThat(catalog.get(2).up().section().isValid()).isTrue();
	}

	@Test
	void keepsAGolangMigrateParseErrorInItsDirection() throws IOException {
		write("1_a.up.sql", "SELECT 'unterminated;\n");

		Migration migration = load(MigrationFormat.AUTO, this.directory).get(1);

		assertThat(migration.up().section().isValid()).isFalse();
		assertThat(migration.up().section().error().reason()).contains("unterminated");
		assertThat(migration.down().section().isValid()).isTrue();
	}

	@Test
	void expandsEnvsubVariablesFromTheLoadersEnvironment() throws IOException {
		write("00001_a.sql", """
				-- +goose ENVSUB ON
				-- +goose Up
				CREATE ROLE ${ROLE_NAME};
				-- +goose Down
				DROP ROLE ${ROLE_NAME:-fallback};
				""");
		MigrationLoader loader = new MigrationLoader(MigrationFormat.AUTO, Map.of("ROLE_NAME", "reporting"));

		Migration migration = loader.load(List.of(MigrationSources.directory(this.directory))).get(1);

		assertThat(statements(migration.up())).containsExactly("CREATE ROLE reporting;");
		assertThat(statements(migration.down())).containsExactly("DROP ROLE reporting;");
	}

	@Test
	void keepsARequiredButUnsetEnvsubVariableAsAParseError() throws IOException {
		write("00001_a.sql", """
				-- +goose ENVSUB ON
				-- +goose Up
				CREATE ROLE ${ROLE_NAME?set the role};
				-- +goose Down
				SELECT 1;
				""");

		Migration migration = load(MigrationFormat.AUTO, this.directory).get(1);

		assertThat(migration.up().section().error().reason()).contains("ROLE_NAME").contains("set the role");
		assertThat(migration.down().section().isValid()).isTrue();
	}

	@Test
	void leavesDollarSignsAloneWithoutEnvsub() throws IOException {
		write("00001_a.sql", """
				-- +goose Up
				SELECT '${ROLE_NAME}';
				""");
		MigrationLoader loader = new MigrationLoader(MigrationFormat.AUTO, Map.of("ROLE_NAME", "reporting"));

		Migration migration = loader.load(List.of(MigrationSources.directory(this.directory))).get(1);

		assertThat(statements(migration.up())).containsExactly("SELECT '${ROLE_NAME}';");
	}

	@Test
	void notesAGooseFileThatRunsOutsideATransaction() throws IOException {
		write("00001_a.sql", """
				-- +goose NO TRANSACTION
				-- +goose Up
				CREATE INDEX CONCURRENTLY users_id ON users (id);
				""");

		assertThat(load(MigrationFormat.AUTO, this.directory).get(1).noTransaction()).isTrue();
	}

	@Test
	void reportsAFileThatCannotBeRead() {
		MigrationResource unreadable = MigrationResource.of("00001_a.sql", "memory/00001_a.sql", () -> {
			throw new IOException("device gone");
		});
		MigrationSource source = MigrationSources.of("memory", List.of(unreadable));
		MigrationLoader loader = new MigrationLoader(MigrationFormat.AUTO, Map.of());

		// Listing reads names only; the file is read when a command first needs it.
		Migration migration = loader.load(List.of(source)).get(1);

		assertThat(migration.name()).isEqualTo("00001_a.sql");
		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(migration::checksum)
			.withMessage("Cannot read migration file memory/00001_a.sql: device gone")
			.satisfies((ex) -> assertThat(ex.files()).containsExactly("memory/00001_a.sql"));
		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(migration::up)
			.withMessage("Cannot read migration file memory/00001_a.sql: device gone");
		assertThat(migration.isParsed()).isFalse();
	}

	@Test
	void readsEachFileOnceAndOnlyWhenAskedAndParsesOnlyWhenAsked() {
		int[] reads = new int[1];
		MigrationResource counted = MigrationResource.of("00001_a.sql", "memory/00001_a.sql", () -> {
			reads[0]++;
			return GOOSE_FILE.getBytes(StandardCharsets.UTF_8);
		});
		MigrationLoader loader = new MigrationLoader(MigrationFormat.AUTO, Map.of());

		Migration migration = loader.load(List.of(MigrationSources.of("memory", List.of(counted)))).get(1);
		assertThat(reads[0]).isZero();
		String checksum = migration.checksum();
		assertThat(migration.checksum()).isEqualTo(checksum);
		assertThat(reads[0]).isOne();
		assertThat(migration.isParsed()).isFalse();
		assertThat(migration.up().section().statements()).isNotEmpty();
		assertThat(migration.down().section().isValid()).isTrue();
		assertThat(migration.isParsed()).isTrue();
		assertThat(reads[0]).isEqualTo(2);
		assertThat(migration.checksum()).isEqualTo(checksum);
		assertThat(reads[0]).isEqualTo(2);
	}

	@Test
	void readsResourcesHandedOverByName() {
		MigrationResource resource = MigrationResource.of("00001_a.sql", "memory/00001_a.sql",
				() -> GOOSE_FILE.getBytes(StandardCharsets.UTF_8));
		MigrationLoader loader = new MigrationLoader(MigrationFormat.AUTO, Map.of());

		MigrationCatalog catalog = loader.load(List.of(MigrationSources.of("memory", List.of(resource))));

		assertThat(catalog.locations()).containsExactly("memory");
		assertThat(catalog.get(1).location()).isEqualTo("memory/00001_a.sql");
	}

	@Test
	void keepsTheCatalogImmutable() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		MigrationCatalog catalog = load(MigrationFormat.AUTO, this.directory);

		assertThat(catalog.get(2)).isNull();
		assertThat(catalog.migrations()).isUnmodifiable();
		assertThat(catalog.all()).isUnmodifiable();
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

	private static MigrationCatalog load(MigrationFormat format, Path... directories) {
		List<MigrationSource> sources = java.util.Arrays.stream(directories).map(MigrationSources::directory).toList();
		return new MigrationLoader(format, Map.of()).load(sources);
	}

	private static List<String> statements(MigrationScript script) {
		assertThat(script.section().isValid()).as("%s parses", script.location()).isTrue();
		return script.section().statements().stream().map(SqlStatement::sql).toList();
	}

	private static String standardError(Runnable action) {
		// slf4j-simple, the test binding, writes to whatever System.err is at the time of
		// each message.
		PrintStream original = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			action.run();
		}
		finally {
			System.setErr(original);
		}
		return captured.toString(StandardCharsets.UTF_8);
	}

}
