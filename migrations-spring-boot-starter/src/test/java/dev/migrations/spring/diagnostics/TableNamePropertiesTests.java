package dev.migrations.spring.diagnostics;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrations.MigrationConfigurationException;
import dev.migrations.spring.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A table name from the configuration is an identifier, never SQL: a value that carries
 * SQL stops the application before anything reaches the database, and the report names
 * the property to correct.
 */
class TableNamePropertiesTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class));

	private SqliteTestDatabase database;

	@BeforeEach
	void databaseWithAUsersTable() {
		this.database = SqliteTestDatabase.at(this.temp.resolve("app.db"));
		this.database.execute("CREATE TABLE users (id INTEGER PRIMARY KEY)", "INSERT INTO users VALUES (1)");
		MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY);", "DROP TABLE posts;");
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource(delimiter = '|',
			value = { "migrations.table | x; DROP TABLE users",
					"migrations.table | public.users\"; DROP TABLE users; --",
					"migrations.metadata-table | x; DROP TABLE users",
					"migrations.metadata-table | meta (id) AS SELECT 1; DROP TABLE users" })
	void aTableNameCarryingSqlIsRefusedBeforeAnySqlRuns(String property, String value) {
		this.contextRunner
			.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("app.db"),
					"migrations.locations=filesystem:" + this.temp.resolve("migrations"),
					"migrations.run-as=initializer", property + "=" + value)
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause().isInstanceOf(MigrationConfigurationException.class);
				FailureAnalysis analysis = new MigrationConfigurationFailureAnalyzer()
					.analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("'" + value + "'").contains("is not a plain identifier");
				assertThat(analysis.getAction()).isEqualTo("Correct " + property + ".");
			});

		assertThat(this.database.tables()).containsExactly("users");
		assertThat(this.database.count("SELECT count(*) FROM users")).isEqualTo(1);
	}

}
