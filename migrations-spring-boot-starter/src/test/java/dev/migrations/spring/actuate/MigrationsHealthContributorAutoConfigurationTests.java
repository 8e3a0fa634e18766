package dev.migrations.spring.actuate;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.CompositeHealthContributor;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationListener;
import dev.migrations.Migrator;
import dev.migrations.PlannedMigration;
import dev.migrations.spring.autoconfigure.MigrationsApplicationRunner;
import dev.migrations.spring.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code migrations} health contributor's conditions and statuses, on a real SQLite
 * file.
 */
class MigrationsHealthContributorAutoConfigurationTests extends ActuatorContextTests {

	MigrationsHealthContributorAutoConfigurationTests() {
		super(new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
				MigrationsAutoConfiguration.class, MigrationsHealthContributorAutoConfiguration.class)));
	}

	private static Health health(AssertableApplicationContext context) {
		return context.getBean("migrationsHealthIndicator", HealthIndicator.class).health();
	}

	@Test
	void upOnceEveryMigrationIsApplied() {
		withDatabase().withPropertyValues("migrations.run-as=initializer").run((context) -> {
			assertThat(context).hasSingleBean(MigrationsHealthIndicator.class);
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("version", 2L)
				.containsEntry("pending", 0)
				.doesNotContainKeys("dirty", "checksumMismatch");
		});
	}

	@Test
	void outOfServiceWhileMigrationsArePending() {
		withDatabase().run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			assertThat(health.getDetails()).containsEntry("version", 0L).containsEntry("pending", 2);
		});
	}

	@Test
	void upWithTheCountWhenThePendingVersionsAreAboveTheTarget() {
		withDatabase().withPropertyValues("migrations.run-as=initializer", "migrations.target=1").run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("version", 1L).containsEntry("pending", 1);
		});
	}

	@Test
	void upWithTheCountWhenOutOfOrderVersionsAreIgnored() {
		withDatabase().withPropertyValues("migrations.run-as=initializer")
			.run((context) -> assertThat(context).hasNotFailed());
		migrations().goose("00003_tags.sql", "CREATE TABLE tags (id INTEGER);", "DROP TABLE tags;");
		// Version 1 now looks never applied while version 2 is: out of order.
		SqliteTestDatabase.at(this.temp.resolve("app.db"))
			.execute("DELETE FROM goose_db_version WHERE version_id = 1",
					"DELETE FROM goose_db_version_meta WHERE version = 1", "DROP TABLE users");
		withDatabase().withPropertyValues("migrations.out-of-order=ignore").run((context) -> {
			context.getBean(MigrationsApplicationRunner.class).run(null);
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("version", 3L).containsEntry("pending", 1);
		});
	}

	@Test
	void upWithTheCountWhenTheStartupAppliesNothing() {
		for (String onStartup : new String[] { "none", "validate" }) {
			withDatabase().withPropertyValues("migrations.on-startup=" + onStartup).run((context) -> {
				Health health = health(context);
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("version", 0L).containsEntry("pending", 2);
			});
		}
	}

	@Test
	void outOfServiceWhileTheStartupMigrationsRun() {
		withDatabase().withUserConfiguration(HealthWhileMigrating.class).run((context) -> {
			context.getBean(MigrationsApplicationRunner.class).run(null);
			List<Health> seen = context.getBean(HealthWhileMigrating.class).seen;
			assertThat(seen).hasSize(2).allSatisfy((health) -> {
				assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
				assertThat(health.getDetails()).containsEntry("startup", "running");
			});
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void downWhenAnAppliedFileChanged() {
		withDatabase().withPropertyValues("migrations.run-as=initializer").run((context) -> {
		});
		migrations().goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);",
				"DROP TABLE users;");
		withDatabase().run((context) -> {
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("checksumMismatch", List.of(1L))
				.containsEntry("version", 2L)
				.containsEntry("pending", 0);
		});
	}

	@Test
	void downWhenAGolangMigrateDatabaseIsDirty() {
		migrations().delete("00001_users.sql")
			.delete("00002_posts.sql")
			.file("1_a.up.sql", "CREATE TABLE a (id INTEGER);")
			.file("2_b.up.sql", "BEGIN;\nCREATE TABLE b (id INTEGER);\nCOMMIT;\nINSERT INTO missing_table VALUES (1);");
		withDatabase().run((context) -> {
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> context.getBean(MigrationsApplicationRunner.class).run(null));
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("dirty", true).containsEntry("version", 2L);
		});
	}

	@Test
	void downWithoutTheErrorMessageWhenTheDatabaseCannotBeRead() {
		withDatabase().run((context) -> {
			Files.writeString(this.temp.resolve("app.db"), "not a SQLite file, long enough to be read");
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "dev.migrations.DatabaseAccessException");
			assertThat(health.getDetails().keySet()).isSubsetOf("error", "sqlState");
		});
	}

	@Test
	void oneIndicatorPerMigratorWhenThereAreSeveral() {
		withDatabase().withPropertyValues("migrations.enabled=false")
			.withUserConfiguration(TwoMigrators.class)
			.run((context) -> {
				CompositeHealthContributor composite = context.getBean("migrationsHealthIndicator",
						CompositeHealthContributor.class);
				assertThat(composite.getContributor("usersMigrator")).isInstanceOf(MigrationsHealthIndicator.class);
				assertThat(composite.getContributor("ordersMigrator")).isInstanceOf(MigrationsHealthIndicator.class);
			});
	}

	@Test
	void backsOffWhenDisabled() {
		withDatabase().withPropertyValues("management.health.migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthIndicator"));
	}

	@Test
	void backsOffWithoutAMigrator() {
		withDatabase().withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean("migrationsHealthIndicator"));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		withDatabase().withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean("migrationsHealthIndicator"));
	}

	@Test
	void backsOffFromAnIndicatorTheApplicationDefines() {
		withDatabase().withBean("migrationsHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsHealthIndicator.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class HealthWhileMigrating {

		final List<Health> seen = new ArrayList<>();

		@Bean
		MigrationListener healthRecorder(BeanFactory beanFactory) {
			return new MigrationListener() {

				@Override
				public void beforeMigration(PlannedMigration migration) {
					HealthWhileMigrating.this.seen
						.add(beanFactory.getBean("migrationsHealthIndicator", HealthIndicator.class).health());
				}

			};
		}

	}

}
