package dev.migrations.spring.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import dev.migrations.Migrator;
import dev.migrations.cli.MigrateCommand;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line run from an application reads the application's configuration. */
class ApplicationMigrateCommandTests {

	@TempDir
	Path temp;

	@Test
	void dataSourceAndLocationsComeFromTheApplicationsConfiguration() {
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:sqlite:app.db")
			.withProperty("spring.datasource.username", "app")
			.withProperty("spring.datasource.password", "s3cret")
			.withProperty("migrations.locations", "classpath:db/one,filesystem:db/two");

		MigrateCommand.Defaults defaults = ApplicationMigrateCommand.defaults(environment);

		assertThat(defaults.db()).isEqualTo("jdbc:sqlite:app.db");
		assertThat(defaults.user()).isEqualTo("app");
		assertThat(defaults.password()).isEqualTo("s3cret");
		assertThat(defaults.locations()).containsExactly("classpath:db/one", "filesystem:db/two");
		assertThat(defaults.toString()).doesNotContain("s3cret");
	}

	@Test
	void separateMigrationConnectionWins() {
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/app")
			.withProperty("spring.datasource.username", "app")
			.withProperty("migrations.url", "jdbc:postgresql://db/app")
			.withProperty("migrations.user", "owner")
			.withProperty("migrations.password", "ddl");

		MigrateCommand.Defaults defaults = ApplicationMigrateCommand.defaults(environment);

		assertThat(defaults.user()).isEqualTo("owner");
		assertThat(defaults.password()).isEqualTo("ddl");
	}

	@Test
	void engineSettingsComeFromTheMigrationsProperties() {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"))
			.file("00001_named.sql",
					"-- migrations:placeholders\n-- +goose Up\nCREATE TABLE ${table_name} (id INTEGER);\n");
		String db = this.temp.resolve("app.db").toString();
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:sqlite:" + db)
			.withProperty("migrations.locations", "filesystem:" + dir.location())
			.withProperty("migrations.table", "app_versions")
			.withProperty("migrations.placeholders.table_name", "named");
		ByteArrayOutputStream out = new ByteArrayOutputStream();

		int status = new MigrateCommand(ApplicationMigrateCommand.defaults(environment),
				new PrintStream(out, true, StandardCharsets.UTF_8), System.err, Map.of())
			.run("up");

		assertThat(status).isZero();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("OK   up 00001_named.sql");
		assertThat(SqliteTestDatabase.at(Path.of(db)).tables()).containsExactly("app_versions", "app_versions_meta",
				"named");
	}

	@Test
	void optionsReachTheBuilderBeforeTheCommandLines() {
		MockEnvironment environment = new MockEnvironment().withProperty("migrations.table", "app_versions");
		Migrator.Builder builder = Migrator.builder();

		ApplicationMigrateCommand.defaults(environment).configuration().accept(builder);

		MigrationDir dir = MigrationDir.at(this.temp.resolve("m")).goose("00001_a.sql", "SELECT 1;", "SELECT 1;");
		assertThat(builder.dataSource(new dev.migrations.testing.TestDataSource("jdbc:sqlite::memory:"))
			.locations(dir.location())
			.build()
			.table()).isEqualTo("app_versions");
	}

}
