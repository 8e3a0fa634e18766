package dev.migrations.spring.actuate;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrations.spring.actuate.MigrationsEndpoint.MigrationDescriptor;
import dev.migrations.spring.actuate.MigrationsEndpoint.MigratorDescriptor;
import dev.migrations.spring.autoconfigure.MigrationsApplicationRunner;
import dev.migrations.spring.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.testing.MigrationDir;
import dev.migrations.testing.PostgresTestDatabase;
import dev.migrations.testing.RequiresPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The endpoint and the health contributor against the real PostgreSQL server, in a schema
 * of the test's own.
 */
@RequiresPostgres
class MigrationsActuatorPostgresTests {

	@TempDir
	Path temp;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, MigrationsAutoConfiguration.class,
				MigrationsEndpointAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=migrations");

	@Test
	void endpointAndHealthFollowTheMigrations() {
		MigrationDir.at(this.temp)
			.goose("00001_users.sql", "CREATE TABLE users (id BIGSERIAL PRIMARY KEY);", "DROP TABLE users;")
			.goose("00002_posts.sql", "CREATE TABLE posts (id BIGSERIAL PRIMARY KEY);", "DROP TABLE posts;");
		try (PostgresTestDatabase database = PostgresTestDatabase.create()) {
			this.contextRunner
				.withPropertyValues("spring.datasource.url=" + database.dataSource().url(),
						"migrations.locations=filesystem:" + this.temp)
				.run((context) -> {
					assertThat(context).hasNotFailed();
					HealthIndicator indicator = context.getBean("migrationsHealthIndicator", HealthIndicator.class);
					MigrationsEndpoint endpoint = context.getBean(MigrationsEndpoint.class);
					assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
					assertThat(endpoint.migrations().migrators().get("migrator").pending()).isEqualTo(2);

					context.getBean(MigrationsApplicationRunner.class).run(null);

					MigratorDescriptor migrator = endpoint.migrations().migrators().get("migrator");
					assertThat(migrator.version()).isEqualTo(2);
					assertThat(migrator.pending()).isZero();
					assertThat(migrator.migrations()).extracting(MigrationDescriptor::state).containsOnly("applied");
					assertThat(migrator.migrations()).extracting(MigrationDescriptor::checksum)
						.containsOnly("verified");
					assertThat(migrator.migrations())
						.allSatisfy((migration) -> assertThat(migration.executionTime()).isNotNull().isNotNegative());
					Health health = indicator.health();
					assertThat(health.getStatus()).isEqualTo(Status.UP);
					assertThat(health.getDetails()).containsEntry("version", 2L).containsEntry("pending", 0);
				});
			assertThat(database.tables()).contains("users", "posts", "goose_db_version");
		}
	}

}
