package dev.migrations.spring.actuate;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.migrations.Migrator;
import dev.migrations.testing.MigrationDir;

/**
 * What the actuator auto-configuration tests share: a SQLite file and a directory with
 * two goose migrations in a fresh temporary directory, and the context runner pointed at
 * both.
 */
abstract class ActuatorContextTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner;

	ActuatorContextTests(ApplicationContextRunner contextRunner) {
		this.contextRunner = contextRunner;
	}

	@BeforeEach
	void writeMigrations() {
		migrations().goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY);", "DROP TABLE users;")
			.goose("00002_posts.sql", "CREATE TABLE posts (id INTEGER PRIMARY KEY);", "DROP TABLE posts;");
	}

	ApplicationContextRunner contextRunner() {
		return this.contextRunner;
	}

	ApplicationContextRunner withDatabase() {
		return this.contextRunner.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("app.db"),
				"migrations.locations=filesystem:" + this.temp.resolve("migrations"));
	}

	MigrationDir migrations() {
		return MigrationDir.at(this.temp.resolve("migrations"));
	}

	/**
	 * Two migrators of the application's own, on one data source, each with its own
	 * version table.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TwoMigrators {

		@Bean
		Migrator usersMigrator(DataSource dataSource) {
			return Migrator.builder().dataSource(dataSource).locations("classpath:test-migrations/sqlite").build();
		}

		@Bean
		Migrator ordersMigrator(DataSource dataSource) {
			return Migrator.builder()
				.dataSource(dataSource)
				.locations("classpath:test-migrations/sqlite")
				.table("orders_versions")
				.build();
		}

	}

}
