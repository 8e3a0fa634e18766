package dev.migrations.spring.autoconfigure;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The startup log names the dangerous statements of the migrations it applies to a
 * PostgreSQL database already in use, one warning each, as {@code migrate lint} would.
 */
@ExtendWith(OutputCaptureExtension.class)
@RequiresPostgres
class PendingLintStartupTests {

	@TempDir
	Path temp;

	@Test
	void startupWarnsAboutDangerousStatementsOfPendingMigrations(CapturedOutput output) {
		MigrationDir dir = MigrationDir.at(this.temp.resolve("migrations"))
			.goose("00001_users.sql", "CREATE TABLE users (id bigint PRIMARY KEY, name text);", "DROP TABLE users;");
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			ApplicationContextRunner runner = new ApplicationContextRunner()
				.withConfiguration(
						AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class))
				.withPropertyValues("spring.datasource.url=" + database.dataSource().url(),
						"migrations.locations=filesystem:" + dir.location(), "migrations.run-as=initializer");
			runner.run((context) -> assertThat(context).hasNotFailed());
			assertThat(output).doesNotContain("warning [");

			dir.goose("00002_index.sql", "CREATE INDEX users_name ON users (name);", "DROP INDEX users_name;");
			runner.run((context) -> assertThat(context).hasNotFailed());

			assertThat(output).contains("00002_index.sql:2: warning [index-not-concurrent] CREATE INDEX on users"
					+ " without CONCURRENTLY");
		}
	}

}
