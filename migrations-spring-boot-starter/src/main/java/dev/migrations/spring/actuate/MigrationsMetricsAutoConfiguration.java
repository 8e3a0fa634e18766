package dev.migrations.spring.actuate;

import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.migrations.Migrator;
import dev.migrations.spring.autoconfigure.MigrationsAutoConfiguration;

/**
 * Auto-configuration of the migration metrics: the {@code migrations.duration} timer,
 * recorded by a listener that the auto-configured {@link Migrator} picks up with the
 * other listener beans, and the {@code migrations.pending} gauge. Ordered after the
 * registry's auto-configuration (by name, as Micrometer's Spring Boot module is optional)
 * so that the registry bean is there to be found.
 */
@AutoConfiguration(after = MigrationsAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration")
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, Migrator.class })
public final class MigrationsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MigrationsMetricsListener migrationsMetricsListener(MeterRegistry registry) {
		return new MigrationsMetricsListener(registry);
	}

	@Bean
	@ConditionalOnMissingBean
	PendingMigrationsMeterBinder pendingMigrationsMeterBinder(Map<String, Migrator> migrators) {
		return new PendingMigrationsMeterBinder(migrators, PendingMigrationsMeterBinder.DEFAULT_REFRESH_INTERVAL);
	}

}
