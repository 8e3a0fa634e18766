package dev.migrations.spring.actuate;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.migrations.Migrator;
import dev.migrations.spring.actuate.MigrationsEndpoint.MigrationDescriptor;
import dev.migrations.spring.actuate.MigrationsEndpoint.MigratorDescriptor;
import dev.migrations.spring.actuate.WritableMigrationsEndpoint.MigrateDescriptor;
import dev.migrations.spring.actuate.WritableMigrationsEndpoint.MigrationResultDescriptor;
import dev.migrations.spring.autoconfigure.MigrationsApplicationRunner;
import dev.migrations.spring.autoconfigure.MigrationsAutoConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The {@code migrations} endpoint's conditions and content, on a real SQLite file. */
class MigrationsEndpointAutoConfigurationTests extends ActuatorContextTests {

	MigrationsEndpointAutoConfigurationTests() {
		super(new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					MigrationsAutoConfiguration.class, MigrationsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=migrations"));
	}

	@Test
	void reportsEveryMigrationAfterMigrating() {
		withDatabase().withPropertyValues("migrations.run-as=initializer").run((context) -> {
			MigratorDescriptor migrator = context.getBean(MigrationsEndpoint.class)
				.migrations()
				.migrators()
				.get("migrator");
			assertThat(migrator.version()).isEqualTo(2);
			assertThat(migrator.dirty()).isFalse();
			assertThat(migrator.pending()).isZero();
			assertThat(migrator.migrations()).extracting(MigrationDescriptor::version).containsExactly(1L, 2L);
			assertThat(migrator.migrations()).extracting(MigrationDescriptor::file)
				.containsExactly("00001_users.sql", "00002_posts.sql");
			assertThat(migrator.migrations()).allSatisfy((migration) -> {
				assertThat(migration.state()).isEqualTo("applied");
				assertThat(migration.appliedAt()).isNotNull();
				assertThat(migration.executionTime()).isNotNull().isNotNegative();
				assertThat(migration.checksum()).isEqualTo("verified");
			});
		});
	}

	@Test
	void reportsPendingMigrationsWithoutAppliedAtOrChecksum() {
		withDatabase().run((context) -> {
			MigratorDescriptor migrator = context.getBean(MigrationsEndpoint.class)
				.migrations()
				.migrators()
				.get("migrator");
			assertThat(migrator.version()).isZero();
			assertThat(migrator.pending()).isEqualTo(2);
			assertThat(migrator.migrations()).extracting(MigrationDescriptor::state).containsOnly("pending");
			assertThat(migrator.migrations()).allSatisfy((migration) -> {
				assertThat(migration.appliedAt()).isNull();
				assertThat(migration.executionTime()).isNull();
				assertThat(migration.checksum()).isNull();
			});
		});
	}

	@Test
	void reportsAChangedFileAsAChecksumMismatch() {
		withDatabase().withPropertyValues("migrations.run-as=initializer").run((context) -> {
		});
		migrations().goose("00001_users.sql", "CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);",
				"DROP TABLE users;");
		withDatabase().withPropertyValues("migrations.on-startup=none").run((context) -> {
			List<MigrationDescriptor> rows = context.getBean(MigrationsEndpoint.class)
				.migrations()
				.migrators()
				.get("migrator")
				.migrations();
			assertThat(rows).extracting(MigrationDescriptor::state).containsExactly("checksum_mismatch", "applied");
			assertThat(rows).extracting(MigrationDescriptor::checksum).containsExactly("mismatch", "verified");
		});
	}

	@Test
	void reportsEveryMigratorByBeanName() {
		withDatabase().withPropertyValues("migrations.enabled=false")
			.withUserConfiguration(TwoMigrators.class)
			.run((context) -> assertThat(context.getBean(MigrationsEndpoint.class).migrations().migrators())
				.containsOnlyKeys("ordersMigrator", "usersMigrator"));
	}

	@Test
	void offersNoWriteOperationByDefault() {
		withDatabase().run((context) -> {
			assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.doesNotHaveBean(WritableMigrationsEndpoint.class);
			assertThat(MigrationsEndpoint.class.getMethods()).noneMatch((method) -> method.getName().equals("migrate"));
		});
	}

	@Test
	void writeOperationAppliesThePendingMigrationsWhenEnabled() {
		withDatabase().withPropertyValues("migrations.endpoint.migrate-enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(WritableMigrationsEndpoint.class);
			MigrateDescriptor result = context.getBean(WritableMigrationsEndpoint.class).migrate("migrator");
			assertThat(result.initialVersion()).isZero();
			assertThat(result.finalVersion()).isEqualTo(2);
			assertThat(result.migrations()).extracting(MigrationResultDescriptor::file)
				.containsExactly("00001_users.sql", "00002_posts.sql");
			assertThat(result.migrations()).extracting(MigrationResultDescriptor::direction).containsOnly("up");
			assertThat(context.getBean(WritableMigrationsEndpoint.class)
				.migrations()
				.migrators()
				.get("migrator")
				.pending()).isZero();
		});
	}

	@Test
	void writeOperationRunsNothingWhenNothingIsPending() {
		withDatabase().withPropertyValues("migrations.endpoint.migrate-enabled=true").run((context) -> {
			context.getBean(MigrationsApplicationRunner.class).run(null);
			MigrateDescriptor result = context.getBean(WritableMigrationsEndpoint.class).migrate("migrator");
			assertThat(result.migrations()).isEmpty();
			assertThat(result.finalVersion()).isEqualTo(2);
		});
	}

	@Test
	void writeOperationRefusesAnUnknownMigrator() {
		withDatabase().withPropertyValues("migrations.endpoint.migrate-enabled=true")
			.run((context) -> assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> context.getBean(WritableMigrationsEndpoint.class).migrate("nope"))
				.satisfies((ex) -> assertThat(ex.getReason()).isEqualTo("No migrator named 'nope'")));
	}

	@Test
	void backsOffWhenTheEndpointIsNotExposed() {
		withDatabase().withPropertyValues("management.endpoints.web.exposure.include=health")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWhenAccessToTheEndpointIsNone() {
		withDatabase().withPropertyValues("management.endpoint.migrations.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWithoutAMigrator() {
		withDatabase().withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffWithoutTheActuator() {
		withDatabase().withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrationsEndpoint.class));
	}

	@Test
	void backsOffFromAnEndpointTheApplicationDefines() {
		withDatabase().withPropertyValues("migrations.endpoint.migrate-enabled=true")
			.withUserConfiguration(OwnEndpoint.class)
			.run((context) -> assertThat(context).hasSingleBean(MigrationsEndpoint.class)
				.hasBean("ownEndpoint")
				.doesNotHaveBean(WritableMigrationsEndpoint.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEndpoint {

		@Bean
		MigrationsEndpoint ownEndpoint() {
			return new MigrationsEndpoint(java.util.Map.of());
		}

	}

}
