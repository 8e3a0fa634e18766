package dev.migrations;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import dev.migrations.source.MigrationResource;
import dev.migrations.source.MigrationSources;
import dev.migrations.testing.TestDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

/**
 * Building a migrator checks every option, naming the one at fault, and reads every file,
 * without connecting to the database.
 */
class MigratorBuilderTests {

	private static final String GOOSE_FILE = """
			-- +goose Up
			CREATE TABLE users (id INTEGER);
			-- +goose Down
			DROP TABLE users;
			""";

	@TempDir
	Path directory;

	private final TestDataSource dataSource = TestDataSource.unreachable();

	@Test
	void requiresADataSource() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertConfigurationError(Migrator.builder().locations(this.directory.toString()), "dataSource",
				"No DataSource configured: pass the database to migrate with dataSource(...).");
	}

	@Test
	void readsTheFilesAloneWithoutADataSource() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		write("00002_broken.sql", "-- +goose Up\nSELECT 'open;\n");

		MigrationFileSet files = Migrator.builder().locations(this.directory.toString()).buildFiles();

		assertThat(files.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(files.migrations()).containsExactly(entry(1L, "00001_a.sql"), entry(2L, "00002_broken.sql"));
		assertThat(files.validate().issues()).singleElement().satisfies((issue) -> {
			assertThat(issue.kind()).isEqualTo(ValidationIssue.Kind.PARSE_ERROR);
			assertThat(issue.version()).isEqualTo(2L);
			assertThat(issue.message()).contains("00002_broken.sql:2");
		});
		assertThatExceptionOfType(MigrationConfigurationException.class)
			.isThrownBy(() -> Migrator.builder().placeholders(Map.of("a", "b")).buildFiles())
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo("locations"));
	}

	@Test
	void requiresALocation() {
		assertConfigurationError(Migrator.builder().dataSource(this.dataSource), "locations",
				"No migrations location configured: name one with locations(...) or sources(...).");
	}

	@Test
	void refusesANegativeLockTimeout() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertConfigurationError(goose().lockTimeout(Duration.ofSeconds(-1)), "lockTimeout",
				"lockTimeout must be zero or positive, not PT-1S.");
	}

	@Test
	void refusesAMissingLockTimeout() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertConfigurationError(goose().lockTimeout(null), "lockTimeout",
				"lockTimeout must be zero or positive, not null.");
	}

	@Test
	void acceptsAZeroLockTimeout() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertThat(goose().lockTimeout(Duration.ZERO).build().migrations()).containsOnlyKeys(1L);
	}

	@Test
	void refusesAnInvalidTable() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertConfigurationError(goose().table("Goose_Versions"), "table",
				"Invalid version table name 'Goose_Versions': 'Goose_Versions' is not a plain identifier (lower-case"
						+ " letters, digits and _, starting with a letter or _, at most 63 characters).");
	}

	@Test
	void checksTheTableBeforeReadingAnyFile() {
		Migrator.Builder builder = Migrator.builder()
			.dataSource(this.dataSource)
			.locations(this.directory.resolve("missing").toString())
			.table("versions; DROP TABLE users");

		assertThatExceptionOfType(MigrationConfigurationException.class).isThrownBy(builder::build)
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo("table"));
	}

	@Test
	void acceptsApplyingOutOfOrderWithGolangMigrateFilesBecauseTheMetadataTableTellsGapsApart() throws IOException {
		write("1_a.up.sql", "SELECT 1;");

		Migrator migrator = Migrator.builder()
			.dataSource(this.dataSource)
			.locations(this.directory.toString())
			.outOfOrder(OutOfOrderPolicy.APPLY)
			.build();

		assertThat(migrator.metadataTable()).isEqualTo("schema_migrations_meta");
	}

	@Test
	void refusesBaselineOnMigrateWithoutABaselineVersion() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertConfigurationError(
				Migrator.builder()
					.dataSource(this.dataSource)
					.locations(this.directory.toString())
					.baselineOnMigrate(true),
				"baselineVersion",
				"baselineOnMigrate needs baselineVersion: name the version the existing schema matches.");
	}

	@Test
	void refusesPlaceholderAndEnvironmentValuesHoldingANul() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertConfigurationError(
				Migrator.builder()
					.dataSource(this.dataSource)
					.locations(this.directory.toString())
					.placeholders(java.util.Map.of("owner", "app\u0000; DROP TABLE users")),
				"placeholders",
				"The value of placeholder owner holds a NUL character, which SQLite would take as the end of the"
						+ " statement; remove it.");
		assertConfigurationError(
				Migrator.builder()
					.dataSource(this.dataSource)
					.locations(this.directory.toString())
					.environment(java.util.Map.of("TABLE", "t\u0000")),
				"environment",
				"The value of variable TABLE holds a NUL character, which SQLite would take as the end of the"
						+ " statement; remove it.");
	}

	@Test
	void refusesAMetadataTableNamedLikeTheVersionTable() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertConfigurationError(
				Migrator.builder()
					.dataSource(this.dataSource)
					.locations(this.directory.toString())
					.table("versions")
					.metadataTable("versions"),
				"metadataTable", "metadataTable must differ from the version table versions.");
	}

	@Test
	void refusesKeepingNoBackups() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertConfigurationError(Migrator.builder()
			.dataSource(this.dataSource)
			.locations(this.directory.toString())
			.backup(true)
			.backupKeep(0), "backupKeep", "backupKeep must keep at least one backup, not 0.");
	}

	@Test
	void metadataTableFollowsTheVersionTableUnlessNamed() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		Migrator.Builder builder = Migrator.builder().dataSource(this.dataSource).locations(this.directory.toString());

		assertThat(builder.build().metadataTable()).isEqualTo("goose_db_version_meta");
		assertThat(builder.table("audit.versions").build().metadataTable()).isEqualTo("audit.versions_meta");
		assertThat(builder.metadataTable("audit.checksums").build().metadataTable()).isEqualTo("audit.checksums");
	}

	@Test
	void acceptsIgnoringOutOfOrderWithGolangMigrateFiles() throws IOException {
		write("1_a.up.sql", "SELECT 1;");

		Migrator migrator = Migrator.builder()
			.dataSource(this.dataSource)
			.locations(this.directory.toString())
			.outOfOrder(OutOfOrderPolicy.IGNORE)
			.build();

		assertThat(migrator.format()).isEqualTo(MigrationFormat.GOLANG_MIGRATE);
	}

	@Test
	void acceptsApplyingOutOfOrderWithGooseFiles() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		assertThat(goose().outOfOrder(OutOfOrderPolicy.APPLY).build().format()).isEqualTo(MigrationFormat.GOOSE);
	}

	@Test
	void passesOnSourceErrors() {
		Path missing = this.directory.resolve("missing");
		Migrator.Builder builder = Migrator.builder().dataSource(this.dataSource).locations(missing.toString());

		assertThatExceptionOfType(MigrationSourceException.class).isThrownBy(builder::build)
			.withMessage("Migrations location filesystem:" + missing + " does not exist.");
	}

	@Test
	void buildsWithoutConnecting() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		goose().build();

		assertThat(this.dataSource.attempts()).hasValue(0);
	}

	@Test
	void buildsWithoutOpeningARealDatabase(@TempDir Path databases) throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		Path database = databases.resolve("app.db");
		SQLiteDataSource sqlite = new SQLiteDataSource();
		sqlite.setUrl("jdbc:sqlite:" + database);

		Migrator.builder().dataSource(sqlite).locations(this.directory.toString()).build();

		assertThat(database).doesNotExist();
	}

	@Test
	void refusesForceForGooseFilesWithoutConnecting() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		Migrator migrator = goose().build();

		assertThatExceptionOfType(MigrationConfigurationException.class).isThrownBy(() -> migrator.force(1))
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo("format"));
		assertThat(this.dataSource.attempts()).hasValue(0);
	}

	@Test
	void listsTheVersionsAndNamesOfGooseMigrationsInOrder() throws IOException {
		write("00010_c.sql", GOOSE_FILE);
		write("00002_b.sql", GOOSE_FILE);
		write("00001_a.sql", GOOSE_FILE);
		write("README.md", "# migrations");

		Map<Long, String> migrations = goose().build().migrations();

		assertThat(migrations).containsExactly(entry(1L, "00001_a.sql"), entry(2L, "00002_b.sql"),
				entry(10L, "00010_c.sql"));
	}

	@Test
	void listsGolangMigrateVersionsByTheirUpFileOrTheirDownFileWhenAlone() throws IOException {
		write("1_a.up.sql", "SELECT 1;");
		write("1_a.down.sql", "SELECT 1;");
		write("2_b.down.sql", "SELECT 2;");
		write("10_c.up.sql", "SELECT 10;");

		Migrator migrator = Migrator.builder().dataSource(this.dataSource).locations(this.directory.toString()).build();

		assertThat(migrator.migrations()).containsExactly(entry(1L, "1_a.up.sql"), entry(2L, "2_b.down.sql"),
				entry(10L, "10_c.up.sql"));
	}

	@Test
	void defaultsToGoosesTableForGooseFiles() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		Migrator migrator = goose().build();

		assertThat(migrator.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(migrator.table()).isEqualTo("goose_db_version");
	}

	@Test
	void defaultsToGolangMigratesTableForGolangMigrateFiles() throws IOException {
		write("1_a.up.sql", "SELECT 1;");

		Migrator migrator = Migrator.builder().dataSource(this.dataSource).locations(this.directory.toString()).build();

		assertThat(migrator.format()).isEqualTo(MigrationFormat.GOLANG_MIGRATE);
		assertThat(migrator.table()).isEqualTo("schema_migrations");
	}

	@Test
	void keepsAnExplicitTable() throws IOException {
		write("1_a.up.sql", "SELECT 1;");

		Migrator migrator = Migrator.builder()
			.dataSource(this.dataSource)
			.locations(this.directory.toString())
			.table("audit.versions")
			.build();

		assertThat(migrator.table()).isEqualTo("audit.versions");
	}

	@Test
	void readsFilesInTheExplicitFormat() throws IOException {
		write("1_a.up.sql", GOOSE_FILE);

		Migrator migrator = goose().format(MigrationFormat.GOOSE).build();

		assertThat(migrator.format()).isEqualTo(MigrationFormat.GOOSE);
		assertThat(migrator.table()).isEqualTo("goose_db_version");
		assertThat(migrator.migrations()).containsExactly(entry(1L, "1_a.up.sql"));
	}

	@Test
	void readsAFilesystemPrefixedLocation() throws IOException {
		write("00001_a.sql", GOOSE_FILE);

		Migrator migrator = Migrator.builder()
			.dataSource(this.dataSource)
			.locations("filesystem:" + this.directory)
			.build();

		assertThat(migrator.migrations()).containsOnlyKeys(1L);
	}

	@Test
	void readsClasspathLocationsThroughTheGivenClassLoader() throws IOException {
		Path root = classpathRoot();

		try (URLClassLoader loader = new URLClassLoader(new URL[] { root.toUri().toURL() }, null)) {
			Migrator migrator = Migrator.builder()
				.dataSource(this.dataSource)
				.locations("classpath:db/migrations")
				.classLoader(loader)
				.build();

			assertThat(migrator.migrations()).containsExactly(entry(1L, "00001_a.sql"));
		}
	}

	@Test
	void readsClasspathLocationsThroughTheContextClassLoaderByDefault() throws IOException {
		Path root = classpathRoot();
		Thread thread = Thread.currentThread();
		ClassLoader original = thread.getContextClassLoader();

		try (URLClassLoader loader = new URLClassLoader(new URL[] { root.toUri().toURL() }, null)) {
			thread.setContextClassLoader(loader);
			Migrator migrator = Migrator.builder()
				.dataSource(this.dataSource)
				.locations("classpath:db/migrations")
				.build();

			assertThat(migrator.migrations()).containsExactly(entry(1L, "00001_a.sql"));
		}
		finally {
			thread.setContextClassLoader(original);
		}
	}

	@Test
	void combinesLocationsWithSourcesHandedOver() throws IOException {
		write("00001_a.sql", GOOSE_FILE);
		MigrationResource generated = MigrationResource.of("00002_generated.sql", "memory/00002_generated.sql",
				() -> GOOSE_FILE.getBytes(StandardCharsets.UTF_8));

		Migrator migrator = goose().sources(MigrationSources.of("memory", List.of(generated))).build();

		assertThat(migrator.migrations()).containsExactly(entry(1L, "00001_a.sql"), entry(2L, "00002_generated.sql"));
	}

	@Test
	void buildsFromSourcesAlone() {
		MigrationResource generated = MigrationResource.of("00001_generated.sql", "memory/00001_generated.sql",
				() -> GOOSE_FILE.getBytes(StandardCharsets.UTF_8));

		Migrator migrator = Migrator.builder()
			.dataSource(this.dataSource)
			.sources(MigrationSources.of("memory", List.of(generated)))
			.build();

		assertThat(migrator.migrations()).containsOnlyKeys(1L);
	}

	@Test
	void buildsDespiteAFileThatDoesNotParse() throws IOException {
		// Parse errors surface when a command needs the section, not at build time.
		write("00001_a.sql", "SELECT 1;\n");

		assertThat(goose().build().migrations()).containsOnlyKeys(1L);
	}

	@Test
	void buildsDespiteARequiredVariableMissingFromTheGivenEnvironment() throws IOException {
		write("00001_a.sql", """
				-- +goose ENVSUB ON
				-- +goose Up
				CREATE ROLE ${ROLE_NAME?needed};
				""");

		assertThat(goose().environment(Map.of()).build().migrations()).containsOnlyKeys(1L);
	}

	@Test
	void refusesANullFormatOrPolicyOrListener() {
		Migrator.Builder builder = Migrator.builder();

		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> builder.format(null));
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> builder.outOfOrder(null));
		assertThatExceptionOfType(NullPointerException.class).isThrownBy(() -> builder.listener(null));
	}

	private Migrator.Builder goose() {
		return Migrator.builder().dataSource(this.dataSource).locations(this.directory.toString());
	}

	private Path classpathRoot() throws IOException {
		Path root = this.directory.resolve("classes");
		Path migrations = Files.createDirectories(root.resolve("db/migrations"));
		Files.writeString(migrations.resolve("00001_a.sql"), GOOSE_FILE);
		return root;
	}

	private Path write(String name, String content) throws IOException {
		return Files.writeString(this.directory.resolve(name), content);
	}

	private static void assertConfigurationError(Migrator.Builder builder, String option, String message) {
		assertThatExceptionOfType(MigrationConfigurationException.class).isThrownBy(builder::build)
			.withMessage(message)
			.satisfies((ex) -> assertThat(ex.option()).isEqualTo(option));
	}

}
