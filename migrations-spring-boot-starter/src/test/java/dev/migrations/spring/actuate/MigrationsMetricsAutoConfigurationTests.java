package dev.migrations.spring.actuate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import dev.migrations.MigrationFailedException;
import dev.migrations.MigrationListener;
import dev.migrations.Migrator;
import dev.migrations.spring.autoconfigure.MigrationsApplicationRunner;
import dev.migrations.spring.autoconfigure.MigrationsAutoConfiguration;
import dev.migrations.testing.SqliteTestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The migration metrics: the timer the listener records and the pending gauge, on a real
 * SQLite file.
 */
class MigrationsMetricsAutoConfigurationTests extends ActuatorContextTests {

	MigrationsMetricsAutoConfigurationTests() {
		// The metrics auto-configuration comes first in the list on purpose: its
		// ordering, not the list's, must put it
		// after the registry's.
		super(new ApplicationContextRunner().withConfiguration(
				AutoConfigurations.of(MigrationsMetricsAutoConfiguration.class, DataSourceAutoConfiguration.class,
						MigrationsAutoConfiguration.class, MetricsAutoConfiguration.class,
						SimpleMetricsExportAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class)));
	}

	@Test
	void timesEveryMigrationTheStartupRuns() {
		withDatabase().withPropertyValues("migrations.run-as=initializer").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MigrationsMetricsListener.class);
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			Timer timer = registry.get("migrations.duration").tags("direction", "up", "outcome", "success").timer();
			assertThat(timer.count()).isEqualTo(2);
			assertThat(timer.totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
		});
	}

	@Test
	void timesAFailedMigrationAsAFailure() {
		migrations().file("00003_broken.sql", "-- +goose Up\nINSERT INTO nowhere VALUES (1);\n");
		withDatabase().run((context) -> {
			assertThatExceptionOfType(MigrationFailedException.class)
				.isThrownBy(() -> context.getBean(MigrationsApplicationRunner.class).run(null));
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("migrations.duration").tags("outcome", "failure").timer().count()).isOne();
			assertThat(registry.get("migrations.duration").tag("outcome", "success").timer().count()).isEqualTo(2);
		});
	}

	@Test
	void timesARollbackAsDown() {
		withDatabase().withPropertyValues("migrations.run-as=initializer").run((context) -> {
			context.getBean(Migrator.class).down();
			assertThat(context.getBean(MeterRegistry.class)
				.get("migrations.duration")
				.tags("direction", "down", "outcome", "success")
				.timer()
				.count()).isOne();
		});
	}

	@Test
	void timersStayOnePerDirectionAndOutcomeHoweverManyMigrationsRun() {
		for (int version = 3; version <= 12; version++) {
			migrations().goose(String.format("%05d_more_%d.sql", version, version),
					"CREATE TABLE more_" + version + " (id INTEGER);", "DROP TABLE more_" + version + ";");
		}
		withDatabase().withPropertyValues("migrations.run-as=initializer").run((context) -> {
			context.getBean(Migrator.class).downTo(0);
			assertThat(context.getBean(MeterRegistry.class).get("migrations.duration").timers())
				.extracting((timer) -> timer.getId().getTags())
				.containsExactlyInAnyOrder(List.of(Tag.of("direction", "down"), Tag.of("outcome", "success")),
						List.of(Tag.of("direction", "up"), Tag.of("outcome", "success")));
		});
	}

	@Test
	void pendingGaugeCountsMigrationsNotYetApplied() {
		withDatabase().run((context) -> assertThat(
				context.getBean(MeterRegistry.class).get("migrations.pending").tag("name", "migrator").gauge().value())
			.isEqualTo(2));
	}

	@Test
	void pendingGaugeIsZeroOnceEverythingIsApplied() {
		withDatabase().withPropertyValues("migrations.run-as=initializer")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class).get("migrations.pending").gauge().value())
				.isZero());
	}

	@Test
	void pendingGaugeReusesItsCountUntilTheRefreshIntervalPassed() {
		try (SqliteTestDatabase database = SqliteTestDatabase.create()) {
			Migrator migrator = Migrator.builder()
				.dataSource(database.dataSource())
				.locations("filesystem:" + this.temp.resolve("migrations"))
				.build();
			MockClock clock = new MockClock();
			SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
			new PendingMigrationsMeterBinder(Map.of("migrator", migrator), Duration.ofSeconds(10)).bindTo(registry);
			assertThat(registry.get("migrations.pending").gauge().value()).isEqualTo(2);
			int connections = database.dataSource().attempts().get();

			migrator.up();
			clock.add(Duration.ofSeconds(9));
			assertThat(registry.get("migrations.pending").gauge().value()).isEqualTo(2);
			clock.add(Duration.ofSeconds(1));
			assertThat(registry.get("migrations.pending").gauge().value()).isZero();
			assertThat(database.dataSource().attempts().get()).isGreaterThan(connections);
		}
	}

	@Test
	void backsOffWithoutMicrometer() {
		withDatabase().withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrationsMetricsListener.class)
				.doesNotHaveBean(PendingMigrationsMeterBinder.class));
	}

	@Test
	void backsOffWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					MigrationsAutoConfiguration.class, MigrationsMetricsAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:sqlite:" + this.temp.resolve("app.db"),
					"migrations.locations=filesystem:" + this.temp.resolve("migrations"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(Migrator.class)
				.doesNotHaveBean(MigrationListener.class));
	}

	@Test
	void backsOffWithoutAMigrator() {
		withDatabase().withPropertyValues("migrations.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(MigrationsMetricsListener.class));
	}

}
